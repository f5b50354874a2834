"""Meetings and their agendas."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from db.book import Book
from db.rows import Refused, insert, one, rows, update
from secretary.agenda import in_order, renumber
from secretary.models import AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingStatus


def create_meeting(book: Book, meeting: Meeting) -> Meeting:
    return insert(book, "meeting", meeting)


def update_meeting(book: Book, meeting: Meeting) -> None:
    update(book, "meeting", meeting)


def get_meeting(book: Book, meeting_id: int) -> Meeting | None:
    return one(book, Meeting, "SELECT * FROM meeting WHERE id = ?", [meeting_id])


def list_meetings(book: Book, body_id: int | None = None) -> list[Meeting]:
    """Upcoming first (soonest at the top), then those held (most recent first)."""
    where, params = ("WHERE body_id = ?", [body_id]) if body_id is not None else ("", [])
    meetings = list(rows(book, Meeting, f"SELECT * FROM meeting {where} ORDER BY date, planned_start", params))
    upcoming = [m for m in meetings if m.status in _NOT_YET_HELD]
    held = [m for m in meetings if m.status not in _NOT_YET_HELD]
    return upcoming + held[::-1]


_NOT_YET_HELD = (MeetingStatus.planned, MeetingStatus.live)


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
    """Store ``meeting`` carrying forward what stays the same from the previous meeting, all in one
    transaction:

    - **who is expected**: everyone on the previous meeting's list who still holds a seat on the new
      date, with the group and role they were listed under (a deputy comes as themselves, the
      deputising is not carried); then everyone else in post on that date, from their seat — a
      board expects all its members, and the clerk marks apologies as they arrive. Everyone comes
      as ``expected``; people without a seat (invited guests, deputies) are not carried.
    - **the standing opening items** (see ``opening_items``), renumbered from 1, their times moved
      by the difference between the two meetings' start times, and a minutes item that names the
      meeting before the previous one by date made to name the previous meeting instead.
    """
    from db.attendance import list_attendance, set_attendance  # here: attendance may come to need meetings
    from db.people import roster

    previous = get_meeting(book, previous_id)
    if previous is None:
        raise Refused(f"No meeting with ID {previous_id} to copy from.")
    if previous.body_id != meeting.body_id:
        raise Refused("A meeting can only be copied from a meeting of the same body.")
    with book.db.atomic():
        stored = create_meeting(book, meeting)
        seats = {}
        for seat in roster(book, meeting.body_id, on=meeting.date):
            seats.setdefault(seat.person.id, seat)  # the roster lists the senior seat first
        listed: set[int] = set()
        for was in list_attendance(book, previous.id):
            if was.person_id in seats and was.person_id not in listed:
                listed.add(was.person_id)
                set_attendance(book, Attendance(meeting_id=stored.id, person_id=was.person_id, group=was.group,
                                                role=was.role, note=was.note, status=AttendanceStatus.expected))
        for person_id, seat in seats.items():
            if person_id not in listed:
                set_attendance(book, Attendance(meeting_id=stored.id, person_id=person_id,
                                                group=seat.membership.group, role=seat.membership.role,
                                                status=AttendanceStatus.expected))
        before = previous_meeting(book, previous)
        new_ids: dict[int, int] = {}
        for position, item in enumerate(opening_items(list_items(book, previous.id))):
            title = item.title
            if before is not None and _MINUTES.search(title):
                title = _name_new_date(title, before.date, previous.date)
            copy = add_item(book, item.model_copy(update={
                "id": None, "meeting_id": stored.id, "position": position, "title": title,
                "parent_id": new_ids.get(item.parent_id),
                "planned_start": _moved(item.planned_start, previous.planned_start, stored.planned_start),
            }))
            new_ids[item.id] = copy.id
        save_agenda_order(book, renumber(list_items(book, stored.id)))
    return stored


_OPENING_SECTION = re.compile(r"opening\b", re.IGNORECASE)
_MINUTES = re.compile(r"\bminutes\b", re.IGNORECASE)
_STANDING = re.compile(r"\bminutes\b|\baction (?:log|tracker)\b|\bmatters arising\b", re.IGNORECASE)
_SEARCHED = 8  # an agenda's opening never runs further than this


def opening_items(items: list[AgendaItem]) -> list[AgendaItem]:
    """The standing items that open every meeting, in printed order.

    When the agenda has a section whose name starts "Opening" (the usual "Opening Items"), it is
    every item in that section. Otherwise it is the items from the top down to the last one that
    mentions the minutes, the action log or tracker, or matters arising (in its own title or a
    sub-item's), with its sub-items. Only the first eight items are searched, and the search
    stops at the second item in a row that mentions none of them, so a committee's minutes
    further down do not pull the whole agenda in. No such item: nothing is copied.
    """
    ordered = in_order(items)
    sectioned = [i for i in ordered if _OPENING_SECTION.match(i.section.strip())]
    if sectioned:
        return sectioned
    top = [i for i in ordered if i.parent_id is None]
    end, misses = None, 0
    for n, item in enumerate(top[:_SEARCHED]):
        titles = [item.title] + [i.title for i in ordered if i.parent_id == item.id]
        if any(_STANDING.search(t) for t in titles):
            end, misses = n, 0
        elif end is not None:
            misses += 1
            if misses == 2:
                break
    if end is None:
        return []
    kept = {i.id for i in top[: end + 1]}
    return [i for i in ordered if i.id in kept or i.parent_id in kept]


def _moved(moment: time | None, old_start: time | None, new_start: time | None) -> time | None:
    """An item's time when the meeting now starts at ``new_start`` rather than ``old_start``."""
    if moment is None or old_start is None or new_start is None:
        return moment
    day = date(2000, 1, 1)
    shifted = datetime.combine(day, moment) + (datetime.combine(day, new_start) - datetime.combine(day, old_start))
    return shifted.time() if shifted.date() == day else moment


def _name_new_date(title: str, old: date, new: date) -> str:
    """'Minutes from meeting held on 13 December' → '… 21 March', in whichever form the date was written."""
    for form in ("{d.day} {d:%B %Y}", "{d:%d/%m/%Y}", "{d.day} {d:%B}", "{d.day} {d:%b}"):
        written = form.format(d=old)
        match = re.search(rf"(?<!\d){re.escape(written)}(?![\w/])", title, re.IGNORECASE)
        if match:
            return title[: match.start()] + form.format(d=new) + title[match.end():]
    return title
