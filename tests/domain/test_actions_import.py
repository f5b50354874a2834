"""Importing an existing action tracker, and the tracker's status words both ways."""

from __future__ import annotations

import csv
import io
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.importers.actions import (
    ActionsFormatError,
    parse_actions,
    read_actions_file,
    status_from_text,
    status_label,
)
from secretary.models import ActionStatus

TODAY = date(2025, 3, 1)
HEADER = (
    "Action No.,Meeting Date,Agenda Item,Action,Action Owner,Past deadlines (Since Revised),"
    "Current Deadline,Current Position (latest update),RAG"
)


@pytest.fixture(scope="module")
def sample():
    path = files("secretary.data.northbridge").joinpath("actions.csv")
    return parse_actions(read_actions_file(Path(str(path))), body_id=3, today=TODAY)


@pytest.fixture(scope="module")
def by_number(sample):
    return {action.number: action for action in sample.actions}


def test_sample_gives_actions_52_to_64(sample) -> None:
    assert [a.number for a in sample.actions] == [52, 57, 58, 59, 60, 61, 62, 63, 64]
    assert all(a.body_id == 3 and a.id is None for a in sample.actions)
    assert [r.became for r in sample.rows][1:] == [f"action {a.number}" for a in sample.actions]
    assert sample.summary() == "9 actions (52–64): 6 open, 2 complete, 1 closed"
    assert sample.warnings == []


def test_sample_statuses(by_number) -> None:
    assert {n: a.status for n, a in by_number.items()} == {
        52: ActionStatus.in_progress,
        57: ActionStatus.closed,
        58: ActionStatus.complete,
        59: ActionStatus.outstanding,
        60: ActionStatus.outstanding,
        61: ActionStatus.not_yet_due,
        62: ActionStatus.not_yet_due,
        63: ActionStatus.in_progress,
        64: ActionStatus.complete,
    }


def test_closed_on_is_the_date_in_brackets(by_number) -> None:
    assert by_number[57].closed_on == date(2024, 12, 13)
    assert all(a.closed_on is None for n, a in by_number.items() if n != 57)


def test_two_owners(by_number) -> None:
    assert [o.name for o in by_number[61].owners] == ["Joanna Price", "Sarah Okafor"]
    assert [o.name for o in by_number[52].owners] == ["Michael Price"]
    assert all(o.person_id is None for a in by_number.values() for o in a.owners)


def test_deadlines(by_number) -> None:
    action = by_number[63]
    assert [(p.due_text, p.due_date) for p in action.past_deadlines] == [("28/02/2025", date(2025, 2, 28))]
    assert (action.due_text, action.due_date) == ("next meeting", None)
    assert (by_number[61].due_text, by_number[61].due_date) == ("TBC", None)
    assert (by_number[60].due_text, by_number[60].due_date) == ("31/01/2025", date(2025, 1, 31))
    assert [p.due_date for p in by_number[52].past_deadlines] == [date(2024, 12, 13)]
    assert by_number[57].past_deadlines == ()


def test_the_rest_of_each_row(by_number) -> None:
    action = by_number[58]
    assert action.meeting_date == date(2024, 9, 27)
    assert action.item_title == "Health Services Strategy"
    assert action.text.startswith("To amend the third principle")
    assert action.position_text == "Amended and recirculated."
    assert by_number[61].position_text == ""


def test_next_meeting_date_is_used_when_known() -> None:
    text = HEADER + "\n70,21/03/2025,Finance,Report,Neil Foster,,next meeting,,In Progress\n"
    [action] = parse_actions(text, body_id=1, today=TODAY, next_meeting=date(2025, 6, 27)).actions
    assert (action.due_text, action.due_date) == ("next meeting", date(2025, 6, 27))


def test_duplicated_numbers_are_problems_and_the_first_is_kept() -> None:
    text = HEADER + "\n70,21/03/2025,A,First,NF,,TBC,,In Progress\n70,21/03/2025,B,Second,NF,,TBC,,Outstanding\n"
    read = parse_actions(text, body_id=1, today=TODAY)
    assert [a.text for a in read.actions] == ["First"]
    [problem] = [r for r in read.rows if r.problem]
    assert problem.line == 3 and "already on line 2" in problem.problem
    assert read.summary().endswith("1 row could not be read")


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("seventy,,A,Text,NF,,TBC,,In Progress", "not a whole number"),
        ("71,,A,,NF,,TBC,,In Progress", "no text"),
        ("72,,A,Text,NF,,TBC,,Closed", "closure was agreed"),
        ("73,,A,Text,NF,,TBC,,Parked", "could not read 'Parked' as a status"),
    ],
)
def test_rows_that_cannot_be_read(row: str, says: str) -> None:
    read = parse_actions(f"{HEADER}\n{row}\n74,,A,Kept,NF,,TBC,,Red\n", body_id=1, today=TODAY)
    assert [a.number for a in read.actions] == [74]
    [problem] = [r for r in read.rows if r.problem]
    assert problem.line == 2 and says in problem.problem and problem.text.startswith(row.split(",")[0])


