"""Lines of styled text to read, in a pane that scrolls: what a Static inside a VerticalScroll
shows, drawn by one widget. The live screen's agenda and room are these: every widget a screen
is made of costs its opening 1.5-2 ms, and these two panes were seven (DESIGN.md §8, issue 18).

The lines are given as Rich Text, one per row or (``wrap``) wrapped to the pane's width, under
``HEADING`` rows that stay as the lines scroll (a subclass draws them: ``heading_line``). A line
is drawn when it first comes into view and kept while its words, the width and the colours
stay the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.css.scalar import Unit
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


def text_key(text: Text) -> tuple:
    """What a Text draws as: its words, their styles and the whole line's (Text's own == compares
    the words and spans only)."""
    return (text.plain, tuple(text.spans), text.style, text.justify, text.overflow, text.no_wrap, text.end)


def text_strip(console: Console, text: Text, width: int, style: Style) -> Strip:
    """``text`` as one row ``width`` cells wide (cut with "…"), over ``style``."""
    if text.cell_len > width:
        text = text.copy()
        text.truncate(width, overflow="ellipsis")
    if text.spans:
        segments = list(Segment.apply_style(text.render(console, end=""), style))
    else:
        segments = [Segment(text.plain, style + console.get_style(text.style) if text.style else style)]
    pad = width - text.cell_len
    if pad > 0:
        segments.append(Segment(" " * pad, style))
    return Strip(segments, width)


def wrapped(console: Console, text: Text, width: int) -> list[Text]:
    """``text``'s rows at ``width`` cells, wrapped at spaces as a Static wraps; a line that fits is
    its own row (most do: Rich's wrapping takes as long for them)."""
    if text.cell_len <= width and "\n" not in text.plain:
        return [text]
    return list(text.wrap(console, max(1, width)))


class KeptLines:
    """Lines drawn once and kept (``_strips``) while the words, the width and the colours stay
    the same; the widget's own style worked out once a drawing, not once a line (Textual works
    it out afresh from every ancestor's styles each time it is asked)."""

    _strips: dict[tuple, Strip]
    _drawing_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing_style = self.rich_style  # type: ignore[attr-defined]
        return super().render_lines(crop)  # type: ignore[misc]

    @property
    def base_style(self) -> Style:
        """The widget's style, as worked out for the drawing under way."""
        return self._drawing_style or self.rich_style  # type: ignore[attr-defined]

    def notify_style_update(self) -> None:
        super().notify_style_update()  # type: ignore[misc]
        self._drawing_style = None
        self._strips.clear()  # a theme change: the same words in other colours


class TextLines(KeptLines, ScrollView):
    DEFAULT_CSS = """
    TextLines {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    HEADING: ClassVar[int] = 0
    """Rows at the top, drawn by ``heading_line``, that stay as the lines scroll under them."""

    def __init__(self, *, wrap: bool = False, **kwargs: Any) -> None:
        """``wrap``: a line wider than the pane goes on to the next rows, at spaces, as a Static's
        would; otherwise it is cut, with "…"."""
        super().__init__(**kwargs)
        self.wrap = wrap
        self._given: tuple = ()  # the lines as given, for "nothing changed"
        self._lines: Sequence[Text] = ()
        self._rows: Sequence[Text] = ()  # one Text per row: the lines, wrapped at _width if wrap
        self._width = -1
        self._strips: dict[tuple, Strip] = {}

    @property
    def rows(self) -> Sequence[Text]:
        """What each row below the heading shows (``lines`` wrapped, when the pane wraps)."""
        return self._rows

    @property
    def plain(self) -> str:
        """The words shown, a line each as given (for tests)."""
        return "\n".join(line.plain for line in self._lines)

    def show(self, lines: Sequence[Text]) -> bool:
        """Show ``lines``; False (and nothing drawn again) when they are the lines already shown."""
        given = tuple(text_key(line) for line in lines)
        if given == self._given:
            return False
        self._given, self._lines = given, list(lines)
        self._lay_out()
        return True

    def _wrap_width(self) -> int:
        """The pane's width less its padding (a scrollbar's column included), or before it is laid
        out the width its styles give it (0: not known yet; wrapped once laid out)."""
        if self.size.width:
            return self.size.width
        width = self.styles.width
        if width is None or width.unit is not Unit.CELLS:
            return 0
        return max(0, int(width.value) - self.styles.gutter.width)

    def _fitted(self) -> tuple[int, Sequence[Text]]:
        """The width the lines are wrapped to and the rows they make: beside the scrollbar when
        they are more than the pane holds."""
        width = self._wrap_width() if self.wrap else 0
        if width <= 0:
            return 0, self._lines
        rows = self._wrapped(width)
        if self.size.height and self.HEADING + len(rows) > self.size.height:
            width -= self.styles.scrollbar_size_vertical
            rows = self._wrapped(width)
        return width, rows

    def _wrapped(self, width: int) -> list[Text]:
        console = self.app.console
        return [row for line in self._lines for row in wrapped(console, line, width)]

    def _lay_out(self, fitted: tuple[int, Sequence[Text]] | None = None) -> None:
        self._width, self._rows = fitted or self._fitted()
        self._strips.clear()
        self.virtual_size = Size(0, self.HEADING + len(self._rows))
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        if self.wrap:
            fitted = self._fitted()
            if fitted[0] != self._width:
                self._lay_out(fitted)

    # --- drawing ----------------------------------------------------------------------------

    def heading_line(self, y: int, width: int, base_style: Style) -> Strip:
        """Row ``y`` of the heading."""
        return Strip.blank(width, base_style)

    def line_strip(self, text: Text, width: int, style: Style) -> Strip:
        """``text`` as one row ``width`` cells wide (cut with "…"), over ``style``."""
        return text_strip(self.app.console, text, width, style)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base_style = self.base_style
        if y < self.HEADING:
            key: tuple = (-1, y, width, base_style)
        else:
            key = (y - self.HEADING + int(self.scroll_offset.y), 0, width, base_style)
        strip = self._strips.get(key)
        if strip is None:
            if y < self.HEADING:
                strip = self.heading_line(y, width, base_style)
            elif key[0] < len(self._rows):
                strip = self.line_strip(self._rows[key[0]], width, base_style)
            else:
                strip = Strip.blank(width, base_style)
            self._strips[key] = strip
        return strip


class DrawnRows(KeptLines, Widget):
    """A widget as tall as its rows (``height: auto``; it does not scroll): ``rows_at`` lays the
    rows out for a width, ``draw_row`` draws one, and each row drawn is kept."""

    DEFAULT_CSS = "DrawnRows { height: auto; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._strips: dict[tuple, Strip] = {}

    def rows_at(self, width: int) -> Sequence[Any]:
        """The rows, laid out ``width`` cells wide."""
        raise NotImplementedError

    def draw_row(self, row: Any, width: int, base_style: Style) -> Strip:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows_at(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base_style = self.base_style
        key = (y, width, base_style)
        strip = self._strips.get(key)
        if strip is None:
            rows = self.rows_at(width)
            strip = self.draw_row(rows[y], width, base_style) if y < len(rows) else Strip.blank(width, base_style)
            self._strips[key] = strip
        return strip


class TextParts(DrawnRows):
    """Blocks of lines one under another, in one widget: each block named, wrapped to the width,
    drawn in its own component style and cut to its own number of rows. An empty block takes no
    room. As tall as its lines (``height: auto``); it does not scroll."""

    PARTS: ClassVar[tuple[tuple[str, str, int | None], ...]] = ()
    """Each block's name, the component class it is drawn in ("": the widget's style) and the
    most rows it shows (None: all)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._parts: dict[str, tuple[tuple, list[Text]]] = {name: ((), []) for name, _style, _most in self.PARTS}
        self._laid: tuple[int, list[tuple[Text, str]]] | None = None  # the width, and each row with its block

    def show(self, name: str, content: Text | str) -> bool:
        """Block ``name`` shows ``content`` (its lines); False, and nothing laid out again, when it
        shows that already."""
        text = content if isinstance(content, Text) else Text(content)
        lines = list(text.split("\n")) if text.plain else []
        given = tuple(text_key(line) for line in lines)
        if given == self._parts[name][0]:
            return False
        self._parts[name] = (given, lines)
        self._laid = None
        self._strips.clear()
        self.refresh(layout=True)
        return True

    def part(self, name: str) -> str:
        """The words block ``name`` shows, as given: for tests."""
        return "\n".join(line.plain for line in self._parts[name][1])

    def rows_at(self, width: int) -> list[tuple[Text, str]]:
        if self._laid is None or self._laid[0] != width:
            console, rows = self.app.console, []
            for name, style, most in self.PARTS:
                block = [row for line in self._parts[name][1] for row in wrapped(console, line, width)]
                rows.extend((row, style) for row in block[:most])
            self._laid = (width, rows)
        return self._laid[1]

    def draw_row(self, row: tuple[Text, str], width: int, base_style: Style) -> Strip:
        text, component = row
        style = self.get_component_rich_style(component) if component else base_style
        return text_strip(self.app.console, text, width, style)
