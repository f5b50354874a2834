"""Raise an action from the item in progress: what, who (initials, names or free text like
"VCSE lead"), and when — three fields and Enter. The number is given when it is stored."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from secretary.actions import read_owners
from secretary.dates import DUE_FORMS, DateRefused, read_due
from secretary.errors import explain
from secretary.live import LiveState
from secretary.models import Action


class ActionForm(ModalScreen[Action | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, state: LiveState, item_id: int, today: date, next_number: int) -> None:
        super().__init__()
        self.state = state
        self.item_id = item_id
        self.today = today
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
            yield Label(f"Due ({DUE_FORMS})")
            yield Input(id="due", placeholder="next meeting")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Raise", variant="primary", id="raise")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    @on(Input.Changed, "#owners")
    def _owners_typed(self, event: Input.Changed) -> None:
        owners = read_owners(event.value, list(self.state.people.values()))
        words = []
        for owner in owners:
            person = self.state.people.get(owner.person_id) if owner.person_id else None
            words.append(f"{person.initials} ({person.name})" if person else f"“{owner.name}” (not a person)")
        self.query_one("#owners-read", Static).update(" · ".join(words))

    @on(Input.Submitted, "#text")
    def _to_owners(self) -> None:
        self.query_one("#owners", Input).focus()

    @on(Input.Submitted, "#owners")
    def _to_due(self) -> None:
        self.query_one("#due", Input).focus()

    @on(Input.Submitted, "#due")
    @on(Button.Pressed, "#raise")
    def _raise(self) -> None:
        error = self.query_one("#error", Static)
        value = lambda wid: self.query_one(wid, Input).value.strip()  # noqa: E731
        if not value("#text"):
            error.update("Say what the action is.")
            self.query_one("#text", Input).focus()
            return
        owners = read_owners(value("#owners"), list(self.state.people.values()))
        if not owners:
            error.update("Give at least one owner: initials (MSu), a name, or who in words (VCSE lead).")
            self.query_one("#owners", Input).focus()
            return
        try:
            due = read_due(value("#due"), today=self.today, next_meeting=self.state.next_date)
            action = Action(
                body_id=self.state.body.id, meeting_id=self.state.meeting.id, item_id=self.item_id,
                meeting_date=self.state.meeting.date,
                item_title=next(i.title for i in self.state.items if i.id == self.item_id),
                text=value("#text"), owners=owners, due_text=due.text, due_date=due.date,
            )
        except DateRefused as e:
            error.update(str(e))
            self.query_one("#due", Input).focus()
            return
        except ValidationError as e:
            error.update(explain(e))
            return
        self.dismiss(action)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

