"""Record a declaration of interest on the current item: who, the interest (one of their
register rows, or typed), its nature, and what was done."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from secretary.declarations import NATURE_WORDS, OUTCOME_WORDS
from secretary.errors import explain
from secretary.record import MeetingRecord
from secretary.models import Declaration, DeclarationOutcome, Interest, Person
from screens.form import FormMixin
from screens.person_picker import PersonPicker
from secretary.people import roles_at


class DeclarationForm(FormMixin, ModalScreen[Declaration | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "record", "Record")]

    def __init__(self, state: MeetingRecord, item_id: int) -> None:
        super().__init__()
        self.state = state
        self.item_id = item_id
        self.person: Person | None = None
        self.rows: list[Interest] = []
        self.chosen: Interest | None = None

    def compose(self) -> ComposeResult:
        item = next(i for i in self.state.items if i.id == self.item_id)
        room = self.state.in_room()
        people = sorted(self.state.people.values(), key=lambda p: (p.id not in room, p.name))
        with Vertical(classes="dialog wide"):
            yield Static(f"Declaration of interest — item {item.number or item.title}", classes="title",
                         markup=False)
            yield Label("Who (initials or part of a name)")
            yield PersonPicker(people, id="who", roles=roles_at(self.state))
            yield Label("Their register entries (Enter picks one) — or type the interest below")
            yield OptionList(id="register")
            yield Input(id="interest", placeholder="Director, Eastmere Estates Ltd")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Nature")
                    yield Select([(w, n) for n, w in NATURE_WORDS.items()], id="nature", prompt="not stated")
                with Vertical():
                    yield Label("What was done")
                    yield Select([(w, o) for o, w in OUTCOME_WORDS.items()], value=DeclarationOutcome.took_part,
                                 allow_blank=False, id="outcome")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Record", variant="primary", id="record")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#who", PersonPicker).focus()

    @on(PersonPicker.Highlighted)
    def _person_highlighted(self, event: PersonPicker.Highlighted) -> None:
        self._show_register(event.person)

    @on(PersonPicker.Picked)
    def _person_picked(self, event: PersonPicker.Picked) -> None:
        self._show_register(event.person)
        target = "#register" if self.rows else "#interest"
        self.query_one(target).focus()

    def _show_register(self, person: Person | None) -> None:
        if person is self.person and person is not None:
            return
        self.person = person
        self.rows = [i for i in self.state.interests if person and i.person_id == person.id and i.details.strip()]
        options = self.query_one("#register", OptionList)
        options.clear_options()
        options.add_options([Option(i.details[:90], id=str(i.id)) for i in self.rows])
        options.display = bool(self.rows)
        if self.rows:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#register")
    def _interest_picked(self, event: OptionList.OptionSelected) -> None:
        self.chosen = self.rows[event.option_index]
        self.query_one("#interest", Input).value = self.chosen.details
        natures = self.chosen.natures
        if natures:
            self.query_one("#nature", Select).value = natures[0]
        self.query_one("#outcome", Select).focus()

    @on(Input.Changed, "#interest")
    def _typed_interest(self, event: Input.Changed) -> None:
        if self.chosen is not None and event.value != self.chosen.details:
            self.chosen = None  # typed over: no longer the register's words

    @on(Input.Submitted, "#interest")
    @on(Button.Pressed, "#record")
    def action_record(self) -> None:
        error = self.query_one("#error", Static)
        if self.person is None:
            error.update("Pick who is declaring: type their initials or part of their name.")
            return
        nature = self.query_one("#nature", Select).value
        try:
            declaration = Declaration(
                meeting_id=self.state.meeting.id, item_id=self.item_id, person_id=self.person.id,
                interest_id=self.chosen.id if self.chosen else None,
                interest=self.query_one("#interest", Input).value.strip(),
                nature=None if nature is Select.NULL else nature,
                outcome=self.query_one("#outcome", Select).value,
            )
        except ValidationError as e:
            error.update("Say what the interest is. " + explain(e))
            return
        self.mark_saved()
        self.dismiss(declaration)
