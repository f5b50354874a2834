"""Importing the register of interests in the 13-column layout NHS bodies publish.

Every row is kept as written; each line of the file is reported as what it became.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from secretary.dates import read_register_date
from secretary.errors import explain
from secretary.importers.toolkit import CellWarning, Progress, Records, RowReport, decode_text, read_file
from secretary.models import Interest, Person

__all__ = ["COLUMNS", "CellWarning", "RegisterFormatError", "RegisterImport", "RowReport", "match_person",
           "normalise_position", "parse_register", "read_register_file"]

COLUMNS = (
    "Surname",
    "Forename",
    "Position",
    "Interests to Declare",
    "Financial Interest",
    "Non-Financial Professional",
    "Non-Financial Personal",
    "Indirect",
    "Details of Interest",
    "Date From",
    "Date To",
    "Actions to be taken to mitigate risk",
    "Date Declared",
)
# a word each real header cell holds, so "Position within, or relationship with the ICB" still fits
_HEADER_WORDS = ("surname", "forename", "position", "declare", "financial", "professional",
                 "personal", "indirect", "details", "from", "to", "mitigat", "declared")
DATE_COLUMNS = ("Date From", "Date To", "Date Declared")

_YES = {"y", "yes", "x", "✓", "✔", "true"}
_NO = {"", "n", "no", "false", "-", "n/a"}
_HONORIFICS = {"dr", "cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor",
               "sir", "dame", "rev", "revd", "lord", "lady"}
MAX_ROWS = 20_000  # the largest ICB registers run to a few thousand declarations


class RegisterFormatError(ValueError):
    """The file is not a register of interests this importer can read."""


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class RegisterImport(_Value):
    interests: list[Interest]
    rows: list[RowReport]
    warnings: list[CellWarning]
    controls_removed: int = 0

    def summary(self) -> str:
        people = {_person_key(i.surname, i.forename) for i in self.interests}
        parts = [f"{_count(len(self.interests), 'declaration')} from {_count(len(people), 'person', 'people')}"]
        headers = sum(r.became == SKIPPED_HEADER for r in self.rows)
        blanks = sum(r.became == SKIPPED_BLANK for r in self.rows)
        skipped = [_count(headers, "header repeat")] * bool(headers) + [_count(blanks, "blank row")] * bool(blanks)
        if skipped:
            parts.append(" and ".join(skipped) + " skipped")
        if problems := sum(bool(r.problem) for r in self.rows):
            parts.append(f"{_count(problems, 'row')} could not be read")
        if dates := sum(w.column in DATE_COLUMNS for w in self.warnings):
            parts.append(f"{_count(dates, 'date')} could not be read")
        if others := len(self.warnings) - dates:
            parts.append(f"{_count(others, 'other cell')} to check")
        return "; ".join(parts)


SKIPPED_HEADER = "skipped: repeated header"
SKIPPED_BLANK = "skipped: blank"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# --- reading the file -----------------------------------------------------------


def read_register_file(path: str | Path) -> str:
    """The text of a register file, ready for parse_register."""
    return decode_text(read_file(path, RegisterFormatError), RegisterFormatError)


# --- the register ---------------------------------------------------------------


def _is_header(cells: list[str]) -> bool:
    return [c.casefold() for c in cells[:2]] == ["surname", "forename"]


def _check_header(line: int, cells: list[str]) -> None:
    layout = " | ".join(COLUMNS)
    if not _is_header(cells):
        raise RegisterFormatError(
            f"line {line} should be the register's header; its 13 columns are: {layout}"
        )
    if len(cells) != len(COLUMNS):
        raise RegisterFormatError(
            f"the header has {len(cells)} columns; the register's 13 columns are: {layout}"
        )
    for number, (cell, word) in enumerate(zip(cells, _HEADER_WORDS, strict=True), start=1):
        if word not in cell.casefold():
            raise RegisterFormatError(
                f"column {number} is headed {cell!r} where {COLUMNS[number - 1]!r} was expected; "
                f"the register's 13 columns are: {layout}"
            )


def _flag(text: str) -> bool | None:
    said = text.casefold()
    return True if said in _YES else False if said in _NO else None


def parse_register(text: str, *, body_id: int, progress: Progress | None = None) -> RegisterImport:
    """Read a register of interests; raise RegisterFormatError if it is not one."""
    interests: list[Interest] = []
    rows: list[RowReport] = []
    warnings: list[CellWarning] = []
    header_seen = False
    records = Records(text, RegisterFormatError, limit=MAX_ROWS,
                      what=f"a register holds at most {MAX_ROWS:,} declarations", progress=progress)
    for line, cells, problem in records:
        shown = " | ".join(cells)
        if problem:
            rows.append(RowReport(line=line, text=shown, problem=problem))
        elif not cells:
            rows.append(RowReport(line=line, text=shown, became=SKIPPED_BLANK))
        elif not header_seen:
            _check_header(line, cells)
            header_seen = True
            rows.append(RowReport(line=line, text=shown, became="header"))
        elif _is_header(cells):
            rows.append(RowReport(line=line, text=shown, became=SKIPPED_HEADER))
        elif len(cells) > len(COLUMNS):
            rows.append(RowReport(line=line, text=shown, problem=f"has {len(cells)} cells; the register has 13 columns"))
        elif not cells[0]:
            rows.append(RowReport(line=line, text=shown, problem="no surname, so it cannot be put against anyone"))
        else:
            cells += [""] * (len(COLUMNS) - len(cells))
            try:
                interest, cell_warnings = _interest(cells, line=line, body_id=body_id)
            except ValidationError as why:
                rows.append(RowReport(line=line, text=shown, problem=explain(why)))
                continue
            interests.append(interest)
            warnings += cell_warnings
            rows.append(RowReport(line=line, text=shown, became=_became(interest)))
    if not header_seen:
        raise RegisterFormatError("the file holds no rows, only empty cells")
    warnings += _position_differences(interests)
    return RegisterImport(interests=interests, rows=rows, warnings=sorted(warnings, key=lambda w: w.line),
                          controls_removed=records.removed)


def _interest(cells: list[str], *, line: int, body_id: int) -> tuple[Interest, list[CellWarning]]:
    cell = dict(zip(COLUMNS, cells, strict=True))
    warnings = []
    flags = {}
    for column in COLUMNS[4:8]:
        flags[column] = _flag(cell[column])
        if flags[column] is None:
            warnings.append(CellWarning(line=line, column=column, text=cell[column],
                                        message=f"could not read {cell[column]!r} as Y or N; taken as N"))
    dates = {}
    for column in DATE_COLUMNS:
        dates[column] = read_register_date(cell[column])
        if dates[column].warning:
            warnings.append(CellWarning(line=line, column=column, text=cell[column], message=dates[column].warning))
    start, end, declared = dates["Date From"], dates["Date To"], dates["Date Declared"]
    interest = Interest(
        body_id=body_id,
        surname=cell["Surname"],
        forename=cell["Forename"],
        position=cell["Position"],
        declares=cell["Interests to Declare"],
        financial=bool(flags["Financial Interest"]),
        non_financial_professional=bool(flags["Non-Financial Professional"]),
        non_financial_personal=bool(flags["Non-Financial Personal"]),
        indirect=bool(flags["Indirect"]),
        details=cell["Details of Interest"],
        date_from_text=start.text,
        date_from=start.date,
        date_to_text=end.text,
        date_to=end.date,
        ongoing=start.ongoing or end.ongoing,
        approx_year=start.approx_year,  # the interest's "since" year, when its day is unknown
        mitigation=cell["Actions to be taken to mitigate risk"],
        date_declared_text=declared.text,
        date_declared=declared.date,
        row_number=line,
    )
    return interest, warnings


def _became(interest: Interest) -> str:
    name = f"{interest.forename} {interest.surname}".strip()
    nil = interest.declares.casefold() in ("no", "none", "nil") and not interest.details
    return f"no interests declared by {name}" if nil else f"interest of {name}"


def _position_differences(interests: list[Interest]) -> list[CellWarning]:
    """Rows of one person whose positions differ by more than hyphens, case or spacing."""
    first: dict[tuple[str, str], Interest] = {}
    warnings = []
    for interest in interests:
        earlier = first.setdefault(_person_key(interest.surname, interest.forename), interest)
        if normalise_position(earlier.position) != normalise_position(interest.position):
            warnings.append(CellWarning(
                line=interest.row_number or 0, column="Position", text=interest.position,
                message=f"differs from the position on line {earlier.row_number}: {earlier.position!r}",
            ))
    return warnings


# --- names and positions ----------------------------------------------------------


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[^\W\d_][\w'\-]*", plain)


def _drop_titles(words: list[str], *, leading_only: bool) -> list[str]:
    """Remove Dr, Cllr and the like, but never a whole name (Sarah Lord keeps her surname)."""
    if leading_only:
        while len(words) > 1 and words[0].rstrip(".") in _HONORIFICS:
            words = words[1:]
        return words
    kept = [w for w in words if w not in _HONORIFICS]
    return kept or words


def _person_key(surname: str, forename: str) -> tuple[str, str]:
    return (" ".join(_drop_titles(_words(surname), leading_only=False)),
            " ".join(_drop_titles(_words(forename), leading_only=True)))


def match_person(surname: str, forename: str, people: list[Person]) -> Person | None:
    """The one person with this surname and forename; None when nobody or more than one fits."""
    surnames = _drop_titles(_words(surname), leading_only=False)
    forenames = _drop_titles(_words(forename), leading_only=False)
    if not surnames:
        return None
    fits = []
    for person in people:
        name = _drop_titles(_words(person.name), leading_only=True)
        if len(name) <= len(surnames) or name[-len(surnames):] != surnames:
            continue
        if forenames and name[0] != forenames[0]:
            continue
        fits.append(person)
    return fits[0] if len(fits) == 1 else None


def normalise_position(text: str) -> str:
    """A position with cosmetic differences removed: "Non Executive" and "Non-Executive" read alike."""
    plain = text.casefold().replace("&", " and ")
    plain = re.sub(r"[\-‐‑–—/]", " ", plain)
    plain = re.sub(r"[^\w\s]", "", plain)
    return " ".join(plain.split())
