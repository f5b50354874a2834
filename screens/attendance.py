"""The roll call: tick each expected person present, remote, apologies or absent; add a
deputy or someone not expected. Used before the meeting and at any time during it."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Label, Select, Static
from screens.title_bar import TitleBar

from db.attendance import list_attendance
from db.record import read_record
from db.rows import Refused
from secretary.errors import explain
from secretary.importers.roster import suggest_initials
from secretary.record import MeetingRecord
from secretary.people import find_people
from secretary.models import Attendance, AttendanceStatus, Group, Person
from screens.text import plain
from screens.footer import Footer
from screens.form import FormMixin, FormScreen

STATUS_WORDS = {
    AttendanceStatus.expected: "expected",
    AttendanceStatus.present: "present",
    AttendanceStatus.remote: "remote",
    AttendanceStatus.apologies: "apologies",
    AttendanceStatus.absent: "absent",
}


COLUMNS = ("initials", "name", "status", "group", "role", "note")  # the roll's column keys


class AttendanceScreen(Screen):
    CSS_PATH = "shared.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("p", "mark('present')", "Present"),
        Binding("r", "mark('remote')", "Remote"),
        Binding("a", "mark('apologies')", "Apologies"),
        Binding("x", "mark('absent')", "Absent"),
        Binding("e", "mark('expected')", "Expected", show=False),
        Binding("d", "deputy", "Deputy"),
        Binding("n", "add", "Add attendee"),
        Binding("o", "note", "Note"),
        Binding("m", "members", "All members", show=False),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: MeetingRecord | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", classes="pane-title", id="roll-title", markup=False)
        yield DataTable(id="roll", cursor_type="row", zebra_stripes=True)
        yield Static("", id="roll-counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#roll", DataTable)
        # the status, which p/r/a/x change, beside the name: on a narrow screen the role is cut, not the status
        for label, width in (("Initials", 8), ("Name", 26), ("Status", 10), ("Group", 13), ("Role", 34), ("Note", 12)):
            table.add_column(label, width=width, key=label.casefold())
        self.load()
        table.focus()

    def load(self, keep: int | None = None) -> None:
        """Read the list again; the cursor stays on the person it was on (or on ``keep``)."""
        book = self.app.book
        if not list_attendance(book, self.meeting_id):
            # a meeting with no list yet: everyone in post is expected
            self.app.desk.expect_members_in_post(self.meeting_id)
        was_on = self._selected() if self.state is not None else None
        self.state = state = read_record(book, self.meeting_id)
        self.query_one("#roll-title", Static).update(f"Attendance — {state.meeting.title}")
        table = self.query_one("#roll", DataTable)
        row_index = table.cursor_row
        table.clear()
        order = {Group.member: 0, Group.participant: 1, Group.in_attendance: 2}
        for row in sorted(state.attendance, key=lambda a: (order[a.group], a.id)):
            table.add_row(*self._cells(row), key=str(row.person_id))
        if keep is None and was_on is not None:
            keep = was_on.person_id
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        elif table.row_count:
            table.move_cursor(row=min(row_index, table.row_count - 1))
        self._show_counts()

    def _cells(self, row: Attendance) -> tuple:
        person = self.state.people[row.person_id]
        note = row.note
        if row.deputy_for_id is not None:
            note = f"for {self.state.people[row.deputy_for_id].initials}" + (f"; {note}" if note else "")
        return (plain(person.initials), plain(person.full_name), _status_cell(row.status), row.group.label,
                plain(row.role), plain(note))

    def _show_row(self, person_id: int) -> None:
        """After a tick: the record read again, and only that person's row and the counts drawn
        (clearing and refilling the whole table took longer than a frame)."""
        self.state = read_record(self.app.book, self.meeting_id)
        row = self.state.attendance_of(person_id)
        table = self.query_one("#roll", DataTable)
        if row is None or str(person_id) not in table.rows or len(self.state.attendance) != table.row_count:
            self.load()
            return
        for column, cell in zip(COLUMNS, self._cells(row)):
            table.update_cell(str(person_id), column, cell)
        self._show_counts()

    def _show_counts(self) -> None:
        state = self.state
        counts = {s: sum(1 for a in state.attendance if a.status is s) for s in AttendanceStatus}
        quorum = state.quorum()
        self.query_one("#roll-counts", Static).update(
            f"{counts[AttendanceStatus.present]} present, {counts[AttendanceStatus.remote]} remote, "
            f"{counts[AttendanceStatus.apologies]} apologies, {counts[AttendanceStatus.absent]} absent, "
            f"{counts[AttendanceStatus.expected]} not yet ticked.   {quorum.summary()}"
        )

    def _selected(self) -> Attendance | None:
        table = self.query_one("#roll", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.state.attendance_of(int(key))

    def action_mark(self, status: str) -> None:
        row = self._selected()
        if row is None:
            return
        self.app.desk.set_attendance(row.model_copy(update={"status": AttendanceStatus(status)}))
        self._show_row(row.person_id)
        table = self.query_one("#roll", DataTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)  # on to the next name, as a roll call goes

    def action_members(self) -> None:
        written = self.app.desk.expect_members_in_post(self.meeting_id)
        if written.saved:
            self.notify(f"{written.value} members in post added to the list." if written.value
                        else "Every member in post is on the list.")
        self.load()

    @work
    async def action_deputy(self) -> None:
        row = self._selected()
        if row is None:
            return
        member = self.state.people[row.person_id]
        added = await self.app.push_screen_wait(AttendeeForm(self.state, deputy_for=member))
        self._store(added, deputy_for=row)

    @work
    async def action_add(self) -> None:
        added = await self.app.push_screen_wait(AttendeeForm(self.state))
        self._store(added)

    def _store(self, added: tuple[Attendance, Person | None] | None, deputy_for: Attendance | None = None) -> None:
        if added is None:
            return
        attendance, new_person = added
        try:
            self.app.desk.add_attendee(attendance, new_person)
            if deputy_for is not None and deputy_for.status is AttendanceStatus.expected:
                self.app.desk.set_attendance(deputy_for.model_copy(update={"status": AttendanceStatus.apologies}))
        except Refused as e:
            self.notify(e.message, severity="error")
            return
        self.load()  # the cursor stays on the row the clerk was on, so the next key marks the right person

    @work
    async def action_note(self) -> None:
        row = self._selected()
        if row is None:
            return
        person = self.state.people[row.person_id]
        note = await self.app.push_screen_wait(NoteForm(person, row.note))
        if note is None or note == row.note:
            return
        self.app.desk.set_attendance(row.model_copy(update={"note": note}))
        self._show_row(row.person_id)


def _status_cell(status: AttendanceStatus):
    style = {"present": "bold green", "remote": "bold cyan", "apologies": "yellow", "absent": "red"}.get(status.value, "dim")
    return plain(STATUS_WORDS[status], style=style)


class AttendeeForm(FormMixin, ModalScreen[tuple[Attendance, Person | None] | None]):
    """Someone to add to the list: a person already known to the body (found by initials or
    name) or a new one with suggested initials; as a deputy when ``deputy_for`` is given."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    ask_before_discarding = True

    def __init__(self, state: MeetingRecord, deputy_for: Person | None = None) -> None:
        super().__init__()
        self.state = state
        self.deputy_for = deputy_for
        self._initials_typed = False

    def compose(self) -> ComposeResult:
        heading = f"Deputy for {self.deputy_for.full_name}" if self.deputy_for else "Add someone to the meeting"
        group = Group.member if self.deputy_for else Group.in_attendance
        with Vertical(classes="dialog"):
            yield Static(heading, classes="title", markup=False)
            yield Label("Name (someone already in the book is found by name or initials)")
            yield Input(id="name", placeholder="Jane Doe")
            yield Static("", id="known", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Initials")
                    yield Input(id="initials", max_length=6)
                with Vertical():
                    yield Label("Group")
                    yield Select([(g.label, g) for g in Group], value=group, allow_blank=False, id="group")
                with Vertical():
                    yield Label("Attending")
                    yield Select([("present", AttendanceStatus.present), ("remote", AttendanceStatus.remote),
                                  ("expected", AttendanceStatus.expected)],
                                 value=AttendanceStatus.present, allow_blank=False, id="status")
            yield Label("Role as printed")
            yield Input(id="role", placeholder="Director of Strategy")
            yield Label("Note")
            yield Input(id="note", placeholder="invited attendee, minutes, observer")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="add")
                yield Button("Cancel", id="cancel")

    def _known(self) -> Person | None:
        text = self.query_one("#name", Input).value.strip()
        if not text:
            return None
        people = list(self.state.people.values())
        exact = [p for p in people if p.name.casefold() == text.casefold() or p.initials == text]
        return exact[0] if exact else None

    @on(Input.Changed, "#name")
    def _name_typed(self, event: Input.Changed) -> None:
        known = self._known()
        hint = self.query_one("#known", Static)
        if known:
            hint.update(f"Already in the book: {known.full_name} ({known.initials}).")
            with self.prevent(Input.Changed):
                self.query_one("#initials", Input).value = known.initials
            return
        near = find_people(event.value, list(self.state.people.values()), limit=3) if len(event.value) > 1 else []
        hint.update("Did you mean: " + ", ".join(f"{p.name} ({p.initials})" for p in near) if near else "")
        if not self._initials_typed:
            taken = {p.initials for p in self.state.people.values()}
            try:
                suggestion = suggest_initials(event.value, taken)
            except ValueError:
                suggestion = ""
            with self.prevent(Input.Changed):
                self.query_one("#initials", Input).value = suggestion

    @on(Input.Changed, "#initials")
    def _initials_edited(self) -> None:
        self._initials_typed = True

    @on(Input.Submitted)
    @on(Button.Pressed, "#add")
    def _add(self) -> None:
        error = self.query_one("#error", Static)
        known = self._known()
        value = lambda wid: self.query_one(wid, Input).value.strip()  # noqa: E731
        try:
            new_person = None
            if known is None:
                new_person = Person(body_id=self.state.body.id, name=value("#name"), initials=value("#initials"))
                person_id = 0
            else:
                person_id = known.id
                if self.state.attendance_of(known.id):
                    error.update(f"{known.full_name} is already on this meeting's list: tick them there, "
                                 "and press o on their row to give a note.")
                    return
            attendance = Attendance(
                meeting_id=self.state.meeting.id, person_id=person_id,
                group=self.query_one("#group", Select).value, status=self.query_one("#status", Select).value,
                deputy_for_id=self.deputy_for.id if self.deputy_for else None,
                role=value("#role"), note=value("#note"),
            )
        except ValidationError as e:
            error.update(explain(e))
            return
        if new_person is not None and any(p.initials.casefold() == new_person.initials.casefold()
                                          for p in self.state.people.values()):
            error.update(f"Initials {new_person.initials} are already used in this body; choose others.")
            return
        self.mark_saved()
        self.dismiss((attendance, new_person))


class NoteForm(FormScreen[str | None]):
    """The note after someone's name in the minutes: "minutes", "invited attendee", "for item 8"."""

    ask_before_discarding = True

    def __init__(self, person: Person, note: str) -> None:
        super().__init__()
        self.person = person
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Note for {self.person.full_name}", classes="title", markup=False)
            yield Label("Printed in brackets after the name in the minutes")
            yield Input(self.note, id="note", placeholder="minutes, invited attendee, for item 8")
            yield Static("", id="note-read", markup=False)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._show(self.note)

    @on(Input.Changed, "#note")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, note: str) -> None:
        said = " ".join(note.split())
        self.query_one("#note-read", Static).update(f"{self.person.full_name} ({said})" if said else "")

    def build(self) -> str:
        return " ".join(self.query_one("#note", Input).value.split())

    @on(Input.Submitted, "#note")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
