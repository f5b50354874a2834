"""The body's register of interests: each person's entries as written, filtered by member."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from screens.title_bar import TitleBar

from db.minutes import list_interests
from db.people import list_people, roster
from db.register import confirmations, unregistered_declarations
from secretary.declarations import NATURE_WORDS
from secretary.formats import short_date
from secretary.register_record import last_confirmed, register_flags, register_reminder
from secretary.people import find_people
from secretary.models import Body, Interest
from screens.text import plain
from screens.footer import Footer


ROWS_AT_ONCE = 100  # rows put in the table at a time; more as the cursor comes near the last


class RegisterScreen(Screen):
    CSS_PATH = "shared.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash,ctrl+f", "filter", "Filter by member"),
        Binding("u", "unmatched", "Unmatched rows"),
        Binding("c", "confirm", "Confirmed today"),
        Binding("o", "offered", "Declared at meetings"),
    ]

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body
        self.only_unmatched = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(f"{self.body.name} — register of interests", classes="pane-title", markup=False)
        yield Input(id="register-filter", placeholder="Filter: initials or part of a name (Enter or Escape to leave)")
        yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="register-counts", markup=False)
        yield Static("", id="register-flags", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#register-table", DataTable)
        for label, width in (("Who", 5), ("Name", 17), ("Nature", 15), ("Interest", 37), ("From", 10),
                             ("To", 8), ("Confirmed", 10)):
            table.add_column(label, width=width)
        self.read()
        table.focus()

    def read(self) -> None:
        """The register, each member's last confirmation, and what needs the clerk's attention."""
        book, today = self.app.book, self.app.now().date()
        self.people = {p.id: p for p in list_people(book, self.body.id)}
        self.interests = list_interests(book, self.body.id)
        self.confirmed = confirmations(book, self.body.id)
        flags = register_flags(self.interests, roster(book, self.body.id), self.confirmed, today=today)
        self.stale = {e.interest.id for e in flags.stale}
        waiting = len(unregistered_declarations(book, self.body.id))
        said = [register_reminder(flags) or "Every member in post has a register entry confirmed in the last 12 months."]
        if waiting:
            said.append(f"{waiting} declaration{'' if waiting == 1 else 's'} made at meetings not on the register "
                        "(o to review).")
        self.query_one("#register-flags", Static).update(" ".join(said))
        self.load(self.query_one("#register-filter", Input).value)

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
                self._confirmed_cell(interest),
                key=str(interest.id),
            )

    def _confirmed_cell(self, interest: Interest) -> Text:
        """The date the entry was last declared or confirmed; red when over 12 months ago."""
        last = last_confirmed(interest, self.confirmed)
        shown = short_date(last) if last else "never"
        return plain(shown, "bold red" if interest.id in self.stale else "")

    def action_confirm(self) -> None:
        """The highlighted member confirmed their entry (or Nil declaration) as up to date today."""
        row = self.query_one("#register-table", DataTable).cursor_row
        if not self.shown or row is None or row >= len(self.shown):
            return
        interest = self.shown[row]
        person = self.people.get(interest.person_id)
        if person is None:
            self.notify("This row is not matched to a member; match it before confirming.", severity="warning")
            return
        if self.app.desk.confirm_register_entry(self.body.id, person.id, self.app.now().date()).saved:
            self.notify(f"{person.full_name}'s register entry confirmed today.", markup=False)
            self.read()

    @work
    async def action_offered(self) -> None:
        from screens.register_offer import DeclaredAtMeetingsScreen

        if await self.app.push_screen_wait(DeclaredAtMeetingsScreen(self.body)):
            self.read()

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
