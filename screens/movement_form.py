"""Record or correct an arrival, departure, withdrawal or return.

The fast path is: the key for the kind (F2 arrived, F3 left…), the person's initials or
part of their name, Enter. The time, the item and the phase (start / during / end of the
item) are filled in for "now, during the current item" and can be changed when the clerk
records it a little late.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from secretary.record import MeetingRecord
from secretary.models import STEPPED_OUT, Movement, MovementKind, Phase
from secretary.times import read_time
from screens.form import FormMixin
from screens.person_picker import PersonPicker
from secretary.people import roles_at

KIND_WORDS = {
    MovementKind.arrived: "Arrived",
    MovementKind.left: "Left the meeting",
    MovementKind.withdrew: "Withdrew for the item",
    MovementKind.returned: "Returned",
}


class MovementForm(FormMixin, ModalScreen[Movement | None]):
    """Hands back the movement as entered (unsaved); the caller stores it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        state: MeetingRecord,
        *,
        kind: MovementKind,
        now: datetime,
        movement: Movement | None = None,
        note: str = "",
    ) -> None:
        super().__init__()
        self.state = state
        self.kind = kind
        self.now = now
        self.editing = movement
        self.note = movement.note if movement else note

    def compose(self) -> ComposeResult:
        state, editing = self.state, self.editing
        heading = KIND_WORDS[self.kind] + (" (stepped out)" if self.note == STEPPED_OUT else "")
        if editing:
            heading = f"Correct: {state.people[editing.person_id].name}"
        at = editing.at if editing else self.now
        items = [(f"{i.number} {i.title}".strip()[:60], i.id) for i in state.ordered]
        item_id = editing.item_id if editing else state.current_item_id
        with Vertical(classes="dialog", id="movement-dialog"):
            yield Static(heading, classes="title", markup=False)
            if editing is None:
                yield Label("Who (initials or part of a name)")
                yield PersonPicker(self._candidates(), id="who", roles=roles_at(state))
            else:
                with Horizontal(classes="row"):  # a movement put on the wrong person is corrected here too
                    with Vertical():
                        yield Label("Who")
                        yield Select([(f"{p.initials}  {p.name}", p.id) for p in self._candidates()],
                                     value=editing.person_id, allow_blank=False, id="who-fixed")
                    with Vertical():
                        yield Label("What")
                        yield Select([(w, k) for k, w in KIND_WORDS.items()], value=editing.kind,
                                     allow_blank=False, id="kind")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Time")
                    yield Input(at.strftime("%H.%M"), id="time")
                with Vertical():
                    yield Label("Phase")
                    yield Select([("start of the item", Phase.start), ("during the item", Phase.during),
                                  ("end of the item", Phase.end)],
                                 value=editing.phase if editing else Phase.during, allow_blank=False, id="phase")
            yield Label("Item")
            yield Select(items, value=item_id if item_id is not None else Select.NULL,
                         allow_blank=item_id is None, id="item")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Record", variant="primary", id="record")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.editing is None:
            self.query_one("#who", PersonPicker).focus()
        else:
            self.query_one("#time", Input).focus()

    def _candidates(self):
        # people on the attendance list first (they are who moves), then the rest of the body
        listed = [self.state.people[a.person_id] for a in self.state.attendance]
        listed_ids = {p.id for p in listed}
        others = [p for pid, p in self.state.people.items() if pid not in listed_ids]
        return listed + sorted(others, key=lambda p: p.name)

    @on(PersonPicker.Picked)
    def _picked(self) -> None:
        self._record()

    @on(Input.Submitted)
    @on(Button.Pressed, "#record")
    def _record(self) -> None:
        error = self.query_one("#error", Static)
        if self.editing is None:
            person = self.query_one("#who", PersonPicker).selected
            if person is None:
                error.update("No one on this body matches that. Type initials (MSh) or part of a name.")
                return
            person_id = person.id
            kind = self.kind
        else:
            person_id = self.query_one("#who-fixed", Select).value
            kind = self.query_one("#kind", Select).value
        try:
            clock = read_time(self.query_one("#time", Input).value, self.state.meeting.planned_start)
        except ValueError as e:
            error.update(str(e))
            return
        if clock is None:
            error.update("Type the time it happened, like 10.42.")
            return
        base = self.editing.at if self.editing else self.now
        at = base.replace(hour=clock.hour, minute=clock.minute,
                          second=0 if (clock.hour, clock.minute) != (base.hour, base.minute) else base.second)
        item = self.query_one("#item", Select).value
        movement = Movement(
            id=self.editing.id if self.editing else None,
            meeting_id=self.state.meeting.id,
            person_id=person_id,
            kind=kind,
            at=at,
            item_id=None if item is Select.NULL else item,
            phase=self.query_one("#phase", Select).value,
            note=self.note,
        )
        self.mark_saved()
        self.dismiss(movement)
