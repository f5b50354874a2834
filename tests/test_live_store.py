"""The live meeting in the book: each step one transaction, refusals that change nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from db.attendance import expect_members_in_post, list_attendance, list_movements
from db.demo import build_demo
from db.live import close_meeting, record_movement, reopen_meeting, set_public, start_meeting, take_item
from db.record import read_record
from db.meetings import get_meeting, list_items
from db.minutes import get_minute
from db.people import add_person
from db.rows import Refused
from secretary.models import AttendanceStatus, MeetingStatus, Movement, MovementKind, Person

T0 = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def test_start_take_and_close(demo) -> None:
    book, meeting_id = demo
    items = list_items(book, meeting_id)
    start_meeting(book, meeting_id, T0)
    assert read_record(book, meeting_id).current_item_id == items[0].id
    take_item(book, meeting_id, items[3].id, T0 + timedelta(minutes=5))
    take_item(book, meeting_id, items[3].id, T0 + timedelta(minutes=6))  # already there: nothing changes
    first, fourth = get_minute(book, items[0].id), get_minute(book, items[3].id)
    assert first.ended_at == T0 + timedelta(minutes=5)
    assert fourth.started_at == T0 + timedelta(minutes=5) and fourth.taken_order == 2
    # coming back to an item keeps when it was first taken and its place in the running order
    take_item(book, meeting_id, items[0].id, T0 + timedelta(minutes=9))
    again = get_minute(book, items[0].id)
    assert again.started_at == T0 and again.taken_order == 1 and again.ended_at is None
    close_meeting(book, meeting_id, T0 + timedelta(minutes=20))
    meeting = get_meeting(book, meeting_id)
    assert meeting.status is MeetingStatus.closed and meeting.closed_at == T0 + timedelta(minutes=20)
    assert get_minute(book, items[0].id).ended_at == T0 + timedelta(minutes=20)
    assert read_record(book, meeting_id).current_item_id is None


def test_refusals_change_nothing(demo) -> None:
    book, meeting_id = demo
    items = list_items(book, meeting_id)
    with pytest.raises(Refused, match="Start the meeting"):
        take_item(book, meeting_id, items[1].id, T0)
    with pytest.raises(Refused, match="only a live meeting can be closed"):
        close_meeting(book, meeting_id, T0)
    start_meeting(book, meeting_id, T0)
    with pytest.raises(Refused, match="only a planned meeting can be started"):
        start_meeting(book, meeting_id, T0 + timedelta(hours=1))
    assert get_meeting(book, meeting_id).opened_at == T0
    with pytest.raises(Refused, match="no meeting 99"):
        start_meeting(book, 99, T0)
    close_meeting(book, meeting_id, T0 + timedelta(hours=2))
    reopened = reopen_meeting(book, meeting_id)
    assert reopened.status is MeetingStatus.live and reopened.closed_at is None


def test_a_movement_keeps_the_attendance_list_true(demo) -> None:
    book, meeting_id = demo
    start_meeting(book, meeting_id, T0)
    live = read_record(book, meeting_id)
    nf = next(p for p in live.people.values() if p.initials == "NF")
    record_movement(book, Movement(meeting_id=meeting_id, person_id=nf.id, kind=MovementKind.arrived,
                                   at=T0 + timedelta(minutes=7), item_id=live.current_item_id))
    row = next(a for a in list_attendance(book, meeting_id) if a.person_id == nf.id)
    assert row.status is AttendanceStatus.present
    assert nf.id in read_record(book, meeting_id).in_room()
    # someone not on the list at all is added to it when they arrive
    visitor = add_person(book, Person(body_id=1, name="Jo Visitor", initials="JV"))
    record_movement(book, Movement(meeting_id=meeting_id, person_id=visitor.id, kind=MovementKind.arrived,
                                   at=T0 + timedelta(minutes=8)))
    row = next(a for a in list_attendance(book, meeting_id) if a.person_id == visitor.id)
    assert row.status is AttendanceStatus.present and row.group.value == "in_attendance"
    assert len(list_movements(book, meeting_id)) == 2


def test_public_counts_and_the_list_of_members_in_post(demo) -> None:
    book, meeting_id = demo
    set_public(book, meeting_id, 3, 11)
    meeting = get_meeting(book, meeting_id)
    assert (meeting.public_in_person, meeting.public_remote) == (3, 11)
    with pytest.raises(ValueError):
        set_public(book, meeting_id, -1, 0)
    assert get_meeting(book, meeting_id).public_in_person == 3
    before = len(list_attendance(book, meeting_id))
    assert expect_members_in_post(book, meeting_id) == 0  # the demo already expects everyone
    assert len(list_attendance(book, meeting_id)) == before


def test_approval_and_reopening_refuse_what_makes_no_sense(demo) -> None:
    from datetime import date

    from db.live import approve_minutes, reopen_for_correction

    book, meeting_id = demo
    with pytest.raises(Refused, match="only the minutes of a closed meeting"):
        approve_minutes(book, meeting_id, by_meeting_id=None, on=date(2025, 3, 21))
    with pytest.raises(Refused, match="Only approved minutes need reopening"):
        reopen_for_correction(book, 1, "typo", date(2025, 3, 21))
    approve_minutes(book, 1, by_meeting_id=meeting_id, on=date(2025, 3, 21))
    with pytest.raises(Refused, match="already approved"):
        approve_minutes(book, 1, by_meeting_id=meeting_id, on=date(2025, 3, 22))
    with pytest.raises(Refused, match="Say why"):
        reopen_for_correction(book, 1, "  ", date(2025, 3, 21))
    assert get_meeting(book, 1).approved_on == date(2025, 3, 21)
