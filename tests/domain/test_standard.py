"""The opening items' usual sentences, from what was recorded."""

from __future__ import annotations

from datetime import date

from secretary.models import AgendaItem, Declaration, DeclarationOutcome, Meeting
from secretary.quorum import QuorumResult
from secretary.standard import standard_text

MEETING = Meeting(id=1, body_id=1, title="Board", date=date(2025, 3, 21))


def text(title: str, **kw) -> str | None:
    item = AgendaItem(id=5, meeting_id=1, title=title)
    return standard_text(item, meeting=kw.pop("meeting", MEETING), noun="The Board", **kw)


def quorum(quorate: bool) -> QuorumResult:
    return QuorumResult(quorate=quorate, counted=7 if not quorate else 9, needed=8, voting_in_post=14,
                        missing=() if quorate else ("needs 1 more member",), counted_ids=frozenset())


def test_apologies_quoracy_minutes_actions_planner() -> None:
    assert text("Apologies") == "Apologies were noted as above."
    assert text("Quoracy", quorum=quorum(True)) == "It was confirmed that the meeting was quorate."
    assert text("Quoracy", quorum=quorum(False)) == "The meeting was not quorate: needs 1 more member."
    assert text("Minutes from meeting held on 13 December 2024", previous_date=date(2024, 12, 13)) == (
        "The minutes of the meeting held on 13 December 2024 were approved as an accurate record.")
    assert text("Action Tracker") == "The Board noted the action tracker."
    assert text("Board Decision Planner") == "The Board Decision Planner was noted."
    assert text("Welcome and Introductions") == "The Chair welcomed everyone to the meeting."
    assert text("Joint Forward Plan refresh 2025/26") is None  # a real item: the clerk writes it
    assert text("Questions from the Public") is None


def test_interests_item_says_what_was_declared_confirmed_and_given() -> None:
    assert text("Relevant Persons' Disclosure of Interests") == (
        "There were no declarations of interest. There were no declarations of gifts or hospitality.")
    confirmed = MEETING.model_copy(update={"register_confirmed": True, "gifts_hospitality": "PN: dinner, £40"})
    declared = [Declaration(meeting_id=1, item_id=None, person_id=3, interest="Trustee, Eastmere Hospice",
                            outcome=DeclarationOutcome.took_part),
                Declaration(meeting_id=1, item_id=9, person_id=4, interest="elsewhere")]
    said = text("Declarations of Interest", meeting=confirmed, declarations=declared, initials={3: "GA", 4: "OC"})
    assert said.startswith("GA declared an interest as a trustee of Eastmere Hospice.")
    assert "OC" not in said  # a declaration on another item belongs to that item
    assert "The Register of Interests was confirmed as up to date." in said
    assert said.endswith("Gifts and hospitality declared: PN: dinner, £40")
