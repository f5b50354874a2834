"""The bar across the top of the live screen: the clock, elapsed time and lateness, whether
everything is saved, and the quorum badge — and, under it, why a change is not saved, what the
meeting lacks while it is inquorate and, in a small terminal, the agenda and the room folded to
a line each (Ctrl+G opens the whole agenda, Ctrl+T the whole roll).

One widget of lines. It was seven (the bar, its three parts and the three lines under it), and
every widget a screen is made of costs its opening 1.5-2 ms (DESIGN.md §8, issue 18)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from secretary.formats import minutes_time
from secretary.quorum import QuorumResult
from secretary.room import room_lists
from secretary.timing import elapsed_words, timing
from screens.live_view import WIDE_FROM, LiveView, Showing
from screens.saving import RETRY_SECONDS, Saver
from screens.text_lines import DrawnRows, text_key, text_strip, wrapped


class LiveBar(LiveView, DrawnRows):
    """The bar's row: the clock line (the rest of the width), "saved" and the quorum badge (as wide
    as their words, the badge at most 70% of the width, 50% when narrow). Narrow, the row is as
    tall as its longest part wrapped; wide, it is one row. Under it, each only when it has
    something to say: the saving trouble, what the meeting lacks, the folded panes."""

    # each is a node Textual styles as the screen opens: as few as the colours need (the words
    # carry their own bold)
    COMPONENT_CLASSES = {"live-bar--bar", "live-bar--saved", "live-bar--error", "live-bar--quorate",
                         "live-bar--missing"}
    DEFAULT_CSS = """
    LiveBar > .live-bar--bar { background: $boost; }
    LiveBar > .live-bar--saved { background: $boost; color: $text-muted; }
    LiveBar > .live-bar--error { background: $error; color: $text; }
    LiveBar > .live-bar--quorate { background: $success; color: $text; }
    LiveBar > .live-bar--missing { background: $error-muted; color: $text; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._parts: dict[str, Text] = {name: Text() for name in ("clock", "saved", "quorum", "trouble", "missing")}
        self._parts["saved"] = Text("saved")
        self._quorate = True
        self._failing = False
        self._folded: list[Text] | None = None
        self._laid: tuple[int, list[list[tuple[Text, int, str]]]] | None = None  # the width, and each row's cells

    def on_mount(self) -> None:
        self.app.saver.changed.subscribe(self, self.show_saving)
        self.show_saving(self.app.saver)

    def on_unmount(self) -> None:
        self.app.saver.changed.unsubscribe(self)  # else the app's signal keeps the widget, and its screen, alive

    # --- what it says -----------------------------------------------------------------------

    def part(self, name: str) -> str:
        """The words of one part, "" when it is not shown: clock, saved, quorum, trouble (why a
        change is not saved), missing (what the meeting lacks), folded."""
        if name == "folded":
            return "\n".join(line.plain for line in self._folded or [])
        return self._parts[name].plain

    def draw(self, showing: Showing) -> None:
        record = showing.record
        result = record.quorum()
        self._set("quorum", badge_text(result, record.chair_words()))
        self._quorate = result.quorate
        missing = "" if result.quorate or not result.missing else "Inquorate: " + "; ".join(result.missing) + "."
        self._set("missing", Text(missing, style="bold"))
        self._folded = None  # made when a narrow window shows them
        self.tick(showing.now)
        self._changed()

    def tick(self, now: datetime) -> None:
        """The clock line at ``now``: status, time, since opening, how late, the public."""
        if self.showing is None:
            return
        record = self.showing.record
        meeting = record.meeting
        run = timing(record, now)
        text = Text()
        status = meeting.status.value.upper()
        text.append(f" {status} ", style=self.themed("bold reverse $error") if record.live else "bold reverse")
        text.append(f"  {now:%H:%M:%S}", style="bold")
        if meeting.opened_at:
            text.append(f"  opened {minutes_time(meeting.opened_at.astimezone(now.tzinfo).time())}")
            text.append(f" · {elapsed_words(run.elapsed_minutes)}")
        late = run.late_words()
        if meeting.closed_at:
            late = f"closed {minutes_time(meeting.closed_at.astimezone(now.tzinfo).time())}"
        text.append(f" · {late}", style=self.themed("bold $warning") if run.late_minutes >= 5 and not meeting.closed_at else "")
        if meeting.public_in_person or meeting.public_remote:
            text.append(f" · public {meeting.public_in_person}+{meeting.public_remote}")
        if self._set("clock", text):
            self._changed()

    def show_saving(self, saver: Saver) -> None:
        """"saved", or "NOT SAVED" and, under the bar, why and what is held."""
        if saver.waiting:
            saved = "NOT SAVED — retrying"
            trouble = (f"Not saved: {saver.trouble}. {len(saver.waiting)} change(s) are held here and tried again "
                       f"every {RETRY_SECONDS:.0f} seconds; the text stays in the editor. Ctrl+Q offers to write "
                       "them to a recovery file.")
        elif saver.trouble:
            saved, trouble = "NOT SAVED — book unavailable", f"The book cannot be written: {saver.trouble}."
        else:
            saved, trouble = "saved", ""
        self._failing = saver.failing
        self._set("saved", Text(saved, style="bold" if saver.failing else ""))
        self._set("trouble", Text(trouble if saver.failing else ""))
        self._changed()

    def _set(self, name: str, text: Text) -> bool:
        if text_key(text) == text_key(self._parts[name]):
            return False
        self._parts[name] = text
        return True

    def _changed(self) -> None:
        """Draw again; laid out again only when the number of rows changes."""
        before = len(self._laid[1]) if self._laid else None
        self._laid = None
        self._strips.clear()
        after = len(self.rows_at(self.size.width)) if self.size.width else None
        self.refresh(layout=before != after)

    # --- laying out and drawing ---------------------------------------------------------------

    def rows_at(self, width: int) -> list[list[tuple[Text, int, str]]]:
        """Each row as its cells: the words, the cell's width (padding included) and its style."""
        if self._laid is not None and self._laid[0] == width:
            return self._laid[1]
        console = self.app.console
        narrow = width < WIDE_FROM

        def fitted(text: Text, cells: int) -> list[Text]:
            return wrapped(console, text, cells - 2) if text.plain else [Text()]

        saved, quorum = self._parts["saved"], self._parts["quorum"]
        saved_width = saved.cell_len + 2
        quorum_width = min(quorum.cell_len + 2, int(width * (0.5 if narrow else 0.7))) if quorum.plain else 0
        clock_width = max(width - saved_width - quorum_width, 24 if narrow else 0)
        clock_width = max(0, min(clock_width, width - saved_width))  # in a very small window, within it
        quorum_width = max(0, width - saved_width - clock_width)
        columns = [
            (fitted(self._parts["clock"], clock_width), clock_width, "live-bar--bar"),
            (fitted(saved, saved_width), saved_width, "live-bar--error" if self._failing else "live-bar--saved"),
            (fitted(quorum, quorum_width) if quorum_width else [], quorum_width,
             "live-bar--quorate" if self._quorate else "live-bar--error"),
        ]
        height = max(len(lines) for lines, _width, _style in columns) if narrow else 1
        rows = [[(lines[y] if y < len(lines) else Text(), cells, style) for lines, cells, style in columns if cells]
                for y in range(height)]
        for name, style in (("trouble", "live-bar--error"), ("missing", "live-bar--missing")):
            for line in fitted(self._parts[name], width) if self._parts[name].plain else []:
                rows.append([(line, width, style)])
        if narrow and self.showing is not None:
            if self._folded is None:
                self._folded = folded_lines(self.showing)
            rows.extend([(line, width, "live-bar--bar")] for line in self._folded)
        self._laid = (width, rows)
        return rows

    def draw_row(self, row: list[tuple[Text, int, str]], width: int, base_style: Style) -> Strip:
        return Strip.join(self._cell(text, cells, style) for text, cells, style in row)

    def _cell(self, text: Text, cells: int, component: str) -> Strip:
        """One part of a row, padded a cell either side, in its component's style."""
        style: Style = self.get_component_rich_style(component)
        if cells <= 2:
            return Strip.blank(cells, style)
        inner = text_strip(self.app.console, text, cells - 2, style)
        return Strip.join([Strip.blank(1, style), inner, Strip.blank(1, style)])


def badge_text(result: QuorumResult, chair: str = "") -> Text:
    """The quorum badge; ``chair`` ("PN in the chair") when the chair is not where it usually is."""
    return Text(f" {result.badge()}" + (f" · {chair} " if chair and chair not in result.badge() else " "),
                style="bold")


def folded_lines(showing: Showing) -> list[Text]:
    """The agenda and the room, a line each: where the meeting is on its agenda, who is in the room
    against the quorum."""
    record, item = showing.record, showing.item
    ordered = list(record.ordered)
    agenda = Text(no_wrap=True, overflow="ellipsis")
    if item is not None:
        agenda.append(f"▶ {item.number or '—'} ", style="bold")
        agenda.append(f"({ordered.index(item) + 1} of {len(ordered)} items)")
    else:
        agenda.append(f"{len(ordered)} items")
    agenda.append(" · Ctrl+G agenda", style="dim")
    inside, out, waiting = room_lists(record)
    room = Text(no_wrap=True, overflow="ellipsis")
    room.append("Room: ", style="bold")
    room.append(f"{len(inside)} in")
    if out:
        room.append(f", {len(out)} out")
    if waiting:
        room.append(f", {len(waiting)} not ticked")
    room.append(f" · {record.quorum().counts}")
    room.append(" · Ctrl+T roll", style="dim")
    return [agenda, room]
