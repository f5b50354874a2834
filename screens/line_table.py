"""A read-only table with a row cursor, drawn as pre-drawn lines: it looks and moves as Textual's
DataTable does (the same component classes, stripes, cursor and keys), at a fraction of the cost.

A DataTable renders every cell through Rich on its own (padding, styling, wrapping: some 250
renders for one screen of the tracker) and builds its rows before it draws any. Here a row is one
line of text, made from the clerk's data only when it first comes into view (a tracker of 10,000
actions makes the 30 it shows), and drawn in one pass. Used where a table is only looked at and
moved through (DESIGN.md §8, issue 18); editing tables stay DataTables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = Text | str
PADDING = 1  # cells each side of a column's words, as DataTable's cell_padding


def first_line(cell: Cell, width: int) -> Text:
    """What a one-line DataTable cell shows of ``cell``: its first line wrapped at ``width`` (at a
    space, or folding a long word), unpadded. A str is the clerk's words: never read as markup."""
    text = cell if isinstance(cell, Text) else Text(cell)
    if "\n" in text.plain:
        text = text.split("\n", allow_blank=True)[0]
    if cell_len(text.plain) > width:
        # where the first line ends depends only on the words it could hold: no need to read on
        offsets = divide_line(text.plain[:2 * width + 2], width, fold=True)
        if offsets:
            text = text.divide(offsets)[0]
        text.rstrip_end(width)
        text.truncate(width)
    return text


@dataclass
class _RowMessage(Message):
    table: LineTable
    row: int
    key: str | None

    @property
    def control(self) -> LineTable:
        return self.table


