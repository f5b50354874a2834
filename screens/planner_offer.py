"""At agenda time: the decision planner's entries planned for this meeting, offered as items
(each linked to the item that seems to take it, or added as a new one), and the entries
whose date has passed without a decision, flagged."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from db.meetings import get_meeting
from db.planner import list_entries, offer_for_meeting
from secretary.planner import overdue
from screens.text import plain


class PlannerOfferScreen(ModalScreen[int]):
    """Enter takes the highlighted entry onto the agenda; Escape closes. Returns how many were taken."""

    CSS_PATH = ["dialogs.tcss", "records.tcss"]
    BINDINGS = [
        Binding("enter", "take", "Put on the agenda", priority=True),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.taken = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="offer-box"):
            yield Static("Decision planner: entries planned for this meeting", classes="title")
            yield DataTable(id="offers", cursor_type="row")
            yield Static("", id="overdue", markup=False)
            yield Static("Enter puts the highlighted entry on the agenda; Escape closes.", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#offers", DataTable)
        for label, width in (("Ref", 6), ("Decision to be taken", 52), ("On the agenda as", 28)):
            table.add_column(label, width=width)
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.offers = offer_for_meeting(self.app.book, self.meeting_id)
        table = self.query_one("#offers", DataTable)
        table.clear()
        for entry, item in self.offers:
            where = f"item {item.number or ''} {item.title}".replace("  ", " ") if item else "a new item"
            table.add_row(plain(entry.ref), plain(entry.decision), plain(where), key=str(entry.id))
        if not self.offers:
            table.add_row("", Text("Nothing planned for this meeting is waiting.", style="dim"), "")
        meeting = get_meeting(self.app.book, self.meeting_id)
        late = overdue(list_entries(self.app.book, meeting.body_id), meeting.date)
        said = "; ".join(f"{e.ref or '—'} {e.decision[:50]} (planned {e.when()})" for e in late[:5])
        self.query_one("#overdue", Static).update(
            f"Past their date with no decision: {said}{' …' if len(late) > 5 else ''}" if late else "")

    def action_take(self) -> None:
        row = self.query_one("#offers", DataTable).cursor_row
        if not self.offers or row is None or row >= len(self.offers):
            return
        entry, item = self.offers[row]
        if not self.app.desk.accept_planner_offer(self.meeting_id, entry, item).saved:
            return
        self.taken += 1
        self.notify(f"Planner {entry.ref} is on the agenda.", markup=False)
        self.reload()

    def action_close(self) -> None:
        self.dismiss(self.taken)
