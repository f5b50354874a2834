"""Who was expected, who came, and every arrival and departure."""

from __future__ import annotations

from db.book import Book
from db.people import add_person, roster
from db.rows import insert, one, rows, update
from secretary.models import Attendance, Meeting, Movement, Person


def set_attendance(book: Book, attendance: Attendance) -> Attendance:
    """Record a person's attendance at a meeting, replacing what was there for them."""
    existing = one(
        book, Attendance, "SELECT * FROM attendance WHERE meeting_id = ? AND person_id = ?",
        [attendance.meeting_id, attendance.person_id],
    )
    if existing is None:
        return insert(book, "attendance", attendance)
    stored = attendance.model_copy(update={"id": existing.id})
    update(book, "attendance", stored)
    return stored


def list_attendance(book: Book, meeting_id: int) -> list[Attendance]:
    return list(rows(book, Attendance, "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id]))


def remove_attendance(book: Book, attendance_id: int) -> None:
    book.db.execute("DELETE FROM attendance WHERE id = ?", [attendance_id])


def add_movement(book: Book, movement: Movement) -> Movement:
    return insert(book, "movement", movement)


def update_movement(book: Book, movement: Movement) -> None:
    update(book, "movement", movement)


def delete_movement(book: Book, movement_id: int) -> None:
    book.db.execute("DELETE FROM movement WHERE id = ?", [movement_id])


def list_movements(book: Book, meeting_id: int) -> list[Movement]:
    return list(rows(book, Movement, "SELECT * FROM movement WHERE meeting_id = ? ORDER BY at, id", [meeting_id]))


def add_attendee(book: Book, attendance: Attendance, new_person: Person | None = None) -> Attendance:
    """Put someone on the meeting's list: a person already in the book, or a new one
    (a deputy, an invited officer, the minute-taker) created in the same transaction."""
    with book.db.atomic():
        if new_person is not None:
            stored = add_person(book, new_person)
            attendance = attendance.model_copy(update={"person_id": stored.id})
        return set_attendance(book, attendance)


def expect_members_in_post(book: Book, meeting_id: int) -> int:
    """Everyone holding a seat on the meeting's day who is not yet on its list, as expected.
    Returns how many were added."""
    meeting = one(book, Meeting, "SELECT * FROM meeting WHERE id = ?", [meeting_id])
    listed = {a.person_id for a in list_attendance(book, meeting_id)}
    added = 0
    with book.db.atomic():
        for seat in roster(book, meeting.body_id, on=meeting.date):
            if seat.person.id in listed:
                continue
            listed.add(seat.person.id)
            insert(book, "attendance", Attendance(
                meeting_id=meeting_id, person_id=seat.person.id, group=seat.membership.group,
                role=seat.membership.role,
            ))
            added += 1
    return added
