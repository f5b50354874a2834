"""A read-only list whose entries are each a few lines (a search result: where it was found, then
the words found), drawn as pre-made lines: it looks and moves as Textual's OptionList does (the
same component classes, highlight and keys), at a fraction of the cost.

An OptionList renders every option through Rich as it is added, to learn its height, and again
to draw it. Here every entry has the same number of lines, so nothing need be measured: an
entry's lines are made from the clerk's data only when it first comes into view (a page of 50
results makes the sixteen a 40-line terminal shows) and drawn in one pass (DESIGN.md §8, issue 18).
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from screens.line_view import LineView, row_meta


class LineList(LineView):
    """Entries of ``lines`` lines each, given to ``load`` as a sequence and a function making an
    entry's lines (a Text or a str each: a str is the clerk's words, never read as markup). A
    line longer than the list is wide ends in an ellipsis, cut where it would be with a
    scrollbar shown, so that no line changes when one appears. The cursor, over the whole entry,
    keys and messages are LineView's; Home and End go to the first and last entries, and a
    click selects at once, as in an OptionList."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"option-list--option", "option-list--option-highlighted"}
    # OptionList's look, rule for rule, so that the list reads as the option lists elsewhere
    DEFAULT_CSS = """
    LineList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
    }
    """

    CLICK_SELECTS = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    class RowHighlighted(LineView.RowHighlighted):
        """The cursor moved to an entry."""

    class RowSelected(LineView.RowSelected):
        """Enter on the highlighted entry, or a click on any entry."""

    def __init__(self, *, lines: int = 2, **kwargs) -> None:
        super().__init__(row_lines=lines, **kwargs)
        self._cut_at = 0  # the width the entries made so far were cut to

    def get_row_at(self, row: int) -> list[Text]:
        """The lines of entry ``row`` (not cut to the width)."""
        return [line if isinstance(line, Text) else Text(line) for line in self._make(self._rows[row])]

    # --- drawing ----------------------------------------------------------------------------

    @property
    def _cut_width(self) -> int:
        return max(1, self.size.width - self.styles.scrollbar_size_vertical)

    def _line_styles(self) -> tuple[Style, ...]:
        """An entry's, and the highlighted entry's (the first also where there is none)."""
        if self._cut_width != self._cut_at:  # the list was made narrower or wider: cut again
            self._cut_at = self._cut_width
            self.forget_lines()
        get = self.get_visual_style
        return (get("option-list--option").rich_style,
                get("option-list--option", "option-list--option-highlighted").rich_style)

    def _make_row(self, row: int) -> tuple[Style, list[tuple[list[Segment], int]]]:
        """The entry's lines, each cut to the width, in their own styles (and naming the entry, for
        a click): a line's segments and its length in cells, with the naming on its own."""
        console = self.app.console
        meta = row_meta(row)
        lines = []
        for line in self._make(self._rows[row])[:self.row_lines]:
            text = line if isinstance(line, Text) else Text(line)
            if "\n" in text.plain:  # a line is one line: what follows a break is not shown
                text = text.split("\n", allow_blank=True)[0]
            if text.cell_len > self._cut_at:
                text = text.copy()
                text.truncate(self._cut_at, overflow="ellipsis")
            if text.spans:
                segments = [Segment(words, style + meta if style else meta) for words, style, _ in text.render(console)]
            else:
                segments = [Segment(text.plain, console.get_style(text.style) + meta if text.style else meta)]
            lines.append((segments, text.cell_len))
        return meta, lines

    def _draw(self, row: int, line: int, width: int) -> Strip:
        """One line as OptionList draws it: the entry's style (the highlight's, on the cursor) under
        the words' own, carried to the right edge."""
        plain, highlighted = self._styles
        style = highlighted if row == self.cursor_row else plain
        meta, lines = self._made_row(row)
        segments, length = lines[line] if line < len(lines) else ([], 0)
        drawn = [Segment(words, style + own) for words, own, _ in segments]
        if length < width:
            drawn.append(Segment(" " * (width - length), style + meta))
        return Strip(drawn, max(width, length))
