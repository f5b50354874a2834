"""The body's roster: who holds a seat, their initials, category, role and vote."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from db.people import roster
from secretary.models import Body
from screens.text import plain


class RosterScreen(Screen):
    CSS_PATH = "roster.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{self.body.name} — roster", classes="pane-title", markup=False)
        yield DataTable(id="roster", cursor_type="row", zebra_stripes=True)
        yield Static("", id="counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#roster", DataTable)
        table.add_columns("Name", "Initials", "Category", "Role", "Voting")
        seats = roster(self.app.book, self.body.id)
        for seat in seats:
            table.add_row(
                plain(seat.person.full_name),
                plain(seat.person.initials),
                plain(seat.membership.category.label),
                plain(seat.membership.role),
                "yes" if seat.membership.voting else "no",
                key=str(seat.membership.id),
            )
        voting = sum(1 for s in seats if s.membership.voting)
        self.query_one("#counts", Static).update(f"{len(seats)} people, {voting} voting members.")
        table.focus()
