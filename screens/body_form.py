"""A new board or committee: its name and short name."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from secretary.models import Body
from screens.form import FormScreen


class NewBodyScreen(FormScreen[Body | None]):
    """Hands back the body as stored by ``save`` (the caller's); if the book cannot take it, the
    form stays open saying so, with what was typed. Without ``save``, the body unsaved."""

    def __init__(self, *, save: Callable[[Body], Body] = lambda body: body) -> None:
        super().__init__()
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New board or committee", classes="title")
            yield Label("Name")
            yield Input(placeholder="Northbridge Integrated Care Board", id="name")
            yield Label("Short name")
            yield Input(placeholder="NICB", id="short")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Create", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#name")
    def _to_short(self) -> None:
        self.query_one("#short", Input).focus()

    @on(Input.Submitted, "#short")
    def _create(self) -> None:
        self.action_save()

    def store(self, body: Body) -> Body:
        return self.save(body)

    def build(self) -> Body:
        return Body(name=self.query_one("#name", Input).value, short_name=self.query_one("#short", Input).value)