class LineTable(ScrollView, can_focus=True):
    """Columns of fixed width; rows given as a sequence and a function making a row's cells.

    ``cursor_row`` is the highlighted row; moving it posts ``RowHighlighted``, Enter (or a click
    on the highlighted row) posts ``RowSelected``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header", "datatable--even-row", "datatable--odd-row", "datatable--cursor",
    }
    # DataTable's look, rule for rule, so the two kinds of table read as one
    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark {
            & > .datatable--even-row {
                background: $surface-darken-1 40%;
            }
        }
        & > .datatable--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .datatable--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .datatable--odd-row {
        }
        & > .datatable--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, init=False, always_update=True)

    class RowHighlighted(_RowMessage):
        """The cursor moved to a row."""

    class RowSelected(_RowMessage):
        """Enter on the highlighted row, or a click on it."""

    def __init__(self, columns: Sequence[tuple[str, int]], *, zebra_stripes: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.columns = list(columns)
        self.zebra_stripes = zebra_stripes
        self._rows: Sequence[Any] = ()
        self._cells: Callable[[Any], Sequence[Cell]] = lambda row: row
        self._key: Callable[[Any], str | None] = lambda row: None
        self._lines: dict[int, list[list[Segment]]] = {}  # a row's cells, cut to their columns: made when first drawn
        self._strips: dict[tuple, Strip] = {}  # drawn lines, for the styles they were drawn in
        self._styles: tuple[Style, ...] = ()  # the widget's, the heading's, the stripes' and the cursor's
        self.table_width = sum(width + 2 * PADDING for _label, width in self.columns)
        self.virtual_size = Size(self.table_width, 1)

    def fit_columns(self, rows: Sequence[Sequence[Cell]]) -> None:
        """Each column as wide as its heading or its widest cell, as a DataTable's auto-width columns
        are: for a short list whose words are all at hand."""
        widths = [cell_len(label) for label, _width in self.columns]
        for cells in rows:
            for n, cell in enumerate(cells):
                widths[n] = max(widths[n], cell_len(cell.plain if isinstance(cell, Text) else cell))
        self.columns = [(label, width) for (label, _old), width in zip(self.columns, widths)]
        self.table_width = sum(width + 2 * PADDING for _label, width in self.columns)
        self._lines.clear()
        self._strips.clear()

    # --- the rows ---------------------------------------------------------------------------

    def load(self, rows: Sequence[Any], cells: Callable[[Any], Sequence[Cell]],
             key: Callable[[Any], str | None] = lambda row: None, *, cursor: int | None = None) -> None:
        """Show ``rows``, each drawn from ``cells(row)`` when it comes into view; the cursor stays
        on the row it was on (or goes to ``cursor``), within the rows there are."""
        self._rows, self._cells, self._key = rows, cells, key
        self._lines.clear()
        self._strips.clear()
        self.virtual_size = Size(self.table_width, len(rows) + 1)
        row = self.cursor_row if cursor is None else cursor
        self.set_reactive(LineTable.cursor_row, max(0, min(row, len(rows) - 1)))
        self._scroll_cursor_into_view()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row_key(self, row: int) -> str | None:
        return self._key(self._rows[row]) if 0 <= row < len(self._rows) else None

    @property
    def cursor_key(self) -> str | None:
        return self.row_key(self.cursor_row)

    def row_index(self, key: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if self._key(row) == key), None)

    def get_row_at(self, row: int) -> list[Text]:
        """The words each column shows for ``row`` (not cut to the column)."""
        return [cell if isinstance(cell, Text) else Text(cell) for cell in self._cells(self._rows[row])]

    @property
    def lines_made(self) -> int:
        """How many rows have been made to be drawn: those that came into view."""
        return sum(1 for row in self._lines if row >= 0)

    # --- the cursor -------------------------------------------------------------------------

    def move_cursor(self, *, row: int, scroll: bool = True) -> None:
        self.cursor_row = max(0, min(row, self.row_count - 1))
        if scroll:
            self._scroll_cursor_into_view()

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._strips = {k: v for k, v in self._strips.items() if k[0] not in (old, new)}
        self.refresh()
        if self.row_count:
            self.post_message(self.RowHighlighted(self, new, self.row_key(new)))

    def _scroll_cursor_into_view(self) -> None:
        if not self.size.height:  # not laid out yet: once it is
            self.call_after_refresh(self._scroll_cursor_into_view)
        elif self.row_count:
            region = Region(int(self.scroll_x), self.cursor_row + 1, self.size.width or 1, 1)
            self.scroll_to_region(region, animate=False, spacing=Spacing(1, 0, 0, 0), force=True, immediate=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_page_down(self) -> None:
        height = self.scrollable_content_region.height - 1
        self.scroll_relative(y=height, animate=False, force=True, immediate=True)
        self.move_cursor(row=self.cursor_row + height, scroll=False)

    def action_page_up(self) -> None:
        height = self.scrollable_content_region.height - 1
        self.scroll_relative(y=-height, animate=False, immediate=True)
        self.move_cursor(row=self.cursor_row - height, scroll=False)

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=self.row_count - 1)

    def action_select_cursor(self) -> None:
        if self.row_count:
            self.post_message(self.RowSelected(self, self.cursor_row, self.cursor_key))

    async def _on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if row is None or row < 0 or row >= self.row_count:
            return
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.move_cursor(row=row)

    # --- drawing ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a theme or focus change: the same words in other colours

    def _on_focus(self, event: events.Focus) -> None:
        self._strips.clear()

    def _on_blur(self, event: events.Blur) -> None:
        self._strips.clear()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.row_count + 1

    def render_lines(self, crop: Region) -> list[Strip]:
        # the styles every line is drawn in, worked out once for all the lines drawn now
        get = self.get_component_styles
        self._styles = (self.rich_style, get("datatable--header").rich_style, get("datatable--even-row").rich_style,
                        get("datatable--odd-row").rich_style, self.get_component_rich_style("datatable--cursor"))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = -1 if y == 0 else y - 1 + scroll_y  # the heading stays as the rows scroll under it
        width = self.size.width
        base_style = self._styles[0]
        if row >= self.row_count:
            return Strip.blank(width, base_style)
        key = (row, row == self.cursor_row, width, scroll_x, base_style, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw(row, width).crop(scroll_x, scroll_x + width)
        return strip

    def _words(self, row: int) -> list[list[Segment]]:
        """The row's cells, each cut to its column and padded, in the cells' own styles."""
        line = self._lines.get(row)
        if line is None:
            console = self.app.console
            cells = [label for label, _width in self.columns] if row < 0 else self._cells(self._rows[row])
            line = []
            for cell, (_label, width) in zip(cells, self.columns):
                words = first_line(cell, width)
                if words.spans:
                    styled = Text(end="")
                    styled.append_text(words)
                    inner = list(styled.render(console))
                else:
                    inner = [Segment(words.plain, console.get_style(words.style) if words.style else None)]
                line.append([Segment(" " * PADDING), *inner, Segment(" " * (width - words.cell_len + PADDING))])
            self._lines[row] = line
        return line

    def _draw(self, row: int, width: int) -> Strip:
        """One line as DataTable draws it: each cell in the row's style with the cell's own on top,
        the cursor's colour over both, and the row's style carried to the right edge."""
        base_style, header, even, odd, cursor = self._styles
        if row < 0:
            row_style = header
        elif self.zebra_stripes:
            row_style = odd if row % 2 else even
        else:
            row_style = base_style
        cursor_style, post_style = Style(), Style()
        if row == self.cursor_row and row >= 0:
            cursor_style = cursor
            post_style = Style.from_color(color=cursor_style.color)
        segments: list[Segment] = []
        for column, cell in enumerate(self._words(row)):
            pre_style = row_style + Style.from_meta({"row": row, "column": column}) + cursor_style
            segments.extend(Segment.apply_style(cell, pre_style, post_style))
        extend_style = row_style + cursor_style + Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * max(0, width - self.table_width), extend_style))
        return Strip(segments).adjust_cell_length(max(width, self.table_width), base_style).simplify()
