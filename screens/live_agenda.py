"""The live agenda: every item, the one in the centre marked, those taken ticked, and when
each began against its plan. Lines of text under a heading, one widget, not a table: a table
takes several times as long to draw its 30-odd rows, and this pane only shows them (DESIGN.md §8)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from secretary.formats import minutes_time
from secretary.models import ItemKind, Part
from secretary.timing import planned_slots
from screens.live_view import LiveView, Showing
from screens.text_lines import TextLines

COLUMNS = (4, 19, 5, 5)  # No., Item, Plan, Began: 40 cells with the gaps, the pane's width less a scrollbar
HEADINGS = ("No.", "Item", "Plan", "Began")


def agenda_line(number: str, title: str, planned: str, began: str, style: str = "") -> Text:
    """One row of the live agenda: each cell cut to its column (with …) and padded."""
    line = Text(" ", style=style, no_wrap=True, end="")
    for n, (value, width) in enumerate(zip((number, title, planned, began), COLUMNS)):
        cell = Text(value or "", no_wrap=True)  # the clerk's words: never read as markup
        cell.truncate(width, overflow="ellipsis", pad=True)
        line.append("  " if n else "")
        line.append_text(cell)
    return line


class LiveAgenda(LiveView, TextLines, can_focus=False):
    """The pane's title and the columns' headings stay as the items scroll under them."""

    COMPONENT_CLASSES = {"live-agenda--title", "live-agenda--heading"}
    DEFAULT_CSS = """
    LiveAgenda > .live-agenda--title { text-style: bold; background: $boost; }
    LiveAgenda > .live-agenda--heading { text-style: bold; background: $panel; }
    """
    HEADING = 2
    _drawn: tuple[list[tuple[str, ...]], int | None] | None = None  # the rows last drawn, and the current one

    def heading_line(self, y: int, width: int, base_style: Style) -> Strip:
        if y == 0:
            return self.line_strip(Text(" Agenda"), width, self.get_component_rich_style("live-agenda--title"))
        return self.line_strip(agenda_line(*HEADINGS), width, self.get_component_rich_style("live-agenda--heading"))

    def draw(self, showing: Showing) -> None:
        record = showing.record
        current = showing.item.id if showing.item else None
        slots = planned_slots(record.items, record.meeting.planned_end)
        tz = showing.now.tzinfo
        lines, current_row = [], None
        for item in record.ordered:
            minute = record.minutes.get(item.id)
            mark, style = " ", ""
            if item.id == current:
                mark, style = "▶", "bold reverse"
                current_row = len(lines)
            elif minute and minute.ended_at:
                mark, style = "✓", "dim"
            began = ""
            if minute and minute.started_at:
                start = minute.started_at.astimezone(tz)
                began = minutes_time(start.time())
                slot = slots.get(item.id)
                if slot and slot.start and start.time() > slot.start and item.id == current:
                    style = self.themed("bold reverse $warning")
            title = ("  " if item.parent_id else "") + (item.title if item.kind is ItemKind.item else f"— {item.title} —")
            if item.part is Part.confidential:
                title = "[II] " + title
            lines.append((f"{mark}{item.number}", title, minutes_time(item.planned_start), began, style))
        if (lines, current_row) == self._drawn:
            return  # an arrival changed nothing here: the lines drawn stand
        self._drawn = (lines, current_row)
        self.show([agenda_line(*line) for line in lines])
        if current_row is not None:
            # keep the current item in sight, a few rows of what came before it above
            self.call_after_refresh(self.scroll_to, y=max(0, current_row - 3), animate=False)
