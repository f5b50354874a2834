"""The new-meeting form: title, date, start and end, venue, public or private — and,
when the body has met before, whether to carry forward from its most recent meeting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, Switch

from secretary.dates import day_words, read_date
from secretary.errors import explain
from secretary.formats import long_date, short_date
from secretary.models import Body, Meeting
from secretary.times import format_time, read_time, read_time_range
from screens.form import FormMixin, nothing_saved


@dataclass(frozen=True)
class NewMeeting:
    """What the form hands back: the unsaved meeting, and the meeting to carry forward from, if any."""

    meeting: Meeting
    copy_from: Meeting | None = None


def prefill_from(previous: Meeting) -> dict[str, str]:
    """The form's fields as the previous meeting foresaw the next one: its next meeting's date,
    time and venue when it recorded them, else its own time and venue (boards keep to them)."""
    start, end = previous.planned_start, previous.planned_end
    if previous.next_meeting_time:
        try:
            start, end = read_time_range(previous.next_meeting_time)
        except ValueError:
            pass  # a time in words ("after the AGM") is left for the clerk to type
        if start and end is None and previous.planned_start and previous.planned_end:
            end = _same_length(start, previous.planned_start, previous.planned_end)
    return {
        "title": previous.title,
        "date": short_date(previous.next_meeting_date) if previous.next_meeting_date else "",
        "start": format_time(start),
        "end": format_time(end),
        "venue": previous.next_meeting_venue or previous.venue,
    }


def _same_length(start: time, old_start: time, old_end: time) -> time | None:
    day = date(2000, 1, 1)
    end = datetime.combine(day, start) + (datetime.combine(day, old_end) - datetime.combine(day, old_start))
    return end.time() if end.date() == day else None


class NewMeetingScreen(FormMixin, ModalScreen[NewMeeting | None]):
    """Hands back the meeting as stored by ``save`` (the caller's, which carries forward what was
    asked); if the book cannot take it, the form stays open saying so, with what was typed.
    Without ``save``, the meeting unsaved."""

    CSS_PATH = ["dialogs.tcss", "meeting_form.tcss"]
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "create", "Create")]

    def __init__(self, body: Body, previous: Meeting | None = None, opening_count: int = 0, *,
                 save: Callable[[NewMeeting], Meeting] | None = None, deferred_count: int = 0) -> None:
        super().__init__()
        self.save = save
        self.body = body
        self.previous = previous
        self.opening_count = opening_count
        self.deferred_count = deferred_count
        self.default_title = f"Meeting of the {body.name}"
        self.prefill = prefill_from(previous) if previous else {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="new-meeting"):
            yield Static(f"New meeting of the {self.body.name}", markup=False, classes="title")
            if self.previous is not None:
                yield Checkbox(f"Copy from previous meeting ({long_date(self.previous.date)})", True, id="copy")
                items = f"its {self.opening_count} opening items" if self.opening_count else "no opening items (none found)"
                if self.deferred_count:
                    items += f" and the {self.deferred_count} item(s) it deferred"
                yield Static(f"Expects everyone still in post and copies {items}; "
                             "date, time and venue from its next meeting.", classes="hint", id="copy-hint",
                             markup=False)
            yield Label("Title")
            yield Input(self.default_title, id="title")
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
            yield Static("", id="date-read", markup=False)
            yield Label("Venue")
            yield Input(placeholder="Council Chamber, Eastmere Civic Centre", id="venue")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Label("Held in public", id="public-label")
                yield Switch(True, id="public")
                yield Static(id="spacer")
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.previous is not None:
            self._fill(True)  # FormMixin.on_mount runs next: what is filled in here is not the clerk's change
        self.query_one("#date", Input).focus()

    @on(Input.Changed, "#date")
    def _date_typed(self, event: Input.Changed) -> None:
        """The date as understood, with its weekday, before the meeting is created."""
        try:
            said = "→ " + day_words(read_date(event.value))
        except ValueError:
            said = "not yet a date: day/month/year" if event.value.strip() else ""
        self.query_one("#date-read", Static).update(said)

    @on(Checkbox.Changed, "#copy")
    def _copy_changed(self, event: Checkbox.Changed) -> None:
        self._fill(event.value)

    def _fill(self, copying: bool) -> None:
        """Copying fills the fields the clerk has not typed in; not copying puts back those still as prefilled."""
        blank = {"title": self.default_title}
        for name, value in self.prefill.items():
            field = self.query_one(f"#{name}", Input)
            if copying and field.value.strip() in ("", blank.get(name, "")):
                field.value = value
            elif not copying and field.value.strip() == value:
                field.value = blank.get(name, "")

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
        copying = self.previous is not None and self.query_one("#copy", Checkbox).value
        asked = NewMeeting(meeting, self.previous if copying else None)
        if self.save is not None:
            try:
                asked = NewMeeting(self.save(asked), asked.copy_from)
            except Exception as e:  # noqa: BLE001 — the book refused, or the disk did: the typing stays here
                words = nothing_saved(self.app.book, e)
                if words is None:
                    raise
                error.update(words)
                return
        self.mark_saved()
        self.dismiss(asked)
