"""Storage behind the membership and quorum rule editors: a seat and its person change together
or not at all, a person's record survives the end of their seat, and a rule is saved in one go."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from db import Refused
from db.bodies import create_body, get_body, set_quorum_rule
from db.people import add_seat, person_record, roster, save_seat
from secretary.models import Body, Category, MinimumKind, Membership, Person, QuorumRequirement, QuorumRule

RULE = QuorumRule(requirements=(
    QuorumRequirement(label="the Chair or Deputy Chair", categories=(Category.chair, Category.deputy_chair)),
    QuorumRequirement(label="executive member", categories=(Category.executive,)),
))


@pytest.fixture
def board(book):
    body = create_body(book, Body(name="Eastmere Council Health Scrutiny", short_name="EHS", quorum_rule=RULE))
    marsh = add_seat(book, Person(body_id=body.id, name="Helen Marsh", honorific="Dr", initials="HM"),
                     Membership(person_id=0, category=Category.chair, role="Chair", voting=True))
    moss = add_seat(book, Person(body_id=body.id, name="Harriet Moss", initials="HMo"),
                    Membership(person_id=0, category=Category.executive, role="Director", voting=True))
    return body, marsh, moss


def test_a_seat_and_its_person_are_saved_together(book, board) -> None:
    body, _, moss = board
    edited = moss.model_copy(update={
        "person": moss.person.model_copy(update={"initials": "HMs"}),
        "membership": moss.membership.model_copy(
            update={"category": Category.non_executive, "end_date": date(2025, 3, 31)}),
    })
    save_seat(book, edited)
    assert next(s for s in roster(book, body.id) if s.person.id == moss.person.id) == edited


def test_initials_that_clash_change_neither_the_person_nor_the_seat(book, board) -> None:
    body, _, moss = board
    before = roster(book, body.id)
    clash = moss.model_copy(update={
        "person": moss.person.model_copy(update={"initials": "HM"}),
        "membership": moss.membership.model_copy(update={"voting": False}),
    })
    with pytest.raises(Refused, match="already used by Helen Marsh"):
        save_seat(book, clash)
    assert roster(book, body.id) == before


def test_a_persons_record_is_counted_and_outlives_the_seat(book, board) -> None:
    body, _, moss = board
    assert person_record(book, moss.person.id) == (0, 0, 0)
    from db.attendance import set_attendance
    from db.meetings import create_meeting
    from secretary.models import Attendance, Meeting

    meeting = create_meeting(book, Meeting(body_id=body.id, title="Scrutiny", date=date(2025, 3, 4)))
    set_attendance(book, Attendance(meeting_id=meeting.id, person_id=moss.person.id))
    ended = moss.membership.model_copy(update={"end_date": date(2025, 3, 31)})
    save_seat(book, moss.model_copy(update={"membership": ended}))
    assert person_record(book, moss.person.id).meetings == 1
    assert [s.person.initials for s in roster(book, body.id, on=date(2025, 4, 1))] == ["HM"]


def test_a_quorum_rule_is_stored_in_one_transaction(book, board) -> None:
    body, _, _ = board
    changed = QuorumRule(minimum_kind=MinimumKind.absolute, minimum_number=3, remote_counts=False,
                         requirements=(QuorumRequirement(label="partner member", categories=(Category.partner,)),))
    set_quorum_rule(book, body.id, changed)
    assert get_body(book, body.id).quorum_rule == changed
    # a requirement the book refuses (count 0, past the model's check) leaves the rule as it was
    broken = RULE.model_copy(update={"requirements": RULE.requirements + (
        QuorumRequirement.model_construct(label="nobody", categories=(Category.partner,), count=0),)})
    with pytest.raises(sqlite3.IntegrityError):
        set_quorum_rule(book, body.id, broken)
    assert get_body(book, body.id).quorum_rule == changed
