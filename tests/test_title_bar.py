"""The line at the top of every screen (screens/title_bar.py): what it says follows the screen's
title as it changes, a long one is cut with an ellipsis, and the icon opens the palette."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Label

from screens.title_bar import ICON, TitleBar


class Titled(Screen):
    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Label("body")


class Host(App):
    TITLE = "secretary"

    def on_mount(self) -> None:
        self.push_screen(Titled())


def top_line(app: App) -> str:
    return "".join(segment.text for segment in app.screen.query_one(TitleBar).render_line(0)).rstrip()


async def test_the_title_follows_the_screen_and_is_centred() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = top_line(app)
        assert line.startswith(f" {ICON}")
        assert line.strip().endswith("secretary")
        # centred between the icon's eight cells and the ten kept blank on the right
        assert line.index("secretary") == 8 + (80 - 18 - len("secretary")) // 2
        app.screen.sub_title = "Board — live"
        await pilot.pause()
        assert top_line(app).endswith("secretary — Board — live")
        app.screen.sub_title = "Board — closed"  # a meeting closed: the title says so at once
        await pilot.pause()
        assert "live" not in top_line(app)
        assert top_line(app).endswith("secretary — Board — closed")


async def test_a_long_title_is_cut_with_an_ellipsis_in_a_small_terminal() -> None:
    app = Host()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        app.screen.sub_title = "Integrated Care Board meeting in public, Thursday 12 March 2026"
        await pilot.pause()
        line = top_line(app)
        assert line.endswith("…")
        assert len(line) <= 60 - 10  # the blank on the right kept


async def test_a_click_on_the_icon_opens_the_command_palette() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(TitleBar, offset=(30, 0))  # on the title: nothing
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
