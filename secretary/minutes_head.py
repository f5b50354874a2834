"""The parts of the draft minutes around the items (DESIGN.md §3.2, §5): the title, the
attendance tables, the apologies, the members of the public, the next meeting, the
approval block and the public questions' responders."""

from __future__ import annotations

import re
from dataclasses import dataclass

from secretary.annotations import RunningOrder, attendance_annotation
from secretary.exports.settings import MemberOrder
from secretary.formats import long_date, minutes_time
from secretary.record import MeetingRecord
from secretary.models import AttendanceStatus, Category, Group, MeetingMode, Movement


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str
    initials: str


@dataclass(frozen=True)
class AttendanceTable:
    heading: str
    rows: tuple[Attendee, ...]


def title(meeting_title: str, *, confidential: bool, has_part_two: bool, held_in_public: bool = True) -> str:
    """'Minutes of the Meeting of the Board of the ICB in PUBLIC'; the confidential minutes say
    CONFIDENTIAL instead, and 'including Part II items' only when there are some. A meeting
    held in private is never called public."""
    bare = re.sub(r"\s+(?:held\s+)?in\s+(?:public|private)\s*$", "", meeting_title.strip(), flags=re.IGNORECASE)
    if not confidential:
        return f"Minutes of the {bare} in PUBLIC" if held_in_public else f"Minutes of the {bare} held in private"
    return f"Minutes of the {bare} — CONFIDENTIAL" + (" (including Part II items)" if has_part_two else "")


def time_line(state: MeetingRecord) -> str:
    meeting = state.meeting
    start = meeting.opened_at.time() if meeting.opened_at else meeting.planned_start
    end = meeting.closed_at.time() if meeting.closed_at else meeting.planned_end
    if start and end:
        return f"{minutes_time(start)} – {minutes_time(end)}"
    return minutes_time(start) if start else ""


def attendance_tables(state: MeetingRecord, movements: list[Movement], order: RunningOrder,
                      member_order: MemberOrder) -> tuple[AttendanceTable, ...]:
    tables = []
    headings = {Group.member: "Members", Group.participant: "Participants", Group.in_attendance: "In attendance"}
    remote_meeting = state.meeting.mode is MeetingMode.remote
    arrived = {m.person_id for m in state.movements if m.kind.value == "arrived"}
    for group, heading in headings.items():
        rows = []
        for row in _ordered(state, [r for r in state.attendance if r.group is group], member_order):
            came = row.status in (AttendanceStatus.present, AttendanceStatus.remote) or (
                row.status is AttendanceStatus.expected and row.person_id in arrived)
            if not came:
                continue
            person = state.people[row.person_id]
            stood_in_for = state.people.get(row.deputy_for_id) if row.deputy_for_id else None
            if remote_meeting and row.status is AttendanceStatus.remote:
                row = row.model_copy(update={"status": AttendanceStatus.present})  # everyone was remote
            note = attendance_annotation(row, movements, order, deputy_for=stood_in_for)
            rows.append(Attendee(f"{person.full_name} {note}".rstrip(), row.role, person.initials))
        if rows:
            tables.append(AttendanceTable(heading, tuple(rows)))
    return tuple(tables)


def apologies(state: MeetingRecord, member_order: MemberOrder) -> tuple[Attendee, ...]:
    """Name (member / participant), role, initials."""
    rows = []
    for row in _ordered(state, state.attendance, member_order):
        if row.status is AttendanceStatus.apologies:
            person = state.people[row.person_id]
            group = "participant" if row.group is Group.participant else "member"
            rows.append(Attendee(f"{person.full_name} ({group})", row.role, person.initials))
    return tuple(rows)


def _ordered(state: MeetingRecord, rows: list, member_order: MemberOrder) -> list:
    """Seat order as the roster gives it, or the Chair first and then by surname."""
    if member_order is MemberOrder.seat:
        return rows
    chairs = {s.person.id for s in state.seats if s.membership.category is Category.chair}

    def key(row):
        person = state.people[row.person_id]
        return (row.person_id not in chairs, person.surname.casefold(), person.name.casefold())

    return sorted(rows, key=key)


def public_sentence(in_person: int, remote: int) -> str:
    total = in_person + remote
    if total == 0:
        return "There were no members of the public in attendance."
    noun = "member" if total == 1 else "members"
    verb = "was" if total == 1 else "were"
    if in_person and remote:
        return (f"There {verb} {total} {noun} of the public in attendance "
                f"({in_person} in person and {remote} remotely).")
    how = "in person" if in_person else "remotely"
    return f"There {verb} {total} {noun} of the public in attendance ({how})."


def next_meeting(state: MeetingRecord) -> tuple[str, ...]:
    meeting = state.meeting
    if not meeting.next_meeting_date:
        return ()
    lines = [long_date(meeting.next_meeting_date)]
    if meeting.next_meeting_time:
        lines.append(f"Time: {meeting.next_meeting_time}")
    lines.append(f"Venue: {meeting.next_meeting_venue or 'to be confirmed'}")
    return tuple(lines)


def approval(state: MeetingRecord) -> tuple[str, str, str]:
    chair = next((s for s in state.seats if s.membership.category.value == "chair"), None)
    name = chair.person.full_name if chair else ""
    role = chair.membership.role if chair else "Chair"
    when = long_date(state.meeting.approved_on) if state.meeting.approved_on else ""
    return (name, role, when)


def responder(state: MeetingRecord, said: str) -> str:
    """'NF' → 'Neil Foster, Chief Finance Officer'; a name or anything else as written."""
    said = said.strip()
    for seat in state.seats:
        person = seat.person
        if said and said in (person.initials, person.name, person.full_name):
            role = seat.membership.role
            return f"{person.full_name}, {role}" if role else person.full_name
    for row in state.attendance:
        person = state.people.get(row.person_id)
        if person and said and said in (person.initials, person.name, person.full_name):
            return f"{person.full_name}, {row.role}" if row.role else person.full_name
    return said
