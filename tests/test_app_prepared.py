"""The live screen is made ready while the clerk reads the meeting's overview (screens/prepared.py):
``s`` then shows it at once. What changed in the meantime — the item highlighted, the book, the
window's width, the theme — is what the clerk sees, and a screen made ready and not used is
freed."""

from __future__ import annotations

import gc
import weakref
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import screens.live
from db.demo import build_demo
from db.live import close_meeting, start_meeting
from db.meetings import list_items
from db.minutes import get_minute
from screens.app import SecretaryApp
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.meeting import MeetingScreen
from screens.title_bar import TitleBar
from tests.pilot import Clock, go_live, type_text

START = datetime(2025, 3, 21, 9, 2, tzinfo=timezone.utc)


@pytest.fixture
def held(demo_copy, tmp_path: Path):
    """The demo's upcoming meeting, held and closed: its overview opens its minutes on ``s``."""
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    start_meeting(book, upcoming, START)
    close_meeting(book, upcoming, START + timedelta(hours=2))
    yield book, upcoming
    book.close()


@pytest.fixture
def planned(demo_copy, tmp_path: Path):
    """The demo's upcoming meeting, not started."""
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def on_its_overview(book, meeting: int) -> SecretaryApp:
    """The app opening on the held meeting's overview, three hours after it began."""
    app = SecretaryApp(book, open_meeting=meeting)
    app.now = Clock(START + timedelta(hours=3))
    return app


async def ready(app, pilot) -> LiveScreen:
    """Wait (as a clerk reading the overview would) until its live screen is made ready."""
    await pilot.pause()
    overview = app.screen
    assert isinstance(overview, MeetingScreen)
    for _ in range(100):
        live = overview.live_ready
        if live is not None and live.is_mounted and live.record is not None:
            return live
        await pilot.pause(0.05)
    raise AssertionError("the live screen was not made ready while the overview was shown")


def item_title(screen: LiveScreen) -> str:
    return str(screen.query_one("#item-title").content)


async def test_s_shows_the_screen_made_ready_on_the_item_now_highlighted(held, monkeypatch) -> None:
    book, meeting = held
    reads: list[int] = []
    real_read = screens.live.read_record
    monkeypatch.setattr(screens.live, "read_record", lambda *a: reads.append(1) or real_read(*a))
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        first = list_items(book, meeting)[0]
        assert item_title(live).startswith(f"{first.number}. {first.title}")  # drawn before it is shown
        assert reads == [1]
        await pilot.press("down", "down")  # the clerk moves to the third row before opening the minutes
        await pilot.pause()
        key = app.screen.query_one("#agenda").cursor_key
        chosen = next(item for item in list_items(book, meeting) if str(item.id) == key)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is live
        assert item_title(live).startswith(f"{chosen.number}. {chosen.title}")
        assert reads == [1]  # nothing in the book changed: shown again, not read again
        assert live.focused is not None and live.focused.id == "notes"


async def test_what_changed_in_the_book_meanwhile_is_read_again(held) -> None:
    book, meeting = held
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        first = list_items(book, meeting)[0]
        app.desk.type_minute(first.id, notes="Typed elsewhere while the overview was shown.")
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is live
        assert live.editor.notes.text == "Typed elsewhere while the overview was shown."
        assert get_minute(book, first.id).notes == "Typed elsewhere while the overview was shown."


async def test_what_the_desk_holds_meanwhile_is_shown(held) -> None:
    """The book refuses writes: a change is held by the desk, not in the book (its count of changes
    stays), and is what the notes show."""
    book, meeting = held
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        first = list_items(book, meeting)[0]
        book.db.execute("PRAGMA query_only = ON")
        app.desk.type_minute(first.id, notes="Held while the book refuses writes.")
        assert not app.desk.all_saved
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is live
        assert live.editor.notes.text == "Held while the book refuses writes."
        book.db.execute("PRAGMA query_only = OFF")
        assert app.saver.retry()
        assert get_minute(book, first.id).notes == "Held while the book refuses writes."


