"""The live screen's small dialogs: members of the public, jumping to an item, and the
log of arrivals and departures where mistakes are corrected."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from db.attendance import list_movements
from db.record import read_record
from secretary.record import MeetingRecord
from secretary.models import AttendanceStatus, Movement
from screens.confirm import ConfirmScreen
from screens.movement_form import KIND_WORDS, MovementForm
from screens.text import plain


class PublicForm(ModalScreen[tuple[int, int] | None]):
    """Members of the public: how many in the room and how many watching remotely."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, in_person: int, remote: int) -> None:
        super().__init__()
        self.counts = (in_person, remote)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog narrow"):
            yield Static("Members of the public", classes="title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("In person")
                    yield Input(str(self.counts[0]), id="in-person", type="integer")
                with Vertical():
                    yield Label("Remotely")
                    yield Input(str(self.counts[1]), id="remote", type="integer")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#in-person", Input)
        field.focus()
        field.select_all()

    @on(Input.Submitted, "#in-person")
    def _to_remote(self) -> None:
        field = self.query_one("#remote", Input)
        field.focus()
        field.select_all()

    @on(Input.Submitted, "#remote")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        values = []
        for wid in ("#in-person", "#remote"):
            text = self.query_one(wid, Input).value.strip() or "0"
            if not text.isdigit():
                self.query_one("#error", Static).update("Counts are whole numbers, 0 or more.")
                return
            values.append(int(text))
        self.dismiss((values[0], values[1]))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RegisterConfirmation(ModalScreen[tuple[bool, str] | None]):
    """At the opening item: is the register of interests up to date, and were any gifts or
    hospitality declared?"""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, confirmed: bool, gifts: str) -> None:
        super().__init__()
        self.values = (confirmed, gifts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Register of interests, gifts and hospitality", classes="title")
            yield Checkbox("The register was confirmed as up to date", self.values[0], id="confirmed")
            yield Label("Gifts and hospitality declared (blank: none)")
            yield Input(self.values[1], id="gifts", placeholder="none")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirmed", Checkbox).focus()

    @on(Input.Submitted, "#gifts")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss((self.query_one("#confirmed", Checkbox).value, self.query_one("#gifts", Input).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ItemPicker(ModalScreen[int | None]):
    """Jump to any item (taken out of order): type its number or part of its title."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, state: MeetingRecord) -> None:
        super().__init__()
        self.state = state
        self.shown: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Go to item", classes="title")
            yield Input(id="find", placeholder="7, or part of the title")
            yield OptionList(id="items")

    def on_mount(self) -> None:
        self._filter("")
        self.query_one("#find", Input).focus()

    @on(Input.Changed, "#find")
    def _typed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        current = self.state.current_item_id
        options = self.query_one("#items", OptionList)
        options.clear_options()
        self.shown = []
        exact = None
        for item in self.state.ordered:
            if wanted and not (item.number.casefold().startswith(wanted) or wanted in item.title.casefold()):
                continue
            if item.number.casefold() == wanted:
                exact = len(self.shown)
            mark = "▶" if item.id == current else ("✓" if self._done(item.id) else " ")
            options.add_option(Option(f"{mark} {item.number:<4} {item.title}"[:80], id=str(item.id)))
            self.shown.append(item.id)
        if self.shown:
            options.highlighted = exact or 0

    def _done(self, item_id: int) -> bool:
        minute = self.state.minutes.get(item_id)
        return bool(minute and minute.ended_at)

    def on_key(self, event) -> None:
        options = self.query_one("#items", OptionList)
        if event.key in ("down", "up") and self.query_one("#find", Input).has_focus and options.option_count:
            options.action_cursor_down() if event.key == "down" else options.action_cursor_up()
            event.stop()
            event.prevent_default()

    @on(Input.Submitted, "#find")
    def _chosen(self) -> None:
        options = self.query_one("#items", OptionList)
        if options.highlighted is not None and self.shown:
            self.dismiss(self.shown[options.highlighted])

    @on(OptionList.OptionSelected, "#items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


IN = (AttendanceStatus.present, AttendanceStatus.remote)


class MovementsScreen(ModalScreen[bool]):
    """Every arrival and departure so far; correct the time, item or phase, or delete one.
    Dismisses with True when something changed."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("e,enter", "edit", "Correct"),
        Binding("delete,backspace", "delete", "Delete"),
    ]

    def __init__(self, meeting_id: int, now) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.now = now
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Arrivals and departures", classes="title")
            yield DataTable(id="movements", cursor_type="row", zebra_stripes=True)
            yield Static("e or Enter: correct the time, item or phase · Delete: remove · Escape: close",
                         classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#movements", DataTable)
        for label, width in (("Time", 6), ("Who", 7), ("What", 22), ("Item", 6), ("Phase", 7), ("Note", 12)):
            table.add_column(label, width=width)
        self.load()
        table.focus()

    def load(self) -> None:
        self.state = read_record(self.app.book, self.meeting_id)
        numbers = {i.id: i.number or i.title[:6] for i in self.state.items}
        table = self.query_one("#movements", DataTable)
        row = table.cursor_row
        table.clear()
        for m in list_movements(self.app.book, self.meeting_id):
            table.add_row(
                m.at.strftime("%H.%M"), plain(self.state.people[m.person_id].initials), KIND_WORDS[m.kind],
                plain(numbers.get(m.item_id, "")), m.phase.value, plain(m.note), key=str(m.id),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _selected(self) -> Movement | None:
        table = self.query_one("#movements", DataTable)
        if not table.row_count:
            return None
        key = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((m for m in self.state.movements if m.id == key), None)

    @work
    async def action_edit(self) -> None:
        movement = self._selected()
        if movement is None:
            return
        corrected = await self.app.push_screen_wait(
            MovementForm(self.state, kind=movement.kind, now=self.now(), movement=movement)
        )
        if corrected is not None:
            self.app.desk.correct_movement(corrected)
            before = self.state.attendance_of(movement.person_id)
            if corrected.person_id != movement.person_id and before is not None and before.status in IN:
                was = self.state.people[movement.person_id].initials  # whether they were here is the clerk's to say
                self.notify(f"{was} is still marked {before.status.value}; if {was} was not here, change it on "
                            "the roll (Ctrl+T).", title="Who moved corrected", timeout=10, markup=False)
            self.changed = True
            self.load()

    @work
    async def action_delete(self) -> None:
        movement = self._selected()
        if movement is None:
            return
        who = self.state.people[movement.person_id].initials
        sure = await self.app.push_screen_wait(ConfirmScreen(
            f"Delete “{who} {KIND_WORDS[movement.kind].lower()} at {movement.at:%H.%M}”? "
            "Its line in the notes goes too, unless you edited it.", yes="Delete", no="Keep"))
        if sure:
            self.app.desk.delete_movement(movement.id)
            self.changed = True
            self.load()

    def action_close(self) -> None:
        self.dismiss(self.changed)

