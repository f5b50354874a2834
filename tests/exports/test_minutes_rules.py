"""The clerk's remaining fixes, each as a rule of the minutes (issue 16): step-outs, sections,
sub-items, member order, declarations' grammar, verbs, the confidential title, stock
sentences only where the record supports them."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from db.demo import build_demo
from db.record import read_record
from secretary.exports.minutes import render
from secretary.exports.settings import MemberOrder, SubItems
from secretary.minutes_doc import ItemRow, build_minutes
from secretary.models import (
    Decision, DecisionVerb, Declaration, DeclarationOutcome, InterestNature, Minute, Movement, MovementKind, Phase,
)

DECEMBER = 1
CEO_UPDATE, FINANCE, AOB = 9, 12, 13  # item ids in the demo's December meeting
OC, MK = 3, 6  # person ids


@pytest.fixture(scope="module")
def december(tmp_path_factory):
    book, _, _ = build_demo(tmp_path_factory.mktemp("rules") / "demo.secretary")
    state = read_record(book, DECEMBER)
    book.close()
    return state


def row(doc, number: str) -> ItemRow:
    return next(r for r in doc.items if r.number == number and not r.section)


def texts(item: ItemRow) -> list[str]:
    return [b.text for b in item.blocks if hasattr(b, "text")]


def at(minutes: int) -> datetime:
    return datetime(2024, 12, 13, 11, 0, tzinfo=timezone.utc) + timedelta(minutes=minutes)


def stepping_out(state, *, decided_at: datetime):
    """MK steps out of the finance item for five minutes and comes back within it."""
    moves = [Movement(meeting_id=DECEMBER, person_id=MK, kind=MovementKind.left, at=at(0), item_id=FINANCE),
             Movement(meeting_id=DECEMBER, person_id=MK, kind=MovementKind.left, at=at(1), item_id=FINANCE),
             Movement(meeting_id=DECEMBER, person_id=MK, kind=MovementKind.returned, at=at(5), item_id=FINANCE)]
    decisions = [d if d.item_id != FINANCE else d.model_copy(update={"recorded_at": decided_at})
                 for d in state.decisions]
    return dataclasses.replace(state, movements=state.movements + moves, decisions=decisions)


def test_a_brief_step_out_is_not_minuted(december) -> None:
    doc = build_minutes(stepping_out(december, decided_at=at(20)))
    finance = texts(row(doc, "9"))
    assert finance.count("MK left the meeting.") == 1  # the final departure, at the end of the item
    assert "MK returned." not in finance
    members = {a.initials: a.name for a in doc.attendance[0].rows}
    assert members["MK"] == "Martin Kell (until end of item 9)"


def test_a_decision_taken_during_a_step_out_says_so(december) -> None:
    doc = build_minutes(stepping_out(december, decided_at=at(3)))
    assert "The Board noted the finance update. (MK was out of the room when this decision was taken.)" in texts(
        row(doc, "9"))


def test_sections_print_as_rows_and_sub_items_inside_their_item(december) -> None:
    items = [i.model_copy(update={"section": "Opening items" if i.id < 7 else "SYSTEM STRATEGY"})
             for i in december.items]
    doc = build_minutes(dataclasses.replace(december, items=items))
    sections = [r.title for r in doc.items if r.section]
    assert sections == ["Opening items", "SYSTEM STRATEGY"]
    three = texts(row(doc, "3"))
    assert three[0] == "a) To approve the minutes of the Board on 27 September – attached"
    assert "b) Action log - attached" in three
    assert not any(r.number in ("3a", "3b") for r in doc.items)
    as_rows = build_minutes(dataclasses.replace(december, items=items), sub_items=SubItems.rows)
    assert [r.number for r in as_rows.items if r.number.startswith("3")] == ["3", "3a", "3b"]
    md = render("md", doc).decode()
    assert "#### OPENING ITEMS" in md and "**a) To approve the minutes" in md


def test_members_by_seat_or_by_surname(december) -> None:
    by_surname = [a.initials for a in build_minutes(december).attendance[0].rows]
    by_seat = [a.initials for a in build_minutes(december, member_order=MemberOrder.seat).attendance[0].rows]
    assert by_surname[0] == by_seat[0] == "HM"  # the Chair first either way
    assert by_surname[1:4] == ["GA", "CB", "OC"] and by_surname != by_seat
    assert sorted(by_surname) == sorted(by_seat)


def test_declarations_read_as_english_and_a_withdrawal_is_said_once(december) -> None:
    declared = Declaration(meeting_id=DECEMBER, item_id=CEO_UPDATE, person_id=OC, interest="Sister is director of X",
                           nature=InterestNature.indirect, outcome=DeclarationOutcome.withdrew)
    moves = [Movement(meeting_id=DECEMBER, person_id=OC, kind=MovementKind.withdrew, at=at(-60),
                      item_id=CEO_UPDATE, phase=Phase.start),
             Movement(meeting_id=DECEMBER, person_id=OC, kind=MovementKind.returned, at=at(-50),
                      item_id=CEO_UPDATE, phase=Phase.end)]
    state = dataclasses.replace(december, declarations=[declared], movements=december.movements + moves)
    six = texts(row(build_minutes(state), "6"))
    assert "OC declared an indirect interest (sister is director of X)." in six
    assert sum("withdrew" in t for t in six) == 1
    assert "OC withdrew for this item and returned at the end." in six


def test_verbs_and_several_decisions(december) -> None:
    decisions = december.decisions + [
        Decision(item_id=FINANCE, verb=DecisionVerb.not_approved, text="the business case")]
    doc = build_minutes(dataclasses.replace(december, decisions=decisions))
    md = render("md", doc).decode()
    assert "not approved" not in md
    assert "The Board:\n\n- **noted** the finance update.\n- **did not approve** the business case." in md


def test_the_confidential_title_and_marks(december) -> None:
    confidential = build_minutes(december, confidential=True)  # December has no Part II items
    assert confidential.title_line == "Minutes of the Meeting of the Board — CONFIDENTIAL"
    assert confidential.marks == ["CONFIDENTIAL", "DRAFT"]
    assert "in public" not in confidential.title_line.lower()


def test_an_item_with_nothing_recorded_is_not_minuted(december) -> None:
    minutes = {k: v for k, v in december.minutes.items() if k != AOB}
    minutes[AOB] = Minute(item_id=AOB, taken_order=99, notes="")
    doc = build_minutes(dataclasses.replace(december, minutes=minutes))
    assert texts(row(doc, "10")) == ["Not minuted."]  # never "There was no other business."


def test_a_response_names_the_responder_in_full(december) -> None:
    from secretary.models import PublicQuestion

    asked = PublicQuestion(meeting_id=DECEMBER, asker="A resident", question="When?", response="In June.",
                           responder="NF")
    doc = build_minutes(dataclasses.replace(december, questions=[asked]))
    md = render("md", doc).decode()
    assert "**Response from Neil Foster, Chief Finance Officer (CFO):** In June." in md
    assert "(NF)" not in md


def test_a_meeting_held_in_private_is_not_called_public(december) -> None:
    private = dataclasses.replace(december, meeting=december.meeting.model_copy(
        update={"public": False, "title": "Meeting of the Board in private"}))
    assert build_minutes(private).title_line == "Minutes of the Meeting of the Board held in private"
    assert build_minutes(december).title_line == "Minutes of the Meeting of the Board in PUBLIC"
