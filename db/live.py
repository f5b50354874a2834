"""The live meeting in the book: starting and closing it, taking items, recording
arrivals and departures, and reading everything the live screen shows in one go.

Each function is one transaction: the clerk's keystroke either happened in the book or
did not happen at all.
"""

from __future__ import annotations

from datetime import date, datetime

from db.attendance import add_movement, list_movements, set_attendance, update_movement
from db.book import Book
from db.meetings import get_meeting, list_items, update_meeting
from db.minutes import add_declaration, get_minute, list_minutes, save_minute
from db.rows import Refused, one
from secretary.agenda import current_item_id, neighbour, next_taken_order
from secretary.room import returns_when_item_ends
from secretary.models import (
    Attendance,
    Declaration,
    DeclarationOutcome,
    AttendanceStatus,
    Group,
    Meeting,
    MeetingStatus,
    Minute,
    Movement,
    MovementKind,
    Phase,
)




def start_meeting(book: Book, meeting_id: int, at: datetime) -> Meeting:
    """Open the meeting: status live, the opening time, and its first item taken."""
    meeting = _meeting(book, meeting_id)
    if meeting.status is not MeetingStatus.planned:
        raise Refused(f"This meeting is {meeting.status.value}; only a planned meeting can be started.")
    live = meeting.model_copy(update={"status": MeetingStatus.live, "opened_at": at})
    Meeting.model_validate(live.model_dump())
    with book.db.atomic():
        update_meeting(book, live)
        first = neighbour(list_items(book, meeting_id), None, 1)
        if first is not None:
            _take(book, meeting_id, first.id, at)
    return live


def close_meeting(book: Book, meeting_id: int, at: datetime) -> Meeting:
    """Close the meeting: the item in progress ends, the finishing time is kept, status closed."""
    meeting = _meeting(book, meeting_id)
    if meeting.status is not MeetingStatus.live:
        raise Refused(f"This meeting is {meeting.status.value}; only a live meeting can be closed.")
    closed = meeting.model_copy(update={"status": MeetingStatus.closed, "closed_at": at})
    Meeting.model_validate(closed.model_dump())
    with book.db.atomic():
        _end_current(book, meeting_id, at)
        update_meeting(book, closed)
    return closed


def reopen_meeting(book: Book, meeting_id: int) -> Meeting:
    """Back to live after closing by mistake; the finishing time is cleared."""
    meeting = _meeting(book, meeting_id)
    if meeting.status is not MeetingStatus.closed:
        raise Refused(f"This meeting is {meeting.status.value}; only a closed meeting can be reopened.")
    live = meeting.model_copy(update={"status": MeetingStatus.live, "closed_at": None})
    update_meeting(book, live)
    return live


def take_item(book: Book, meeting_id: int, item_id: int, at: datetime) -> None:
    """Move to an item: the one in progress ends now, this one starts (or resumes) now."""
    meeting = _meeting(book, meeting_id)
    if meeting.status is not MeetingStatus.live:
        raise Refused("Start the meeting before moving between its items.")
    with book.db.atomic():
        _take(book, meeting_id, item_id, at)


def _take(book: Book, meeting_id: int, item_id: int, at: datetime) -> None:
    minutes = list_minutes(book, meeting_id)
    if current_item_id(minutes) == item_id:
        return
    _end_current(book, meeting_id, at, minutes)
    minute = get_minute(book, item_id)
    update: dict = {"ended_at": None}
    if minute.started_at is None:
        update["started_at"] = at
    if minute.taken_order is None:
        update["taken_order"] = next_taken_order(minutes)
    save_minute(book, Minute.model_validate({**minute.model_dump(), **update}))


def _end_current(book: Book, meeting_id: int, at: datetime, minutes: list[Minute] | None = None) -> None:
    minutes = list_minutes(book, meeting_id) if minutes is None else minutes
    current = current_item_id(minutes)
    if current is None:
        return
    _return_withdrawn(book, meeting_id, current, at)
    minute = next(m for m in minutes if m.item_id == current)
    ended = max(at, minute.started_at) if minute.started_at else at
    save_minute(book, minute.model_copy(update={"ended_at": ended}))


def record_movement(book: Book, movement: Movement) -> Movement:
    """An arrival, departure, withdrawal or return, kept with the person's attendance.

    Someone who arrives and was expected (or sent apologies, or was marked absent) is
    marked present — the movement says when they came. Someone not on the list at all
    is added to it, in the group their membership gives.
    """
    with book.db.atomic():
        _on_the_list(book, movement)
        return add_movement(book, movement)


