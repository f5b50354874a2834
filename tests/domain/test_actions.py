"""Actions: status today, escalation over three meetings, deadlines kept, owners read,
and the lines the minutes print."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from secretary.actions import (
    escalated,
    minute_line,
    read_owners,
    status_today,
    tracker_minute,
    with_deadline,
)
from secretary.dates import Due
from secretary.models import Action, ActionOwner, ActionStatus, ActionUpdate, Person

PEOPLE = [
    Person(id=1, body_id=1, name="Mark Sutton", initials="MSu"),
    Person(id=2, body_id=1, name="Marie Shaw", initials="MSh"),
    Person(id=3, body_id=1, name="Neil Foster", initials="NF"),
]
TODAY = date(2025, 3, 21)


def action(**kw) -> Action:
    return Action(**{"id": 1, "body_id": 1, "number": 93, "text": "Share the key messages", **kw})


def update(meeting: int, day: int, status: ActionStatus) -> ActionUpdate:
    return ActionUpdate(action_id=1, meeting_id=meeting, given_on=date(2025, day, 1), status=status)


def test_past_its_deadline_an_open_action_is_outstanding() -> None:
    assert status_today(action(due_date=date(2025, 3, 1), status=ActionStatus.in_progress), [], TODAY) is (
        ActionStatus.outstanding)
    assert status_today(action(due_date=date(2025, 4, 1), status=ActionStatus.in_progress), [], TODAY) is (
        ActionStatus.in_progress)
    # complete (propose closure) and closed are never overdue
    assert status_today(action(due_date=date(2025, 3, 1), status=ActionStatus.complete), [], TODAY) is (
        ActionStatus.complete)


def test_red_at_three_successive_meetings_is_escalated() -> None:
    red = ActionStatus.outstanding
    assert escalated([update(1, 1, red), update(2, 2, red), update(3, 3, red)])
    assert not escalated([update(1, 1, red), update(2, 2, red)])  # only two
    assert not escalated([update(1, 1, red), update(2, 2, ActionStatus.in_progress), update(3, 3, red)])
    # the last word at each meeting counts: amber then red at meeting 2 is red
    assert escalated([update(1, 1, red), update(2, 2, ActionStatus.in_progress), update(2, 2, red),
                      update(3, 3, red)])
    # green at the latest meeting ends it
    assert not escalated([update(1, 1, red), update(2, 2, red), update(3, 3, red),
                          update(4, 4, ActionStatus.in_progress)])
    a = action(status=ActionStatus.outstanding)
    assert status_today(a, [update(1, 1, red), update(2, 2, red), update(3, 3, red)], TODAY) is (
        ActionStatus.escalated)


def test_a_new_deadline_keeps_the_old_one() -> None:
    a = action(due_text="31/10/2024", due_date=date(2024, 10, 31))
    moved = with_deadline(a, Due(text="next meeting", kind="next_meeting", date=date(2025, 6, 27)), TODAY)
    assert (moved.due_text, moved.due_date) == ("next meeting", date(2025, 6, 27))
    assert [(d.due_text, d.due_date, d.replaced_on) for d in moved.past_deadlines] == [
        ("31/10/2024", date(2024, 10, 31), TODAY)]
    again = with_deadline(moved, Due(text="TBC", kind="tbc"), date(2025, 6, 27))
    assert [d.due_text for d in again.past_deadlines] == ["31/10/2024", "next meeting"]
    assert with_deadline(again, Due(text="TBC", kind="tbc"), TODAY) == again  # the same: nothing kept twice


def test_owners_by_initials_names_or_words() -> None:
    owners = read_owners("msu, Marie Shaw and VCSE lead / NF", PEOPLE)
    assert owners == (ActionOwner(person_id=1, name="MSu"), ActionOwner(person_id=2, name="MSh"),
                      ActionOwner(name="VCSE lead"), ActionOwner(person_id=3, name="NF"))
    assert read_owners("ms", PEOPLE) == (ActionOwner(name="ms"),)  # two people start so: kept as typed
    assert read_owners("  ", PEOPLE) == ()


def test_minute_line_and_tracker_minute() -> None:
    a = action(owners=(ActionOwner(person_id=1, name="MSu"),), text="Communications to be shared with partners")
    assert minute_line(a) == "ACTION 93: MSu – Communications to be shared with partners."
    actions = [action(id=i, number=n) for i, n in ((1, 82), (2, 83), (3, 84), (4, 85))]
    statuses = {2: ActionStatus.not_yet_due, 3: ActionStatus.complete, 4: ActionStatus.complete}
    assert tracker_minute(actions, statuses, {1}) == (
        "Action 82 was closed. Action 83 is not yet due and Actions 84 and 85 are proposed to close.")
    assert tracker_minute([], {}, set()) == "There were no open actions."


@given(st.text(max_size=80))
def test_reading_owners_never_fails(text: str) -> None:
    for owner in read_owners(text, PEOPLE):
        assert owner.name.strip()
