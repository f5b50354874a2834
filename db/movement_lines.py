"""The links between movements and the lines put into an item's notes for them
(secretary/movement_lines.py)."""

from __future__ import annotations

from db.book import Book
from db.rows import insert, rows
from secretary.movement_lines import MovementLine


def link_line(book: Book, line: MovementLine) -> MovementLine:
    return insert(book, "movement_line", line)


def rewrite_line(book: Book, line_id: int, text: str) -> None:
    book.db.execute("UPDATE movement_line SET text = ? WHERE id = ?", [text, line_id])


def forget_line(book: Book, line_id: int) -> None:
    book.db.execute("DELETE FROM movement_line WHERE id = ?", [line_id])


def list_lines(book: Book, meeting_id: int) -> list[MovementLine]:
    return list(rows(
        book, MovementLine,
        """SELECT l.* FROM movement_line l JOIN agenda_item i ON i.id = l.item_id
           WHERE i.meeting_id = ? ORDER BY l.id""",
        [meeting_id],
    ))
