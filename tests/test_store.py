"""Every entity round-trips through the book, and every write is committed at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from db import Book, Refused
from db.actions import (
    add_update, delete_action, get_action, list_actions, list_updates, next_action_number, raise_action, update_action,
)
from db.attendance import add_movement, delete_movement, list_attendance, list_movements, set_attendance, update_movement
from db.bodies import create_body, find_body, get_body, set_quorum_rule
from db.meetings import add_item, create_meeting, get_item, get_meeting, list_items, resolve_meeting, update_meeting
from db.minutes import (
    add_declaration, add_decision, add_interest, add_public_question, get_minute, list_declarations, list_decisions,
    list_interests, list_public_questions, save_minute,
)
from db.people import add_membership, add_person, add_seat, roster, update_person
from secretary.models import (
    Action, ActionOwner, ActionStatus, ActionUpdate, AgendaItem, Attendance, AttendanceStatus, Body, Category,
    Declaration, DeclarationOutcome, Decision, DecisionVerb, Group, Interest, InterestNature, Meeting, MeetingStatus,
    Membership, Minute, Movement, MovementKind, Part, PastDeadline, Person, Phase, PublicQuestion, QuorumRequirement,
    QuorumRule,
)

NOW = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


def committed(path: Path, sql: str) -> list[tuple]:
    """What a second connection sees: copy the book and its WAL in another process and read the copy."""
    code = textwrap.dedent(f"""
        import shutil, sqlite3, sys, tempfile, os
        src = {str(path)!r}
        tmp = tempfile.mkdtemp()
        dst = os.path.join(tmp, "copy")
        shutil.copyfile(src, dst)
        if os.path.exists(src + "-wal"):
            shutil.copyfile(src + "-wal", dst + "-wal")
        conn = sqlite3.connect(dst)
        print(repr(conn.execute({sql!r}).fetchall()))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return eval(out)  # noqa: S307 - our own repr of a list of tuples


@pytest.fixture
def body(book: Book) -> Body:
    return create_body(book, Body(name="Northbridge Integrated Care Board", short_name="NICB"))


@pytest.fixture
def meeting(book: Book, body: Body) -> Meeting:
    return create_meeting(book, Meeting(body_id=body.id, title="Board in public", date=date(2025, 3, 21),
                                        planned_start=time(9), planned_end=time(12, 30), venue="Council Chamber"))


@pytest.fixture
def chair(book: Book, body: Body) -> Person:
    seat = add_seat(book, Person(body_id=body.id, name="Helen Marsh", honorific="Dr", initials="HM"),
                    Membership(person_id=0, category=Category.chair, role="Chair", voting=True))
    return seat.person


def test_body_and_quorum_rule_round_trip(book: Book, book_path: Path) -> None:
    rule = QuorumRule(
        requirements=(
            QuorumRequirement(label="the Chair or Deputy Chair", categories=(Category.chair, Category.deputy_chair)),
            QuorumRequirement(label="executive", categories=(Category.executive,), count=2),
        ),
        remote_counts=False, conflicted_count=True,
    )
    stored = create_body(book, Body(name="Audit Committee", short_name="ARAC", quorum_rule=rule))
    assert get_body(book, stored.id) == stored
    assert find_body(book, "arac") == stored and find_body(book, str(stored.id)) == stored
    assert committed(book_path, "SELECT name FROM body") == [("Audit Committee",)]
    set_quorum_rule(book, stored.id, QuorumRule(minimum_kind="absolute", minimum_number=4))
    assert get_body(book, stored.id).quorum_rule.minimum_number == 4
    assert committed(book_path, "SELECT minimum_number FROM quorum_rule") == [(4,)]
    with pytest.raises(Refused, match="No body 'XYZ'"):
        find_body(book, "XYZ")


