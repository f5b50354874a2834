"""The attendance record of annual reports: each member's attendance at a body's meetings
over a period ("attended 8 of 10"), derived from what the book recorded at each meeting."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from secretary.annotations import RunningOrder
from secretary.formats import short_date
from secretary.models import (
    AgendaItem, Attendance, AttendanceStatus, Group, Meeting, MeetingStatus, Minute, Movement, MovementKind, Person, Phase, Seat,
)
from secretary.published_table import PublishedTable


class Outcome(StrEnum):
    in_person = "in person"
    remote = "remotely"
    deputy = "sent a deputy"
    apologies = "apologies"
    absent = "absent"


@dataclass(frozen=True)
class PeriodRecords:
    """What the book holds of a body's meetings in a period: the db reader fills it in a few queries."""

    seats: list[Seat]
    meetings: list[Meeting]
    attendance: dict[int, list[Attendance]]  # by meeting id
    # by meeting id: at least each person's first arrival (if first) and last departure (if last)
    movements: dict[int, list[Movement]] = field(default_factory=dict)
    items: dict[int, list[AgendaItem]] = field(default_factory=dict)  # only meetings with movements
    minutes: dict[int, list[Minute]] = field(default_factory=dict)
    orders: dict[int, RunningOrder] = field(default_factory=dict)  # filled as the record is derived


@dataclass(frozen=True)
class MeetingAttended:
    meeting_id: int
    day: date
    outcome: Outcome
    part: str = ""  # "from item 3", "until end of item 9": attended for part of the meeting
    deputy: str = ""  # the deputy's name


