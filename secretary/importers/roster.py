"""Importing the roster: who sits on the body, in what seat, and whether the seat votes.

One CSV row per person: honorific, name, initials, category, role, voting, group.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from string import ascii_lowercase

from pydantic import BaseModel, ConfigDict, ValidationError

from secretary.errors import explain
from secretary.importers.toolkit import Progress, Records, RowReport, decode_text, read_file
from secretary.models import Category, Group, Membership, Person, check_unique_initials

COLUMNS = ("honorific", "name", "initials", "category", "role", "voting", "group")
REQUIRED = ("name", "category", "voting")
_ALIASES = {"title": "honorific", "full name": "name", "role title": "role", "voting member": "voting",
            "votes": "voting", "seat": "category"}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_GROUP_OF = {  # where the minutes list each category when the file does not say
    Category.participant: Group.participant,
    Category.attendee: Group.in_attendance,
}
MAX_PEOPLE = 5_000  # the largest bodies seat a few dozen; a file of more is not a roster
_HONORIFICS = {"dr", "cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame",
               "rev", "revd", "lord", "lady"}


class RosterFormatError(ValueError):
    """The file is not a roster this importer can read."""


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class RosterImport(_Value):
    seats: list[tuple[Person, Membership]]  # ids not yet given: membership.person_id is 0
    rows: list[RowReport]
    controls_removed: int = 0

    def summary(self) -> str:
        """'23 people, 14 voting; 1 row not read'"""
        voting = sum(m.voting for _, m in self.seats)
        text = f"{len(self.seats)} {'person' if len(self.seats) == 1 else 'people'}, {voting} voting"
        if unread := sum(bool(r.problem) for r in self.rows):
            text += f"; {unread} {'row' if unread == 1 else 'rows'} not read"
        return text


def _key(heading: str) -> str:
    said = " ".join(heading.casefold().replace("_", " ").split())
    return _ALIASES.get(said, said)


def _choice(text: str, vocabulary: type[Category] | type[Group], what: str):
    said = re.sub(r"[\s\-]+", "_", text.strip().casefold())
    for value in vocabulary:
        if value.value in (said, said.removesuffix("s")):  # "Members", "Participants" as headed in minutes
            return value
    words = ", ".join(v.value for v in vocabulary)
    raise ValueError(f"{what} {text.strip()!r} is not one of: {words}")


def _voting(text: str) -> bool:
    said = text.strip().casefold()
    if said in _YES:
        return True
    if said in _NO:
        return False
    raise ValueError(f"voting {text.strip()!r} should be yes or no")


def _split_honorific(name: str) -> tuple[str, str]:
    """'Dr Helen Marsh' → ('Dr', 'Helen Marsh'), for files with no honorific column."""
    first, _, rest = name.partition(" ")
    return (first, rest.strip()) if rest and first.casefold().rstrip(".") in _HONORIFICS else ("", name)


def read_roster_file(path: str | Path, progress: Progress | None = None) -> RosterImport:
    return parse_roster(decode_text(read_file(path, RosterFormatError), RosterFormatError), progress=progress)


def parse_roster(text: str, existing: Iterable[Person] = (), progress: Progress | None = None) -> RosterImport:
    """Read a roster; raise RosterFormatError if it is not one. ``existing``: people already in the body."""
    table = Records(text, RosterFormatError, limit=MAX_PEOPLE, what=f"a roster holds at most {MAX_PEOPLE:,} people",
                    progress=progress)
    records, refused = iter(table), []
    line, header = 1, []
    for record in records:
        if record.problem:
            refused.append(RowReport(line=record.line, text=" | ".join(record.cells), problem=record.problem))
        elif any(record.cells):
            line, header = record.line, record.cells
            break
    columns = {_key(cell): place for place, cell in enumerate(header) if _key(cell) in COLUMNS}
    if missing := [name for name in REQUIRED if name not in columns]:
        raise RosterFormatError(
            f"line {line} should be the roster's header; it has no {' or '.join(missing)} column "
            f"(the columns are: {', '.join(COLUMNS)}; honorific, initials, role and group may be left out)"
        )
    seats: list[tuple[Person, Membership]] = []
    rows = [*refused, RowReport(line=line, text=" | ".join(header), became="header")]
    taken = {p.initials: p for p in existing}
    for line, cells, problem in records:
        text = " | ".join(cells)
        if problem:
            rows.append(RowReport(line=line, text=text, problem=problem))
            continue
        if not any(cells):
            rows.append(RowReport(line=line, text=text, became="skipped: blank"))
            continue
        try:
            person, membership, became = _seat(cells, columns, taken)
        except (ValueError, ValidationError) as why:
            problem = explain(why) if isinstance(why, ValidationError) else str(why)
            rows.append(RowReport(line=line, text=text, problem=problem))
            continue
        taken[person.initials] = person
        seats.append((person, membership))
        rows.append(RowReport(line=line, text=text, became=became))
    return RosterImport(seats=seats, rows=sorted(rows, key=lambda r: r.line), controls_removed=table.removed)


def _seat(cells: list[str], columns: dict[str, int], taken: dict[str, Person]) -> tuple[Person, Membership, str]:
    def cell(name: str) -> str:
        place = columns.get(name)
        return cells[place].strip() if place is not None and place < len(cells) else ""

    honorific, name = cell("honorific"), cell("name")
    if not name:
        raise ValueError("the name is blank")
    if not honorific:
        honorific, name = _split_honorific(name)
    initials, note = cell("initials"), ""
    if not initials:
        initials, note = suggest_initials(name, set(taken)), " (initials suggested)"
    person = Person(name=name, honorific=honorific, initials=initials)
    if person.initials in taken:
        try:
            check_unique_initials([taken[person.initials], person])
        except ValueError as why:
            better = suggest_initials(name, set(taken))
            raise ValueError(f"{why}; try {better!r}") from None
    category = _choice(cell("category"), Category, "category")
    group = _choice(cell("group"), Group, "group") if cell("group") else _GROUP_OF.get(category, Group.member)
    membership = Membership(person_id=0, category=category, role=cell("role"),
                            voting=_voting(cell("voting")), group=group)
    seat = "voting" if membership.voting else "non-voting"
    return person, membership, f"{person.initials}: {person.name}, {category.label.lower()} ({seat}){note}"


def _letters(word: str) -> str:
    """'Zoë' → 'Zoe', "O'Brien" → 'OBrien': initials are plain letters."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain if ch.isalpha())


