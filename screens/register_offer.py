"""Declarations made at the body's meetings that are not on its register of interests, each
offered to the clerk for adding, with the meeting and item it came from. Nothing is added
until the clerk confirms."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from db.register import unregistered_declarations
from secretary.models import Body
from secretary.register_record import source_words
from screens.confirm import ConfirmScreen
from screens.text import plain


class DeclaredAtMeetingsScreen(ModalScreen[int]):
    """Enter offers the highlighted declaration for the register; Escape closes. Returns how many were added."""

    CSS_PATH = ["dialogs.tcss", "records.tcss"]
    BINDINGS = [
        Binding("enter", "add", "Add to the register", priority=True),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body
        self.added = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="declared-box"):
            yield Static("Declared at meetings, not on the register", classes="title")
            yield DataTable(id="declared", cursor_type="row")
            yield Static("Enter: add the highlighted declaration to the register (you are asked first). "
                         "Escape: close.", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#declared", DataTable)
        for label, width in (("Who", 22), ("Interest", 46), ("Declared at", 34)):
            table.add_column(label, width=width)
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.offers = unregistered_declarations(self.app.book, self.body.id)
        table = self.query_one("#declared", DataTable)
        table.clear()
        for offered in self.offers:
            table.add_row(plain(offered.person.full_name), plain(offered.declaration.interest),
                          plain(source_words(offered.meeting, offered.item)))
        if not self.offers:
            table.add_row("", Text("Every declaration made at a meeting is on the register.", style="dim"), "")

    @work(exclusive=True)
    async def action_add(self) -> None:
        row = self.query_one("#declared", DataTable).cursor_row
        if not self.offers or row is None or row >= len(self.offers):
            return
        offered = self.offers[row]
        question = (f"Add to the register: {offered.person.full_name} — {offered.declaration.interest} "
                    f"({source_words(offered.meeting, offered.item)})?")
        if not await self.app.push_screen_wait(ConfirmScreen(question, yes="Add", no="Not now")):
            return
        if self.app.desk.add_to_register(self.body.id, offered).saved:
            self.added += 1
            self.notify(f"Added to the register: {offered.person.full_name}.", markup=False)
            self.reload()

    def action_close(self) -> None:
        self.dismiss(self.added)
