"""A read-only table with a row cursor, drawn as pre-drawn lines: it looks and moves as Textual's
DataTable does (the same component classes, stripes, cursor and keys), at a fraction of the cost.

A DataTable renders every cell through Rich on its own (padding, styling, wrapping: some 250
renders for one screen of the tracker) and builds its rows before it draws any. Here a row is one
line of text, made from the clerk's data only when it first comes into view (a tracker of 10,000
actions makes the 30 it shows), and drawn in one pass. Used where a table is only looked at and
moved through (DESIGN.md §8, issue 18); editing tables stay DataTables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from typing import Any, ClassVar

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip

from screens.line_view import LineView, row_meta
from screens.text import one_line
from screens.text_lines import text_strip, wrapped
from secretary.safety import visible_text

Cell = Text | str
PADDING = 1  # cells each side of a column's words, as DataTable's cell_padding


def first_line(cell: Cell, width: int) -> Text:
    """What a one-line DataTable cell shows of ``cell``: its first line wrapped at ``width`` (at a
    space, or folding a long word), unpadded. A str is the clerk's words: never read as markup."""
    text = cell if isinstance(cell, Text) else Text(cell)
    if "\n" in text.plain:
        text = text.split("\n", allow_blank=True)[0]
    plain = text.plain
    if plain.isascii() and plain.isprintable():  # a character a cell: the words' ends are where they are
        if len(plain) > width:
            text = text[:_first_line_end(plain, width)]
            text.rstrip_end(width)
            text.truncate(width)
        return text
    if cell_len(plain) > width:
        # where the first line ends depends only on the words it could hold: no need to read on
        offsets = divide_line(plain[:2 * width + 2], width, fold=True)
        if offsets:
            text = text[:offsets[0]]  # the first line alone: dividing the whole of a long text made every line
        text.rstrip_end(width)
        text.truncate(width)
    return text


_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as Rich's wrapping reads words


def _first_line_end(plain: str, width: int) -> int:
    """Where Rich's wrapping (folding long words) ends the first line of ``plain``, a text of one
    cell a character: before the first word that would reach past ``width``, or at ``width`` when
    the first word alone is longer than the line."""
    for word in _WORD.finditer(plain):
        start = word.start()
        if start + len(word.group().rstrip()) > width:
            return start or width
    return len(plain)


class LineTable(LineView):
    """Columns of fixed width under a heading; rows given to ``load`` as a sequence and a function
    making a row's cells (a str or a Text a column). The cursor, keys and messages are LineView's.

    Given a ``title``, the table draws it above the heading, as a pane's title (``.pane-title``)
    that stays as the rows scroll, across or down; given ``empty`` words, it says them where the
    rows would be while there are none. A pane drawn by one widget, not by a title, a table and a
    message in a container: each widget a screen is made of costs its opening 1.5-2 ms."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header", "datatable--even-row", "datatable--odd-row", "datatable--cursor",
        "pane-title", "line-table--empty",
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
        & > .pane-title {
            text-style: bold;
            background: $boost;
        }
        & > .line-table--empty {
            color: $text-muted;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    class RowHighlighted(LineView.RowHighlighted):
        """The cursor moved to a row."""

    class RowSelected(LineView.RowSelected):
        """Enter on the highlighted row, or a click on it."""

    def __init__(self, columns: Sequence[tuple[str, int]], *, zebra_stripes: bool = True, title: str | None = None,
                 empty: str = "", **kwargs: Any) -> None:
        super().__init__(heading_lines=1 if title is None else 2, **kwargs)
        self.columns = list(columns)
        self.zebra_stripes = zebra_stripes
        self.table_width = sum(width + 2 * PADDING for _label, width in self.columns)
        self.virtual_size = Size(self.table_width, self.heading_lines)
        self._title = title
        self._empty = empty

    @property
    def empty(self) -> str:
        """What the table says while it has no rows."""
        return self._empty

    @empty.setter
    def empty(self, words: str) -> None:
        if words != self._empty:
            self._empty = words
            self.refresh(layout=True)  # its height is its words' while there are no rows

    @property
    def virtual_width(self) -> int:
        return self.table_width

    def fit_columns(self, rows: Sequence[Sequence[Cell]]) -> None:
        """Each column as wide as its heading or its widest cell, as a DataTable's auto-width columns
        are: for a short list whose words are all at hand."""
        widths = [cell_len(label) for label, _width in self.columns]
        for cells in rows:
            for n, cell in enumerate(cells):
                widths[n] = max(widths[n], cell_len(cell.plain if isinstance(cell, Text) else cell))
        self.columns = [(label, width) for (label, _old), width in zip(self.columns, widths)]
        self.table_width = sum(width + 2 * PADDING for _label, width in self.columns)
        self.forget_lines()

    def get_row_at(self, row: int) -> list[Text]:
        """The words each column shows for ``row`` (not cut to the column)."""
        return [cell if isinstance(cell, Text) else Text(cell) for cell in self._make(self._rows[row])]

    # --- drawing ----------------------------------------------------------------------------

    def _line_styles(self) -> tuple[Style, ...]:
        """The widget's, the heading's, the stripes' and the cursor's."""
        get = self.get_component_styles
        return (self.rich_style, get("datatable--header").rich_style, get("datatable--even-row").rich_style,
                get("datatable--odd-row").rich_style, self.get_component_rich_style("datatable--cursor"))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._rows or not self._empty:
            return super().get_content_height(container, viewport, width)
        return self.heading_lines + len(self._empty_lines(width)) + 2

    def _empty_lines(self, width: int) -> list[Text]:
        """The words said while there are no rows, wrapped inside a margin of two cells."""
        return wrapped(self.app.console, Text(visible_text(self._empty)), max(1, width - 4))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        room = self.scrollable_content_region.width  # not under the scrollbar
        if self._title is not None and y == 0:  # the pane's title: it does not scroll across
            style = self._styles[0] + self.get_component_rich_style("pane-title")
            title = Text(f" {one_line(self._title)}")  # the clerk's words: shown, never obeyed
            return text_strip(self.app.console, title, room, style).extend_cell_length(width, style)
        if not self._rows and self._empty and y >= self.heading_lines:
            lines = self._empty_lines(room)
            line = y - self.heading_lines - 1  # a blank line above the words, and one below
            base = self._styles[0]
            if 0 <= line < len(lines):
                words = Text("  ").append_text(lines[line])
                return text_strip(self.app.console, words, width, base + self.get_component_rich_style("line-table--empty"))
            return Strip.blank(width, base)
        return super().render_line(y)

    def _make_row(self, row: int) -> list[list[Segment]]:
        """The row's cells, each cut to its column and padded, in the cells' own styles."""
        console = self.app.console
        cells = [label for label, _width in self.columns] if row < 0 else self._make(self._rows[row])
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
        return line

    def _draw(self, row: int, line: int, width: int) -> Strip:
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
        # the row under a click is in the style's meta (LineView._on_click): one style for the row's cells
        pre_style = row_style + row_meta(row) + cursor_style
        segments = list(Segment.apply_style(chain.from_iterable(self._made_row(row)), pre_style, post_style))
        extend_style = row_style + cursor_style + row_meta(row, out_of_bounds=True)
        segments.append(Segment(" " * max(0, width - self.table_width), extend_style))
        return Strip(segments).adjust_cell_length(max(width, self.table_width), base_style).simplify()