def test_people_and_seats_round_trip(book: Book, book_path: Path, body: Body, chair: Person) -> None:
    seats = roster(book, body.id)
    assert [s.person for s in seats] == [chair]
    assert seats[0].membership.category is Category.chair and seats[0].membership.voting
    with pytest.raises(Refused, match="already used by Helen Marsh"):
        add_person(book, Person(body_id=body.id, name="Harriet Moss", initials="HM"))
    moss = add_person(book, Person(body_id=body.id, name="Harriet Moss", initials="HMo"))
    add_membership(book, Membership(person_id=moss.id, category=Category.participant, group=Group.participant,
                                    end_date=date(2024, 12, 31)))
    assert len(roster(book, body.id)) == 2
    assert len(roster(book, body.id, on=date(2025, 3, 21))) == 1  # she left: history kept, not in post
    update_person(book, moss.model_copy(update={"name": "Harriet Moss-Evans"}))
    assert committed(book_path, "SELECT name FROM person ORDER BY id") == [("Helen Marsh",), ("Harriet Moss-Evans",)]


def test_meeting_and_agenda_round_trip(book: Book, book_path: Path, body: Body, meeting: Meeting) -> None:
    assert get_meeting(book, meeting.id) == meeting
    live = meeting.model_copy(update={"status": MeetingStatus.live, "opened_at": NOW, "public_in_person": 2})
    update_meeting(book, live)
    assert get_meeting(book, meeting.id) == live
    assert committed(book_path, "SELECT status FROM meeting") == [("live",)]
    item = add_item(book, AgendaItem(meeting_id=meeting.id, position=1, number="1", title="Welcome",
                                     section="Opening Items", planned_start=time(9), lead="Chair"))
    sub = add_item(book, AgendaItem(meeting_id=meeting.id, parent_id=item.id, position=2, number="1a",
                                    title="Apologies", purpose="Note", part=Part.public))
    assert list_items(book, meeting.id) == [item, sub]
    assert get_item(book, sub.id) == sub
    assert committed(book_path, "SELECT number FROM agenda_item ORDER BY position") == [("1",), ("1a",)]


def test_sub_item_cannot_hang_from_another_meeting(book: Book, body: Body, meeting: Meeting) -> None:
    other = create_meeting(book, Meeting(body_id=body.id, title="Next", date=date(2025, 6, 27)))
    parent = add_item(book, AgendaItem(meeting_id=other.id, number="1", title="Welcome"))
    with pytest.raises(Refused, match="another meeting's agenda"):
        add_item(book, AgendaItem(meeting_id=meeting.id, parent_id=parent.id, number="1a", title="Apologies"))
    with pytest.raises(Exception):  # the schema refuses it too, even past the check
        book.db.execute("INSERT INTO agenda_item (meeting_id, parent_id, title) VALUES (?, ?, 'x')",
                        [meeting.id, parent.id])


def test_resolve_next_and_latest(book: Book, body: Body, meeting: Meeting) -> None:
    held = create_meeting(book, Meeting(body_id=body.id, title="December", date=date(2024, 12, 13),
                                        status=MeetingStatus.closed))
    assert resolve_meeting(book, "next") == meeting
    assert resolve_meeting(book, "latest") == held
    assert resolve_meeting(book, str(held.id)) == held
    with pytest.raises(Refused, match="not a meeting"):
        resolve_meeting(book, "soon")


def test_attendance_and_movements_round_trip(book: Book, book_path: Path, meeting: Meeting, chair: Person) -> None:
    item = add_item(book, AgendaItem(meeting_id=meeting.id, number="2", title="Questions from the public"))
    att = set_attendance(book, Attendance(meeting_id=meeting.id, person_id=chair.id, status=AttendanceStatus.expected))
    again = set_attendance(book, att.model_copy(update={"status": AttendanceStatus.present, "note": "chairing"}))
    assert again.id == att.id and list_attendance(book, meeting.id) == [again]
    moved = add_movement(book, Movement(meeting_id=meeting.id, person_id=chair.id, kind=MovementKind.left,
                                        at=NOW, item_id=item.id))
    fixed = moved.model_copy(update={"phase": Phase.end, "at": NOW + timedelta(minutes=5)})
    update_movement(book, fixed)
    assert list_movements(book, meeting.id) == [fixed]
    assert committed(book_path, "SELECT kind, phase FROM movement") == [("left", "end")]
    delete_movement(book, moved.id)
    assert list_movements(book, meeting.id) == []
    assert committed(book_path, "SELECT count(*) FROM movement") == [(0,)]


