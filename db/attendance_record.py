"""Loading a body's meetings over a period for the attendance record: a few queries for the
whole period, never one per meeting."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from db.book import Book
from db.people import roster
from db.rows import rows
from secretary.attendance_record import PeriodRecords
from secretary.models import AgendaItem, Attendance, Meeting, Minute, Movement

_IN_PERIOD = "SELECT id FROM meeting WHERE body_id = ? AND date BETWEEN ? AND ?"


# each person's first movement if it was an arrival, and last if it was a departure: only these
# make attendance "for part of the meeting" (stepping out and back does not); answered from the
# index movement_person_time (m006) without reading the movements themselves
_ENDS = """SELECT * FROM movement WHERE id IN (
    SELECT id FROM (SELECT id, kind, min(at) FROM movement WHERE meeting_id IN ({period})
                    AND kind IN ('arrived', 'left', 'returned') GROUP BY meeting_id, person_id)
    WHERE kind = 'arrived'
    UNION ALL
    SELECT id FROM (SELECT id, kind, max(at) FROM movement WHERE meeting_id IN ({period})
                    AND kind IN ('arrived', 'left', 'returned') GROUP BY meeting_id, person_id)
    WHERE kind = 'left') ORDER BY at, id"""


def load_period(book: Book, body_id: int, start: date, end: date) -> PeriodRecords:
    params = [body_id, start.isoformat(), end.isoformat()]
    meetings = list(rows(book, Meeting, "SELECT * FROM meeting WHERE body_id = ? AND date BETWEEN ? AND ? "
                                        "ORDER BY date, id", params))
    attendance = _by_meeting(rows(book, Attendance, f"SELECT * FROM attendance WHERE meeting_id IN ({_IN_PERIOD})",
                                  params))
    movements = _by_meeting(rows(book, Movement, _ENDS.format(period=_IN_PERIOD), params + params))
    moved = sorted(movements)
    items: dict[int, list[AgendaItem]] = {}
    minutes: dict[int, list[Minute]] = {}
    if moved:
        marks = ", ".join("?" * len(moved))
        items = _by_meeting(rows(book, AgendaItem, f"SELECT * FROM agenda_item WHERE meeting_id IN ({marks})", moved))
        for row in book.db.query(f"""SELECT m.*, i.meeting_id AS meeting FROM minute m
                JOIN agenda_item i ON i.id = m.item_id WHERE i.meeting_id IN ({marks})""", moved):
            meeting = row.pop("meeting")
            minutes.setdefault(meeting, []).append(Minute.model_validate(row))
    return PeriodRecords(seats=roster(book, body_id), meetings=meetings, attendance=attendance,
                         movements=movements, items=items, minutes=minutes)


def _by_meeting(models) -> dict:
    grouped: dict[int, list] = defaultdict(list)
    for model in models:
        grouped[model.meeting_id].append(model)
    return dict(grouped)


def last_held(book: Book, body_id: int) -> date | None:
    """The day of the body's latest meeting that was held (not merely planned)."""
    row = book.db.execute("SELECT max(date) FROM meeting WHERE body_id = ? AND status <> 'planned'",
                          [body_id]).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None
