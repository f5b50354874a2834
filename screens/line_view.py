"""Read-only rows drawn as pre-made lines, with a cursor over a whole row: what LineTable (a
table, DataTable's look) and LineList (entries of a few lines, OptionList's look) share.

Each row is a fixed number of lines, made from the clerk's data only when it first comes into
view, and each line, once drawn, is kept for as long as its row, the cursor's place on it, the
width and the colours stay the same (DESIGN.md §8, issue 18). A subclass says how a row is
made (``_make_row``), which styles a drawing needs (``_line_styles``) and how a line is drawn
(``_draw``); here are the rows, the cursor, the keys, the click and the messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@lru_cache(maxsize=4096)
def row_meta(row: int, out_of_bounds: bool = False) -> Style:
    """The style naming ``row`` for a click on it. One per row for every table and list: each new
    meta style is new to Rich's cache of added styles, and a row drawn again (the same screen
    opened again) then adds its styles afresh."""
    return Style.from_meta({"row": row, "out_of_bounds": True} if out_of_bounds else {"row": row})


@dataclass
class _RowMessage(Message):
    view: LineView
    row: int
    key: str | None

    @property
    def control(self) -> LineView:
        return self.view


class LineView(ScrollView, can_focus=True):
    """Rows given as a sequence and a function making a row; ``row_lines`` lines each, under
    ``heading_lines`` lines that stay as the rows scroll (a table's heading: row -1).

    ``cursor_row`` is the highlighted row; moving it posts ``RowHighlighted``, Enter (or a click
    on the highlighted row, or on any row where ``CLICK_SELECTS``) posts ``RowSelected``. A
    subclass nests its own two messages, so that their handlers are named for it
    (``on_line_table_row_selected``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
    ]

    CLICK_SELECTS: ClassVar[bool] = False
    """A click on a row selects it at once (OptionList's way), not only when the cursor is on it
    already (DataTable's)."""

    cursor_row: reactive[int] = reactive(0, init=False, always_update=True)

    class RowHighlighted(_RowMessage):
        """The cursor moved to a row."""

    class RowSelected(_RowMessage):
        """Enter on the highlighted row, or a click on it."""

    def __init__(self, *, row_lines: int = 1, heading_lines: int = 0, enter: bool = True, **kwargs: Any) -> None:
        """``enter=False`` leaves Enter to the screen, whose own binding (shown in the footer, as
        "Open meeting") would otherwise be hidden behind the view's; a click still selects."""
        super().__init__(**kwargs)
        if not enter:
            self._bindings.key_to_bindings.pop("enter", None)  # this view's copy of the bindings
        self.row_lines = row_lines
        self.heading_lines = heading_lines
        self._rows: Sequence[Any] = ()
        self._make: Callable[[Any], Any] = lambda row: row
        self._key: Callable[[Any], str | None] = lambda row: None
        self._made: dict[int, Any] = {}  # each row as made to be drawn, when first drawn (-1: the heading)
        self._strips: dict[tuple, Strip] = {}  # drawn lines, for the styles they were drawn in
        self._styles: tuple[Style, ...] = ()  # what _line_styles gave for this drawing; the first is the widget's
        self._title: str | None = None  # a title line's words, for a subclass that draws one

    @property
    def virtual_width(self) -> int:
        """How wide the rows are, for scrolling across them (0: never wider than the view)."""
        return 0

    @property
    def title(self) -> str | None:
        """The words of a subclass's title line, the first of the heading (None: it has none)."""
        return self._title

    @title.setter
    def title(self, words: str) -> None:
        if self._title is None:
            raise ValueError(f"a {type(self).__name__} made without a title line cannot be given one")
        if words != self._title:
            self._title = words
            self._strips = {key: strip for key, strip in self._strips.items() if key[:2] != (-1, 0)}
            self.refresh(Region(0, 0, self.size.width, 1))

    # --- the rows ---------------------------------------------------------------------------

    def load(self, rows: Sequence[Any], make: Callable[[Any], Any],
             key: Callable[[Any], str | None] = lambda row: None, *, cursor: int | None = None) -> None:
        """Show ``rows``, each drawn from ``make(row)`` when it comes into view; the cursor stays
        on the row it was on (or goes to ``cursor``), within the rows there are."""
        self._rows, self._make, self._key = rows, make, key
        self.forget_lines()
        self.virtual_size = Size(self.virtual_width, self.heading_lines + self._rows_height)
        row = self.cursor_row if cursor is None else cursor
        self.set_reactive(LineView.cursor_row, max(0, min(row, len(rows) - 1)))
        self._scroll_cursor_into_view()
        self.refresh()

    def forget_lines(self) -> None:
        """Make every row again when next drawn (what it is made from has changed)."""
        self._made.clear()
        self._strips.clear()

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

    @property
    def lines_made(self) -> int:
        """How many rows have been made to be drawn: those that came into view."""
        return sum(1 for row in self._made if row >= 0)

    def _made_row(self, row: int) -> Any:
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = self._make_row(row)
        return made

    def _make_row(self, row: int) -> Any:
        """What ``_draw`` draws ``row``'s lines from (``row`` -1: the heading)."""
        raise NotImplementedError

    # --- where the rows' lines are: ``row_lines`` each, unless a subclass says otherwise ------

    @property
    def _rows_height(self) -> int:
        """Lines in all the rows, under the heading."""
        return len(self._rows) * self.row_lines

    def _row_top(self, row: int) -> int:
        """The first line of ``row``, counted from the first row's."""
        return row * self.row_lines

    def _row_height(self, row: int) -> int:
        return self.row_lines

    def _row_at(self, y: int) -> tuple[int, int]:
        """The row at line ``y`` (counted as ``_row_top``'s) and the line within it."""
        return divmod(y, self.row_lines)

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
            top = self.heading_lines + self._row_top(self.cursor_row)
            region = Region(int(self.scroll_x), top, self.size.width or 1, self._row_height(self.cursor_row))
            self.scroll_to_region(region, animate=False, spacing=Spacing(self.heading_lines, 0, 0, 0), force=True,
                                  immediate=True)

    @property
    def _page_lines(self) -> int:
        """Lines a page moves: the whole rows the view shows under its heading."""
        return max(1, (self.scrollable_content_region.height - self.heading_lines) // self.row_lines) * self.row_lines

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_page_down(self) -> None:
        lines = self._page_lines
        self.scroll_relative(y=lines, animate=False, force=True, immediate=True)
        below = self._row_top(self.cursor_row) + lines
        row = self.row_count - 1 if below >= self._rows_height else self._row_at(below)[0]
        self.move_cursor(row=max(row, self.cursor_row + 1))  # past a row taller than the view, at least

    def action_page_up(self) -> None:
        lines = self._page_lines
        self.scroll_relative(y=-lines, animate=False, immediate=True)
        row = self._row_at(max(0, self._row_top(self.cursor_row) - lines))[0]
        self.move_cursor(row=min(row, self.cursor_row - 1))

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
        selects = self.CLICK_SELECTS or row == self.cursor_row
        if row != self.cursor_row:
            self.move_cursor(row=row)
        if selects:
            self.action_select_cursor()

    # --- drawing ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a theme or focus change: the same words in other colours

    def _on_focus(self, event: events.Focus) -> None:
        self._strips.clear()

    def _on_blur(self, event: events.Blur) -> None:
        self._strips.clear()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.heading_lines + self._rows_height

    def _line_styles(self) -> tuple[Style, ...]:
        """The styles every line is drawn in, the widget's first: worked out once a drawing."""
        return (self.rich_style,)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = self._line_styles()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        if y < self.heading_lines:  # the heading stays as the rows scroll under it
            row, line = -1, y
        else:
            row, line = self._row_at(y - self.heading_lines + scroll_y)
        width = self.size.width
        base_style = self._styles[0]
        if row >= self.row_count:
            return Strip.blank(width, base_style)
        key = (row, line, row == self.cursor_row, width, scroll_x, base_style, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw(row, line, width).crop(scroll_x, scroll_x + width)
        return strip

    def _draw(self, row: int, line: int, width: int) -> Strip:
        """Line ``line`` of ``row``, ``width`` cells wide (or wider: it is cropped to the view)."""
        raise NotImplementedError
