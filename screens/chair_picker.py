"""Who takes the chair: asked when the one chairing leaves or withdraws, and on Alt+C.

The people in the room, the Deputy Chair first, so that Enter alone records the usual
choice; typing initials or part of a name narrows them. Escape: no one yet.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from secretary.models import Person
from secretary.people import roles_at
from secretary.record import MeetingRecord
from screens.person_picker import PersonPicker


class ChairPicker(ModalScreen[int | None]):
    """Hands back the person id of who takes the chair, or None (Escape: no one yet)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "No one yet")]

    def __init__(self, record: MeetingRecord, question: str, offered: list[Person], escape_words: str) -> None:
        super().__init__()
        self.record = record
        self.question = question
        self.offered = offered
        self.escape_words = escape_words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog narrow", id="chair-dialog"):
            yield Static(self.question, classes="title", markup=False)
            yield PersonPicker(self.offered, id="chair-who", placeholder="PN, or part of a name",
                               roles=roles_at(self.record))
            yield Static(f"Enter: record who takes the chair · Escape: {self.escape_words}", markup=False)
            yield Static("", classes="error", id="error", markup=False)

    def on_mount(self) -> None:
        self.query_one(PersonPicker).focus()

    @on(PersonPicker.Picked)
    def _picked(self, event: PersonPicker.Picked) -> None:
        self.dismiss(event.person.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
