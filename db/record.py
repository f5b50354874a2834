"""Reading a meeting's record (secretary/record.py) from the book: everything the live screen,
the dialogs, the exports and the command line show of one meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from db.actions import actions_raised_at
from db.attendance import list_attendance, list_movements
from db.bodies import get_body
from db.chair import list_chairing
from db.book import Book
from db.meetings import get_meeting, list_items, previous_meeting
from db.minutes import (
    list_declarations,
    list_interests,
    list_meeting_decisions,
    list_minutes,
    list_public_questions,
)
from db.movement_lines import list_lines
from db.people import get_person, list_people, roster
from db.planner import list_entries
from db.register import confirmations
from db.rows import Refused
from secretary.models import Meeting
from secretary.record import MeetingRecord


def read_record(book: Book, meeting_id: int) -> MeetingRecord:
    """The meeting's record, read in one go (a few milliseconds on a ten-year book)."""
    meeting = get_meeting(book, meeting_id)
    if meeting is None:
        raise Refused(f"There is no meeting {meeting_id} in this book.")
    body = get_body(book, meeting.body_id)
    items = list_items(book, meeting_id)
    minutes = {m.item_id: m for m in list_minutes(book, meeting_id)}
    attendance = list_attendance(book, meeting_id)
    people = {p.id: p for p in list_people(book, meeting.body_id)}
    for row in attendance:  # attendees from elsewhere (another body's officer) are shown too
        if row.person_id not in people:
            people[row.person_id] = get_person(book, row.person_id)
    return MeetingRecord(
        meeting=meeting,
        body=body,
        seats=roster(book, meeting.body_id),
        people=people,
        items=items,
        minutes=minutes,
        attendance=attendance,
        movements=list_movements(book, meeting_id),
        declarations=list_declarations(book, meeting_id),
        interests=list_interests(book, meeting.body_id),
        previous_date=previous.date if (previous := previous_meeting(book, meeting)) else None,
        next_date=meeting.next_meeting_date or _next_meeting_date(book, meeting),
        actions=actions_raised_at(book, meeting_id),
        decisions=list_meeting_decisions(book, meeting_id),
        questions=list_public_questions(book, meeting_id),
        planner=list_entries(book, meeting.body_id),
        confirmations=confirmations(book, meeting.body_id),
        movement_lines=list_lines(book, meeting_id),
        chairing=list_chairing(book, meeting_id),
    )


def read_meeting_again(book: Book, record: MeetingRecord) -> MeetingRecord:
    """``record`` after a change to the meeting itself (an arrival, a departure): what the meeting
    holds is read again, what its body holds (members, seats, register, planner) is kept as read."""
    meeting_id = record.meeting.id
    attendance = list_attendance(book, meeting_id)
    if any(row.person_id not in record.people for row in attendance):
        return read_record(book, meeting_id)  # someone the record has not met yet: read it whole
    return replace(
        record,
        meeting=get_meeting(book, meeting_id),
        items=list_items(book, meeting_id),
        minutes={m.item_id: m for m in list_minutes(book, meeting_id)},
        attendance=attendance,
        movements=list_movements(book, meeting_id),
        declarations=list_declarations(book, meeting_id),
        actions=actions_raised_at(book, meeting_id),
        decisions=list_meeting_decisions(book, meeting_id),
        questions=list_public_questions(book, meeting_id),
        movement_lines=list_lines(book, meeting_id),
        chairing=list_chairing(book, meeting_id),
    )


def _next_meeting_date(book: Book, meeting: Meeting) -> date | None:
    for row in book.db.query("SELECT date FROM meeting WHERE body_id = ? AND date > ? ORDER BY date LIMIT 1",
                             [meeting.body_id, meeting.date.isoformat()]):
        return date.fromisoformat(row["date"])
    return None
