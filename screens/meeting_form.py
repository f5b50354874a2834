"""The new-meeting form: title, date, start and end, venue, public or private."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, Switch

from secretary.dates import read_date
from secretary.errors import explain
from secretary.models import Body, Meeting
from secretary.times import read_time


class NewMeetingScreen(ModalScreen[Meeting | None]):
    """Hands back an unsaved Meeting; the caller stores it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "create", "Create")]

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"New meeting of the {self.body.name}", markup=False, classes="title")
            yield Label("Title")
            yield Input(f"Meeting of the {self.body.name}", id="title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Date (dd/mm/yyyy)")
                    yield Input(placeholder="27/06/2025", id="date")
                with Vertical():
                    yield Label("Starts")
                    yield Input(placeholder="9.30am", id="start")
                with Vertical():
                    yield Label("Ends")
                    yield Input(placeholder="12.30pm", id="end")
            yield Label("Venue")
            yield Input(placeholder="Council Chamber, Eastmere Civic Centre", id="venue")
            with Horizontal(classes="row"):
                yield Label("Held in public ")
                yield Switch(True, id="public")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "venue":
            self.action_create()
        else:
            self.focus_next()

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        error = self.query_one("#error", Static)
        value = {i.id: i.value.strip() for i in self.query(Input)}
        try:
            meeting = Meeting(
                body_id=self.body.id,
                title=value["title"],
                date=read_date(value["date"]),
                planned_start=read_time(value["start"]) if value["start"] else None,
                planned_end=read_time(value["end"]) if value["end"] else None,
                venue=value["venue"],
                public=self.query_one("#public", Switch).value,
            )
        except ValidationError as e:
            error.update(explain(e))
            return
        except ValueError as e:
            error.update(str(e))
            return
        self.dismiss(meeting)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
