"""The app shell, driven the way a clerk does: open the demo, list its meetings,
create a meeting, look at the roster, ask for help."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from db.demo import build_demo
from db.meetings import list_meetings
from screens.app import SecretaryApp
from screens.line_table import LineTable
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.meeting import MeetingScreen
from screens.roster import RosterScreen


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def cells(table: DataTable | LineTable, column: int) -> list[str]:
    return [str(table.get_row_at(r)[column]) for r in range(table.row_count)]


async def test_demo_opens_on_its_upcoming_meeting(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        agenda = app.screen.query_one("#agenda", LineTable)
        titles = cells(agenda, 1)
        assert any("Joint Forward Plan refresh 2025/26" in t for t in titles)
        assert any("Estates disposal" in t for t in titles)  # the Part II items
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_home_lists_bodies_and_meetings_upcoming_first(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        bodies = screen.query_one("#bodies", OptionList)
        assert bodies.option_count == 1
        assert "Northbridge Integrated Care Board" in str(bodies.get_option_at_index(0).prompt)
        dates = cells(screen.query_one("#meetings", LineTable), 0)
        assert dates == ["Friday 21 March 2025", "Friday 13 December 2024"]
        statuses = cells(screen.query_one("#meetings", LineTable), 2)
        assert statuses == ["planned", "closed"]


async def test_clerk_creates_a_meeting(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"27/06/2025", "enter", *"9am", "enter", *"12.30pm", "enter")
        await pilot.press(*"[Draft] Room 4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#meetings", LineTable)
        assert cells(table, 0)[:2] == ["Friday 21 March 2025", "Friday 27 June 2025"]
    held = [m for m in list_meetings(book) if m.date == date(2025, 6, 27)]
    assert len(held) == 1
    assert (held[0].planned_start, held[0].planned_end, held[0].venue) == (time(9), time(12, 30), "[Draft] Room 4")


async def test_bad_meeting_times_are_explained_and_nothing_saved(demo) -> None:
    book, _ = demo
    before = len(list_meetings(book))
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"27/06/2025", "enter", *"12.30pm", "enter", *"9am", "enter", "enter")
        await pilot.pause()
        error = app.screen.query_one("#error")
        assert "cannot end" in str(error.render())
        await pilot.press("escape")  # what was typed is not dropped without asking
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(list_meetings(book)) == before


async def test_roster_shows_initials_categories_and_votes(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        table = app.screen.query_one("#roster", DataTable)
        assert table.row_count == 23
        initials = cells(table, 1)
        assert {"ASh", "ASa", "HM"} <= set(initials)
        assert cells(table, 4).count("yes") == 14
        assert "23 people in post today, 14 voting members." in str(app.screen.query_one("#counts").render())


async def test_f1_shows_the_keys_for_this_screen(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#keys").content)
        assert "New meeting" in text and "Roster" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_new_book_is_created_only_after_the_clerk_agrees(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "board.secretary"
    app = SecretaryApp(None, create_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not path.exists()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert path.exists()
    app.book.close()
    declined = SecretaryApp(None, create_path=tmp_path / "no.secretary")
    async with declined.run_test() as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    assert not (tmp_path / "no.secretary").exists()
