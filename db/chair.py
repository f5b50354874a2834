"""Who took the chair during a meeting (secretary/chair.py), in the book."""

from __future__ import annotations

from datetime import datetime

from db.book import Book
from db.rows import Refused, insert, rows
from secretary.chair import Chairing


def record_chairing(book: Book, meeting_id: int, person_id: int | None, item_id: int | None,
                    at: datetime) -> Chairing:
    """From ``at``, this person (or, with none, no one) is in the chair. Plain values, not a model:
    a held change may be written again from a recovery file."""
    chairing = Chairing(meeting_id=meeting_id, person_id=person_id, item_id=item_id, at=at)
    status = book.db.execute("SELECT status FROM meeting WHERE id = ?", [chairing.meeting_id]).fetchone()
    if status is None:
        raise Refused("There is no such meeting in this book.")
    if status[0] != "live":
        raise Refused("Who takes the chair is recorded while the meeting is live.")
    return insert(book, "chairing", chairing)


def list_chairing(book: Book, meeting_id: int) -> list[Chairing]:
    return list(rows(book, Chairing, "SELECT * FROM chairing WHERE meeting_id = ? ORDER BY at, id", [meeting_id]))


def delete_chairing(book: Book, chairing_id: int) -> None:
    """A change of chair recorded by mistake: from then on, the chair is as it was before it."""
    book.db.execute("DELETE FROM chairing WHERE id = ?", [chairing_id])
