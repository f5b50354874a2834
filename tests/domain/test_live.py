"""The live meeting's rules without a screen: slots and lateness, where the meeting is,
who is in the room, and finding people by initials or name."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from secretary.agenda import current_item_id, neighbour, next_taken_order
from secretary.people import find_people
from secretary.record import MeetingRecord
from secretary.room import default_kind, room_lists
from secretary.timing import Slot, elapsed_words, planned_slots, timing
from secretary.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    Meeting,
    MeetingStatus,
    Minute,
    Movement,
    MovementKind,
    Person,
)

DAY = date(2025, 3, 21)
UTC = timezone.utc


def at(hour: int, minute: int) -> datetime:
    return datetime(2025, 3, 21, hour, minute, tzinfo=UTC)


def item(id: int, number: str, start: time | None, position: int, parent: int | None = None) -> AgendaItem:
    return AgendaItem(id=id, meeting_id=1, number=number, title=f"Item {number}", planned_start=start,
                      position=position, parent_id=parent)


ITEMS = [
    item(1, "1", time(9), 0),
    item(2, "1a", None, 1, parent=1),
    item(3, "2", time(9, 10), 2),
    item(4, "3", time(9, 40), 3),
    item(5, "4", None, 4),
]

PEOPLE = [
    Person(id=1, body_id=1, name="Marie Shaw", initials="MSh"),
    Person(id=2, body_id=1, name="Mark Sutton", initials="MSu"),
    Person(id=3, body_id=1, name="Vikram Mehta", initials="VM"),
    Person(id=4, body_id=1, name="Anna Shore-Smith", initials="ASS"),
]


def state(minutes: list[Minute], *, attendance=(), movements=(), opened=at(9, 2), end=time(10)) -> MeetingRecord:
    meeting = Meeting(id=1, body_id=1, title="Board", date=DAY, planned_start=time(9), planned_end=end,
                      status=MeetingStatus.live, opened_at=opened)
    return MeetingRecord(
        meeting=meeting, body=Body(id=1, name="Board", short_name="B"), seats=[],
        people={p.id: p for p in PEOPLE}, items=ITEMS, minutes={m.item_id: m for m in minutes},
        attendance=list(attendance), movements=list(movements),
    )


def test_slots_run_to_the_next_timed_item_and_the_last_to_the_meetings_end() -> None:
    slots = planned_slots(ITEMS, time(10))
    assert slots[1] == Slot(time(9), time(9, 10)) and slots[1].minutes == 10
    assert slots[2] == Slot(None, None) and slots[2].minutes is None  # sub-item printed without a time
    assert slots[3].minutes == 30
    assert slots[4] == Slot(time(9, 40), time(10))
    assert planned_slots(ITEMS)[4] == Slot(time(9, 40), None)  # no planned end: open-ended


def test_an_item_started_late_makes_the_meeting_late() -> None:
    minutes = [Minute(item_id=1, started_at=at(9, 2), ended_at=at(9, 25), taken_order=1),
               Minute(item_id=3, started_at=at(9, 25), taken_order=2)]
    run = timing(state(minutes), at(9, 30))
    assert run.late_minutes == 15  # item 2 was planned for 9.10
    assert run.item_minutes == 5 and run.item_planned == 30 and run.item_over == 0
    assert run.late_words() == "running 15 min late"
    assert run.elapsed_minutes == 28


def test_an_item_running_past_its_slot_is_over_and_makes_the_meeting_later_by_the_minute() -> None:
    minutes = [Minute(item_id=3, started_at=at(9, 10), taken_order=1)]
    run = timing(state(minutes), at(9, 52))
    assert run.item_minutes == 42 and run.item_over == 12
    assert run.late_minutes == 12
    assert "12 min over" in run.item_words()


def test_on_time_and_slightly_ahead() -> None:
    minutes = [Minute(item_id=3, started_at=at(9, 8), taken_order=1)]
    assert timing(state(minutes), at(9, 9)).late_words() == "2 min ahead"
    minutes = [Minute(item_id=3, started_at=at(9, 10), taken_order=1)]
    assert timing(state(minutes), at(9, 11)).late_words() == "on time"


def test_a_sub_item_without_a_time_keeps_the_lateness_of_the_item_it_sits_under() -> None:
    minutes = [Minute(item_id=1, started_at=at(9, 2), ended_at=at(9, 20), taken_order=1),
               Minute(item_id=2, started_at=at(9, 20), taken_order=2)]
    run = timing(state(minutes), at(9, 25))
    assert run.item_planned is None  # the sub-item has no slot of its own ...
    assert run.late_minutes == 15 and run.late_words() == "running 15 min late"  # ... item 1's ended at 9.10
    early = [Minute(item_id=1, started_at=at(9, 0), ended_at=at(9, 4), taken_order=1),
             Minute(item_id=2, started_at=at(9, 4), taken_order=2)]
    assert timing(state(early), at(9, 6)).late_words() == "on time"


def test_current_item_is_the_one_started_and_not_ended() -> None:
    minutes = [Minute(item_id=1, started_at=at(9, 0), ended_at=at(9, 5), taken_order=1),
               Minute(item_id=4, started_at=at(9, 5), taken_order=2)]
    assert current_item_id(minutes) == 4
    assert next_taken_order(minutes) == 3
    assert current_item_id([]) is None


def test_neighbours_follow_the_printed_order_with_sub_items() -> None:
    assert neighbour(ITEMS, None, 1).number == "1"
    assert neighbour(ITEMS, 1, 1).number == "1a"
    assert neighbour(ITEMS, 2, 1).number == "2"
    assert neighbour(ITEMS, 3, -1).number == "1a"
    assert neighbour(ITEMS, 5, 1) is None
    assert neighbour(ITEMS, 1, -1) is None


def test_room_lists_and_what_a_movement_most_likely_is() -> None:
    attendance = [
        Attendance(meeting_id=1, person_id=1, status=AttendanceStatus.present),
        Attendance(meeting_id=1, person_id=2, status=AttendanceStatus.present),
        Attendance(meeting_id=1, person_id=3, status=AttendanceStatus.expected),
        Attendance(meeting_id=1, person_id=4, status=AttendanceStatus.present),
    ]
    movements = [
        Movement(meeting_id=1, person_id=2, kind=MovementKind.left, at=at(9, 20)),
        Movement(meeting_id=1, person_id=4, kind=MovementKind.arrived, at=at(9, 30)),
    ]
    live = state([], attendance=attendance, movements=movements)
    inside, out, waiting = room_lists(live)
    assert [a.person_id for a in inside] == [1, 4]
    assert [a.person_id for a in out] == [2]
    assert [a.person_id for a in waiting] == [3]
    assert default_kind(live, 1) is MovementKind.left
    assert default_kind(live, 2) is MovementKind.returned
    assert default_kind(live, 3) is MovementKind.arrived


def test_people_are_found_by_initials_first_then_by_name() -> None:
    def names(query: str) -> list[str]:
        return [p.initials for p in find_people(query, PEOPLE)]

    assert names("MSh") == ["MSh"]
    assert names("ms") == ["MSh", "MSu"]  # both start so; alphabetical by name
    assert names("msu") == ["MSu"]
    assert names("sha") == ["MSh"]  # surname
    assert names("vik") == ["VM"]  # forename
    assert names("smith") == ["ASS"]  # a double-barrelled surname
    assert names("zz") == []
    assert len(find_people("", PEOPLE, limit=2)) == 2


def test_elapsed_words() -> None:
    assert elapsed_words(None) == ""
    assert elapsed_words(7) == "7 min"
    assert elapsed_words(125) == "2h 05m"
    assert elapsed_words(int(timedelta(hours=3).total_seconds() // 60)) == "3h 00m"
