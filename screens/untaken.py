"""Closing the meeting: the items it did not take, and what became of each — deferred (to the
next meeting or a date), withdrawn, or taken with another item. The minutes print it, and a
deferred item is carried to the meeting it was deferred to when that meeting is made."""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from secretary.dates import DateRefused, read_due
from secretary.formats import short_date
from secretary.models import Disposal, Minute
from secretary.record import MeetingRecord
from screens.footer import Footer
from screens.text import plain


class UntakenScreen(ModalScreen[bool]):
    """One row an item; the keys say what became of the one under the cursor. Enter closes the
    meeting, Escape goes back to it (what was marked is kept)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("d", "defer", "Deferred"),
        Binding("w", "withdraw", "Withdrawn"),
        Binding("t", "taken_with", "Taken with…"),
        Binding("n", "not_reached", "Not reached"),
        Binding("enter", "done", "Close the meeting", priority=True),
        Binding("escape", "back", "Back to the meeting"),
    ]

    def __init__(self, record: MeetingRecord) -> None:
        super().__init__()
        self.record = record
        self.items = record.untaken
        self.minutes = dict(record.minutes)  # what became of each, as marked here (the record stays as read)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(f"{len(self.items)} item(s) were not taken. What became of each?", classes="title",
                         markup=False)
            yield DataTable(id="untaken", cursor_type="row", zebra_stripes=True)
            yield Static("", classes="error", id="error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("No.")
        table.add_column("Item", width=40)  # a long title is cut, not the column the clerk changes
        table.add_column("What became of it")
        self.show()
        table.focus()

    def show(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            minute = self.minutes.get(item.id) or Minute(item_id=item.id)
            table.add_row(plain(item.number), plain(item.title[:48]), plain(self.words(minute)))
        table.move_cursor(row=min(row, len(self.items) - 1))

    def words(self, minute: Minute) -> str:
        if minute.disposal is Disposal.deferred:
            return f"deferred to {short_date(minute.deferred_to)}" if minute.deferred_to else "deferred to the next meeting"
        if minute.disposal is Disposal.withdrawn:
            return "withdrawn"
        if minute.disposal is Disposal.taken_with:
            return f"taken with {self.record.item_words(minute.taken_with_item_id)}"
        return "not reached"

    def _item(self):
        table = self.query_one(DataTable)
        return self.items[table.cursor_row] if self.items else None

    def _record(self, disposal: Disposal, **details) -> None:
        item = self._item()
        if item is None:
            return
        outcome = self.app.desk.record_disposal(item.id, disposal, **details)
        minute = outcome.value if outcome.saved else Minute(item_id=item.id, disposal=disposal, **details)
        self.minutes[item.id] = minute
        self.show()

    def action_withdraw(self) -> None:
        self._record(Disposal.withdrawn)

    def action_not_reached(self) -> None:
        self._record(Disposal.none)

    @work
    async def action_defer(self) -> None:
        from screens.tracker import TextForm

        meeting = self.record.meeting
        understood: list[date | None] = []

        def read(text: str) -> None:
            if not text.strip():
                understood.append(None)
                return
            due = read_due(text, today=meeting.date, next_meeting=self.record.next_date)
            if due.kind == "tbc":
                raise DateRefused("say when: a date, or leave it blank for the next meeting")
            understood.append(due.date)

        said = await self.app.push_screen_wait(TextForm(
            "Deferred to", "A date (31/10, 31 Oct 2025, end of March) — blank for the next meeting", "", check=read))
        if said is not None and understood:
            self._record(Disposal.deferred, deferred_to=understood[-1])

    @work
    async def action_taken_with(self) -> None:
        from screens.live_dialogs import ItemPicker

        chosen = await self.app.push_screen_wait(ItemPicker(self.record))
        item = self._item()
        if chosen is not None and item is not None and chosen != item.id:
            self._record(Disposal.taken_with, taken_with_item_id=chosen)

    def action_done(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
