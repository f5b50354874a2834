"""The body's decision planner: every entry with its date, the item that takes it, whether it
was taken or slipped; add an entry, edit it, move it to another date."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, Label, Static
from screens.title_bar import TitleBar

from db.planner import list_entries
from secretary.models import Body
from secretary.planner import PlannerEntry, overdue, read_decision_date, slipped_words
from screens.footer import Footer
from screens.form import FormScreen
from screens.text import plain

FIELDS = (("ref", "Ref No."), ("topic", "Topic"), ("decision", "Decision to be taken"),
          ("decision_taker", "Decision taker"), ("scope", "Scope"),
          ("date_text", "Date of decision (a meeting day such as 27/06/2025, or TBC)"), ("sponsor", "Sponsor"),
          ("contacts", "Contact name(s): Name, Role; Name, Role"))


class PlannerScreen(Screen):
    CSS_PATH = "roster.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "add_entry", "Add entry"),
        Binding("e,enter", "edit_entry", "Edit / move"),
    ]

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body
        self.entries: list[PlannerEntry] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(f"{self.body.name} — decision planner", classes="pane-title", markup=False)
        yield DataTable(id="planner", cursor_type="row", zebra_stripes=True)
        yield Static("", id="counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#planner", DataTable)
        for label, width in (("Status", 9), ("Ref", 5), ("Decision to be taken", 40), ("Date", 12),
                             ("Taken / slipped", 34), ("Part", 4)):
            table.add_column(label, width=width)
        self.reload()
        table.focus()

    def reload(self, select: int | None = None) -> None:
        self.entries = list_entries(self.app.book, self.body.id)
        table = self.query_one("#planner", DataTable)
        row = table.cursor_row
        table.clear()
        late = {e.id for e in overdue(self.entries, self.app.now().date())}
        for e in self.entries:
            fate = e.taken_words or slipped_words(e)
            if e.taken_on:
                fate = f"{e.taken_on:%d/%m/%Y}: {fate}"
            when = plain(e.when(), "bold red" if e.id in late else "")  # its date passed with no decision
            table.add_row(plain(e.status.label), plain(e.ref), plain(e.decision), when, plain(fate),
                          "II" if e.confidential else "", key=str(e.id))
        if select is not None:
            row = next((n for n, e in enumerate(self.entries) if e.id == select), row)
        if self.entries:
            table.move_cursor(row=min(row or 0, len(self.entries) - 1))
        open_ = sum(e.open for e in self.entries)
        self.query_one("#counts", Static).update(
            f"{len(self.entries)} entries, {open_} still to be decided"
            + (f"; {len(late)} past their date with no decision." if late else "."))

    @property
    def current(self) -> PlannerEntry | None:
        row = self.query_one("#planner", DataTable).cursor_row
        return self.entries[row] if self.entries and row is not None and row < len(self.entries) else None

    @work
    async def action_add_entry(self) -> None:
        today = self.app.now().date()
        stored = await self.app.push_screen_wait(PlannerEntryForm(
            PlannerEntry(body_id=self.body.id, decision="-"), "New planner entry",
            save=lambda e: self.app.desk.add_planner_entry(e), today=today, new=True))
        if stored is not None:
            self.reload(select=stored.id)

    @work
    async def action_edit_entry(self) -> None:
        current = self.current
        if current is None:
            return
        today = self.app.now().date()
        stored = await self.app.push_screen_wait(PlannerEntryForm(
            current, f"Planner entry {current.ref}".strip(), today=today,
            save=lambda e: self.app.desk.save_planner_entry(e, on=today)))
        if stored is not None:
            self.reload(select=stored.id)


class PlannerEntryForm(FormScreen[PlannerEntry]):
    """The published columns of one entry; changing its date moves it (and the move is kept)."""

    ask_before_discarding = True

    def __init__(self, entry: PlannerEntry, title: str, *, save, today, new: bool = False) -> None:
        super().__init__()
        self.entry = entry
        self.heading = title
        self.save = save
        self.new = new

    def compose(self) -> ComposeResult:
        body = VerticalScroll(classes="dialog")
        body.can_focus = False  # Tab goes from field to field, not to the scrolling box
        with body:
            yield Static(self.heading, classes="title", markup=False)
            for name, label in FIELDS:
                yield Label(label)
                value = "" if self.new and name == "decision" else getattr(self.entry, name)
                yield Input(value, id=name)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def build(self) -> PlannerEntry:
        values = {name: self.query_one(f"#{name}", Input).value for name, _ in FIELDS}
        due, _ = read_decision_date(values["date_text"])
        return PlannerEntry.model_validate({**self.entry.model_dump(), **values, "due_date": due})

    def store(self, built: PlannerEntry) -> PlannerEntry:
        return self.save(built)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
