"""The live screen in a small terminal (under 110 columns): the agenda and the room fold to one
line each so the minute editor keeps the width — where the meeting is on its agenda, and who is
in the room against the quorum. Ctrl+G opens the whole agenda, Ctrl+T the whole roll."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from secretary.room import room_lists
from screens.live_view import LiveView, Showing, show_text


class LiveFolded(LiveView, Static):
    DEFAULT_CSS = "LiveFolded { height: auto; padding: 0 1; background: $boost; display: none; }"

    def draw(self, showing: Showing) -> None:
        record, item = showing.record, showing.item
        ordered = [i for i in record.ordered]
        text = Text(no_wrap=True, overflow="ellipsis")
        if item is not None:
            text.append(f"▶ {item.number or '—'} ", style="bold")
            text.append(f"({ordered.index(item) + 1} of {len(ordered)} items)")
        else:
            text.append(f"{len(ordered)} items")
        text.append(" · Ctrl+G agenda", style="dim")
        inside, out, waiting = room_lists(record)
        quorum = record.quorum()
        text.append("\nRoom: ", style="bold")
        text.append(f"{len(inside)} in")
        if out:
            text.append(f", {len(out)} out")
        if waiting:
            text.append(f", {len(waiting)} not ticked")
        text.append(f" · {quorum.counts}")
        text.append(" · Ctrl+T roll", style="dim")
        show_text(self, text)
