"""A list whose entries are each one text, wrapped to the list's width (as many lines as each
takes), under a title line that stays as the entries scroll: a pane's title and its list drawn
by one widget. The home screen's bodies are one (a long name goes on to a second line, as in an
OptionList).

It looks and moves as Textual's OptionList does (LineList's component classes, highlight, keys
and click), without an OptionList's cost to open: an OptionList renders every option through
Rich to learn its height, and the first screen pays for it, and for the title and the container
around them, before the clerk sees anything (DESIGN.md §8, issue 18).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.css.scalar import Unit
from textual.geometry import Region, Size
from textual.strip import Strip

from screens.line_list import LineList
from screens.line_view import row_meta
from screens.text import one_line
from screens.text_lines import text_strip, wrapped
from secretary.safety import visible_text

MARGIN = 1  # cells each side of an entry's words: an OptionList's padding; the title's colour reaches the edges


class WrappedList(LineList):
    """Entries given to ``load`` as a sequence and a function making an entry's words (a Text, or
    a str: the clerk's words, never read as markup nor obeyed by the terminal), under ``title``
    (drawn as ``.pane-title``; None: no title line). The cursor is over a whole entry, however
    many lines it takes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = LineList.COMPONENT_CLASSES | {"pane-title"}
    DEFAULT_CSS = """
    WrappedList {
        padding: 0;
        & > .pane-title {
            text-style: bold;
            background: $boost;
        }
    }
    """

    class RowHighlighted(LineList.RowHighlighted):
        """The cursor moved to an entry."""

    class RowSelected(LineList.RowSelected):
        """Enter on the highlighted entry, or a click on any line of any entry."""

    def __init__(self, title: str | None = None, **kwargs: Any) -> None:
        super().__init__(lines=1, **kwargs)
        self.heading_lines = 0 if title is None else 1
        self._title = title
        self._wrapped_at = 0  # the width the words were wrapped to (0: not wrapped, before the list is laid out)
        self._fitted_for: tuple[int, int] = (-1, -1)  # the room and the height they were wrapped for
        self._lines: list[list[Text]] = []  # each entry's lines
        self._tops: list[int] = [0]  # each entry's first line, and after them all the lines there are

    # --- where each entry's lines are ---------------------------------------------------------

    def forget_lines(self) -> None:
        super().forget_lines()
        self._fit()

    def _wrap_width(self) -> int:
        """The words' width: the list's less its margins, or before it is laid out the width its
        styles give it (0: not known yet; wrapped once laid out)."""
        width = self.size.width
        if not width:
            given = self.styles.width
            if given is None or given.unit is not Unit.CELLS:
                return 0
            width = int(given.value) - self.styles.gutter.width
        return max(0, width - 2 * MARGIN)

    def _fit(self) -> None:
        """Wrap every entry's words: beside the scrollbar when they are more than the list holds."""
        texts = [self._words(row) for row in range(len(self._rows))]
        width = self._wrap_width()
        self._fitted_for = (width, self.size.height)
        lines = self._wrapped(texts, width)
        if width and self.size.height and self.heading_lines + sum(map(len, lines)) > self.size.height:
            width = max(1, width - self.styles.scrollbar_size_vertical)
            lines = self._wrapped(texts, width)
        self._wrapped_at, self._lines = width, lines
        self._tops = [0, *accumulate(map(len, lines))]
        self._made.clear()
        self._strips.clear()

    def _wrapped(self, texts: list[Text], width: int) -> list[list[Text]]:
        if not width:  # not laid out yet: a line each, as given
            return [text.split("\n") for text in texts]
        console = self.app.console
        return [wrapped(console, text, width) for text in texts]

    def _words(self, row: int) -> Text:
        words = self._make(self._rows[row])
        return words if isinstance(words, Text) else Text(visible_text(words).replace("\t", " "))

    def _refit(self) -> bool:
        """Wrap the words again if the list's room or height has changed since; True if the lines
        they take changed."""
        if (self._wrap_width(), self.size.height) == self._fitted_for:
            return False
        before = self._wrapped_at, self._tops[-1]
        self._fit()
        if self._tops[-1] != before[1]:
            self.virtual_size = Size(0, self.heading_lines + self._rows_height)
        return (self._wrapped_at, self._tops[-1]) != before

    def _on_resize(self, _event: events.Resize) -> None:
        if self._refit():  # (or already, as it was drawn at its new size)
            self.refresh()
        self._scroll_cursor_into_view()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.size.width:  # laid out since the words were wrapped (before it, with the width the
            self._refit()  # styles give, at most): drawn at the width it has, in this frame
        return super().render_lines(crop)

    @property
    def _rows_height(self) -> int:
        return self._tops[-1]

    def _row_top(self, row: int) -> int:
        return self._tops[row]

    def _row_height(self, row: int) -> int:
        return self._tops[row + 1] - self._tops[row]

    def _row_at(self, y: int) -> tuple[int, int]:
        if y >= self._tops[-1]:
            return len(self._rows), 0  # past the last entry
        row = bisect_right(self._tops, y) - 1
        return row, y - self._tops[row]

    def get_row_at(self, row: int) -> list[Text]:
        """The lines entry ``row`` takes at the list's width."""
        return list(self._lines[row])

    # --- drawing ----------------------------------------------------------------------------

    def _line_styles(self) -> tuple[Style, ...]:
        """An entry's, the highlighted entry's and the title's."""
        get = self.get_visual_style
        return (get("option-list--option").rich_style,
                get("option-list--option", "option-list--option-highlighted").rich_style,
                self.get_component_rich_style("pane-title"))

    def _make_row(self, row: int) -> list[tuple[list[Segment], int]]:
        """The entry's lines in their own styles: a line's segments and its length in cells."""
        console = self.app.console
        made = []
        for text in self._lines[row]:
            if text.spans:
                segments = [Segment(words, style) for words, style, _ in text.render(console, end="")]
            else:
                segments = [Segment(text.plain, console.get_style(text.style) if text.style else None)]
            made.append((segments, text.cell_len))
        return made

    def _draw(self, row: int, line: int, width: int) -> Strip:
        """The title; or one line of an entry, as OptionList draws it: the entry's style (the
        highlight's, on the cursor) under the words' own, between margins in the list's style."""
        plain, highlighted, title = self._styles
        if row < 0:
            return text_strip(self.app.console, Text(" " * MARGIN + one_line(self._title or "")), width,
                              plain + title)
        meta = row_meta(row)
        style = (highlighted if row == self.cursor_row else plain) + meta
        margin = Segment(" " * MARGIN, Style.from_color(bgcolor=plain.bgcolor) + meta)  # as padding is drawn
        segments, length = self._made_row(row)[line]
        drawn = [margin, *(Segment(segment.text, style + segment.style if segment.style else style)
                           for segment in segments)]
        drawn.append(Segment(" " * max(0, width - 2 * MARGIN - length), style))
        drawn.append(margin)
        return Strip(drawn).crop(0, width)
