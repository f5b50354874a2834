"""The read-only table's lines (screens/line_table.py): a cell shows what a one-line DataTable
cell shows, and the table moves and answers as the screens that use it expect."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult

from screens.line_table import LineTable, first_line

WORDS = st.text(alphabet=st.sampled_from("ab cdé  -/\n世"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.integers(min_value=1, max_value=30))
def test_a_cell_shows_the_first_line_rich_wraps_it_to(words: str, width: int) -> None:
    wrapped = Text(words).wrap(Console(width=200), width, overflow="fold")
    expected = wrapped[0] if wrapped else Text()
    expected.truncate(width)
    assert first_line(Text(words), width).plain == expected.plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd  -/.,"), max_size=80), st.integers(min_value=1, max_value=30))
def test_a_plain_ascii_cell_shows_the_same_first_line(words: str, width: int) -> None:
    """The quick way for text of one cell a character (most of what the clerk types) ends the line
    where Rich's wrapping does: leading spaces, runs of spaces, a first word longer than the line."""
    wrapped = Text(words).wrap(Console(width=200), width, overflow="fold")
    expected = wrapped[0] if wrapped else Text()
    expected.truncate(width)
    assert first_line(Text(words), width).plain == expected.plain


class Table(App):
    def __init__(self) -> None:
        super().__init__()
        self.told: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield LineTable((("No.", 4), ("Words", 10)), id="t")

    def on_line_table_row_highlighted(self, event: LineTable.RowHighlighted) -> None:
        self.told.append(("highlighted", event.key))

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        self.told.append(("selected", event.key))


async def test_the_cursor_moves_scrolls_and_tells_what_it_is_on() -> None:
    rows = [(str(n), f"row {n}") for n in range(200)]
    app = Table()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(LineTable)
        table.load(rows, lambda row: row, key=lambda row: row[0])
        table.focus()
        await pilot.pause()
        assert table.row_count == 200 and table.lines_made < 12  # only the rows in view are made
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert table.cursor_row == 2 and table.cursor_key == "2"
        assert app.told == [("highlighted", "1"), ("highlighted", "2"), ("selected", "2")]
        await pilot.click(LineTable, offset=(3, 5))  # the fifth row under the heading
        await pilot.pause()
        assert table.cursor_key == "4"
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row > 4 and table.scroll_y > 0
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.cursor_key == "199" and table.scroll_y == table.max_scroll_y
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0
        table.load(rows[:5], lambda row: row, key=lambda row: row[0], cursor=9)
        assert table.cursor_row == 4  # within the rows there are
        assert [str(cell) for cell in table.get_row_at(4)] == ["4", "row 4"]
        assert table.row_index("3") == 3 and table.row_index("x") is None


class Titled(App):
    CSS = "LineTable { width: 24; height: 8; }"

    def compose(self) -> ComposeResult:
        yield LineTable((("No.", 4), ("Words", 30)), title="", empty="No rows yet. Press n to add one.", id="t")


def lines(app: App, width: int = 24) -> list[str]:
    return [strip.text[:width].rstrip() for strip in app.screen._compositor.render_strips()]


async def test_a_titled_table_keeps_its_title_above_the_heading_as_it_scrolls_across_and_down() -> None:
    rows = [(str(n), f"the words of row {n}") for n in range(40)]
    app = Titled()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(LineTable)
        table.title = "The Board — meetings"
        table.load(rows, lambda row: row)
        table.focus()
        await pilot.pause()
        shown = lines(app, 22)  # the scrollbar down is beside them
        assert shown[:3] == [" The Board — meetings", " No.   Words", " 0     the words of ro"]
        await pilot.press("pagedown", "right", "right", "right")
        await pilot.pause()
        shown = lines(app, 22)
        assert table.scroll_y > 0 and table.scroll_x > 0
        assert shown[0] == " The Board — meetings"  # neither down nor across: the pane's title
        assert not shown[1].startswith(" No.") and "ords" in shown[1]  # the heading scrolls across with the rows
        table.title = "A much longer title than the table is wide"
        await pilot.pause()
        assert lines(app, 22)[0] == " A much longer title …"  # cut before the scrollbar


async def test_an_empty_table_says_so_in_words_wrapped_to_its_width_until_it_has_rows() -> None:
    app = Titled()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(LineTable)
        table.styles.height = "auto"
        table.styles.width = 26
        await pilot.pause()
        assert lines(app, 26)[:6] == ["", " No.   Words", "", "  No rows yet. Press n", "  to add one.", ""]
        assert table.outer_size.height == 2 + 1 + 2 + 1 + 1  # the words, a blank line each side, the scrollbar across
        table.load([("1", "a row")], lambda row: row)
        await pilot.pause()
        assert lines(app, 26)[2] == " 1     a row" and "No rows yet" not in "".join(lines(app))
        table.load([], lambda row: row)
        table.empty = "Nothing here."
        await pilot.pause()
        assert lines(app)[3] == "  Nothing here."
