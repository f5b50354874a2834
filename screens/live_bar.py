"""The bar across the top of the live screen: the clock, elapsed time and lateness, whether
everything is saved, and the quorum badge — and, under it, what the meeting lacks."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from secretary.formats import minutes_time
from secretary.quorum import QuorumResult
from secretary.timing import elapsed_words, timing
from screens.live_view import LiveView, Showing, show_text
from screens.saving import SaveBadge


class LiveBar(LiveView, Horizontal):
    """The bar itself, one row: the clock line, whether everything is saved, the quorum badge."""

    def compose(self) -> ComposeResult:
        yield Static("", id="clock", markup=False)
        yield SaveBadge(id="save-badge")
        yield Static("", id="quorum", markup=False)

    def draw(self, showing: Showing) -> None:
        result = showing.record.quorum()
        badge = self.query_one("#quorum", Static)
        show_text(badge, badge_text(result, showing.record.chair_words()))
        badge.set_class(result.quorate, "quorate")
        badge.set_class(not result.quorate, "inquorate")
        self.tick(showing.now)

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
        show_text(self.query_one("#clock", Static), text)


class QuorumMissing(LiveView, Static):
    """Under the bar while the meeting is inquorate: what it lacks."""

    def draw(self, showing: Showing) -> None:
        result = showing.record.quorum()
        show_text(self, "Inquorate: " + "; ".join(result.missing) + "." if result.missing else "")
        self.display = not result.quorate


def badge_text(result: QuorumResult, chair: str = "") -> Text:
    """The quorum badge; ``chair`` ("PN in the chair") when the chair is not where it usually is."""
    return Text(f" {result.badge()}" + (f" · {chair} " if chair and chair not in result.badge() else " "),
                style="bold")