def test_minutes_decisions_declarations_questions_round_trip(
    book: Book, book_path: Path, body: Body, meeting: Meeting, chair: Person
) -> None:
    item = add_item(book, AgendaItem(meeting_id=meeting.id, number="7", title="Joint Forward Plan"))
    assert get_minute(book, item.id) == Minute(item_id=item.id)
    minute = Minute(item_id=item.id, presenters="Ruth Ellison, Chief of Strategy", notes="The plan was *presented*.",
                    started_at=NOW, taken_order=3)
    save_minute(book, minute)
    save_minute(book, minute.model_copy(update={"notes": minute.notes + "\n- Bullet"}))
    assert get_minute(book, item.id).notes.endswith("- Bullet")
    assert committed(book_path, "SELECT taken_order FROM minute") == [(3,)]
    decision = add_decision(book, Decision(item_id=item.id, verb=DecisionVerb.approved, text="the plan", recorded_at=NOW))
    assert list_decisions(book, item.id) == [decision]
    interest = add_interest(book, Interest(body_id=body.id, person_id=chair.id, surname="Marsh", forename="Helen",
                                           financial=True, details="Chair of Lantern Enterprises Ltd",
                                           date_from_text="01/11/2020", date_from=date(2020, 11, 1), ongoing=True))
    assert list_interests(book, body.id, chair.id) == [interest]
    declaration = add_declaration(book, Declaration(
        meeting_id=meeting.id, item_id=item.id, person_id=chair.id, interest_id=interest.id,
        interest="Chair of Lantern Enterprises Ltd", nature=InterestNature.financial,
        outcome=DeclarationOutcome.withdrew))
    assert list_declarations(book, meeting.id) == [declaration]
    question = add_public_question(book, PublicQuestion(meeting_id=meeting.id, asker="A resident",
                                                        question="When will the clinic reopen?"))
    assert list_public_questions(book, meeting.id) == [question]
    assert committed(book_path, "SELECT count(*) FROM declaration") == [(1,)]


def test_actions_round_trip_and_numbers_never_reused(book: Book, book_path: Path, body: Body, meeting: Meeting) -> None:
    imported = raise_action(book, Action(body_id=body.id, number=64, text="Share communications",
                                         owners=(ActionOwner(name="Sophie Turnbull"),), due_text="16/12/2024",
                                         due_date=date(2024, 12, 16), status=ActionStatus.complete))
    assert next_action_number(book, body.id) == 65
    first = raise_action(book, Action(body_id=body.id, meeting_id=meeting.id, text="Report uptake",
                                      owners=(ActionOwner(name="FA"), ActionOwner(name="VCSE lead")), due_text="TBC"))
    second = raise_action(book, Action(body_id=body.id, text="Second, straight after"))
    assert (first.number, second.number) == (65, 66)
    assert get_action(book, first.id) == first
    assert committed(book_path, "SELECT number FROM action ORDER BY number") == [(64,), (65,), (66,)]
    delete_action(book, second.id, "raised twice by mistake")
    assert [a.number for a in list_actions(book, body.id)] == [64, 65]
    third = raise_action(book, Action(body_id=body.id, text="After the deletion"))
    assert third.number == 67  # 66 stays retired
    moved = first.model_copy(update={
        "due_text": "27/06/2025", "due_date": date(2025, 6, 27),
        "past_deadlines": (PastDeadline(due_text="TBC", replaced_on=date(2025, 3, 21)),),
    })
    update_action(book, moved)
    assert get_action(book, first.id) == moved
    update = add_update(book, ActionUpdate(action_id=first.id, meeting_id=meeting.id, given_on=date(2025, 3, 21),
                                           text="On track", status=ActionStatus.in_progress))
    assert list_updates(book, first.id) == [update]
    with pytest.raises(Refused, match="already exists"):
        raise_action(book, Action(body_id=body.id, number=64, text="A clash"))
    assert committed(book_path, "SELECT text FROM action_update") == [("On track",)]
