"""What the exports read beyond a meeting's record: a body's export settings, which actions
were raised on a Part II item, and the action tracker as it stands today."""

from __future__ import annotations

from datetime import date

from db.actions import tracker_actions, updates_by_action
from db.book import Book
from db.meetings import list_meetings
from db.people import list_people
from secretary.exports.settings import ExportSettings
from secretary.exports.tracker import Tracker, build_tracker
from secretary.actions import status_today
from secretary.models import Body, MeetingStatus


def export_settings(book: Book, body_id: int) -> ExportSettings:
    for row in book.db.query("SELECT * FROM export_setting WHERE body_id = ?", [body_id]):
        return ExportSettings.model_validate({k: v for k, v in row.items() if k != "body_id"})
    return ExportSettings()


def save_export_settings(book: Book, body_id: int, settings: ExportSettings) -> None:
    book.db.table("export_setting").upsert({"body_id": body_id, **settings.model_dump(mode="json")},
                                           pk="body_id")


def part_two_actions(book: Book, body_id: int) -> set[int]:
    """The ids of the body's actions raised on a Part II item: never in a public export."""
    return {row["id"] for row in book.db.query(
        """SELECT a.id FROM action a JOIN agenda_item i ON i.id = a.item_id
           WHERE a.body_id = ? AND i.part = 'II'""", [body_id])}


def load_tracker(book: Book, body: Body, today: date, *, confidential: bool = False,
                 next_meeting: date | None = None, every_closed: bool = False) -> Tracker:
    """The tracker for the body's next meeting (else its latest), public unless ``confidential``;
    closed actions: those the last meeting closed, or ``every_closed`` one."""
    meetings = list_meetings(book, body.id)
    upcoming = [m for m in meetings if m.status in (MeetingStatus.planned, MeetingStatus.live)]
    meeting = upcoming[0] if upcoming else (meetings[0] if meetings else None)
    held = [m for m in meetings if m not in upcoming and (meeting is None or m.date <= meeting.date)]
    last_held = held[0] if held else None  # closures it agreed are the ones the tracker still shows
    closed_since = last_held.date if last_held and not every_closed else None
    actions = tracker_actions(book, body.id, closed_since)
    updates = updates_by_action(book, body.id, open_only=True)  # a closed or complete action's status is its own
    statuses = {a.id: status_today(a, updates.get(a.id, []), today) for a in actions}
    if next_meeting is None and upcoming:
        next_meeting = upcoming[0].date
    people = {p.id: p for p in list_people(book, body.id)}
    return build_tracker(body.name, actions, statuses, today=today, next_meeting=next_meeting,
                         part_two=part_two_actions(book, body.id), confidential=confidential, people=people,
                         meeting_title=meeting.title if meeting else "", meeting_date=meeting.date if meeting else None,
                         closed_since=closed_since)
