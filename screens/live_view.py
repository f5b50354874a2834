"""What every part of the live screen is drawn from: the meeting's record and the item in the
centre, handed down from the screen as one reactive value (``Showing``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from secretary.models import AgendaItem
from secretary.record import MeetingRecord
from screens.text_lines import text_key

WIDE_FROM = 110  # columns: narrower, the agenda and the room fold to a line each (in the live bar)


@dataclass(frozen=True)
class Showing:
    record: MeetingRecord
    item: AgendaItem | None  # the item in the centre (secretary/record.py item_shown)
    now: datetime  # when the record was read: what times on the screen are local to


class LiveView:
    """A part of the live screen: set ``showing`` (the screen binds it) and it draws itself."""

    showing: reactive[Showing | None] = reactive(None, always_update=True, init=False, layout=False)

    def watch_showing(self, showing: Showing | None) -> None:
        if showing is not None:
            self.draw(showing)

    def draw(self, showing: Showing) -> None:
        raise NotImplementedError

    def themed(self, style: str) -> str:
        """A Rich style with the theme's colours: "bold $error" → "bold #b93c5b" (every theme works)."""
        colours = self.app.theme_variables
        return " ".join(colours.get(word[1:], "") if word.startswith("$") else word for word in style.split())


def show_text(widget: Static, content) -> None:
    """``widget`` showing ``content``: a line unchanged by an arrival is not laid out and painted again."""
    if not _same(widget.content, content):
        widget.update(content)


def _same(shown, content) -> bool:
    if type(shown) is not type(content):
        return False
    if isinstance(content, Text):
        return text_key(shown) == text_key(content)
    return shown == content
