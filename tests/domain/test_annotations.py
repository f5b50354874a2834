"""Attendance annotations and in-minute notes, as clerks write them (DESIGN.md §3.2)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.annotations import RunningOrder, attendance_annotation, attendance_line, inline_notes
from secretary.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Group,
    ItemKind,
    Minute,
    Movement,
    MovementKind,
    Person,
    Phase,
)

MEETING = 7
START = datetime(2025, 3, 21, 10, 0, tzinfo=UTC)


def item_id(number: str) -> int:
    return 100 + int(number)


ITEMS = [
    AgendaItem(id=item_id(str(n)), meeting_id=MEETING, position=n, number=str(n), title=f"Item {n}")
    for n in range(1, 13)
]
BREAK = AgendaItem(id=150, meeting_id=MEETING, position=50, number="", title="Break", kind=ItemKind.break_)

PEOPLE = {
    person.id: person
    for person in [
        Person(id=1, name="Vera Marsh", initials="VM"),
        Person(id=2, name="Mark Shelley", initials="MSh"),
        Person(id=3, name="Nina Brook", initials="NB"),
        Person(id=4, name="Leo Tran", initials="LT"),
        Person(id=5, name="Mary Cole", initials="MC"),
        Person(id=6, name="Ravi Patel", initials="RP"),
        Person(id=7, name="Jane Doe", initials="JD"),
        Person(id=8, name="John Roe", honorific="Cllr", initials="JR"),
    ]
}
BY_INITIALS = {p.initials: p.id for p in PEOPLE.values()}

AS_PRINTED = RunningOrder.as_printed(ITEMS)
# item 4 was brought forward and taken straight after item 1
FOUR_FIRST = RunningOrder.as_taken(ITEMS, [item_id(n) for n in "1 4 2 3 5 6 7 8 9 10 11 12".split()])


class Clock:
    """Movements a minute apart, in the order the test writes them."""

    def __init__(self) -> None:
        self.minute = 0

    def __call__(self, initials: str, kind: MovementKind, number: str | None, phase: Phase = Phase.during) -> Movement:
        self.minute += 1
        return Movement(
            meeting_id=MEETING,
            person_id=BY_INITIALS[initials],
            kind=kind,
            at=START + timedelta(minutes=self.minute),
            item_id=item_id(number) if number else None,
            phase=phase,
        )


@pytest.fixture
def move() -> Clock:
    return Clock()


def attendance(initials: str, status=AttendanceStatus.present, **fields) -> Attendance:
    return Attendance(meeting_id=MEETING, person_id=BY_INITIALS[initials], status=status, **fields)


def annotate(initials, movements, order=AS_PRINTED, **fields) -> str:
    return attendance_annotation(attendance(initials, **fields), movements, order)


A, L, R, W = MovementKind.arrived, MovementKind.left, MovementKind.returned, MovementKind.withdrew
START_, DURING, END = Phase.start, Phase.during, Phase.end


# --- arrivals -------------------------------------------------------------------------------


def test_present_throughout_has_no_annotation() -> None:
    assert annotate("VM", []) == ""


def test_arrived_at_the_start_of_an_item(move) -> None:
    assert annotate("VM", [move("VM", A, "2", START_)]) == "(from item 2)"


def test_arrived_during_an_item(move) -> None:
    assert annotate("VM", [move("VM", A, "5", DURING)]) == "(from during item 5)"


def test_arrived_at_the_end_of_an_item(move) -> None:
    assert annotate("VM", [move("VM", A, "2", END)]) == "(from end of item 2)"


def test_arrived_at_the_start_of_the_first_item_was_there_throughout(move) -> None:
    assert annotate("VM", [move("VM", A, "1", START_)]) == ""
    assert annotate("VM", [move("VM", A, "1", DURING)]) == "(from during item 1)"


def test_arrival_with_no_item_gives_the_time(move) -> None:
    assert annotate("VM", [move("VM", A, None)]) == "(from 10.01)"


def test_arrival_in_a_break_is_named_by_the_break() -> None:
    order = RunningOrder.as_printed(ITEMS + [BREAK])
    arrival = Movement(meeting_id=MEETING, person_id=1, kind=A, at=START, item_id=BREAK.id, phase=DURING)
    assert attendance_annotation(attendance("VM"), [arrival], order) == "(from during the break)"


# --- departures -----------------------------------------------------------------------------


def test_left_at_the_end_of_an_item(move) -> None:
    assert annotate("MC", [move("MC", L, "9", END)]) == "(until end of item 9)"


def test_left_during_an_item(move) -> None:
    assert annotate("MC", [move("MC", L, "11", DURING)]) == "(left during item 11)"


def test_left_at_the_start_of_an_item(move) -> None:
    assert annotate("MC", [move("MC", L, "4", START_)]) == "(until item 4)"


def test_left_at_the_end_of_the_last_item_was_there_throughout(move) -> None:
    assert annotate("MC", [move("MC", L, "12", END)]) == ""
    assert annotate("MC", [move("MC", L, "12", DURING)]) == "(left during item 12)"


def test_arrived_late_and_left_early(move) -> None:
    movements = [move("VM", A, "3", START_), move("VM", L, "9", END)]
    assert annotate("VM", movements) == "(from item 3, until end of item 9)"


# --- leaving and coming back -------------------------------------------------------------------


def test_left_and_returned(move) -> None:
    movements = [move("MC", L, "6", DURING), move("MC", R, "8", START_)]
    assert annotate("MC", movements) == "(left during item 6, returned from item 8)"


def test_arrived_left_returned_and_left_again(move) -> None:
    movements = [
        move("MC", A, "2", START_),
        move("MC", L, "6", END),
        move("MC", R, "8", DURING),
        move("MC", L, "10", END),
    ]
    assert annotate("MC", movements) == (
        "(from item 2, left at end of item 6, returned during item 8, until end of item 10)"
    )


def test_an_arrival_after_leaving_reads_as_a_return(move) -> None:
    movements = [move("MC", L, "4", START_), move("MC", A, "7", END)]
    assert annotate("MC", movements) == "(left at start of item 4, returned at end of item 7)"


def test_a_repeated_arrival_adds_nothing(move) -> None:
    assert annotate("VM", [move("VM", A, "2", START_), move("VM", A, "3", START_)]) == "(from item 2)"


def test_movements_are_read_in_time_order_whatever_order_they_come_in(move) -> None:
    movements = [move("MC", A, "2", START_), move("MC", L, "6", DURING), move("MC", R, "8", START_)]
    shuffled = movements[:]
    random.Random(4).shuffle(shuffled)
    assert shuffled != movements
    assert annotate("MC", shuffled) == "(from item 2, left during item 6, returned from item 8)"


def test_other_peoples_movements_are_ignored(move) -> None:
    assert annotate("VM", [move("MC", A, "2", START_), move("VM", A, "3", START_)]) == "(from item 3)"


# --- withdrawals are for the item's minute, not the attendance table ------------------------------


def test_withdrawing_for_an_interest_is_not_an_attendance_annotation(move) -> None:
    movements = [move("RP", W, "5", START_), move("RP", R, "6", START_)]
    assert annotate("RP", movements) == ""


def test_a_withdrawal_between_real_movements_is_skipped(move) -> None:
    movements = [
        move("RP", A, "2", START_),
        move("RP", W, "5", START_),
        move("RP", R, "5", END),
        move("RP", L, "9", DURING),
    ]
    assert annotate("RP", movements) == "(from item 2, left during item 9)"


def test_left_the_meeting_after_withdrawing(move) -> None:
    movements = [move("RP", W, "5", START_), move("RP", L, "5", END), move("RP", R, "8", START_)]
    assert annotate("RP", movements) == "(left at end of item 5, returned from item 8)"


# --- how and who -------------------------------------------------------------------------------


def test_remote_attendance(move) -> None:
    assert annotate("VM", [], status=AttendanceStatus.remote) == "(remotely)"
    assert annotate("VM", [move("VM", A, "3", START_)], status=AttendanceStatus.remote) == "(remotely, from item 3)"


def test_attendance_note_is_printed(move) -> None:
    assert annotate("LT", [], note="minutes") == "(minutes)"
    assert annotate("LT", [move("LT", L, "9", END)], note="minutes") == "(minutes, until end of item 9)"


def test_apologies_say_member_or_participant() -> None:
    assert annotate("VM", [], status=AttendanceStatus.apologies, group=Group.member) == "(member)"
    assert annotate("VM", [], status=AttendanceStatus.apologies, group=Group.participant) == "(participant)"


def test_apologies_ignore_any_stray_movements(move) -> None:
    assert annotate("VM", [move("VM", A, "3", START_)], status=AttendanceStatus.apologies) == "(member)"


def test_deputy_line_names_the_member(move) -> None:
    row = attendance("JD", deputy_for_id=BY_INITIALS["JR"])
    assert attendance_line(PEOPLE[7], row, [], AS_PRINTED, PEOPLE) == "Jane Doe (deputy for Cllr John Roe)"
    late = [move("JD", A, "3", START_)]
    remote = row.model_copy(update={"status": AttendanceStatus.remote})
    assert attendance_line(PEOPLE[7], remote, late, AS_PRINTED, PEOPLE) == (
        "Jane Doe (deputy for Cllr John Roe, remotely, from item 3)"
    )


def test_line_without_annotation_is_just_the_name() -> None:
    assert attendance_line(PEOPLE[8], attendance("JR"), [], AS_PRINTED, PEOPLE) == "Cllr John Roe"


# --- items taken out of order ------------------------------------------------------------------


def test_out_of_order_uses_the_printed_number(move) -> None:
    # item 4 was taken second: arriving as it began means present for 4, then 2, 3 …
    assert annotate("VM", [move("VM", A, "4", START_)], FOUR_FIRST) == "(from item 4)"
    assert annotate("VM", [move("VM", A, "2", START_)], FOUR_FIRST) == "(from item 2)"


def test_first_and_last_follow_the_order_taken(move) -> None:
    order = RunningOrder.as_taken(ITEMS, [item_id(n) for n in "4 1 2 3 5 6 7 8 9 10 12 11".split()])
    assert annotate("VM", [move("VM", A, "4", START_)], order) == ""
    assert annotate("VM", [move("VM", A, "1", START_)], order) == "(from item 1)"
    assert annotate("MC", [move("MC", L, "11", END)], order) == ""
    assert annotate("MC", [move("MC", L, "12", END)], order) == "(until end of item 12)"


def test_running_order_from_minutes() -> None:
    minutes = [
        Minute(item_id=item_id("2"), started_at=START + timedelta(minutes=30)),
        Minute(item_id=item_id("1"), started_at=START),
        Minute(item_id=item_id("4"), started_at=START + timedelta(minutes=10)),
        Minute(item_id=item_id("3")),  # never reached
    ]
    assert RunningOrder.from_minutes(ITEMS, minutes).taken == (item_id("1"), item_id("4"), item_id("2"))
    numbered = [m.model_copy(update={"taken_order": n}) for n, m in enumerate(minutes[:3])]
    assert RunningOrder.from_minutes(ITEMS, numbered).taken == (item_id("2"), item_id("1"), item_id("4"))


def test_running_order_as_printed_keeps_sub_items_under_their_parent() -> None:
    sub = AgendaItem(id=200, meeting_id=MEETING, parent_id=item_id("2"), position=0, number="2a", title="Sub")
    order = RunningOrder.as_printed(ITEMS[:3] + [sub])
    assert order.taken == (item_id("1"), item_id("2"), 200, item_id("3"))
    assert order.name(200) == "item 2a"


# --- notes inside an item's minute ----------------------------------------------------------------


def notes(number: str, movements, order=AS_PRINTED) -> list[str]:
    return [note.text for note in inline_notes(item_id(number), movements, PEOPLE, order)]


def test_one_arrival(move) -> None:
    assert notes("3", [move("VM", A, "3", DURING)]) == ["VM arrived."]


def test_several_arrivals_at_once(move) -> None:
    movements = [move(i, A, "3", START_) for i in ("MSh", "NB", "LT")]
    assert notes("3", movements) == ["MSh, NB and LT arrived."]
    assert notes("3", movements[:2]) == ["MSh and NB arrived."]


def test_notes_keep_the_order_things_happened(move) -> None:
    movements = [move("VM", A, "3", DURING), move("MC", L, "3", DURING), move("NB", A, "3", DURING)]
    assert notes("3", movements) == ["VM arrived.", "MC left the meeting.", "NB arrived."]


def test_notes_are_only_for_their_item(move) -> None:
    movements = [move("VM", A, "2", DURING), move("MC", L, "3", DURING)]
    assert notes("2", movements) == ["VM arrived."]
    assert notes("4", movements) == []


def test_left_the_meeting(move) -> None:
    assert notes("9", [move("MC", L, "9", END)]) == ["MC left the meeting."]


def test_withdrew_and_returned_at_the_end(move) -> None:
    movements = [move("RP", W, "6", START_), move("RP", R, "6", END)]
    assert notes("6", movements) == ["RP withdrew for this item and returned at the end."]


def test_a_return_as_the_next_item_starts_is_a_return_at_the_end(move) -> None:
    movements = [move("RP", W, "6", START_), move("RP", R, "7", START_)]
    assert notes("6", movements) == ["RP withdrew for this item and returned at the end."]
    assert notes("7", movements) == []


def test_withdrew_and_came_back_during_the_item(move) -> None:
    movements = [move("RP", W, "6", START_), move("RP", R, "6", DURING)]
    assert notes("6", movements) == ["RP withdrew for part of this item and returned."]


def test_withdrew_without_returning(move) -> None:
    assert notes("6", [move("RP", W, "6", START_)]) == ["RP withdrew for this item."]


def test_withdrew_and_returned_items_later(move) -> None:
    movements = [move("RP", W, "6", START_), move("RP", R, "8", START_)]
    assert notes("6", movements) == ["RP withdrew for this item."]
    assert notes("7", movements) == []
    assert notes("8", movements) == ["RP returned."]


def test_two_withdraw_together(move) -> None:
    movements = [
        move("RP", W, "6", START_),
        move("MC", W, "6", START_),
        move("RP", R, "6", END),
        move("MC", R, "6", END),
    ]
    assert notes("6", movements) == ["RP and MC withdrew for this item and returned at the end."]


def test_returning_after_leaving(move) -> None:
    movements = [move("MC", L, "6", DURING), move("MC", R, "8", START_)]
    assert notes("8", movements) == ["MC returned."]


def test_an_arrival_recorded_after_leaving_reads_as_a_return(move) -> None:
    movements = [move("MC", L, "6", DURING), move("MC", A, "6", DURING), move("VM", A, "6", DURING)]
    assert notes("6", movements) == ["MC left the meeting.", "MC returned.", "VM arrived."]


def test_withdrawal_out_of_order_returns_at_the_start_of_the_item_taken_next(move) -> None:
    # item 4 taken before item 2: a return as item 2 begins ends the withdrawal from item 4
    movements = [move("RP", W, "4", START_), move("RP", R, "2", START_)]
    assert notes("4", movements, FOUR_FIRST) == ["RP withdrew for this item and returned at the end."]
    assert notes("2", movements, FOUR_FIRST) == []
    # taken as printed, item 2 does not follow item 4, so the return is its own note
    assert notes("4", movements) == ["RP withdrew for this item."]
    assert notes("2", movements) == ["RP returned."]


def test_notes_carry_their_phase_and_people(move) -> None:
    movements = [move("MSh", A, "3", START_), move("NB", A, "3", START_), move("MC", L, "3", END)]
    found = inline_notes(item_id("3"), movements, PEOPLE, AS_PRINTED)
    assert [(n.phase, n.person_ids) for n in found] == [(START_, (2, 3)), (END, (5,))]
    assert str(found[0]) == "MSh and NB arrived."


def test_arrivals_in_different_phases_are_separate_notes(move) -> None:
    movements = [move("MSh", A, "3", START_), move("NB", A, "3", DURING)]
    assert notes("3", movements) == ["MSh arrived.", "NB arrived."]


# --- properties ---------------------------------------------------------------------------------


STOPS = st.tuples(st.sampled_from(["2", "5", "8", "11"]), st.sampled_from(list(Phase)))


@given(st.lists(STOPS, min_size=1, max_size=8))
def test_every_real_movement_is_told_once(stops) -> None:
    """Alternating departures and returns give one phrase each, in order, wherever they fall."""
    clock = Clock()
    movements = [clock("MC", L if n % 2 == 0 else R, number, phase) for n, (number, phase) in enumerate(stops)]
    text = annotate("MC", movements, RunningOrder.as_taken(ITEMS, [item_id("1"), item_id("12")]))
    phrases = text.strip("()").split(", ")
    assert len(phrases) == len(stops)
    assert sum(p.startswith("returned") for p in phrases) == len(stops) // 2


@given(st.sampled_from([A, L, R, W]), st.sampled_from(list(Phase)), st.sampled_from(["1", "6", "12"]))
def test_annotations_are_always_one_bracket_or_nothing(kind, phase, number) -> None:
    movement = Clock()("VM", kind, number, phase)
    text = annotate("VM", [movement])
    assert text == "" or (text.startswith("(") and text.endswith(")") and text.count("(") == 1)

