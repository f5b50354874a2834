"""Who was expected, who came, and every arrival and departure."""

from __future__ import annotations

from db.book import Book
from db.rows import insert, one, rows, update
from secretary.models import Attendance, Movement


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
