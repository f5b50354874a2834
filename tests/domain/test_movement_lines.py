"""Movement lines in place (issue 16): where a line goes in the notes, and how it follows its movement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.annotations import RunningOrder, inline_notes
from secretary.models import AgendaItem, Movement, MovementKind, Person, Phase
from secretary.movement_lines import (
    MovementLine,
    applied,
    lines_wanted,
    place_line,
    sync_lines,
)

START = datetime(2025, 3, 21, 10, 0, tzinfo=UTC)
ITEMS = [AgendaItem(id=100 + n, meeting_id=7, position=n, number=str(n), title=f"Item {n}") for n in (1, 2, 3)]
ORDER = RunningOrder.as_printed(ITEMS)
PEOPLE = {1: Person(id=1, name="Vera Marsh", initials="VM"), 2: Person(id=2, name="Mark Shelley", initials="MSh"),
          6: Person(id=6, name="Ravi Patel", initials="RP")}


def mv(mid: int, person: int, kind: MovementKind, minutes: int, item: int = 102, phase=Phase.during) -> Movement:
    return Movement(id=mid, meeting_id=7, person_id=person, kind=kind, at=START + timedelta(minutes=minutes),
                    item_id=item, phase=phase)


def placed(text: str, cursor: int, line: str = "VM arrived.") -> tuple[str, int]:
    edit, after = place_line(text, cursor, line)
    return applied(text, [edit]), after


# --- where the line goes ---------------------------------------------------------------


def test_at_the_end_after_a_sentence_with_one_space() -> None:
    text, after = placed("Discussion began.", 17)
    assert text == "Discussion began. VM arrived."
    assert after == len(text)
    assert text[:after] + " More discussion." == "Discussion began. VM arrived. More discussion."


def test_in_empty_notes() -> None:
    assert placed("", 0) == ("VM arrived.", 11)


def test_after_a_space_the_clerk_typed_no_second_space() -> None:
    assert placed("Discussion began. ", 18)[0] == "Discussion began. VM arrived."


def test_mid_word_goes_to_the_end_of_the_sentence() -> None:
    text, after = placed("Discussion began. The chair spoke. Next.", 22)  # inside "chair"
    assert text == "Discussion began. The chair spoke. VM arrived. Next."
    assert text[after - len("VM arrived."):after] == "VM arrived."


def test_mid_sentence_at_the_end_of_a_line_goes_to_the_line_end() -> None:
    text, _ = placed("The chair said\nSecond line.", 4)
    assert text == "The chair said\nVM arrived.\nSecond line."


def test_after_a_list_line_on_a_line_of_its_own() -> None:
    assert placed("Apologies noted.\n- from RD", 26) == ("Apologies noted.\n- from RD\nVM arrived.", 38)


def test_between_sentences_goes_at_the_cursor() -> None:
    text, _ = placed("First. Second.", 7)  # at the start of "Second"
    assert text == "First. VM arrived. Second."


def test_a_number_with_a_point_is_not_split() -> None:
    text, _ = placed("It cost 3.5 million", 10)  # between "3." and "5"
    assert text == "It cost 3.5 million\nVM arrived."


def test_at_the_start_of_a_line() -> None:
    text, _ = placed("One.\nTwo.", 5)
    assert text == "One.\nVM arrived. Two."


@given(st.text(alphabet="ab .\n!?3", max_size=40), st.integers(min_value=0, max_value=40))
def test_never_splits_a_word_and_keeps_every_character(text: str, cursor: int) -> None:
    cursor = min(cursor, len(text))
    edit, after = place_line(text, cursor, "VM arrived.")
    new = applied(text, [edit])
    assert new[:edit.start] + new[edit.start + len(edit.new):] == text  # only inserted
    assert new[after - len("VM arrived."):after] == "VM arrived."
    assert edit.start == 0 or edit.start == len(text) or not (text[edit.start - 1].isalnum()
                                                               and text[edit.start].isalnum())


# --- which lines, and the minutes not printing them twice ------------------------------------


def test_each_movement_has_its_own_line() -> None:
    movements = [mv(1, 1, MovementKind.arrived, 5), mv(2, 2, MovementKind.arrived, 5)]
    assert lines_wanted(102, movements, PEOPLE, ORDER) == {1: "VM arrived.", 2: "MSh arrived."}


def test_a_brief_step_out_has_no_line() -> None:
    movements = [mv(1, 1, MovementKind.left, 5), mv(2, 1, MovementKind.returned, 9)]
    assert lines_wanted(102, movements, PEOPLE, ORDER) == {}
    assert lines_wanted(102, movements[:1], PEOPLE, ORDER) == {1: "VM left the meeting."}


def test_a_withdrawal_line_says_the_return_at_the_end() -> None:
    withdrew = mv(1, 6, MovementKind.withdrew, 5, phase=Phase.start)
    assert lines_wanted(102, [withdrew], PEOPLE, ORDER) == {1: "RP withdrew for this item."}
    back = mv(2, 6, MovementKind.returned, 20, phase=Phase.end)
    assert lines_wanted(102, [withdrew, back], PEOPLE, ORDER) == {
        1: "RP withdrew for this item and returned at the end."}


def test_the_minutes_leave_out_lines_already_in_the_notes_and_keep_the_others() -> None:
    movements = [mv(1, 1, MovementKind.arrived, 5), mv(2, 2, MovementKind.arrived, 5)]
    assert [n.text for n in inline_notes(102, movements, PEOPLE, ORDER)] == ["VM and MSh arrived."]
    assert [n.text for n in inline_notes(102, movements, PEOPLE, ORDER, {1})] == ["MSh arrived."]
    assert inline_notes(102, movements, PEOPLE, ORDER, {1, 2}) == []


def test_a_withdrawal_in_the_notes_does_not_leave_its_return_printed_alone() -> None:
    movements = [mv(1, 6, MovementKind.withdrew, 5, phase=Phase.start),
                 mv(2, 6, MovementKind.returned, 20, phase=Phase.end)]
    assert inline_notes(102, movements, PEOPLE, ORDER, {1}) == []


# --- following the movement ----------------------------------------------------------------


LINK = MovementLine(id=1, movement_id=1, item_id=102, text="VM arrived.")
NOTES = "Discussion began. VM arrived. More discussion."


def test_an_unchanged_movement_changes_nothing() -> None:
    sync = sync_lines(NOTES, [LINK], {1: "VM arrived."})
    assert not sync.changes and not sync.edited


def test_a_correction_rewrites_the_line() -> None:
    sync = sync_lines(NOTES, [LINK], {1: "MSh arrived."})
    assert applied(NOTES, sync.edits) == "Discussion began. MSh arrived. More discussion."
    assert sync.rewritten == [(LINK, "MSh arrived.")] and not sync.edited


def test_a_deletion_removes_the_line_and_its_space() -> None:
    sync = sync_lines(NOTES, [LINK], {})
    assert applied(NOTES, sync.edits) == "Discussion began. More discussion."
    assert sync.dropped == [LINK]
    gone = LINK.model_copy(update={"movement_id": None})  # the movement deleted: its link kept, unlinked
    assert applied(NOTES, sync_lines(NOTES, [gone], {1: "VM arrived."}).edits) == "Discussion began. More discussion."


def test_a_line_at_the_start_takes_its_following_space() -> None:
    notes = "VM arrived. Discussion."
    assert applied(notes, sync_lines(notes, [LINK], {}).edits) == "Discussion."


@pytest.mark.parametrize("wanted", [{1: "MSh arrived."}, {}])
def test_an_edited_line_is_left_as_written_and_reported(wanted) -> None:
    notes = "Discussion began. VM arrived at last. More discussion."
    sync = sync_lines(notes, [LINK], wanted)
    assert sync.edits == []
    assert [link for link, _ in sync.edited] == [LINK]


def test_two_lines_with_the_same_words_each_keep_their_own() -> None:
    notes = "A. VM arrived. B. VM arrived. C."
    first = LINK
    second = MovementLine(id=2, movement_id=2, item_id=102, text="VM arrived.")
    sync = sync_lines(notes, [first, second], {1: "VM arrived.", 2: "VM returned."})
    assert applied(notes, sync.edits) == "A. VM arrived. B. VM returned. C."
