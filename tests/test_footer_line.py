"""The footer line (screens/footer.py) draws what Textual's Footer draws, cell for cell — the same
characters in the same colours, whatever the theme, compact or not, cut at the right, with a key
under the mouse, with groups of keys, scrolled — and its keys do what Textual's do."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets import Input, Label

from screens.footer import FooterLine

MOVE = Binding.Group("Move")
JUMP = Binding.Group("Jump", compact=True)
KEYS = [
    Binding("ctrl+n", "step", "Next", tooltip="Next item"),
    Binding("f2", "arrive", "Arrived"),
    Binding("f3", "leave", "Left"),
    Binding("f4", "hidden", "Hidden", show=False),
    Binding("f5", "off", "Not now"),  # shown disabled (check_action says None)
    Binding("f6,ctrl+6", "decide", "Decision"),  # one key an action: f6
    Binding("escape", "back", "Back"),
]
GROUPS = [
    Binding("f9", "left", "Left", group=MOVE), Binding("f10", "right", "Right", group=MOVE),
    Binding("f11", "home", "Home", group=JUMP), Binding("f12", "end", "End", group=JUMP),
]


class TextualFooterAsOurs(TextualFooter):
    """Textual's footer with the one thing ours does differently: in the compact footer the
    palette key's last cell is its own (Textual's showed the key under it: "^p palettee")."""

    DEFAULT_CSS = "TextualFooterAsOurs.-compact FooterKey.-command-palette { margin-right: 0; padding-right: 1; }"


class KeysScreen(Screen):
    BINDINGS = KEYS

    def __init__(self, footer: type, compact: bool) -> None:
        super().__init__()
        self.footer, self.compact, self.done = footer, compact, []

    def compose(self):
        yield Label("keys")
        yield Input()
        yield self.footer(compact=self.compact)

    def check_action(self, action: str, parameters) -> bool | None:
        return None if action == "off" else True

    def __getattr__(self, name: str):
        if name.startswith("action_"):  # every key's action is noted
            return lambda: self.done.append(name.removeprefix("action_"))
        raise AttributeError(name)


class GroupsScreen(KeysScreen):
    BINDINGS = GROUPS  # after KeysScreen's


class KeysApp(App):
    def __init__(self, footer: type, compact: bool = False, theme: str = "textual-dark", groups: bool = False):
        super().__init__()
        self.keys_screen = (GroupsScreen if groups else KeysScreen)(footer, compact)
        self.theme_name = theme
        self.bells = 0

    def on_mount(self) -> None:
        self.theme = self.theme_name
        self.push_screen(self.keys_screen)

    def bell(self) -> None:
        self.bells += 1


async def bottom_cells(footer: type, *, width: int, compact: bool = False, theme: str = "textual-dark",
                       groups: bool = False, hover: int | None = None, scroll: int = 0) -> list[tuple]:
    """Each cell of the bottom line: its character, colours and attributes."""
    app = KeysApp(footer, compact, theme, groups)
    async with app.run_test(size=(width, 5)) as pilot:
        await pilot.pause()
        await pilot.pause()
        for _ in range(scroll):
            await pilot._post_mouse_events([events.MouseScrollDown], None, offset=(2, 4))
            await pilot.pause()
        if hover is not None:
            await pilot.hover(None, offset=(hover, 4))
            await pilot.pause()
        await pilot.pause()
        cells = []
        for segment in app.screen._compositor.render_strips()[-1]:
            style = segment.style
            cells.extend((character, style.color, style.bgcolor, bool(style.bold), bool(style.dim),
                          bool(style.italic), bool(style.reverse)) for character in segment.text)
        return cells


CASES = [  # width, compact, theme, groups, hover (a cell), scroll (wheel turns)
    (80, False, "textual-dark", False, None, 0),
    (80, True, "textual-dark", False, 1, 0),
    (40, False, "textual-light", False, 12, 0),  # cut at the right
    (40, True, "ansi-dark", False, 37, 0),  # the palette's key under the mouse
    (60, False, "nord", False, 36, 0),  # a disabled key under the mouse
    (120, True, "solarized-light", True, 64, 0),  # groups, one of their keys under the mouse
    (120, False, "textual-dark", True, 83, 0),
    (50, True, "textual-dark", True, 5, 3),  # scrolled by the wheel
]


@pytest.mark.parametrize("width,compact,theme,groups,hover,scroll", CASES)
async def test_the_line_is_textual_s_footer_cell_for_cell(width, compact, theme, groups, hover, scroll) -> None:
    case = dict(width=width, compact=compact, theme=theme, groups=groups, hover=hover, scroll=scroll)
    ours = await bottom_cells(FooterLine, **case)
    textual_s = await bottom_cells(TextualFooterAsOurs, **case)
    assert "".join(cell[0] for cell in ours) == "".join(cell[0] for cell in textual_s)
    assert ours == textual_s


async def test_a_click_on_a_key_runs_its_action_and_a_disabled_key_rings_the_bell() -> None:
    app = KeysApp(FooterLine, groups=True)
    async with app.run_test(size=(160, 5)) as pilot:
        await pilot.pause()
        line = app.screen._compositor.render_strips()[-1].text
        for words in ("f2 Arrived", "f6 Decision", "f10", "f5 Not now"):
            await pilot.click(offset=(line.index(words), 4))
            await pilot.pause()
        await pilot.click(offset=(line.index("Move"), 4))  # a group's description is not a key
        await pilot.pause()
        assert app.keys_screen.done == ["arrive", "decide", "right"]
        assert app.bells == 1


async def test_the_key_under_the_mouse_gives_its_tooltip() -> None:
    app = KeysApp(FooterLine, groups=True)
    async with app.run_test(size=(160, 5)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(FooterLine)
        line = app.screen._compositor.render_strips()[-1].text
        for words, tooltip in (("^n Next", "Next item"), ("f3 Left", None), ("f11", "Home"),
                               ("^p palette", "Open the command palette")):
            await pilot.hover(offset=(line.index(words), 4))
            await pilot.pause()
            assert footer.tooltip == tooltip, words


async def test_the_line_follows_compact_and_the_palette_key_being_turned_off() -> None:
    app = KeysApp(FooterLine)
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(FooterLine)
        footer.compact = True
        await pilot.pause()
        assert app.screen._compositor.render_strips()[-1].text.startswith("^n Next f2 Arrived")
        footer.show_command_palette = False
        await pilot.pause()
        assert "palette" not in app.screen._compositor.render_strips()[-1].text
