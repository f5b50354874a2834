from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from secretary.errors import explain
from secretary.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Category,
    Meeting,
    Membership,
    Movement,
    MovementKind,
    Person,
    QuorumRule,
    check_agenda,
    check_unique_initials,
)


@pytest.mark.parametrize("initials", ["HM", "ASh", "DWL", "M"])
def test_good_initials(initials: str) -> None:
    assert Person(name="Someone", initials=initials).initials == initials


@pytest.mark.parametrize("initials", ["", "hm", "H M", "H1", "ABCDEFG", "M."])
def test_bad_initials_say_what_is_wanted(initials: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Person(name="Someone", initials=initials)
    assert "should be 1 to 6 letters starting with a capital" in explain(caught.value)


def test_initials_unique_within_a_body() -> None:
    people = [Person(name="Alan Shaw", initials="AS"), Person(name="Amira Shah", initials="AS")]
    with pytest.raises(ValueError, match="Alan Shaw and Amira Shah"):
        check_unique_initials(people)
    check_unique_initials([people[0], people[1].model_copy(update={"initials": "ASa"})])


def test_meeting_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as caught:
        Meeting(body_id=1, title="Board", date=date(2025, 3, 21), planned_start=time(12), planned_end=time(9))
    assert explain(caught.value) == "the meeting cannot end (09:00) at or before it starts (12:00)"


def test_meeting_cannot_close_before_it_opened() -> None:
    opened = datetime(2025, 3, 21, 9, tzinfo=timezone.utc)
    with pytest.raises(ValidationError, match="close before it opened"):
        Meeting(body_id=1, title="Board", date=date(2025, 3, 21), opened_at=opened,
                closed_at=opened.replace(hour=8))


def test_next_meeting_comes_after() -> None:
    with pytest.raises(ValidationError, match="next meeting must come after"):
        Meeting(body_id=1, title="Board", date=date(2025, 3, 21), next_meeting_date=date(2025, 3, 1))


def test_seat_dates_in_order_and_participants_never_vote() -> None:
    with pytest.raises(ValidationError, match="cannot end"):
        Membership(person_id=1, category=Category.executive, start_date=date(2025, 1, 1), end_date=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="never hold a voting seat"):
        Membership(person_id=1, category=Category.participant, voting=True)


def test_sub_item_parent_must_be_on_the_same_agenda() -> None:
    parent = AgendaItem(id=1, meeting_id=1, number="1", title="Welcome")
    child = AgendaItem(id=2, meeting_id=1, parent_id=1, number="1a", title="Apologies")
    check_agenda([parent, child])
    stray = AgendaItem(id=3, meeting_id=2, parent_id=1, number="1b", title="Quoracy")
    with pytest.raises(ValueError, match="not on this meeting's agenda"):
        check_agenda([parent, child, stray])


def test_movement_needs_a_timezone() -> None:
    with pytest.raises(ValidationError, match="timezone"):
        Movement(meeting_id=1, person_id=1, kind=MovementKind.arrived, at=datetime(2025, 3, 21, 9))


def test_deputy_is_someone_else() -> None:
    with pytest.raises(ValidationError, match="deputise for themselves"):
        Attendance(meeting_id=1, person_id=4, deputy_for_id=4)


def test_closed_action_needs_its_date() -> None:
    with pytest.raises(ValidationError, match="date its closure was agreed"):
        Action(body_id=1, text="Circulate the report", status=ActionStatus.closed)


def test_absolute_quorum_needs_a_number() -> None:
    with pytest.raises(ValidationError, match="needs a number"):
        QuorumRule(minimum_kind="absolute")


@given(st.text())
def test_any_title_text_is_kept_as_typed(title: str) -> None:
    try:
        meeting = Meeting(body_id=1, title=title, date=date(2025, 3, 21))
    except ValidationError:
        assert not title.strip() or len(title.strip()) > 190
    else:
        assert meeting.title in title
        assert meeting.title.strip() == title.strip()
