"""Every screen the clerk uses, at the smallest terminal the app supports (80×24) and a usual one
(120×40), compared with the pictures in __snapshots__/ (`pytest --snapshot-update` after a
deliberate change of layout, then look at the new SVGs before committing them)."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db.demo import build_demo
from screens.app import SecretaryApp

SIZES = [(80, 24), (120, 40)]
NINE_O_TWO = datetime(2025, 3, 21, 9, 2, tzinfo=timezone.utc)  # the demo's upcoming meeting, just begun


@pytest.fixture(autouse=True)
def utc():
    """Times are shown in the machine's timezone: the pictures are taken in one."""
    was = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if was is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = was
    time.tzset()


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


def app_for(book, meeting_id: int | None = None) -> SecretaryApp:
    app = SecretaryApp(book, open_meeting=meeting_id)
    app.now = lambda: NINE_O_TWO
    return app


def steps(*keys: str):
    """What the clerk does before the picture is taken: keys, with a pause after each so every
    screen they open is drawn; the header names the book by a path that changes with each run."""

    async def run(pilot) -> None:
        await pilot.pause()
        for key in keys:
            if key.startswith("type:"):
                await pilot.press(*key.removeprefix("type:"))
            else:
                await pilot.press(key)
            await pilot.pause()  # not waiting for workers: a form's worker waits for the form to close
            await pilot.pause()
        pilot.app.sub_title = "demo.secretary"
        for screen in pilot.app.screen_stack:
            if not screen.sub_title or "secretary" in screen.sub_title:
                screen.sub_title = ""
        await pilot.pause()

    return run


GO_LIVE = ("s", "enter")  # on the overview: start the meeting, and say yes


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(demo, snap_compare, size) -> None:
    book, _ = demo
    assert snap_compare(app_for(book), terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meeting_overview(demo, snap_compare, size) -> None:
    book, upcoming = demo
    assert snap_compare(app_for(book, upcoming), terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_roll_call(demo, snap_compare, size) -> None:
    book, upcoming = demo
    assert snap_compare(app_for(book, upcoming), terminal_size=size, run_before=steps("t", "p", "p", "a"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_live_screen(demo, snap_compare, size) -> None:
    book, upcoming = demo
    assert snap_compare(app_for(book, upcoming), terminal_size=size,
                        run_before=steps(*GO_LIVE, "type:Welcome from the Chair."))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_action_dialog(demo, snap_compare, size) -> None:
    book, upcoming = demo
    assert snap_compare(app_for(book, upcoming), terminal_size=size, run_before=steps(*GO_LIVE, "f7"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_declaration_dialog_scrolled_to_what_was_done(demo, snap_compare, size) -> None:
    """The fields below the register list are scrolled into view as the clerk tabs to them."""
    book, upcoming = demo
    assert snap_compare(app_for(book, upcoming), terminal_size=size,
                        run_before=steps(*GO_LIVE, "f8", "type:ASh", "enter", "tab", "tab", "tab"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_action_tracker(demo, snap_compare, size) -> None:
    book, upcoming = demo
    assert snap_compare(app_for(book, upcoming), terminal_size=size, run_before=steps("k"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search(demo, snap_compare, size) -> None:
    book, _ = demo
    assert snap_compare(app_for(book), terminal_size=size, run_before=steps("f10", "type:estates"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results_moved_through(demo, snap_compare, size) -> None:
    """Enter takes the clerk to the results; the cursor two down covers both lines of its result,
    the others plain, long lines cut with an ellipsis."""
    book, _ = demo
    assert snap_compare(app_for(book), terminal_size=size,
                        run_before=steps("f10", "type:board", "enter", "down", "down"))
