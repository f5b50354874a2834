"""The footer on the app's screens (screens/footer.py): the keys in the clerk's order at 80
columns, a click on a key does what the key does, the key under the mouse is lit and says what
it does, and the line is drawn again only when the keys it shows change."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from db.demo import build_demo
from screens.attendance import AttendanceScreen
from screens.footer import Footer, FooterLine
from screens.help import HelpScreen
from screens.line_table import LineTable
from screens.tracker import TrackerScreen
from tests.pilot import go_live, open_tracker
from tests.test_app_small_screens import app_for, footer_line as bottom_line


# the bottom line at 80×24, as Textual's own footer drew it before this one replaced it
HOME = " ⏎ Open meeting  n New meeting  r Roster  q Quorum rule  ^q Quit  f1▏^p palette "
OVERVIEW = " s Start meeting  t Attendance  g Edit agenda  i Interests  k Action▏^p palette "
LIVE = "^n Next f2 Arrived f3 Left f6 Decision f7 Action f8 Interest ^g Go t▏^p palette "


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


async def click_key(pilot, words: str) -> None:
    """Click the footer where it shows ``words`` (on the bottom line of the terminal)."""
    line = bottom_line(pilot.app)
    assert words in line, line
    await pilot.click(offset=(line.index(words) + 1, pilot.app.size.height - 1))
    await pilot.pause()
    await pilot.pause()


async def test_the_footer_shows_each_screen_s_keys_in_the_clerk_s_order_at_80_columns(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert bottom_line(app) == OVERVIEW
        await go_live(pilot.app, pilot)
        await pilot.pause()
        assert bottom_line(app) == LIVE
        assert isinstance(app.screen.query_one(Footer), FooterLine)
    app = app_for(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert bottom_line(app) == HOME


async def test_a_click_on_a_footer_key_does_what_the_key_does(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overview = app.screen
        await click_key(pilot, "t Attendance")  # the screen's key
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is overview
        await click_key(pilot, "^p palette")
        assert isinstance(app.screen, CommandPalette)


async def test_a_click_on_an_app_key_runs_it_in_the_app(demo) -> None:
    book, _ = demo
    app = app_for(book)
    async with app.run_test(size=(100, 24)) as pilot:  # at 80 columns F1 is cut, after the home's own keys
        await pilot.pause()
        home = app.screen
        await click_key(pilot, "f1 Help")  # bound by the app: the home screen has no help of its own
        assert isinstance(app.screen, HelpScreen) and app.screen.for_screen is home


async def test_a_click_on_a_key_is_the_key_s_action_not_a_letter_typed_in_the_field(demo) -> None:
    """In the tracker's owner field "/" is typed, but the footer's "/ Owner" is the key's action
    (going to the owner field): clicking it while the clerk types an owner types nothing."""
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        await pilot.press("slash", "h", "m")
        await pilot.pause()
        owner = app.screen.query_one("#tracker-owner", Input)
        assert app.screen.focused is owner and owner.value == "hm"
        await click_key(pilot, "/ Owner")
        assert owner.value == "hm" and app.screen.focused is owner


async def test_the_key_under_the_mouse_is_lit_and_says_what_it_does(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        live = await go_live(pilot.app, pilot)
        footer = live.query_one(Footer)
        y = app.size.height - 1
        unlit = app.screen._compositor.render_strips()[-1]
        await pilot.hover(offset=(1, y))  # on "^n"
        await pilot.pause()
        lit = app.screen._compositor.render_strips()[-1]
        assert footer.tooltip == "Next item"
        assert style_at(lit, 1).bgcolor != style_at(unlit, 1).bgcolor  # the key's cells take the hover colour
        assert style_at(lit, 12).bgcolor == style_at(unlit, 12).bgcolor  # the next key's do not
        gap = bottom_line(app).index(" f2")
        await pilot.hover(offset=(gap, y))  # between two keys: none is lit
        await pilot.pause()
        assert footer.tooltip is None
        assert style_at(app.screen._compositor.render_strips()[-1], 1).bgcolor == style_at(unlit, 1).bgcolor


def style_at(strip, x: int):
    for segment in strip:
        if x < len(segment.text):
            return segment.style
        x -= len(segment.text)
    raise IndexError(x)


async def test_the_footer_is_not_drawn_again_when_the_focus_moves_and_its_keys_stay(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(pilot.app, pilot)
        footer = live.query_one(Footer)
        notes = live.query_one("#notes", TextArea)
        notes.focus()
        await pilot.pause()
        await pilot.pause()
        shown = footer.shown
        draws, refreshes = watch(footer, "_draw"), watch(footer, "refresh")
        for field in ("#room-pane", "#presenters", "#notes"):  # the same keys wherever the focus is
            live.query_one(field).focus()
            await pilot.pause()
            await pilot.pause()
            assert live.focused is live.query_one(field)
        assert footer.shown is shown and draws == [] and refreshes == []
        assert list(footer.children) == []  # one widget: nothing composed in it


async def test_the_footer_follows_the_focus_when_its_keys_change(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        tracker = await open_tracker(app, pilot)
        footer = tracker.query_one(Footer)
        tracker.query_one("#tracker", LineTable).focus()
        await pilot.pause()
        await pilot.pause()
        assert "s Status filter" in bottom_line(app)
        draws = watch(footer, "_draw")
        tracker.query_one("#tracker-owner", Input).focus()  # typing an owner: the letter keys go
        await pilot.pause()
        await pilot.pause()
        assert "s Status filter" not in bottom_line(app) and "/ Owner" in bottom_line(app)
        assert len(draws) == 1


def watch(widget, name: str) -> list:
    """A list that grows each time ``widget.name()`` is called."""
    calls: list = []
    method = getattr(widget, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return method(*args, **kwargs)

    setattr(widget, name, counted)
    return calls


async def test_the_footer_stays_when_the_minutes_are_maximized(demo) -> None:
    book, upcoming = demo
    app = app_for(book, upcoming)
    async with app.run_test(size=(80, 24)) as pilot:
        live = await go_live(pilot.app, pilot)
        live.maximize(live.query_one(TextArea))
        await pilot.pause()
        assert live.maximized is not None
        assert bottom_line(app) == LIVE
