"""Record a decision ("The Board approved the Annual Report and Accounts for 2023/24"),
and edit, reorder or delete an item's decisions."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, DataTable, Input, Label, Static

from db.bodies import get_body
from db.meetings import get_item, get_meeting
from db.minutes import list_decisions
from secretary.record import collective_name
from secretary.models import Decision
from secretary.verbs import VERBS, decision_sentence, read_verb, verbs_fitting
from screens.confirm import ConfirmScreen
from screens.form import FIELD_KEYS, FormMixin
from screens.text import plain

__all__ = ["DecisionForm", "DecisionsScreen", "VERBS", "read_verb"]


def deciding_body(book, item_id: int) -> str:
    """"The Board", "The Committee": who decides on this item, as the minutes name them."""
    item = get_item(book, item_id)
    meeting = get_meeting(book, item.meeting_id) if item else None
    body = get_body(book, meeting.body_id) if meeting else None
    return collective_name(body) if body else "The Board"


class VerbSuggester(Suggester):
    """Completes only a start that fits one verb: "app" → approved; "not" fits two, so none."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        fitting = verbs_fitting(value)
        if len(fitting) != 1 or not fitting[0].value.startswith(value):
            return None  # a completion that is not a continuation of the typing would be drawn wrong
        return fitting[0].value


class DecisionForm(FormMixin, ModalScreen[Decision | None]):
    """Two fields and Enter: the verb (typed or completed — 'app' Tab gives approved) and the text.
    Under them the sentence the minutes will carry, as it will be stored."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Record"), *FIELD_KEYS]
    ask_before_discarding = True

    def __init__(self, item_id: int, decision: Decision | None = None, collective: str | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.decision = decision
        self.collective = collective

    def compose(self) -> ComposeResult:
        if self.collective is None:  # "The Committee" decides at a committee, as the minutes will say
            self.collective = deciding_body(self.app.book, self.item_id)
        decision = self.decision
        with Vertical(classes="dialog"):
            yield Static("Edit decision" if decision else "Record a decision", classes="title")
            yield Label(f"{self.collective} … (" + ", ".join(VERBS) + ")", markup=False)
            yield Input(decision.verb.value if decision else "", id="verb", placeholder="noted",
                        suggester=VerbSuggester())
            yield Label("… what")
            yield Input(decision.text if decision else "", id="text",
                        placeholder="the Annual Report and Accounts for 2023/24")
            yield Static("", id="verb-read", markup=False)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Record", variant="primary", id="record")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.show_reading()

    @on(Input.Changed)
    def show_reading(self) -> None:
        """What will be recorded, in the minutes' words, or which verbs the typing could be."""
        verb = self.query_one("#verb", Input).value
        try:
            said = decision_sentence(self.collective, read_verb(verb), self.query_one("#text", Input).value)
        except ValueError as e:
            said = str(e) if verb.strip() else ""
        self.query_one("#verb-read", Static).update(said)

    def _settle_verb(self) -> bool:
        """Put the whole verb in the field, so it shows what will be stored; False if it is not one verb."""
        field = self.query_one("#verb", Input)
        try:
            verb = read_verb(field.value)
        except ValueError as e:
            self.show_error(str(e))
            return False
        if field.value != verb.value:
            field.value = verb.value
        return True

    @on(Input.Blurred, "#verb")
    def _verb_left(self) -> None:
        if self.query_one("#verb", Input).value.strip() and self._settle_verb():
            self.show_error("")

    def next_after(self, field: Input) -> Input | None:
        return self.query_one("#text", Input) if field.id == "verb" else None

    @on(Input.Submitted, "#verb")
    def _to_text(self) -> None:
        if self._settle_verb():
            self.show_error("")
            if self.focused is self.query_one("#verb", Input):
                self.set_focus(self.query_one("#text", Input))

    def build(self) -> Decision:
        field = self.query_one("#verb", Input)
        try:
            verb = read_verb(field.value)
        except ValueError:
            self.set_focus(field)
            raise
        field.value = verb.value  # the field shows what is stored
        text = self.query_one("#text", Input).value.strip()
        if not text:
            raise ValueError("Say what was decided, e.g. “the Annual Report and Accounts for 2023/24”.")
        base = self.decision.model_dump() if self.decision else {"item_id": self.item_id}
        return Decision.model_validate({**base, "verb": verb, "text": text})

    @on(Input.Submitted, "#text")
    @on(Button.Pressed, "#record")
    def _record(self, event) -> None:
        event.stop()
        self.action_save()


class DecisionsScreen(ModalScreen[None]):
    """The item's decisions, in the order the minutes will list them."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("e,enter", "edit", "Edit"),
        Binding("K,ctrl+up", "move(-1)", "Up"),
        Binding("J,ctrl+down", "move(1)", "Down"),
        Binding("delete", "delete", "Delete"),
    ]

    def __init__(self, item_id: int) -> None:
        super().__init__()
        self.item_id = item_id
        self.decisions: list[Decision] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Decisions on this item", classes="title")
            yield DataTable(id="decision-list", cursor_type="row")
            yield Static("e edit · K/J move up/down · Delete removes · Escape closes", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#decision-list", DataTable)
        table.add_column("Verb", width=12)
        table.add_column("Decision", width=50)
        table.add_column("", width=9)
        self.load()
        table.focus()

    def load(self, select: int | None = None) -> None:
        self.decisions = list_decisions(self.app.book, self.item_id)
        table = self.query_one("#decision-list", DataTable)
        row = table.cursor_row if select is None else select
        table.clear()
        for d in self.decisions:
            table.add_row(d.verb.value, plain(d.text), "inquorate" if d.inquorate else "", key=str(d.id))
        if self.decisions:
            table.move_cursor(row=max(0, min(row, len(self.decisions) - 1)))

    def _selected(self) -> Decision | None:
        row = self.query_one("#decision-list", DataTable).cursor_row
        return self.decisions[row] if 0 <= row < len(self.decisions) else None

    @work
    async def action_edit(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        edited = await self.app.push_screen_wait(DecisionForm(self.item_id, decision))
        if edited is not None:
            self.app.desk.update_decision(edited)
            self.load()

    def action_move(self, step: int) -> None:
        decision = self._selected()
        if decision is None:
            return
        self.app.desk.move_decision(decision.id, step)
        self.load(select=self.query_one("#decision-list", DataTable).cursor_row + step)

    @work
    async def action_delete(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        if await self.app.push_screen_wait(ConfirmScreen(
                f"Delete the decision “{decision.verb.value} {decision.text}”?", yes="Delete", no="Keep")):
            self.app.desk.delete_decision(decision.id)
            self.load()

    def action_close(self) -> None:
        self.dismiss(None)