async def test_a_window_resized_meanwhile_gets_a_screen_made_for_its_width(held) -> None:
    book, meeting = held
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        assert live.has_class("-wide")
        kept = weakref.ref(live)
        del live
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        shown = app.screen
        assert isinstance(shown, LiveScreen) and shown is not kept()
        assert shown.has_class("-narrow")  # the side panes folded into the bar's lines
        assert "Ctrl+G agenda" in shown.query_one("#live-bar").part("folded")
        assert kept() is None or not kept().is_attached  # the one made for 120 columns is gone


async def test_a_screen_made_ready_and_not_used_is_freed(held) -> None:
    book, meeting = held
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        kept = [weakref.ref(live), weakref.ref(live.query_one(TitleBar)), weakref.ref(live.editor.notes)]
        del live
        await pilot.press("escape")  # back to the home screen without opening the minutes
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # a timer cancelled as the screen went keeps its context in the event loop until the moment it
        # would have fired: the clock's, within a second
        await pilot.pause(1.2)
        gc.collect()
        assert [ref() for ref in kept] == [None, None, None]


async def test_a_theme_changed_meanwhile_is_the_theme_shown(held) -> None:
    book, meeting = held
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        before = live.query_one(TitleBar).rich_style.bgcolor
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        overview_now = app.screen.query_one(TitleBar).rich_style.bgcolor
        assert overview_now != before
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is live
        assert live.query_one(TitleBar).rich_style.bgcolor == overview_now


async def test_starting_the_meeting_shows_the_screen_made_ready_live_on_its_first_item(planned) -> None:
    """The clerk's usual way in: the overview, s, Enter. The screen made ready before the meeting
    began shows it live, on its first item, and takes the notes typed."""
    book, meeting = planned
    app = SecretaryApp(book, open_meeting=meeting)
    app.now = Clock(START)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await ready(app, pilot)
        assert "not started" in live.sub_title
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # "Start the meeting now?" — yes
        await pilot.pause()
        assert app.screen is live
        first = list_items(book, meeting)[0]
        assert live.record.live and live.record.current_item_id == first.id
        assert live.sub_title.endswith("— live")
        assert "LIVE" in live.query_one("#live-bar").part("clock")
        assert item_title(live).startswith(f"{first.number}. {first.title}")
        assert live.focused is not None and live.focused.id == "notes"
        await type_text(pilot, "Welcomed all.")
        await pilot.pause()
        assert live.flush()
        assert get_minute(book, first.id).notes == "Welcomed all."


async def test_back_on_a_live_meeting_the_screen_made_ready_has_the_notes_so_far(planned) -> None:
    book, meeting = planned
    app = SecretaryApp(book, open_meeting=meeting)
    app.now = Clock(START)
    async with app.run_test(size=(120, 40)) as pilot:
        first_visit = await go_live(app, pilot)  # s, Enter: started
        await type_text(pilot, "First words.")
        await pilot.press("escape")  # to the overview; the notes are in the book
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        live = await ready(app, pilot)
        assert live is not first_visit
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is live
        assert live.editor.notes.text == "First words."
        await type_text(pilot, " More words.")
        await pilot.pause()
        assert live.flush()
        assert get_minute(book, list_items(book, meeting)[0].id).notes == "First words. More words."


async def test_a_meeting_that_cannot_be_read_while_unseen_is_read_again_when_shown(held, monkeypatch) -> None:
    """Reading the meeting fails while the screen is made ready (the disk, a moment's lock): the
    overview carries on as if nothing were made, and s reads it again."""
    book, meeting = held
    real_read = screens.live.read_record
    calls: list[int] = []

    def read_once_failing(*args):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk I/O error")
        return real_read(*args)

    monkeypatch.setattr(screens.live, "read_record", read_once_failing)
    app = on_its_overview(book, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overview = app.screen
        for _ in range(100):
            if calls:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.screen is overview and app.return_code is None  # still running, on the overview
        live = overview.live_ready
        assert live is not None and live.record is None
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is live and live.record is not None and len(calls) == 2
        first = list_items(book, meeting)[0]
        assert item_title(live).startswith(f"{first.number}. {first.title}")
