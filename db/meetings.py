"""Meetings and their agendas."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from db.book import Book
from db.overview import upcoming_first
from db.rows import Refused, insert, one, rows, update
from secretary.agenda import renumber
from secretary.carry_forward import (
    carried_item,
    deferred_items,
    expected_attendance,
    opening_items,
)
from secretary.models import AgendaItem, Meeting


def create_meeting(book: Book, meeting: Meeting) -> Meeting:
    return insert(book, "meeting", meeting)


def update_meeting(book: Book, meeting: Meeting) -> None:
    update(book, "meeting", meeting)


def get_meeting(book: Book, meeting_id: int) -> Meeting | None:
    return one(book, Meeting, "SELECT * FROM meeting WHERE id = ?", [meeting_id])


def list_meetings(book: Book, body_id: int | None = None) -> list[Meeting]:
    """Upcoming first (soonest at the top), then those held (most recent first)."""
    where, params = ("WHERE body_id = ?", [body_id]) if body_id is not None else ("", [])
    return upcoming_first(rows(book, Meeting, f"SELECT * FROM meeting {where} ORDER BY date, planned_start", params))


class MeetingDates(NamedTuple):
    """A meeting's day, and the day it set for the next (what an action's deadline is read from)."""

    id: int
    date: date
    next_meeting_date: date | None


def meeting_dates(book: Book, body_id: int) -> dict[int, MeetingDates]:
    """The body's meetings' days by id, oldest first: a tracker of ten years needs no more of them."""
    return {row["id"]: MeetingDates(row["id"], date.fromisoformat(row["date"]),
                                    date.fromisoformat(row["next_meeting_date"]) if row["next_meeting_date"] else None)
            for row in book.db.query("SELECT id, date, next_meeting_date FROM meeting WHERE body_id = ? ORDER BY date",
                                     [body_id])}


def resolve_meeting(book: Book, ref: str | int, body_id: int | None = None) -> Meeting:
    """A meeting by id, ``next`` (the next one to be held) or ``latest`` (the most recent held)."""
    text = str(ref).strip().lower()
    where, params = ("AND body_id = ?", [body_id]) if body_id is not None else ("", [])
    if text.isdigit():
        meeting = get_meeting(book, int(text))
        if meeting and (body_id is None or meeting.body_id == body_id):
            return meeting
        raise Refused(f"No meeting with ID {text} in this book. `secretary meetings` lists them.")
    if text == "next":
        found = one(
            book, Meeting,
            f"""SELECT * FROM meeting WHERE status IN ('planned', 'live') {where}
                ORDER BY status = 'live' DESC, date, planned_start LIMIT 1""",
            params,
        )
        if found:
            return found
        raise Refused("There is no upcoming meeting. Create one with `secretary new-meeting`.")
    if text == "latest":
        found = one(
            book, Meeting,
            f"""SELECT * FROM meeting WHERE status IN ('live', 'closed', 'approved') {where}
                ORDER BY date DESC, planned_start DESC LIMIT 1""",
            params,
        )
        if found:
            return found
        raise Refused("No meeting has been held yet.")
    raise Refused(f"{ref!r} is not a meeting: give its ID, `next` or `latest`.")


def previous_meeting(book: Book, meeting: Meeting) -> Meeting | None:
    return one(
        book, Meeting,
        "SELECT * FROM meeting WHERE body_id = ? AND date < ? ORDER BY date DESC LIMIT 1",
        [meeting.body_id, meeting.date.isoformat()],
    )


def latest_meeting(book: Book, body_id: int) -> Meeting | None:
    """The body's meeting with the latest date, held or not: the one a new meeting follows on from."""
    return one(
        book, Meeting,
        "SELECT * FROM meeting WHERE body_id = ? ORDER BY date DESC, planned_start DESC, id DESC LIMIT 1",
        [body_id],
    )


# --- agenda --------------------------------------------------------------------


def add_item(book: Book, item: AgendaItem) -> AgendaItem:
    _check_parent(book, item)
    return insert(book, "agenda_item", item)


def insert_item(book: Book, item: AgendaItem) -> AgendaItem:
    """Add an item at its position, moving the items from there on down one place."""
    with book.db.atomic():
        book.db.execute(
            "UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
            [item.meeting_id, item.position],
        )
        return add_item(book, item)


def update_item(book: Book, item: AgendaItem) -> None:
    _check_parent(book, item)
    update(book, "agenda_item", item)


def delete_item(book: Book, item_id: int) -> None:
    book.db.execute("DELETE FROM agenda_item WHERE id = ?", [item_id])


def get_item(book: Book, item_id: int) -> AgendaItem | None:
    return one(book, AgendaItem, "SELECT * FROM agenda_item WHERE id = ?", [item_id])


def list_items(book: Book, meeting_id: int) -> list[AgendaItem]:
    return list(
        rows(book, AgendaItem, "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", [meeting_id])
    )


def _check_parent(book: Book, item: AgendaItem) -> None:
    if item.parent_id is None:
        return
    parent = get_item(book, item.parent_id)
    if parent is None or parent.meeting_id != item.meeting_id:
        raise Refused(
            f"Item {item.number or item.title!r} cannot be a sub-item of an item on another meeting's agenda."
        )


def save_agenda_order(book: Book, items: list[AgendaItem]) -> None:
    """Store new positions, numbers and parents for a whole agenda at once."""
    with book.db.atomic():
        for item in items:
            book.db.execute(
                "UPDATE agenda_item SET position = ?, number = ?, parent_id = ? WHERE id = ?",
                [item.position, item.number, item.parent_id, item.id],
            )


# --- a new meeting from the previous one ------------------------------------------


def create_meeting_from(book: Book, meeting: Meeting, previous_id: int) -> Meeting:
    """Store ``meeting`` with what it carries forward from the previous meeting (who is expected, the
    opening items, the items it deferred: secretary/carry_forward.py), all in one transaction."""
    from db.attendance import (  # here: attendance may come to need meetings
        list_attendance,
        set_attendance,
    )
    from db.people import roster

    previous = get_meeting(book, previous_id)
    if previous is None:
        raise Refused(f"No meeting with ID {previous_id} to copy from.")
    if previous.body_id != meeting.body_id:
        raise Refused("A meeting can only be copied from a meeting of the same body.")
    with book.db.atomic():
        stored = create_meeting(book, meeting)
        seats = roster(book, meeting.body_id, on=meeting.date)
        for row in expected_attendance(list_attendance(book, previous.id), seats, stored.id):
            set_attendance(book, row)
        before = previous_meeting(book, previous)
        minutes_of = (before.date, previous.date) if before is not None else None
        new_ids: dict[int, int] = {}
        for position, item in enumerate(opening_items(list_items(book, previous.id))):
            copy = add_item(book, carried_item(
                item, meeting_id=stored.id, position=position, parent_id=new_ids.get(item.parent_id),
                old_start=previous.planned_start, new_start=stored.planned_start, minutes_of=minutes_of))
            new_ids[item.id] = copy.id
        from db.minutes import list_minutes

        position = len(new_ids)
        for item in deferred_items(list_items(book, previous.id), list_minutes(book, previous.id), stored.date):
            position += 1
            add_item(book, item.model_copy(update={"id": None, "meeting_id": stored.id, "position": position,
                                                   "parent_id": None, "planned_start": None}))
        save_agenda_order(book, renumber(list_items(book, stored.id)))
    return stored