def correct_movement(book: Book, movement: Movement) -> None:
    """A movement corrected (time, item, phase, kind or who moved); the person it now names is on
    the list as if it had been recorded for them."""
    with book.db.atomic():
        _on_the_list(book, movement)
        update_movement(book, movement)


def _on_the_list(book: Book, movement: Movement) -> None:
    row = one(
        book, Attendance, "SELECT * FROM attendance WHERE meeting_id = ? AND person_id = ?",
        [movement.meeting_id, movement.person_id],
    )
    if row is None:
        set_attendance(book, Attendance(
            meeting_id=movement.meeting_id, person_id=movement.person_id,
            group=_group_of(book, movement.person_id), status=AttendanceStatus.present,
        ))
    elif movement.kind is MovementKind.arrived and row.status not in (
        AttendanceStatus.present, AttendanceStatus.remote
    ):
        set_attendance(book, row.model_copy(update={"status": AttendanceStatus.present}))


def record_declaration(book: Book, declaration: Declaration, at: datetime) -> Declaration:
    """A declaration; one who withdrew for the item also leaves the room (a movement), and
    comes back when the item ends unless the clerk records the return earlier."""
    with book.db.atomic():
        stored = add_declaration(book, declaration)
        if declaration.outcome is DeclarationOutcome.withdrew and declaration.item_id is not None:
            record_movement(book, Movement(
                meeting_id=declaration.meeting_id, person_id=declaration.person_id, kind=MovementKind.withdrew,
                at=at, item_id=declaration.item_id, phase=Phase.start, note="declared an interest",
            ))
    return stored


def _return_withdrawn(book: Book, meeting_id: int, item_id: int, at: datetime) -> None:
    for movement in returns_when_item_ends(list_movements(book, meeting_id), meeting_id, item_id, at):
        add_movement(book, movement)


def set_register_confirmation(book: Book, meeting_id: int, confirmed: bool, gifts: str) -> Meeting:
    """What the opening item recorded: the register confirmed up to date, and any gifts or hospitality."""
    meeting = _meeting(book, meeting_id)
    changed = Meeting.model_validate({**meeting.model_dump(), "register_confirmed": confirmed,
                                      "gifts_hospitality": gifts.strip()})
    update_meeting(book, changed)
    return changed


def approve_minutes(book: Book, meeting_id: int, *, by_meeting_id: int | None, on: date,
                    amendments: str = "") -> Meeting:
    """A later meeting approved these minutes (with amendments, if any): they become
    approved, and read-only until reopened for a correction."""
    meeting = _meeting(book, meeting_id)
    if meeting.status is MeetingStatus.approved:
        raise Refused(f"The minutes of {meeting.date:%d/%m/%Y} are already approved.")
    if meeting.status is not MeetingStatus.closed:
        raise Refused(f"This meeting is {meeting.status.value}; only the minutes of a closed meeting can be approved.")
    approved = meeting.model_copy(update={
        "status": MeetingStatus.approved, "approved_on": on, "approved_by_meeting_id": by_meeting_id,
        "approval_amendments": amendments.strip(),
    })
    update_meeting(book, approved)
    return approved


def reopen_for_correction(book: Book, meeting_id: int, reason: str, on: date) -> Meeting:
    """Approved minutes opened again for a correction; the reason and date are kept with them."""
    meeting = _meeting(book, meeting_id)
    if meeting.status is not MeetingStatus.approved:
        raise Refused("Only approved minutes need reopening; these can be edited as they are.")
    if not reason.strip():
        raise Refused("Say why the approved minutes are being reopened; the reason is kept with them.")
    note = f"Reopened for a correction on {on:%d/%m/%Y}: {reason.strip()}"
    kept = "\n".join(x for x in (meeting.approval_amendments, note) if x)
    reopened = meeting.model_copy(update={"status": MeetingStatus.closed, "approval_amendments": kept})
    update_meeting(book, reopened)
    return reopened


def set_public(book: Book, meeting_id: int, in_person: int, remote: int) -> Meeting:
    meeting = _meeting(book, meeting_id)
    changed = Meeting.model_validate({**meeting.model_dump(), "public_in_person": in_person, "public_remote": remote})
    update_meeting(book, changed)
    return changed


def _group_of(book: Book, person_id: int) -> Group:
    for row in book.db.query('SELECT "group" FROM membership WHERE person_id = ? ORDER BY id DESC', [person_id]):
        return Group(row["group"])
    return Group.in_attendance


def _meeting(book: Book, meeting_id: int) -> Meeting:
    meeting = get_meeting(book, meeting_id)
    if meeting is None:
        raise Refused(f"There is no meeting {meeting_id} in this book.")
    return meeting
