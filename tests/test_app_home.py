"""The app shell, driven the way a clerk does: open the demo, list its meetings,
create a meeting, look at the roster, ask for help."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from textual.widgets import DataTable

from db.demo import build_demo
from db.meetings import list_meetings
from screens.app import SecretaryApp
from screens.line_table import LineTable
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.meeting import MeetingScreen
from screens.roster import RosterScreen
from screens.wrapped_list import WrappedList


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
        bodies = screen.query_one("#bodies", WrappedList)
        assert bodies.row_count == 1 and bodies.title == "Bodies"
        assert [line.plain for line in bodies.get_row_at(0)] == ["Northbridge Integrated Care Board"]
        assert screen.query_one("#meetings", LineTable).title == "Northbridge Integrated Care Board — meetings"
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


async def test_a_frame_drawn_during_a_batch_of_updates_is_written_whole_with_the_next(demo) -> None:
    """Textual draws nothing while a batch of updates is under way (the app's start in a terminal
    is one) and did not draw it again after: the first frame the terminal got held only what had
    changed since (a scrollbar), and the panes came a frame or more later. Now the frame after a
    batch is drawn whole. (The headless tests' start is not a batch: here one is made.)"""
    from textual._compositor import LayoutUpdate

    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen) and len(app.screen_stack) == 1  # the app's own first screen
        assert screen._compositor.render_update() is None  # all drawn: nothing waits to be
        with app.batch_update():
            bodies = screen.query_one("#bodies").refresh()
            screen._compositor.update_widgets({bodies})
            screen._compositor_refresh()  # the bodies drawn, and not written: the batch is under way
        update = screen._compositor.render_update()
        assert isinstance(update, LayoutUpdate) and update.region == screen.region  # the whole screen


async def test_a_book_with_no_bodies_says_how_to_add_one_and_then_shows_it(tmp_path: Path) -> None:
    from db import Book

    book = Book.open(tmp_path / "empty.secretary", create=True)
    app = SecretaryApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        meetings = app.screen.query_one("#meetings", LineTable)
        bodies = app.screen.query_one("#bodies", WrappedList)
        assert bodies.row_count == 0 and meetings.row_count == 0 and meetings.title == ""
        assert meetings.empty == "This book holds no bodies yet. Press b to add a board or committee."
        assert "holds no bodies yet. Press b" in "\n".join(s.text for s in app.screen._compositor.render_strips())
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"Little Snoring Parish Council and its Amenities Committee", "tab", *"LSPC", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [line.plain.strip() for line in bodies.get_row_at(0)] == ["Little Snoring Parish", "Council and its",
                                                                          "Amenities Committee"]
        assert meetings.title == "Little Snoring Parish Council and its Amenities Committee — meetings"
        assert meetings.empty == "No meetings yet. Press n to create one."
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "No meetings yet. Press n to create one." in shown and "holds no bodies" not in shown
    book.close()


async def test_the_clerk_moves_between_bodies_and_into_their_meetings(tmp_path: Path, demo_copy) -> None:
    from db import Book
    from db.bodies import create_body
    from secretary.models import Body

    book = Book.open(demo_copy(tmp_path / "two.secretary"))
    create_body(book, Body(name="Audit and Risk Committee", short_name="ARC"))
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bodies = app.screen.query_one("#bodies", WrappedList)
        meetings = app.screen.query_one("#meetings", LineTable)
        assert app.focused is meetings and bodies.cursor_row == 0
        assert meetings.title == "Audit and Risk Committee — meetings" and meetings.row_count == 0
        await pilot.press("shift+tab", "down")
        await pilot.pause()
        assert app.focused is bodies and bodies.cursor_row == 1
        assert meetings.title == "Northbridge Integrated Care Board — meetings" and meetings.row_count == 2
        assert meetings.empty == ""
        await pilot.press("enter")  # into the body's meetings
        await pilot.pause()
        assert app.focused is meetings
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and bodies.cursor_row == 1 and meetings.cursor_row == 1
    book.close()


async def test_back_on_the_home_screen_a_meeting_started_reads_live(demo) -> None:
    """The home screen read its lists once: a meeting started from its overview still said
    "planned" when the clerk came back. Now it says what the book says, the same meeting
    highlighted and the focus where it was."""
    from tests.pilot import go_live

    book, upcoming = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        meetings = home.query_one("#meetings", LineTable)
        assert cells(meetings, 2) == ["planned", "closed"]
        await pilot.press("down", "up", "enter")  # the upcoming meeting's overview
        await pilot.pause()
        await go_live(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home
        assert cells(meetings, 2) == ["live", "closed"] and meetings.cursor_row == 0 and app.focused is meetings
        await pilot.press("down")  # moving on reads nothing again: the book has not changed
        await pilot.pause()
        assert meetings.cursor_row == 1


async def test_a_name_holding_an_escape_sequence_is_shown_in_both_panes_not_obeyed(demo_copy, tmp_path) -> None:
    """A book an older version wrote may hold control characters in a body's name: the bodies and
    the meetings' title show them (ESC as ␛), as the roster and the command line do."""
    import sqlite3

    from db import Book

    path = demo_copy(tmp_path / "poison.secretary")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE body SET name = ?", ["North\x1b]0;pwned\x07 Board\x1b[2J"])
    conn.commit()
    conn.close()
    book = Book.open(path)
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 12)) as pilot:
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        assert "North␛]0;pwned␇ Board␛[2J — meetings" in lines[1]
        assert "North␛]0;pwned␇ Board␛[2J" in lines[2]
        assert not any("\x1b" in line or "\x07" in line for line in lines)
    book.close()


async def test_a_tab_or_a_line_break_in_a_name_is_not_sent_to_the_terminal(tmp_path) -> None:
    """A name pasted from a spreadsheet cell may hold a tab (the name field keeps it), and an older
    book a line break: the bodies list shows a space, or the second line on a line of its own,
    and the meetings' title a space."""
    from db import Book
    from db.bodies import create_body
    from secretary.models import Body

    book = Book.open(tmp_path / "tab.secretary", create=True)
    create_body(book, Body(name="Audit\tRisk Committee", short_name="ARC"))
    create_body(book, Body(name="Quality\nCommittee", short_name="QC"))
    app = SecretaryApp(book)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        assert " Audit Risk Committee — meetings" in lines[1]
        assert [line.split("│")[0].strip() for line in lines[2:5]] == ["Audit Risk Committee", "Quality", "Committee"]
        assert not any("\t" in line or "\n" in line for line in lines)
        await pilot.press("shift+tab", "down")
        await pilot.pause()
        assert " Quality Committee — meetings" in app.screen._compositor.render_strips()[1].text
    book.close()


async def test_the_warm_up_freezes_nothing_once_the_app_has_closed(demo) -> None:
    """The warm-up thread may finish its imports after the app has closed: what the closed app
    left (and the test process around it) is not frozen for good."""
    import gc

    from screens.app import WarmedUp

    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    before = gc.get_freeze_count()
    app.freeze_what_lives()
    assert gc.get_freeze_count() == before
    assert app.post_message(WarmedUp()) is False  # the thread then says the warm-up is over itself
