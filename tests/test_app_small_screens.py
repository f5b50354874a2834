"""Issue 18: every screen usable from 80×24, and the small things a clerk meets in the first minute
(the footer's order and its last cell, F1's order, the title once closed, where screenshots go)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from db.attendance import list_attendance
from db.demo import build_demo
from db.meetings import get_meeting
from db.people import person_by_initials
from screens.app import SecretaryApp
from screens.attendance import AttendanceScreen
from screens.declaration_form import DeclarationForm
from screens.help import HelpScreen
from secretary.models import AttendanceStatus, MeetingStatus
from tests.pilot import go_live

NINE = datetime(2025, 3, 21, 9, 2, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


def app_for(book, meeting_id=None) -> SecretaryApp:
    app = SecretaryApp(book, open_meeting=meeting_id)
    app.now = lambda: NINE
    return app


def screen_text(app) -> str:
    """The terminal as the clerk sees it, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_roll_call_status_changes_where_the_clerk_sees_it_at_80_columns(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        first = screen_text(app).splitlines()[3]  # under the header, the title and the column heads
        assert "HM" in first and "expected" in first
        await pilot.press("p")
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Helen Marsh" in line)
        assert "present" in line
    hm = person_by_initials(book, 1, "HM")
    assert next(a for a in list_attendance(book, upcoming) if a.person_id == hm.id).status is AttendanceStatus.present


async def test_overview_footer_offers_start_first_at_80_columns(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert footer_line(app).lstrip().startswith("s Start meeting")


async def test_live_footer_shows_the_clerks_keys_in_order_with_no_stray_cell(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_live(pilot.app, pilot)
        footer = footer_line(app)
        assert footer.split()[:6] == ["^n", "Next", "f2", "Arrived", "f3", "Left"]
        assert footer.index("f6 Decision") < footer.index("f7 Action") < footer.index("f8 Interest")
        assert footer.rstrip().endswith("^p palette")  # not "palettee": the last cell is the footer's own


async def test_f1_lists_the_clerks_keys_before_the_text_cursor_keys(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_live(pilot.app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [line.strip() for line in str(app.screen.query_one("#keys").content).splitlines() if line.strip()]
        assert lines[0].startswith("^n") and "Next item" in lines[0]
        assert lines[1].startswith("f2") and "Arrived" in lines[1]
        cursor_keys = lines.index("In the field being typed in")
        assert any("Record a declaration of interest" in line for line in lines[:cursor_keys])


async def test_title_no_longer_says_live_once_the_meeting_is_closed(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(pilot.app, pilot)
        assert live.sub_title.endswith("— live")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter")  # the items not taken are left as not reached
        await pilot.pause()
        assert get_meeting(book, upcoming).status is MeetingStatus.closed
        assert live.sub_title.endswith("— closed")
        assert "live" not in screen_text(app).splitlines()[0]


async def test_declaration_fields_scroll_into_view_at_80x24(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_live(pilot.app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationForm)
        assert "Declaration of interest" in screen_text(app)  # the title shows when it opens
        await pilot.press(*"ASh", "enter")
        await pilot.pause()
        assert "What was done" not in screen_text(app)  # below the register list, out of sight
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
        assert app.screen.focused.id == "outcome"
        assert "What was done" in screen_text(app)
        await pilot.press("enter")  # the list of outcomes opens where the clerk can see it
        await pilot.pause()
        assert "withdrew" in screen_text(app)


async def test_screenshot_is_saved_next_to_the_book_and_says_where(demo, tmp_path: Path, monkeypatch) -> None:
    book, _ = demo
    monkeypatch.setenv("HOME", str(tmp_path / "no-downloads-here"))
    app = app_for(book)
    said = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **kw: said.append(message)
        app.action_screenshot()
        await pilot.pause()
    shots = list(tmp_path.glob("*.svg"))
    assert len(shots) == 1 and shots[0].read_text().startswith("<svg")
    assert said == [f"Saved to {shots[0]}"]


async def test_home_footer_offers_open_meeting_first_and_enter_opens_it(demo) -> None:
    """The meetings list leaves Enter to the screen, so its key is shown, not hidden behind the list's."""
    from screens.home import HomeScreen
    from screens.meeting import MeetingScreen
    from screens.app import SecretaryApp

    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.focused is app.screen.query_one("#meetings")
        assert footer_line(app).lstrip().startswith("⏎ Open meeting")
        await pilot.press("down", "enter")  # the second meeting: the one held
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "13 December 2024" in screen_text(app)
