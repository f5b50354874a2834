"""The decision planner driven as a clerk drives it: the entries planned for a meeting are
offered in its agenda editor; F6 on a linked item at the meeting takes the entry; a deferral
moves it on to the next meeting, where it is offered again and the planner says it slipped."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from db.bodies import list_bodies
from db.demo import build_demo
from db.meetings import create_meeting, list_items
from db.planner import list_entries
from screens.agenda_editor import AgendaEditorScreen
from screens.app import SecretaryApp
from screens.decision_form import DecisionForm
from screens.live import LiveScreen
from screens.planner_offer import PlannerOfferScreen
from secretary.models import Meeting
from secretary.planner import PlannerStatus

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


def entry(book, ref: str):
    return next(e for e in list_entries(book, list_bodies(book)[0].id) if e.ref == ref)


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_entries_planned_for_a_meeting_are_offered_when_its_agenda_is_made(demo) -> None:
    book, _ = demo
    june = create_meeting(book, Meeting(body_id=list_bodies(book)[0].id, title="Board", date=date(2025, 6, 27)))
    app = SecretaryApp(book, open_meeting=june.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AgendaEditorScreen)
        assert "3 decision planner entries planned for this meeting" in str(
            editor.query_one("#agenda-status", Static).content)
        await pilot.press("p")
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, PlannerOfferScreen)
        assert offer.query_one("#offers", DataTable).row_count == 3
        overdue = str(offer.query_one("#overdue", Static).content)
        assert "Past their date with no decision: 2041 " in overdue  # March took no decision on it
        await pilot.press("enter")  # the first: 2050, the financial plan
        await pilot.pause()
        assert offer.query_one("#offers", DataTable).row_count == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        titles = [i.title for i in list_items(book, june.id)]
        assert titles == ["Approve the Operational and Financial Plan 2025/26 and"]
        assert entry(book, "2050").item_id == list_items(book, june.id)[0].id
        assert "2 decision planner entries" in str(editor.query_one("#agenda-status", Static).content)


async def go_live_on(app, pilot, number: str) -> LiveScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+g")
    await pilot.pause()
    await type_text(pilot, number)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def decide(pilot, verb: str, text: str) -> None:
    await pilot.press("f6")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DecisionForm)
    await type_text(pilot, verb)
    await pilot.press("enter")
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(pilot.app.screen, LiveScreen):  # recorded while inquorate: confirm
        await pilot.press("y")
        await pilot.pause()


async def test_f6_on_the_linked_item_takes_the_entry(demo) -> None:
    book, upcoming = demo
    assert entry(book, "2041").status is PlannerStatus.future
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        await go_live_on(app, pilot, "7")
        await decide(pilot, "approved", "the refreshed Joint Forward Plan")
    taken = entry(book, "2041")
    assert taken.status is PlannerStatus.taken and taken.taken_on == date(2025, 3, 21)
    assert taken.taken_words == "Approved the refreshed Joint Forward Plan"


async def test_a_deferral_moves_the_entry_and_the_planner_shows_it_slipped(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        await go_live_on(app, pilot, "6")
        await decide(pilot, "deferred", "to the June meeting")
    moved = entry(book, "2044")
    assert moved.status is PlannerStatus.future and moved.due_date == date(2025, 6, 27)
    assert moved.slips == 1 and moved.item_id is None
    june = create_meeting(book, Meeting(body_id=list_bodies(book)[0].id, title="Board", date=date(2025, 6, 27)))
    from screens.planner import PlannerScreen

    app = SecretaryApp(book, open_meeting=june.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("g", "p")
        await pilot.pause()
        offered = app.screen.query_one("#offers", DataTable)
        assert offered.row_count == 4  # the three planned for June, and the one deferred to it
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        app.push_screen(PlannerScreen(list_bodies(book)[0]))
        await pilot.pause()
        table = app.screen.query_one("#planner", DataTable)
        row = next(table.get_row(key) for key in table.rows if key.value == str(moved.id))
        assert "slipped once" in " ".join(str(cell) for cell in row)


async def test_f12_on_the_planner_item_writes_the_sentence_and_what_is_due_next(demo) -> None:
    from textual.widgets import TextArea

    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live_on(app, pilot, "1f")
        await pilot.press("f12")
        await pilot.pause()
        notes = live.query_one("#notes", TextArea).text
    assert notes.startswith("The Board Decision Planner was noted. Due at the next meeting (27 June 2025): 2050 ")
    assert "2052 Review and approve the Data and Digital Strategy" in notes


async def test_the_clerk_moves_an_entry_to_another_date_from_the_planner(demo) -> None:
    from textual.widgets import Input

    from screens.planner import PlannerEntryForm, PlannerScreen

    book, upcoming = demo
    body = list_bodies(book)[0]
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(PlannerScreen(body))
        await pilot.pause()
        table = app.screen.query_one("#planner", DataTable)
        row = next(n for n, key in enumerate(table.rows) if key.value == str(entry(book, "2052").id))
        await pilot.press(*["down"] * row, "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PlannerEntryForm)
        await pilot.press(*["tab"] * 5)  # Ref, Topic, Decision, Taker, Scope, then the date
        assert app.focused is form.query_one("#date_text", Input)
        form.query_one("#date_text", Input).value = ""
        await type_text(pilot, "26/09/2025")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
    moved = entry(book, "2052")
    assert moved.due_date == date(2025, 9, 26) and moved.date_text == "26/09/2025"
    assert [(m.from_text, m.to_text, m.deferred) for m in moved.moves] == [("27/06/2025", "26/09/2025", False)]
