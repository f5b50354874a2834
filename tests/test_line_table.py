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
