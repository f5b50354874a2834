"""Minuting in the live screen as the clerk does it: type notes, move on, come back;
presenters and taken-as-read; decisions, their order, and a decision while inquorate."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from db.demo import build_demo
from db.meetings import list_items
from db.minutes import get_minute, list_decisions
from screens.app import SecretaryApp
from screens.confirm import ConfirmScreen
from screens.decision_form import DecisionForm, DecisionsScreen, read_verb
from screens.live import LiveScreen
from screens.live_bar import LiveBar
from screens.live_room import LiveRoom
from screens.minute_editor import ItemLines
from secretary.models import DecisionVerb
from tests.pilot import go_live, type_text

EVERYONE = "p" * 15  # the roll ticked present down the list

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


async def test_notes_are_kept_as_typed_across_items(demo) -> None:
    book, upcoming = demo
    items = list_items(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll=EVERYONE)
        notes = live.query_one("#notes", TextArea)
        assert notes.has_focus  # the editor is where the clerk types
        await type_text(pilot, "Welcome all.")
        await pilot.pause()
        assert get_minute(book, items[0].id).notes == "Welcome all."  # saved without a save command

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert notes.text == ""
        await type_text(pilot, "Apologies noted.")
        await pilot.press("enter")
        await type_text(pilot, "- from RD")
        await pilot.pause()

        await pilot.press("ctrl+b")  # back to item 1: its notes are there
        await pilot.pause()
        assert notes.text == "Welcome all."
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("1", "a", "enter")
        await pilot.pause()
        assert notes.text == "Apologies noted.\n- from RD"

        # presenters and taken as read
        live.query_one("#presenters", Input).value = "Catherine Bell, Chief Executive Officer"
        await pilot.press("shift+tab")  # from the notes back to "taken as read", ticked with Space
        assert live.focused is live.query_one("#as-read")
        await pilot.press("space")
        await pilot.pause()
        assert live.query_one("#as-read").value is True
        await pilot.press("tab")  # and on into the notes again
        assert notes.has_focus
        # an arrival puts its line where the clerk was (on a line of its own after a list line)
        await pilot.press("f2")
        await pilot.pause()
        await type_text(pilot, "JP")
        await pilot.press("enter")
        await pilot.pause()
        assert notes.text == "Apologies noted.\n- from RD\nJP arrived."
        assert notes.has_focus  # back where the clerk was typing
        assert "JP arrived." not in live.query_one(ItemLines).part("item-notes")  # not twice

    first, second = get_minute(book, items[0].id), get_minute(book, items[1].id)
    assert first.notes == "Welcome all."
    assert second.notes == "Apologies noted.\n- from RD\nJP arrived."
    assert second.presenters == "Catherine Bell, Chief Executive Officer"
    assert second.taken_as_read is True
    # typing never disturbed the item's times or running order
    assert (first.taken_order, second.taken_order) == (1, 2)
    assert first.started_at == START


async def test_a_space_typed_last_is_kept_when_the_clerk_comes_back(demo) -> None:
    book, upcoming = demo
    first = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll="")
        notes = live.query_one("#notes", TextArea)
        await type_text(pilot, "Noted. ")
        await pilot.pause()
        assert get_minute(book, first.id).notes == "Noted. "
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+b")  # back: the text comes from the book, space and all
        await pilot.pause()
        await type_text(pilot, "Next")
        await pilot.pause()
        assert notes.text == "Noted. Next"
    assert get_minute(book, first.id).notes == "Noted. Next"


async def test_decisions_recorded_reordered_and_edited(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll=EVERYONE)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)
        await type_text(pilot, "app")
        await pilot.press("enter")  # the verb completes and the cursor moves to the text
        await type_text(pilot, "the agenda")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        await type_text(pilot, "not a")  # "not" alone could be noted: the form would ask
        await pilot.press("enter")
        await type_text(pilot, "the late paper")
        await pilot.press("enter")
        await pilot.pause()
        shown = live.query_one(ItemLines).part("decisions")
        assert "The Board:" in shown and "APPROVED the agenda" in shown and "NOT APPROVED the late paper" in shown

        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
        await pilot.press("down", "K")  # the second goes first
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # Enter on the verb moves on to the text
        text = app.screen.query_one("#text", Input)
        assert text.has_focus
        text.value = "the late paper, subject to the changes above"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    decisions = list_decisions(book, item.id)
    assert [(d.verb, d.text) for d in decisions] == [
        (DecisionVerb.not_approved, "the late paper, subject to the changes above"),
        (DecisionVerb.approved, "the agenda"),
    ]
    assert not any(d.inquorate for d in decisions)
    assert decisions[0].recorded_at == START


async def test_a_decision_while_inquorate_asks_first_and_is_marked(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll="ppp")  # three members: inquorate
        assert "INQUORATE" in live.query_one(LiveBar).part("quorum")
        for answer in ("n", "y"):
            await pilot.press("f6")
            await pilot.pause()
            await type_text(pilot, "noted")
            await pilot.press("enter")
            await type_text(pilot, "the report")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press(answer)
            await pilot.pause()
            if answer == "n":
                assert list_decisions(book, item.id) == []  # declined: nothing recorded
        assert "(while inquorate)" in live.query_one(ItemLines).part("decisions")
    [decision] = list_decisions(book, item.id)
    assert decision.inquorate is True and decision.verb is DecisionVerb.noted


async def test_bad_verbs_are_refused_with_the_list() -> None:
    assert read_verb("APP") is DecisionVerb.approved
    assert read_verb("not a") is DecisionVerb.not_approved
    assert read_verb(" Ratified ") is DecisionVerb.ratified
    for bad in ("", "resolved"):
        with pytest.raises(ValueError, match="noted, approved"):
            read_verb(bad)
    for several in ("a", "not", "no"):  # a start that fits two verbs names them; nothing is guessed
        with pytest.raises(ValueError, match="could be"):
            read_verb(several)


async def test_a_declaration_with_withdrawal_changes_the_items_quorum(demo) -> None:
    from db.attendance import list_movements
    from db.minutes import list_declarations
    from db.people import person_by_initials
    from screens.declaration_form import DeclarationForm
    from secretary.models import DeclarationOutcome, MovementKind, Phase

    book, upcoming = demo
    procurement = next(i for i in list_items(book, upcoming) if i.number == "18")
    asa = person_by_initials(book, 1, "ASa")
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll=EVERYONE)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "18")
        await pilot.press("enter")
        await pilot.pause()
        # a hint, not a declaration: Dr Shah is a trustee of the urgent care centre
        hint = live.query_one(ItemLines).part("declarations")
        assert "ASa — Trustee, Northbridge Urgent Care Centre" in hint
        assert list_declarations(book, upcoming) == []
        assert "For this item" not in str(live.query_one("#item-title", Static).content)  # as the meeting's

        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationForm)
        await type_text(pilot, "ASa")
        await pilot.press("enter")  # Dr Shah; on to her register entries
        await pilot.press("down", "down", "enter")  # the third: the urgent care centre
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter")  # what was done: withdrew for the item
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        shown = live.query_one(ItemLines).part("declarations")
        assert "ASa declared" in shown and "Urgent Care Centre and withdrew for the item." in shown
        assert "Registered interests" not in shown  # declared now, so no longer a hint
        # she has left the room for the item: one fewer counts, for the item and the meeting
        assert "QUORATE · 13 present · 8 needed" in live.query_one(LiveBar).part("quorum")
        assert "ASa" in live.query_one(LiveRoom).plain.split("Out (1)")[1]

        # Dr Shaw stays but takes no part in the decision: the item's count drops, the room's does not
        await pilot.press("f8")
        await pilot.pause()
        await type_text(pilot, "ASh")
        await pilot.press("enter", "enter")  # his first register entry
        await pilot.pause()
        await pilot.press("enter", "down", "enter")  # remained but took no part in the decision
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        heading = str(live.query_one("#item-title", Static).content).splitlines()
        assert heading[0].startswith("18. Procurement of integrated urgent care") and "For this item: Quorate: 12 present · 8 needed" in heading
        assert "QUORATE · 13 present · 8 needed" in live.query_one(LiveBar).part("quorum")

        await pilot.press("ctrl+b")  # on to item 17: Dr Shah comes back as item 18 ends
        await pilot.pause()

    declaration, no_part = list_declarations(book, upcoming)
    assert no_part.outcome is DeclarationOutcome.no_part_in_decision
    assert (declaration.person_id, declaration.item_id, declaration.outcome) == (
        asa.id, procurement.id, DeclarationOutcome.withdrew)
    assert declaration.interest == "Trustee, Northbridge Urgent Care Centre"
    assert declaration.interest_id is not None
    moves = [(m.person_id, m.kind, m.item_id, m.phase) for m in list_movements(book, upcoming)]
    assert moves == [
        (asa.id, MovementKind.withdrew, procurement.id, Phase.start),
        (asa.id, MovementKind.returned, procurement.id, Phase.end),
    ]


async def test_public_questions_are_kept_with_the_questions_item(demo) -> None:
    from db.minutes import list_public_questions
    from screens.public_questions import QuestionForm, QuestionsScreen

    book, upcoming = demo
    questions_item = next(i for i in list_items(book, upcoming) if i.title == "Questions from the Public")
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll=EVERYONE)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionForm)  # none yet: straight to a new one
        await type_text(pilot, "Ms A Resident")
        await pilot.press("tab")
        await type_text(pilot, "When will the clinic reopen?")
        await pilot.press("tab")
        await type_text(pilot, "In May.")
        await pilot.press("tab")
        await type_text(pilot, "Chief Finance Officer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing typed: refused, the form stays
        await pilot.pause()
        assert isinstance(app.screen, QuestionForm)
        assert "needed" in str(app.screen.query_one("#error", Static).content)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    [question] = list_public_questions(book, upcoming)
    assert (question.asker, question.question, question.response, question.responder) == (
        "Ms A Resident", "When will the clinic reopen?", "In May.", "Chief Finance Officer")
    assert question.item_id == questions_item.id


async def test_standard_text_for_the_opening_items(demo) -> None:
    from db.meetings import get_meeting

    book, upcoming = demo
    items = {i.number: i for i in list_items(book, upcoming)}
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll=EVERYONE)
        for number in ("1a", "1b", "1c", "1d"):
            await pilot.press("ctrl+g")
            await pilot.pause()
            await type_text(pilot, number)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f12")
            await pilot.pause()
            if number == "1c":  # the register and gifts are asked first
                await pilot.press("space", "tab", "enter")
                await pilot.pause()
            if number == "1d":  # approving December's minutes: no amendments
                await pilot.press("enter")
                await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "7")
        await pilot.press("enter", "f12")
        await pilot.pause()
        assert live.query_one("#notes", TextArea).text == ""  # no standard text for a real item
    assert get_minute(book, items["1a"].id).notes == "Apologies were noted as above."
    assert get_minute(book, items["1b"].id).notes == "It was confirmed that the meeting was quorate."
    assert get_minute(book, items["1c"].id).notes == (
        "There were no declarations of interest. The Register of Interests was confirmed as up to date. "
        "There were no declarations of gifts or hospitality.")
    assert get_minute(book, items["1d"].id).notes == (
        "The minutes of the meeting held on 13 December 2024 were approved as an accurate record.")
    assert get_meeting(book, upcoming).register_confirmed is True


async def test_presenters_complete_from_the_people_at_the_meeting() -> None:
    from secretary.models import Person
    from screens.suggest import PeopleSuggester

    cb = Person(id=1, name="Catherine Bell", initials="CB")
    nf = Person(id=2, name="Neil Foster", initials="NF")
    suggest = PeopleSuggester([cb, nf], {1: "Chief Executive Officer (CEO)", 2: "Chief Finance Officer (CFO)"})
    # the completion is the roster's spelling of the whole entry, whatever the case typed
    assert await suggest.get_suggestion("cath") == "Catherine Bell, Chief Executive Officer (CEO)"
    assert await suggest.get_suggestion("Catherine Bell, Chief Executive Officer (CEO) and Ne") == (
        "Catherine Bell, Chief Executive Officer (CEO) and Neil Foster, Chief Finance Officer (CFO)")
    assert await suggest.get_suggestion("x and NF") == "x and Neil Foster, Chief Finance Officer (CFO)"
    assert await suggest.get_suggestion("Zed") is None
    assert await suggest.get_suggestion("x and N") is None  # one letter is too little to guess from
