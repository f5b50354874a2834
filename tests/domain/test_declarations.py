"""The minutes' words for a declaration, and the register hint for an item."""

from __future__ import annotations

from secretary.declarations import interest_hints, significant_words, wording
from secretary.models import AgendaItem, Declaration, DeclarationOutcome, Interest, InterestNature


def declaration(outcome: DeclarationOutcome, nature=InterestNature.financial, own: str = "") -> Declaration:
    return Declaration(meeting_id=1, item_id=7, person_id=3, interest="Director, Eastmere Estates Ltd",
                       nature=nature, outcome=outcome, wording=own)


def test_wording_for_each_outcome() -> None:
    assert wording(declaration(DeclarationOutcome.withdrew), "VM") == (
        "VM declared a financial interest as a director of Eastmere Estates Ltd and withdrew for the item.")
    assert wording(declaration(DeclarationOutcome.withdrew), "VM", withdrawal_told=True) == (
        "VM declared a financial interest as a director of Eastmere Estates Ltd.")  # the item's minute says where
    indirect = declaration(DeclarationOutcome.took_part, InterestNature.indirect).model_copy(
        update={"interest": "Sister is director of Eastmere Hospice"})
    assert wording(indirect, "ASh").startswith(
        "ASh declared an indirect interest (sister is director of Eastmere Hospice). It was agreed")
    titled = indirect.model_copy(update={"interest": "Clinical Director, Riverside Primary Care Network"})
    assert "(Clinical Director, Riverside Primary Care Network)" in wording(titled, "ASa")  # a title keeps its capitals
    one_word = indirect.model_copy(update={"interest": "Landlord"})
    assert "(landlord)" in wording(one_word, "ASa")
    assert "remained in the meeting but took no part in the decision" in wording(
        declaration(DeclarationOutcome.no_part_in_decision), "VM")
    assert "could remain and take part" in wording(declaration(DeclarationOutcome.took_part, None), "VM")
    assert "declared an interest" in wording(declaration(DeclarationOutcome.took_part, None), "VM")
    assert "non-financial personal interest" in wording(
        declaration(DeclarationOutcome.took_part, InterestNature.non_financial_personal), "VM")


def test_the_clerks_own_words_win() -> None:
    assert wording(declaration(DeclarationOutcome.withdrew, own=" VM left the room. "), "VM") == "VM left the room."


def interest(person_id: int, details: str, declares: str = "Yes") -> Interest:
    return Interest(body_id=1, person_id=person_id, details=details, declares=declares)


def test_hints_match_uncommon_words_of_people_in_the_room_only() -> None:
    item = AgendaItem(meeting_id=1, title="Procurement of integrated urgent care – award recommendation")
    interests = [
        interest(1, "Trustee, Northbridge Urgent Care Centre"),
        interest(2, "Trustee, Westholm Urgent Care"),  # not in the room
        interest(3, "Member, Northbridge Integrated Care Partnership"),  # only common words shared
        interest(None, "Urgent care consultant"),  # unmatched register row
    ]
    hints = interest_hints(item, interests, present={1, 3})
    assert [(i.person_id, words) for i, words in hints] == [(1, {"urgent"})]


def test_significant_words_skip_the_common_ones() -> None:
    assert significant_words("The Chief Executive's Report on the Estates Strategy") == {"executive", "estates"}
    assert significant_words("Board update") == set()
