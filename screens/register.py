"""The body's register of interests: each person's entries as written, filtered by member."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from db.minutes import list_interests
from db.people import list_people
from secretary.declarations import NATURE_WORDS
from secretary.live import find_people
from secretary.models import Body, Interest
from screens.text import plain
from screens.footer import Footer


ROWS_AT_ONCE = 100  # rows put in the table at a time; more as the cursor comes near the last


class RegisterScreen(Screen):
    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash,ctrl+f", "filter", "Filter by member"),
        Binding("u", "unmatched", "Unmatched rows"),
    ]

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body
        self.only_unmatched = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{self.body.name} — register of interests", classes="pane-title", markup=False)
        yield Input(id="register-filter", placeholder="Filter: initials or part of a name (Enter or Escape to leave)")
        yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="register-counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#register-table", DataTable)
        for label, width in (("Who", 5), ("Name", 17), ("Nature", 15), ("Interest", 37), ("From", 10),
                             ("To", 8)):
            table.add_column(label, width=width)
        self.people = {p.id: p for p in list_people(self.app.book, self.body.id)}
        self.interests = list_interests(self.app.book, self.body.id)
        self.load("")
        table.focus()

    def load(self, text: str) -> None:
        wanted = None
        if text.strip():
            wanted = {p.id for p in find_people(text, list(self.people.values()))}
        shown = [
            i for i in self.interests
            if (wanted is None or i.person_id in wanted) and (not self.only_unmatched or i.person_id is None)
        ]
        table = self.query_one("#register-table", DataTable)
        table.clear()
        self.shown = shown
        self._add_rows(ROWS_AT_ONCE)
        people = {i.person_id for i in shown if i.person_id}
        unmatched = sum(1 for i in self.interests if i.person_id is None)
        note = f"; {unmatched} rows not matched to a member (u shows them)" if unmatched else ""
        self.query_one("#register-counts", Static).update(
            f"{len(shown)} of {len(self.interests)} entries, "
            f"{len(people)} {'person' if len(people) == 1 else 'people'}{note}."
        )

    def _add_rows(self, up_to: int) -> None:
        """A long register is put in the table as it is scrolled, not all at once."""
        table = self.query_one("#register-table", DataTable)
        for interest in self.shown[table.row_count:up_to]:
            person = self.people.get(interest.person_id)
            who = plain(person.initials) if person else Text("?", style="bold red")
            table.add_row(
                who,
                plain(f"{interest.forename} {interest.surname}".strip()),
                plain(", ".join(NATURE_WORDS[n] for n in interest.natures) or "—"),
                plain(interest.details or "(no interests declared)"),
                plain(_date_cell(interest, "from")),
                plain(_date_cell(interest, "to")),
                key=str(interest.id),
            )

    @on(DataTable.RowHighlighted, "#register-table")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one("#register-table", DataTable)
        if event.cursor_row >= table.row_count - 10 and table.row_count < len(self.shown):
            self._add_rows(table.row_count + ROWS_AT_ONCE)

    def action_filter(self) -> None:
        self.query_one("#register-filter", Input).focus()

    @on(Input.Changed, "#register-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.load(event.value)

    @on(Input.Submitted, "#register-filter")
    def _done_filtering(self) -> None:
        self.query_one("#register-table", DataTable).focus()

    def action_unmatched(self) -> None:
        self.only_unmatched = not self.only_unmatched
        self.load(self.query_one("#register-filter", Input).value)

    def action_back(self) -> None:
        field = self.query_one("#register-filter", Input)
        if field.has_focus:
            self.query_one("#register-table", DataTable).focus()
            return
        self.app.pop_screen()


def _date_cell(interest: Interest, which: str) -> str:
    """The date as written; 'Ongoing' for an open end."""
    if which == "from":
        return interest.date_from_text
    if interest.ongoing and not interest.date_to_text:
        return "Ongoing"
    return interest.date_to_text
