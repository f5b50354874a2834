"""A new board or committee: its name and short name."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from secretary.errors import explain
from secretary.models import Body


class NewBodyScreen(ModalScreen[Body | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New board or committee", classes="title")
            yield Label("Name")
            yield Input(placeholder="Northbridge Integrated Care Board", id="name")
            yield Label("Short name")
            yield Input(placeholder="NICB", id="short")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#name")
    def _to_short(self) -> None:
        self.query_one("#short", Input).focus()

    @on(Input.Submitted, "#short")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        try:
            body = Body(name=self.query_one("#name", Input).value, short_name=self.query_one("#short", Input).value)
        except ValidationError as e:
            self.query_one("#error", Static).update(explain(e))
            return
        self.dismiss(body)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
