"""The read-only list of two-line entries (screens/line_list.py), driven by keys and the mouse
as the search screen's clerk drives it: what is drawn, where the cursor is, what it tells."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screens.line_list import LineList
from tests.pilot import drawn_cells


def entry(n: int) -> tuple[Text, str]:
    """Where (styled), then the words: a str, which is the clerk's and never read as markup."""
    where = Text()
    where.append(f"Entry {n}", style="bold")
    where.append(" · the board's minutes of a long meeting that goes on and on past the edge", style="italic")
    return where, f"    [bold]words[/bold] of entry {n}"


class Listing(App):
    CSS = "LineList { height: 1fr; border: none; }"

    def __init__(self) -> None:
        super().__init__()
        self.told: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield LineList(lines=2, id="entries")

    def on_line_list_row_highlighted(self, event: LineList.RowHighlighted) -> None:
        self.told.append(("highlighted", event.row))

    def on_line_list_row_selected(self, event: LineList.RowSelected) -> None:
        self.told.append(("selected", event.row))


def screen_lines(app: App) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def backgrounds(app: App, widget: LineList) -> list[set[str]]:
    """Each line's background colours, within the list's words (not its padding or scrollbar)."""
    left = widget.content_region.x
    right = left + widget.scrollable_content_region.width
    strips = app.screen._compositor.render_strips()[widget.content_region.y:widget.content_region.bottom]
    return [{segment.style.bgcolor.triplet.hex for segment in strip.crop(left, right)} for strip in strips]


async def test_entries_are_drawn_as_they_come_into_view_and_the_cursor_covers_both_lines() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        entries = app.query_one(LineList)
        entries.load(range(500), entry)
        entries.focus()
        await pilot.pause()
        assert entries.row_count == 500 and entries.lines_made <= 6  # 12 lines: six entries, no more
        shown = screen_lines(app)
        assert shown[0].startswith(" Entry 0 · the board's minutes") and shown[0].rstrip().endswith("…")
        assert shown[1].rstrip() == "     [bold]words[/bold] of entry 0"  # as typed, not read as markup
        assert all(len(line.rstrip()) <= 58 for line in shown)  # cut where a scrollbar leaves room
        highlight = {app.theme_variables["block-cursor-background"].lower()}  # an OptionList's, focused
        colours = backgrounds(app, entries)
        assert colours[0] == colours[1] == highlight  # both lines of the cursor's entry
        plain = colours[2]
        assert colours[3] == plain and len(plain) == 1 and plain != highlight

        await pilot.press("down", "down")
        await pilot.pause()
        colours = backgrounds(app, entries)
        assert colours[4] == colours[5] == highlight
        assert colours[0] == colours[1] == plain
        await pilot.press("enter")
        await pilot.pause()
        assert app.told == [("highlighted", 1), ("highlighted", 2), ("selected", 2)]


async def test_keys_move_the_cursor_and_scroll_by_whole_entries() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        entries = app.query_one(LineList)
        entries.load(range(500), entry)
        entries.focus()
        await pilot.pause()
        await pilot.press(*["down"] * 7)  # past the six in view: the list scrolls to show all of the 8th
        await pilot.pause()
        assert entries.cursor_row == 7 and entries.scroll_y == 4
        assert screen_lines(app)[-2].startswith(" Entry 7 ")
        await pilot.press("pagedown")
        await pilot.pause()
        assert entries.cursor_row == 13 and 13 * 2 >= entries.scroll_y and 14 * 2 <= entries.scroll_y + 12
        await pilot.press("pageup")
        await pilot.pause()
        assert entries.cursor_row == 7
        await pilot.press("end")
        await pilot.pause()
        assert entries.cursor_row == 499 and entries.scroll_y == entries.max_scroll_y == 1000 - 12
        assert screen_lines(app)[-2].startswith(" Entry 499 ")
        assert entries.lines_made < 30  # the ones passed over on the way were never made
        await pilot.press("home")
        await pilot.pause()
        assert entries.cursor_row == 0 and entries.scroll_y == 0
        await pilot.press("up")
        await pilot.pause()
        assert entries.cursor_row == 0  # nothing above the first


async def test_a_click_on_either_line_of_an_entry_selects_it() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        entries = app.query_one(LineList)
        entries.load(range(10), entry)
        await pilot.pause()
        await pilot.click(LineList, offset=(10, 5))  # the second line of the third entry
        await pilot.pause()
        assert entries.cursor_row == 2
        assert app.told == [("highlighted", 2), ("selected", 2)]
        await pilot.click(LineList, offset=(3, 4))  # its first line, the cursor on it already
        await pilot.pause()
        assert app.told[-1] == ("selected", 2) and len(app.told) == 3


async def test_a_narrower_list_cuts_its_lines_again_and_an_empty_one_draws_nothing() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        entries = app.query_one(LineList)
        entries.load(range(3), entry)
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        shown = screen_lines(app)
        assert shown[0].rstrip().endswith("…") and len(shown[0].rstrip()) == 1 + 36  # room kept for a scrollbar
        entries.load([], entry)
        await pilot.pause()
        assert all(not line.strip() for line in screen_lines(app))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.told == []  # nothing to highlight or select


def cut(lines: tuple[Text, str], width: int) -> Text:
    """An entry as the search screen gave it to an OptionList: each line cut with an ellipsis."""
    texts = [line if isinstance(line, Text) else Text(line) for line in lines]
    for text in texts:
        text.truncate(width, overflow="ellipsis")
    return Text("\n").join(texts)


class Both(App):
    """The same entries in an OptionList (the look the list copies) and in a LineList."""

    CSS = "OptionList, LineList { height: 8; width: 60; border: none; }"

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(cut(entry(n), 56)) for n in range(6)], id="options")
        yield LineList(lines=2, id="entries")


async def test_the_list_looks_as_an_option_list_does() -> None:
    """Cell for cell the same words, colours and styles, focused and not, with the highlight on
    the second entry and the list scrolled by a line; the list cuts the lines itself."""
    app = Both()
    async with app.run_test(size=(80, 20)) as pilot:
        options, entries = app.query_one(OptionList), app.query_one(LineList)
        entries.load(range(6), entry)
        options.highlighted = 1
        entries.move_cursor(row=1)
        await pilot.pause()
        options.scroll_to(y=1, animate=False, immediate=True)  # half the first entry, half the fifth
        entries.scroll_to(y=1, animate=False, immediate=True)

        app.set_focus(None)
        await pilot.pause()
        assert drawn_cells(app, options) == drawn_cells(app, entries)
        options.focus()
        await pilot.pause()
        focused = drawn_cells(app, options)
        entries.focus()
        await pilot.pause()
        assert drawn_cells(app, entries) == focused
        words = ["".join(cell[0] for cell in line) for line in focused]
        assert words[0].strip().startswith("[bold]words[/bold] of entry 0") and "Entry 4" in words[-1]
        assert any("…" in line for line in words)
        assert len({line[3][2] for line in focused}) == 2  # the highlight's background and the others'
