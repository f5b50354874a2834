"""The action tracker: the body's actions, open first, with the columns organisations
publish (DESIGN.md §5), filterable by owner, status and meeting.

Opened from a meeting in progress, it is also where each open action gets its update
and status for that meeting, and where closure is agreed."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Select, Static
from screens.title_bar import TitleBar

from db.actions import (
    action_meetings,
    has_actions,
    list_actions,
    list_updates,
    updates_by_action,
)
from db.meetings import meeting_dates
from secretary.actions import OPEN, RAG, due_display, owners_initials, status_today, with_deadline
from secretary.dates import DUE_FORMS, read_due
from secretary.formats import short_date
from secretary.models import Action, ActionStatus, ActionUpdate, Body
from secretary.exports.files import write_atomically
from screens.confirm import ConfirmScreen
from screens.line_table import LineTable
from screens.styled_once import StyledOnce
from screens.text import plain
from screens.footer import Footer

STATUS_FILTERS = ["open", "all", *[s.value for s in ActionStatus]]
# the status (what u and c change) and the action first: a narrow screen cuts where it was raised
COLUMNS = (("No.", 4), ("RAG", 8), ("Action", 27), ("Owner", 8), ("Deadline", 12), ("Position", 13),
           ("Meeting", 8), ("Item", 12))


class TrackerScreen(StyledOnce, Screen):
    CSS_PATH = "shared.tcss"
    AUTO_FOCUS = "#tracker"  # the table, not the owner field above it: focus does not move as it opens
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "filter", "Owner"),
        Binding("s", "cycle_status", "Status filter"),
        Binding("m", "cycle_meeting", "Meeting filter"),
        Binding("u", "update", "Update"),
        Binding("c", "close_action", "Closure agreed"),
        Binding("d", "deadline", "Deadline"),
        Binding("x", "export", "Export"),
        Binding("delete", "retire", "Delete", show=False),
    ]

    def __init__(self, body: Body, *, today: date, meeting_id: int | None = None) -> None:
        super().__init__()
        self.body = body
        self.today = today
        self.meeting_id = meeting_id  # the meeting giving updates, when opened from one
        self.status_filter = "open"
        self.meeting_filter: int | None = None
        self.shown: list[Action] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", classes="pane-title", id="tracker-title", markup=False)
        yield Input(id="tracker-owner", placeholder="Owner: initials or text (Enter or Escape to leave)")
        yield LineTable(COLUMNS, id="tracker")
        yield Static("", id="tracker-detail", markup=False)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("update", "close_action"):
            return self.meeting_id is not None
        return True

    def on_mount(self) -> None:
        table = self.query_one("#tracker", LineTable)
        self.meetings = meeting_dates(self.app.book, self.body.id)
        self.load()
        table.focus()

    def load(self) -> None:
        book = self.app.book
        # ten years of actions are nearly all closed: read them only when the filter asks for them
        self.actions = list_actions(book, self.body.id, open_only=self.status_filter == "open")
        self.updates = updates_by_action(book, self.body.id, open_only=True)  # enough for today's status
        self.any_actions = self.actions != [] or has_actions(book, self.body.id)
        self.statuses = {a.id: status_today(a, self.updates.get(a.id, []), self.today) for a in self.actions}
        owner = self.query_one("#tracker-owner", Input).value.strip().casefold()
        shown = []
        for action in self.actions:
            status = self.statuses[action.id]
            if self.status_filter == "open" and status not in OPEN:
                continue
            if self.status_filter not in ("open", "all") and status.value != self.status_filter:
                continue
            if self.meeting_filter is not None and action.meeting_id != self.meeting_filter:
                continue
            if owner and not any(owner in o.name.casefold() for o in action.owners):
                continue
            shown.append(action)
        # open first, then by number
        shown.sort(key=lambda a: (self.statuses[a.id] not in OPEN, a.number))
        self.shown = shown
        self.next_date = self._next_meeting_date()
        # a row is drawn when it comes into view: a long tracker makes only the rows it shows
        self.query_one("#tracker", LineTable).load(shown, self._cells, key=lambda action: str(action.id))
        meeting = self.meetings.get(self.meeting_filter) if self.meeting_filter else None
        where = f" · raised at {short_date(meeting.date)}" if meeting else ""
        giving = ""
        if self.meeting_id is not None:
            giving = f" · updates for the meeting of {short_date(self.meetings[self.meeting_id].date)}"
        self.query_one("#tracker-title", Static).update(
            f"{self.body.name} — action tracker: {len(shown)} shown ({self.status_filter}{where}){giving}"
        )
        self.show_detail()

    def _cells(self, action: Action) -> tuple[Text, ...]:
        """The tracker's row for ``action``, in COLUMNS' order."""
        status = self.statuses[action.id]
        word, style = RAG[status]
        if status is ActionStatus.closed and action.closed_on:
            word = f"Closed {short_date(action.closed_on)}"
        return (
            Text(str(action.number)),
            Text(word, style=style),
            plain(action.text),
            plain(owners_initials(action)),
            plain(_deadline_cell(action, self.next_date)),
            plain(action.position_text),
            plain(f"{action.meeting_date:%d/%m/%y}" if action.meeting_date else ""),
            plain(action.item_title),
        )

    def _next_meeting_date(self) -> date | None:
        if self.meeting_id is not None:
            meeting = self.meetings[self.meeting_id]
            if meeting.next_meeting_date:
                return meeting.next_meeting_date
        later = sorted(m.date for m in self.meetings.values() if m.date >= self.today)
        return later[0] if later else None

    def selected(self) -> Action | None:
        row = self.query_one("#tracker", LineTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    @on(LineTable.RowHighlighted, "#tracker")
    def show_detail(self) -> None:
        action = self.selected()
        detail = self.query_one("#tracker-detail", Static)
        if action is None:
            detail.update("No actions match." if self.any_actions else "No actions yet.")
            return
        if action.id not in self.updates:  # closed or complete: its updates read when looked at
            self.updates[action.id] = list_updates(self.app.book, action.id)
        text = Text()
        text.append(f"Action {action.number}: ", style="bold")
        text.append(action.text + "\n")
        text.append(f"Owner(s): {owners_initials(action) or '—'} · due {due_display(action, self._next_meeting_date())}"
                    f" · {self.statuses[action.id].label}\n")
        if action.position_text:
            text.append(f"Current position: {action.position_text}\n")
        if action.past_deadlines:
            past = ", ".join(d.due_text or short_date(d.due_date) for d in action.past_deadlines)
            text.append(f"Past deadlines: {past}\n")
        for update in self.updates.get(action.id, [])[-3:]:
            text.append(f"{short_date(update.given_on)}  {update.status.label}: {update.text}\n", style="dim")
        detail.update(text)

    def action_filter(self) -> None:
        self.query_one("#tracker-owner", Input).focus()

    @on(Input.Changed, "#tracker-owner")
    def _owner_typed(self) -> None:
        self.load()

    @on(Input.Submitted, "#tracker-owner")
    def _owner_done(self) -> None:
        self.query_one("#tracker", LineTable).focus()

    def action_cycle_status(self) -> None:
        index = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)]
        self.load()

    def action_cycle_meeting(self) -> None:
        # the meetings actions were raised at: read when asked for (ten years of a board's are 500)
        choices = [None, *(m for m in action_meetings(self.app.book, self.body.id) if m is not None)]
        index = choices.index(self.meeting_filter) if self.meeting_filter in choices else 0
        self.meeting_filter = choices[(index + 1) % len(choices)]
        self.load()

    @work
    async def action_update(self) -> None:
        action = self.selected()
        if action is None or self.meeting_id is None:
            return
        answer = await self.app.push_screen_wait(UpdateForm(action, self.statuses[action.id]))
        if answer is None:
            return
        status, text = answer
        self.app.desk.record_update(action, ActionUpdate(
            action_id=action.id, meeting_id=self.meeting_id, given_on=self.meetings[self.meeting_id].date,
            text=text, status=status))
        self.load()

    def action_close_action(self) -> None:
        action = self.selected()
        if action is None or self.meeting_id is None:
            return
        if self.statuses[action.id] is not ActionStatus.complete:
            self.notify("Only an action proposed for closure (Complete) can be closed; record that first (u).",
                        severity="warning", markup=False)
            return
        if self.app.desk.agree_closure(action, self.meeting_id, self.meetings[self.meeting_id].date).saved:
            self.notify(f"Action {action.number} closed.", markup=False)
        self.load()

    @work
    async def action_deadline(self) -> None:
        """A new deadline; the one it replaces is kept in "past deadlines"."""
        action = self.selected()
        if action is None:
            return
        text = await self.app.push_screen_wait(TextForm(
            f"New deadline for action {action.number}", f"Due ({DUE_FORMS})", action.due_text,
            check=lambda said: read_due(said, today=self.today, next_meeting=self._next_meeting_date()),
            reading=lambda said: "→ " + read_due(said, today=self.today,
                                                 next_meeting=self._next_meeting_date()).understood()))
        if text is None:
            return
        due = read_due(text, today=self.today, next_meeting=self._next_meeting_date())
        self.app.desk.update_action(with_deadline(action, due, self.today))
        self.load()

    @work
    async def action_retire(self) -> None:
        action = self.selected()
        if action is None:
            return
        reason = await self.app.push_screen_wait(TextForm(
            f"Delete action {action.number}? Its number is retired, never given again.", "Why", "",
            check=_a_reason))
        if reason:
            if self.app.desk.delete_action(action.id, reason).saved:
                self.notify(f"Action {action.number} deleted; its number is retired.", markup=False)
            self.load()

    @work
    async def action_export(self) -> None:
        from pathlib import Path

        from db.exports import export_settings, load_tracker
        from secretary.exports.tracker import render

        default = Path.cwd() / f"{(self.body.short_name or 'actions').lower()}-action-tracker-{self.today:%Y-%m-%d}.docx"
        answer = await self.app.push_screen_wait(TextForm(
            "Export the action tracker (public: no Part II actions)", "File (.csv, .md or .docx)", str(default),
            check=_an_export_name))
        if answer is None:
            return
        path = Path(answer).expanduser()
        # the published tracker is the public one: Part II actions only when the clerk says so
        confidential = await self.app.push_screen_wait(ConfirmScreen(
            "Include the actions raised on Part II items? The file will be marked CONFIDENTIAL.",
            yes="Confidential", no="Public"))
        force = False
        if path.exists():
            force = await self.app.push_screen_wait(ConfirmScreen(f"{path} exists. Replace it?", yes="Replace",
                                                                  no="Keep it"))
            if not force:
                return
        settings = export_settings(self.app.book, self.body.id)
        tracker = load_tracker(self.app.book, self.body, self.today, confidential=bool(confidential),
                               next_meeting=self._next_meeting_date())
        template = Path(settings.template).expanduser() if settings.template else None
        notes: list[str] = []
        try:
            data = render(path.suffix.lower().lstrip("."), tracker, template=template, notes=notes)
            write_atomically(path, data, force=force)
        except Exception as e:  # noqa: BLE001 - an export never takes the app down: say why, keep going
            self.notify(f"The tracker was not exported: {e}", severity="error", markup=False)
            return
        for note in notes:
            self.notify(note, severity="warning", markup=False)
        kind = "confidential" if confidential else "public"
        self.notify(f"Wrote the {kind} tracker ({len(tracker.rows)} actions) to {path}.", title="Exported",
                    markup=False)

    def action_back(self) -> None:
        field = self.query_one("#tracker-owner", Input)
        if field.has_focus:
            self.query_one("#tracker", LineTable).focus()
            return
        self.dismiss_tracker()

    def dismiss_tracker(self) -> None:
        self.dismiss(None)  # wakes a live meeting waiting to write the tracker item's minute


def _a_reason(said: str) -> None:
    if not said.strip():
        raise ValueError("Say why it is being deleted; the reason is kept with the retired number.")


def _an_export_name(said: str) -> None:
    from pathlib import Path

    if Path(said.strip()).suffix.lower() not in (".csv", ".md", ".docx"):
        raise ValueError("End the file name with .csv, .md or .docx.")


def _deadline_cell(action: Action, next_date: date | None) -> str:
    shown = due_display(action, next_date)
    return "next meeting" if shown.startswith("next meeting") else shown


class TextForm(ModalScreen[str | None]):
    """One line to type, checked before it is accepted (``check`` raises ValueError to refuse)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, label: str, value: str, *, check, reading=None) -> None:
        super().__init__()
        self.heading, self.label, self.value, self.check = title, label, value, check
        self.reading = reading  # what the typing is understood as, shown before it is accepted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.heading, classes="title", markup=False)
            yield Label(self.label)
            yield Input(self.value, id="text-value")
            yield Static("", id="text-read", markup=False)
            yield Static("", classes="error", id="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#text-value", Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self.reading is not None:
            try:
                said = self.reading(event.value)
            except ValueError:
                said = ""
            self.query_one("#text-read", Static).update(said)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            self.check(event.value)
        except ValueError as e:
            self.query_one("#error", Static).update(str(e))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class UpdateForm(ModalScreen[tuple[ActionStatus, str] | None]):
    """The update given at the meeting: its words and the status it leaves the action in."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, action: Action, status: ActionStatus) -> None:
        super().__init__()
        self.action = action
        self.status = status

    def compose(self) -> ComposeResult:
        choices = [(s.label, s) for s in ActionStatus if s is not ActionStatus.closed]
        with Vertical(classes="dialog wide"):
            yield Static(f"Update on action {self.action.number}", classes="title")
            yield Static(self.action.text, markup=False, classes="question")
            yield Label("Update")
            yield Input(self.action.position_text, id="update-text", placeholder="Paper due at the June meeting")
            yield Label("Status")
            yield Select(choices, value=self.status if self.status is not ActionStatus.closed
                         else ActionStatus.complete, allow_blank=False, id="update-status")
            with Horizontal(classes="buttons"):
                yield Button("Record", variant="primary", id="record")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#update-text", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#record")
    def _record(self) -> None:
        self.dismiss((self.query_one("#update-status", Select).value,
                      self.query_one("#update-text", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

