"""Record a decision ("The Board approved the Annual Report and Accounts for 2023/24"),
and edit, reorder or delete an item's decisions."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Input, Label, Static

from db.minutes import delete_decision, list_decisions, move_decision, update_decision
from secretary.errors import explain
from secretary.models import Decision, DecisionVerb
from screens.confirm import ConfirmScreen
from screens.text import plain

VERBS = [v.value for v in DecisionVerb]


def read_verb(text: str) -> DecisionVerb:
    """The verb as typed: in full, or the start of one ('app' → approved, 'not' → not approved)."""
    said = " ".join(text.split()).casefold()
    if not said:
        raise ValueError("Type the verb: " + ", ".join(VERBS) + ".")
    matches = (
        [v for v in VERBS if v == said]
        or [v for v in VERBS if v.split()[0] == said]  # "not" is "not approved", though "noted" starts so
        or [v for v in VERBS if v.startswith(said)]
    )
    if len(matches) != 1:
        raise ValueError(f"“{text}” is not one verb; type one of: " + ", ".join(VERBS) + ".")
    return DecisionVerb(matches[0])


class DecisionForm(ModalScreen[Decision | None]):
    """Two fields and Enter: the verb (typed or completed — 'app' Tab gives approved) and the text."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, item_id: int, decision: Decision | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.decision = decision

    def compose(self) -> ComposeResult:
        decision = self.decision
        with Vertical(classes="dialog"):
            yield Static("Edit decision" if decision else "Record a decision", classes="title")
            yield Label("The Board … (" + ", ".join(VERBS) + ")")
            yield Input(decision.verb.value if decision else "", id="verb", placeholder="noted",
                        suggester=SuggestFromList(VERBS, case_sensitive=False))
            yield Label("… what")
            yield Input(decision.text if decision else "", id="text",
                        placeholder="the Annual Report and Accounts for 2023/24")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Record", variant="primary", id="record")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#verb")
    def _to_text(self) -> None:
        verb = self.query_one("#verb", Input)
        try:
            verb.value = read_verb(verb.value).value
        except ValueError as e:
            self.query_one("#error", Static).update(str(e))
            return
        self.query_one("#error", Static).update("")
        self.query_one("#text", Input).focus()

    @on(Input.Submitted, "#text")
    @on(Button.Pressed, "#record")
    def _record(self) -> None:
        error = self.query_one("#error", Static)
        try:
            verb = read_verb(self.query_one("#verb", Input).value)
            text = self.query_one("#text", Input).value.strip()
            if not text:
                raise ValueError("Say what was decided, e.g. “the Annual Report and Accounts for 2023/24”.")
            base = self.decision.model_dump() if self.decision else {"item_id": self.item_id}
            decision = Decision.model_validate({**base, "verb": verb, "text": text})
        except ValidationError as e:
            error.update(explain(e))
            return
        except ValueError as e:
            error.update(str(e))
            return
        self.dismiss(decision)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


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
            self.app.write(f"decision edited: {edited.verb.value} {edited.text[:40]}", update_decision, edited)
            self.load()

    def action_move(self, step: int) -> None:
        decision = self._selected()
        if decision is None:
            return
        self.app.write(f"decision moved {'up' if step < 0 else 'down'}: {decision.text[:40]}", move_decision,
                       decision.id, step)
        self.load(select=self.query_one("#decision-list", DataTable).cursor_row + step)

    @work
    async def action_delete(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        if await self.app.push_screen_wait(ConfirmScreen(
                f"Delete the decision “{decision.verb.value} {decision.text}”?", yes="Delete", no="Keep")):
            self.app.write(f"decision deleted: {decision.verb.value} {decision.text[:40]}", delete_decision,
                           decision.id)
            self.load()

    def action_close(self) -> None:
        self.dismiss(None)