def suggest_initials(name: str, taken: set[str]) -> str:
    """Initials for a new person that no one in ``taken`` has: 'AS', then 'ASh', 'ASa'… from the surname."""
    words = [w for w in (_letters(w) for w in re.split(r"[\s\-]+", name)) if w]
    if len(words) > 1 and words[0].casefold() in _HONORIFICS:
        words = words[1:]
    if not words:
        raise ValueError(f"cannot suggest initials for {name!r}: it has no letters")
    base = "".join(w[0].upper() for w in words)
    base = base if len(base) <= 5 else base[:4] + base[-1]  # room for one more letter, within the six allowed
    surname, forename = words[-1], words[0] if len(words) > 1 else ""
    candidates = [base] + [base + ch.lower() for ch in surname[1:]]
    candidates += [base[0] + ch.lower() + base[1:] for ch in forename[1:]]
    candidates += [base + ch for ch in ascii_lowercase]
    candidates += [base[:4] + a + b for a in ascii_lowercase for b in ascii_lowercase]
    used = {t.casefold() for t in taken}  # 'ASH' and 'ASh' are too alike to tell apart in a minute
    for candidate in candidates:
        if candidate.casefold() not in used and len(candidate) <= 6:
            return candidate
    raise ValueError(f"every initials tried for {name!r} are taken")
