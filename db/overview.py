"""What the first screen lists: the bodies in the book and a body's meetings, as plain rows read
straight from SQLite. The home screen is drawn from these before the models (pydantic) or
sqlite-utils are imported; a screen that works on a body or a meeting reads its model then."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import NamedTuple, TypeVar

from db.book import Book, Refused
from secretary.models.vocabulary import MeetingStatus


class BodyLine(NamedTuple):
    id: int
    name: str
    short_name: str = ""

    @property
    def label(self) -> str:
        return self.short_name or self.name


class MeetingLine(NamedTuple):
    id: int
    date: date
    planned_start: time | None
    planned_end: time | None
    status: MeetingStatus
    title: str
    public: bool


def body_lines(book: Book) -> list[BodyLine]:
    """Every body, by name."""
    return [BodyLine(*row) for row in book.conn.execute("SELECT id, name, short_name FROM body ORDER BY name")]


def find_body_line(book: Book, ref: str | int) -> BodyLine:
    """A body by id, short name or name (case-insensitive), as typed on the command line."""
    text = str(ref).strip()
    found = book.conn.execute(
        "SELECT id, name, short_name FROM body WHERE id = ? OR lower(short_name) = lower(?) OR lower(name) = lower(?) "
        "ORDER BY id <> ?", [int(text) if text.isdigit() else None, text, text, int(text) if text.isdigit() else None],
    ).fetchone()
    if found is None:
        known = ", ".join(f"{b.id} ({b.label})" for b in body_lines(book)) or "none yet"
        raise Refused(f"No body {text!r} in this book. Bodies: {known}.")
    return BodyLine(*found)


def meeting_lines(book: Book, body_id: int) -> list[MeetingLine]:
    """A body's meetings as the home screen lists them: upcoming first, then those held."""
    found = book.conn.execute(
        "SELECT id, date, planned_start, planned_end, status, title, public FROM meeting WHERE body_id = ? "
        "ORDER BY date, planned_start", [body_id])
    return upcoming_first(
        MeetingLine(id, date.fromisoformat(day), _time(start), _time(end), MeetingStatus(status), title, bool(public))
        for id, day, start, end, status, title, public in found)


Dated = TypeVar("Dated", bound="MeetingLine")


def upcoming_first(meetings: Iterable[Dated]) -> list[Dated]:
    """Meetings in date order, rearranged: those not yet held first (the soonest at the top), then
    those held (the most recent first)."""
    meetings = list(meetings)
    upcoming = [m for m in meetings if m.status in _NOT_YET_HELD]
    held = [m for m in meetings if m.status not in _NOT_YET_HELD]
    return upcoming + held[::-1]


_NOT_YET_HELD = (MeetingStatus.planned, MeetingStatus.live)


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None
