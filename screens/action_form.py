"""Raise an action from the item in progress: what, who (initials, names or free text like
"VCSE lead"), and when — three fields and Enter. The number is given when it is stored.

Owners and the due date are read as they are typed and shown as understood ("Fri 31 Oct 2025"),
the due date against the meeting's date, so what is stored is what the clerk saw."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from secretary.actions import read_owners
from secretary.dates import DUE_FORMS, DateRefused, Due, read_due
from secretary.record import MeetingRecord
from secretary.models import Action
from screens.form import FIELD_KEYS, FormMixin


class ActionForm(FormMixin, ModalScreen[Action | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Raise"), *FIELD_KEYS]
    ask_before_discarding = True

    def __init__(self, state: MeetingRecord, item_id: int, next_number: int) -> None:
        super().__init__()
        self.state = state
        self.item_id = item_id
        self.next_number = next_number

    def compose(self) -> ComposeResult:
        item = next(i for i in self.state.items if i.id == self.item_id)
        with Vertical(classes="dialog wide"):
            yield Static(f"Action {self.next_number} — item {item.number or item.title}", classes="title",
                         markup=False)
            yield Label("Action")
            yield Input(id="text", placeholder="Communications from the meeting to be shared with partners")
            yield Label("Owner(s): initials or names, separated by commas; free text is kept as typed")
            yield Input(id="owners", placeholder="MSu, NF")
            yield Static("", id="owners-read", markup=False)
            yield Static(f"Due ({DUE_FORMS})", id="due-read", markup=False)  # becomes what was understood
            yield Input(id="due", placeholder="next meeting")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Raise", variant="primary", id="raise")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def read_due(self, text: str) -> Due:
        """The due date as typed, read against the meeting's date (not the day it is typed)."""
        return read_due(text, today=self.state.meeting.date, next_meeting=self.state.next_date)

    @on(Input.Changed, "#owners")
    def _owners_typed(self, event: Input.Changed) -> None:
        owners = read_owners(event.value, list(self.state.people.values()))
        words = []
        for owner in owners:
            person = self.state.people.get(owner.person_id) if owner.person_id else None
            words.append(f"{person.initials} ({person.name})" if person else f"“{owner.name}” (not a person)")
        self.query_one("#owners-read", Static).update(" · ".join(words))

    @on(Input.Changed, "#due")
    def _due_typed(self, event: Input.Changed) -> None:
        try:
            said = "Due → " + self.read_due(event.value).understood()
        except DateRefused:
            said = f"Due: not yet a date ({DUE_FORMS})" if event.value.strip() else f"Due ({DUE_FORMS})"
        self.query_one("#due-read", Static).update(said)

    def next_after(self, field: Input) -> Input | None:
        following = {"text": "#owners", "owners": "#due"}.get(field.id or "")
        return self.query_one(following, Input) if following else None

    def _field(self, wid: str) -> str:
        return self.query_one(wid, Input).value.strip()

    def build(self) -> Action:
        if not self._field("#text"):
            self.set_focus(self.query_one("#text", Input))
            raise ValueError("Say what the action is.")
        owners = read_owners(self._field("#owners"), list(self.state.people.values()))
        if not owners:
            self.set_focus(self.query_one("#owners", Input))
            raise ValueError("Give at least one owner: initials (MSu), a name, or who in words (VCSE lead).")
        try:
            due = self.read_due(self._field("#due"))
        except DateRefused:
            self.set_focus(self.query_one("#due", Input))
            raise
        return Action(
            body_id=self.state.body.id, meeting_id=self.state.meeting.id, item_id=self.item_id,
            meeting_date=self.state.meeting.date,
            item_title=next(i.title for i in self.state.items if i.id == self.item_id),
            text=self._field("#text"), owners=owners, due_text=due.text, due_date=due.date,
        )

    @on(Input.Submitted, "#due")
    @on(Button.Pressed, "#raise")
    def _raise(self, event) -> None:
        event.stop()
        self.action_save()
