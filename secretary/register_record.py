"""The register of interests as a live, publishable record: the published 13-column table,
entries not confirmed in the last twelve months, members with no entry at all, and the
declarations made at meetings that are not yet on the register."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from secretary.formats import short_date
from secretary.importers.register import COLUMNS
from secretary.standing import Standing
from secretary.models import AgendaItem, Declaration, Group, Interest, Meeting, Person, Seat
from secretary.published_table import PublishedTable

WIDTHS = (1.9, 1.7, 2.7, 1.4, 1.4, 1.7, 1.7, 1.3, 4.3, 1.8, 1.6, 2.9, 2.0)  # 26.7 cm, landscape A4
_NIL = {"", "no", "none", "nil", "n"}


def is_nil(interest: Interest) -> bool:
    """A "Nil" declaration: the member declared that they hold no interests."""
    return interest.declares.strip().casefold() in _NIL and not interest.details.strip()


def last_confirmed(interest: Interest, confirmations: dict[int, date]) -> date | None:
    """The later of the date the entry was declared and the member's last confirmation."""
    known = [d for d in (interest.date_declared, confirmations.get(interest.person_id)) if d is not None]
    return max(known, default=None)


def _flag(on: bool) -> str:
    return "Y" if on else ""


def register_table(body: str, interests: list[Interest], confirmations: dict[int, date], *,
                   today: date) -> PublishedTable:
    """The register as published: every entry as written, Nil declarations included; the
    Date Declared cell adds the date of a later confirmation."""
    rows = []
    for i in sorted(interests, key=lambda i: (i.row_number is None, i.row_number or 0, i.id or 0)):
        declared = i.date_declared_text
        confirmed = confirmations.get(i.person_id)
        if confirmed and (i.date_declared is None or confirmed > i.date_declared):
            declared = f"{declared}; confirmed {short_date(confirmed)}".lstrip("; ")
        rows.append((
            i.surname, i.forename, i.position, i.declares or ("No" if is_nil(i) else "Yes"),
            _flag(i.financial), _flag(i.non_financial_professional), _flag(i.non_financial_personal),
            _flag(i.indirect), i.details or ("Nil" if is_nil(i) else ""), i.date_from_text, i.date_to_text,
            i.mitigation, declared,
        ))
    return PublishedTable(title=f"{body} — Register of Interests", columns=COLUMNS, rows=tuple(rows),
                          widths_cm=WIDTHS, lines_before=(f"As at {short_date(today)}.",))


# --- what needs the clerk's attention ----------------------------------------------------


@dataclass(frozen=True)
class StaleEntry:
    interest: Interest
    confirmed: date | None  # None: no date of declaration or confirmation is known


@dataclass(frozen=True)
class RegisterFlags:
    stale: tuple[StaleEntry, ...]
    missing: tuple[Person, ...]  # in post, with no entry at all (not even Nil)

    @property
    def clear(self) -> bool:
        return not self.stale and not self.missing


def register_flags(interests: list[Interest], seats: list[Seat], confirmations: dict[int, date], *,
                   today: date) -> RegisterFlags:
    """Entries not confirmed in the twelve months to ``today``; members in post with no entry."""
    year_ago = today - relativedelta(years=1)
    in_post = {s.person.id: s.person for s in seats
               if s.membership.group is not Group.in_attendance and s.membership.in_post_on(today)}
    stale = []
    for interest in interests:
        if interest.person_id is not None and interest.person_id not in in_post:
            continue  # a former member's entry: kept, not chased
        confirmed = last_confirmed(interest, confirmations)
        if confirmed is None or confirmed < year_ago:
            stale.append(StaleEntry(interest, confirmed))
    entered = {i.person_id for i in interests}
    missing = tuple(p for pid, p in in_post.items() if pid not in entered)
    return RegisterFlags(tuple(stale), missing)


def register_reminder(flags: RegisterFlags) -> str | None:
    """One line for the interests item of a meeting, or None when the register is in order."""
    if flags.clear:
        return None
    said = []
    if flags.stale:
        people = sorted({f"{e.interest.forename} {e.interest.surname}".strip() for e in flags.stale})
        said.append(f"{len(flags.stale)} register entr{'y' if len(flags.stale) == 1 else 'ies'} not confirmed in "
                    f"the last 12 months ({_some(people)})")
    if flags.missing:
        said.append("no register entry for " + _some([p.full_name for p in flags.missing]))
    return "Register of interests: " + "; ".join(said) + "."


def reminder_at_item(item: AgendaItem, interests: list[Interest], seats: list[Seat],
                     confirmations: dict[int, date], *, on: date) -> str | None:
    """On a meeting's interests item, what the register still needs; None on any other item."""
    if item.standing is not Standing.interests:
        return None
    return register_reminder(register_flags(interests, seats, confirmations, today=on))


def _some(names: list[str], shown: int = 4) -> str:
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


# --- declarations made at meetings ------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def on_register(declaration: Declaration, interests: list[Interest]) -> bool:
    """Linked to a register entry, or the same words as one of the person's entries."""
    if declaration.interest_id is not None:
        return True
    said = _words(declaration.interest)
    return any(i.person_id == declaration.person_id and said and said in _words(i.details) for i in interests)


def interest_from_declaration(declaration: Declaration, person: Person, meeting: Meeting,
                              item: AgendaItem | None, position: str, body_id: int) -> Interest:
    """The register entry a meeting's declaration would become, dated the day it was declared."""
    nature = declaration.nature.value if declaration.nature else ""
    return Interest(
        body_id=body_id, person_id=person.id, surname=person.surname, forename=person.forename,
        position=position, declares="Yes", financial=nature == "financial",
        non_financial_professional=nature == "non_financial_professional",
        non_financial_personal=nature == "non_financial_personal", indirect=nature == "indirect",
        details=declaration.interest, date_declared_text=short_date(meeting.date), date_declared=meeting.date,
        mitigation=_mitigation(declaration),
    )


def _mitigation(declaration: Declaration) -> str:
    return {"withdrew": "Withdraws from discussion of related items",
            "no_part_in_decision": "Takes no part in decisions on related items"}.get(declaration.outcome.value, "")


def source_words(meeting: Meeting, item: AgendaItem | None) -> str:
    """'declared at the meeting of 13/12/2024, item 7'"""
    where = f", item {item.number or item.title}" if item is not None else " (general declaration)"
    return f"declared at the meeting of {short_date(meeting.date)}{where}"