def test_odd_cells_are_kept_with_a_warning() -> None:
    row = "75,sometime,A,Text,NF,13/12/2024 31/01/2025,whenever,,"
    read = parse_actions(f"{HEADER}\n{row}\n", body_id=1, today=TODAY)
    [action] = read.actions
    assert (action.meeting_date, action.due_text, action.due_date) == (None, "whenever", None)
    assert [p.due_date for p in action.past_deadlines] == [date(2024, 12, 13), date(2025, 1, 31)]
    assert action.status is ActionStatus.not_yet_due
    assert [w.column for w in read.warnings] == ["Meeting Date", "Current Deadline", "RAG"]


def test_several_past_deadlines_and_words_among_them() -> None:
    row = '76,,A,Text,NF,"31/10/2024, next meeting; Jan-25",TBC,,Amber'
    [action] = parse_actions(f"{HEADER}\n{row}\n", body_id=1, today=TODAY).actions
    assert [(p.due_text, p.due_date) for p in action.past_deadlines] == [
        ("31/10/2024", date(2024, 10, 31)), ("next meeting", None), ("Jan-25", date(2025, 1, 31)),
    ]


def test_columns_are_found_by_heading_in_any_order() -> None:
    text = "RAG\tAction Owner\tAction\tAction No.\nGreen\tNF / CB\tSomething\t80\n"
    [action] = parse_actions(text, body_id=1, today=TODAY).actions
    assert (action.number, action.text, action.status) == (80, "Something", ActionStatus.complete)
    assert [o.name for o in action.owners] == ["NF", "CB"]


@pytest.mark.parametrize(
    ("text", "says"),
    [("", "empty"), ("a\x00b", "binary"), ("Name,Initials\nHelen,HM\n", "Action No"), (",,,\n,,\n", "no rows")],
)
def test_bad_input_is_refused(text: str, says: str) -> None:
    with pytest.raises(ActionsFormatError, match=says):
        parse_actions(text, body_id=1, today=TODAY)


@given(st.text(max_size=300))
def test_parse_actions_refuses_only_with_a_format_error(text: str) -> None:
    try:
        read = parse_actions(text, body_id=1, today=TODAY)
    except ActionsFormatError as refused:
        assert str(refused)
    else:
        assert len(read.actions) <= len(read.rows)


@given(st.lists(st.lists(st.text(alphabet=st.characters(exclude_characters="\x00"), max_size=12), max_size=10), max_size=6))
def test_any_rows_under_a_real_header_never_raise(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER.split(","), *rows])
    read = parse_actions(out.getvalue(), body_id=1, today=TODAY)
    assert len({a.number for a in read.actions}) == len(read.actions)


# --- status words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("In Progress", ActionStatus.in_progress),
        ("CLOSED (13/12/2024)", ActionStatus.closed),
        ("COMPLETE: Propose closure at next meeting (13/12/2024)", ActionStatus.complete),
        ("Outstanding", ActionStatus.outstanding),
        ("Not Yet Due", ActionStatus.not_yet_due),
        ("not yet due", ActionStatus.not_yet_due),
        ("Escalated", ActionStatus.escalated),
        ("Complete", ActionStatus.complete),
        ("Completed", ActionStatus.complete),
        ("Closed", ActionStatus.closed),
        ("Red", ActionStatus.outstanding),
        ("Amber", ActionStatus.in_progress),
        ("Green", ActionStatus.complete),
        ("Blue", ActionStatus.not_yet_due),
        ("BLACK", ActionStatus.escalated),
        ("  in   progress ", ActionStatus.in_progress),
    ],
)
def test_status_from_text(text: str, status: ActionStatus) -> None:
    assert status_from_text(text) is status


@pytest.mark.parametrize("text", ["", "Done?", "Redone", "Progressing"])
def test_unknown_status_words_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="Not Yet Due"):
        status_from_text(text)


def test_status_labels_as_trackers_print_them() -> None:
    assert status_label(ActionStatus.in_progress) == "In Progress"
    assert status_label(ActionStatus.closed, closed_on=date(2024, 12, 13)) == "CLOSED (13/12/2024)"
    assert status_label(ActionStatus.complete) == "COMPLETE: Propose closure at next meeting"


@pytest.mark.parametrize("status", list(ActionStatus))
def test_labels_read_back_as_the_same_status(status: ActionStatus) -> None:
    assert status_from_text(status_label(status, closed_on=date(2025, 1, 31))) is status
    assert status_from_text(status.label) is status  # the app's own labels read too
