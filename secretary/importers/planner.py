"""Importing a decision planner (forward plan) in the nine columns boards publish:
Status | Ref No. | Topic | Decision to be taken | Decision Taker | Scope | Date of Decision |
Sponsor | Contact Name. Title blocks and headers repeat per page; what is messy is kept as
written and reported, never guessed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from secretary.errors import explain
from secretary.importers.toolkit import CellWarning, Records, RowReport, decode_text, read_file, sniff_delimiter
from secretary.planner import PlannerEntry, PlannerStatus, read_decision_date

COLUMNS = ("Status", "Ref No.", "Topic", "Decision to be taken", "Decision Taker", "Scope", "Date of Decision",
           "Sponsor", "Contact Name")
_STATUSES = {"future": PlannerStatus.future, "complete": PlannerStatus.complete, "completed": PlannerStatus.complete,
             "withdrawn": PlannerStatus.withdrawn}
_TBC = {"tbc", "tba", "to be confirmed", "tbd"}
_CUT_OFF = re.compile(r"(?:\b(?:and|or|of|the|to|for|with|a|an|in|on)|[,;:&-])\s*$", re.IGNORECASE)

SKIPPED_HEADER = "skipped: repeated header"
SKIPPED_TITLE = "skipped: title"
SKIPPED_BLANK = "skipped: blank"


class PlannerFormatError(ValueError):
    """The file is not a decision planner this importer can read."""


class PlannerImport(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    entries: list[PlannerEntry]
    rows: list[RowReport]
    warnings: list[CellWarning]

    def summary(self) -> str:
        future = sum(e.status is PlannerStatus.future for e in self.entries)
        parts = [f"{_count(len(self.entries), 'entry', 'entries')} ({future} future, "
                 f"{len(self.entries) - future} complete or withdrawn)"]
        skipped = Counter(r.became for r in self.rows if r.became.startswith("skipped"))
        said = {SKIPPED_HEADER: ("header repeat", None), SKIPPED_TITLE: ("title line", None),
                SKIPPED_BLANK: ("blank line", None)}
        if skipped:
            parts.append(" and ".join(_count(n, said[k][0]) for k, n in skipped.items()) + " skipped")
        if problems := sum(bool(r.problem) and not r.became for r in self.rows):
            parts.append(f"{_count(problems, 'line')} could not be read")
        if self.warnings:
            parts.append(f"{_count(len(self.warnings), 'cell')} to check")
        return "; ".join(parts)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


MAX_ROWS = 5_000  # a board's forward plan runs to a few dozen entries


def read_planner_file(path: str | Path) -> PlannerImport:
    return parse_planner(decode_text(read_file(path, PlannerFormatError), PlannerFormatError))


def _records(text: str) -> Records:
    """The file's records; a planner opens with title lines that hold no tab, so the delimiter
    is chosen from the first line that has one (else what the header says)."""
    delimiter = "\t" if "\t" in text else sniff_delimiter(text)
    return Records(text, PlannerFormatError, limit=MAX_ROWS, delimiter=delimiter,
                   what=f"a decision planner holds at most {MAX_ROWS:,} entries")


def _is_header(cells: list[str]) -> bool:
    return [c.casefold() for c in cells[:2]] == ["status", "ref no."] or (
        len(cells) >= 2 and cells[0].casefold() == "status" and cells[1].casefold().startswith("ref"))


def parse_planner(text: str) -> PlannerImport:
    """Read a decision planner; raise PlannerFormatError if the file holds none."""
    entries: list[PlannerEntry] = []
    rows: list[RowReport] = []
    warnings: list[CellWarning] = []
    header_seen = False
    for line, cells, problem in _records(text):
        shown = " | ".join(cells)
        if problem:
            rows.append(RowReport(line=line, text=shown, problem=problem))
        elif not cells:
            rows.append(RowReport(line=line, text=shown, became=SKIPPED_BLANK))
        elif _is_header(cells):
            rows.append(RowReport(line=line, text=shown, became=SKIPPED_HEADER if header_seen else "header"))
            header_seen = True
        elif len(cells) == 1:
            rows.append(RowReport(line=line, text=shown, became=SKIPPED_TITLE))
        elif not header_seen:
            rows.append(RowReport(line=line, text=shown, problem="comes before the header row "
                                  f"({' | '.join(COLUMNS)})"))
        elif len(cells) > len(COLUMNS):
            rows.append(RowReport(line=line, text=shown, problem=f"has {len(cells)} cells; the planner has 9 columns"))
        else:
            cells += [""] * (len(COLUMNS) - len(cells))
            try:
                entry, said = _entry(cells, line=line, position=len(entries))
            except ValidationError as why:
                rows.append(RowReport(line=line, text=shown, problem=explain(why)))
                continue
            entries.append(entry)
            warnings += said
            rows.append(RowReport(line=line, text=shown, became=f"entry {entry.ref or '(no ref)'}, {entry.when()}"))
    if not header_seen:
        raise PlannerFormatError(f"no header row found; a decision planner's columns are: {' | '.join(COLUMNS)}")
    warnings += _shared_refs(entries, rows) + _other_takers(entries, rows)
    return PlannerImport(entries=entries, rows=rows, warnings=sorted(warnings, key=lambda w: w.line))


def _entry(cells: list[str], *, line: int, position: int) -> tuple[PlannerEntry, list[CellWarning]]:
    cell = dict(zip(COLUMNS, cells, strict=True))
    warnings = []

    def check(column: str, message: str) -> None:
        warnings.append(CellWarning(line=line, column=column, text=cell[column], message=message))

    status = _STATUSES.get(cell["Status"].casefold())
    if status is None:
        check("Status", f"{cell['Status']!r} is not FUTURE, COMPLETE or WITHDRAWN; taken as FUTURE")
        status = PlannerStatus.future
    due, note = read_decision_date(cell["Date of Decision"])
    if note:
        check("Date of Decision", note)
    if _CUT_OFF.search(cell["Decision to be taken"]):
        check("Decision to be taken", "ends mid-sentence; check the full wording in the source")
    contacts, contact_note = _contacts(cell["Contact Name"])
    if contact_note:
        check("Contact Name", contact_note)
    entry = PlannerEntry(
        body_id=0, position=position, status=status, ref=cell["Ref No."], topic=cell["Topic"],
        decision=cell["Decision to be taken"], decision_taker=cell["Decision Taker"], scope=cell["Scope"],
        date_text=cell["Date of Decision"], due_date=due, sponsor=cell["Sponsor"], contacts=contacts,
    )
    return entry, warnings


def _contacts(text: str) -> tuple[str, str]:
    """Contacts as 'Name, Role; Name, Role', and what to check about them."""
    said = " ".join(text.split())
    if said.casefold() in _TBC:
        return said, "contact not yet named (TBC)"
    parts = [p.strip() for p in re.split(r"\s*[;\n]\s*", text) if p.strip()]
    if len(parts) > 1:
        return "; ".join(parts), ""
    middle = said.split(",")[1:-1]
    if any(len(segment.split()) >= 4 for segment in middle):  # "…, Chief Finance Officer Femi Adebayo, …"
        return said, "may name more than one contact with no ';' between them; kept as written"
    return said, ""


def _shared_refs(entries: list[PlannerEntry], rows: list[RowReport]) -> list[CellWarning]:
    lines = [r.line for r in rows if r.became.startswith("entry ")]
    first: dict[str, int] = {}
    warnings = []
    for entry, line in zip(entries, lines):
        if not entry.ref:
            continue
        if entry.ref in first:
            warnings.append(CellWarning(line=line, column="Ref No.", text=entry.ref,
                                        message=f"Ref No. {entry.ref} is also used on line {first[entry.ref]}; "
                                                "both kept"))
        first.setdefault(entry.ref, line)
    return warnings


def _other_takers(entries: list[PlannerEntry], rows: list[RowReport]) -> list[CellWarning]:
    """Entries for another decision taker (a committee) than most of the planner's."""
    takers = Counter(e.decision_taker for e in entries if e.decision_taker)
    if len(takers) < 2:
        return []
    usual = takers.most_common(1)[0][0]
    lines = [r.line for r in rows if r.became.startswith("entry ")]
    return [CellWarning(line=line, column="Decision Taker", text=e.decision_taker,
                        message=f"decided by {e.decision_taker}, not {usual}; kept as written")
            for e, line in zip(entries, lines) if e.decision_taker and e.decision_taker != usual]