@dataclass(frozen=True)
class PersonAttendance:
    person: Person
    role: str
    group: Group
    meetings: tuple[MeetingAttended, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(m.outcome is outcome for m in self.meetings)

    @property
    def eligible(self) -> int:
        return len(self.meetings)

    @property
    def attended(self) -> int:
        return self.count(Outcome.in_person) + self.count(Outcome.remote)

    @property
    def part(self) -> int:
        return sum(bool(m.part) for m in self.meetings)

    @property
    def summary(self) -> str:
        return f"{self.attended} of {self.eligible}"


@dataclass(frozen=True)
class AttendanceRecord:
    body: str
    start: date
    end: date
    meetings: tuple[Meeting, ...]
    people: tuple[PersonAttendance, ...]


def financial_year(text: str) -> tuple[date, date]:
    """'2024/25' (or '2024-25', '2024/2025', '2024') → 1 April 2024 to 31 March 2025."""
    found = re.fullmatch(r"\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*", text)
    if not found:
        raise ValueError(f"could not read {text.strip()!r} as a financial year; write it like 2024/25")
    first = int(found[1])
    if found[2] and int(found[2][-2:]) != (first + 1) % 100:
        raise ValueError(f"{text.strip()!r} is not one financial year; write it like {first}/{(first + 1) % 100:02d}")
    return date(first, 4, 1), date(first + 1, 3, 31)


def year_of(day: date) -> tuple[date, date]:
    """The financial year (April to March) holding ``day``."""
    first = day.year if day.month >= 4 else day.year - 1
    return date(first, 4, 1), date(first + 1, 3, 31)


def was_held(meeting: Meeting) -> bool:
    return meeting.status is not MeetingStatus.planned


def attendance_record(body: str, start: date, end: date, records: PeriodRecords) -> AttendanceRecord:
    """Each person with a seat (member or participant) during the period, and what they did at each
    meeting held while they were in post."""
    held = sorted((m for m in records.meetings if was_held(m) and start <= m.date <= end), key=lambda m: m.date)
    seats_of: dict[int, list[Seat]] = defaultdict(list)
    for seat in records.seats:
        if seat.membership.group is not Group.in_attendance and _overlaps(seat, start, end):
            seats_of[seat.person.id].append(seat)
    people = []
    for seats in seats_of.values():
        latest = max(seats, key=lambda s: s.membership.start_date or date.min)
        eligible = [m for m in held if any(s.membership.in_post_on(m.date) for s in seats)]
        outcomes = tuple(_at_meeting(latest.person, m, records) for m in eligible)
        people.append(PersonAttendance(latest.person, latest.membership.role, latest.membership.group, outcomes))
    order = {seat.person.id: n for n, seat in enumerate(records.seats)}  # the roster's order
    people.sort(key=lambda p: (p.group is not Group.member, order.get(p.person.id, 0)))
    return AttendanceRecord(body, start, end, tuple(held), tuple(people))


def _overlaps(seat: Seat, start: date, end: date) -> bool:
    m = seat.membership
    return (m.start_date is None or m.start_date <= end) and (m.end_date is None or m.end_date >= start)


def _at_meeting(person: Person, meeting: Meeting, records: PeriodRecords) -> MeetingAttended:
    listed = records.attendance.get(meeting.id, [])
    own = next((a for a in listed if a.person_id == person.id), None)
    arrived = {m.person_id for m in records.movements.get(meeting.id, []) if m.kind is MovementKind.arrived}
    deputy = next((a for a in listed if a.deputy_for_id == person.id and _came(a, arrived)), None)
    if own is not None and _came(own, arrived):
        outcome = Outcome.remote if own.status is AttendanceStatus.remote else Outcome.in_person
        return MeetingAttended(meeting.id, meeting.date, outcome, part=_part(own, meeting.id, records))
    if deputy is not None:
        return MeetingAttended(meeting.id, meeting.date, Outcome.deputy, deputy=_name(deputy.person_id, records))
    if own is not None and own.status is AttendanceStatus.apologies:
        return MeetingAttended(meeting.id, meeting.date, Outcome.apologies)
    return MeetingAttended(meeting.id, meeting.date, Outcome.absent)  # absent, or never marked


def _came(attendance: Attendance, arrived: set[int]) -> bool:
    """As the minutes' attendance tables have it: present, remote, or never ticked but seen arriving."""
    return attendance.status in (AttendanceStatus.present, AttendanceStatus.remote) or (
        attendance.status is AttendanceStatus.expected and attendance.person_id in arrived)


def _part(attendance: Attendance, meeting_id: int, records: PeriodRecords) -> str:
    """'from during item 6', 'until end of item 9': arrived late or left early. Stepping out and
    coming back, or withdrawing for an interest, is still attendance at the whole meeting."""
    mine = [m for m in records.movements.get(meeting_id, []) if m.person_id == attendance.person_id]
    if not mine:
        return ""
    order = _order(meeting_id, records)
    first, last = mine[0], mine[-1]
    said = []
    if first.kind is MovementKind.arrived and not (first.phase is Phase.start and order.is_first(first.item_id)):
        said.append(_where(first, order, ("from", "from during", "from end of")))
    if last.kind is MovementKind.left and not (last.phase is Phase.end and order.is_last(last.item_id)):
        said.append(_where(last, order, ("until", "left during", "until end of")))
    return ", ".join(said)


def _order(meeting_id: int, records: PeriodRecords) -> RunningOrder:
    """The running order of a meeting, made once per meeting however many people moved."""
    cache = records.orders
    if meeting_id not in cache:
        cache[meeting_id] = RunningOrder.from_minutes(records.items.get(meeting_id, []),
                                                      records.minutes.get(meeting_id, []))
    return cache[meeting_id]


def _where(movement: Movement, order: RunningOrder, words: tuple[str, str, str]) -> str:
    if movement.item_id is None:
        return f"{words[0]} {movement.at:%H.%M}"
    phase = {Phase.start: 0, Phase.during: 1, Phase.end: 2}[movement.phase]
    return f"{words[phase]} {order.name(movement.item_id)}"


def _name(person_id: int, records: PeriodRecords) -> str:
    return next((s.person.full_name for s in records.seats if s.person.id == person_id), "a deputy")


# --- the published table -------------------------------------------------------------

COLUMNS = ("Name", "Role", "Meetings attended / eligible", "In person", "Remotely", "Part of meeting",
           "Deputy sent", "Apologies", "Absent", "Notes")
WIDTHS = (3.8, 5.0, 2.6, 1.6, 1.8, 1.8, 1.6, 1.8, 1.6, 5.1)


def attendance_table(record: AttendanceRecord) -> PublishedTable:
    rows = []
    for person in record.people:
        rows.append((
            person.person.full_name, person.role, person.summary, str(person.count(Outcome.in_person)),
            str(person.count(Outcome.remote)), str(person.part), str(person.count(Outcome.deputy)),
            str(person.count(Outcome.apologies)), str(person.count(Outcome.absent)), _notes(person),
        ))
    held = len(record.meetings)
    return PublishedTable(
        title=f"{record.body} — attendance {short_date(record.start)} to {short_date(record.end)}",
        columns=COLUMNS, rows=tuple(rows), widths_cm=WIDTHS,
        lines_before=(f"{held} meeting{'' if held == 1 else 's'} held. A member is counted only for the "
                      "meetings held while they were in post; attended includes remote attendance.",),
    )


def _notes(person: PersonAttendance) -> str:
    said = [f"{short_date(m.day)}: {m.part}" for m in person.meetings if m.part]
    said += [f"{short_date(m.day)}: deputy {m.deputy}" for m in person.meetings if m.deputy]
    return "; ".join(said)
