"""The live meeting: the screen the clerk lives in for three hours (DESIGN.md §4).

Always visible: the clock and elapsed time, how the meeting runs against its planned
times, the quorum badge (for the meeting and the current item), the agenda with the
current item marked, and who is in the room. The centre belongs to the current item.

Every key here is a priority binding, so it works while the clerk is typing notes.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual import on
from textual.widgets import Checkbox, Header, Input, Static, TextArea

from db.live import (
    close_meeting,
    load_live,
    record_declaration,
    record_movement,
    set_public,
    set_register_confirmation,
    take_item,
)
from db.history import restore_notes
from db.minutes import list_decisions, record_decision, save_minute_text
from db.rows import Refused
from secretary.annotations import inline_notes
from secretary.actions import OPEN, minute_line, status_today, tracker_minute
from secretary.declarations import interest_hints, wording
from secretary.formats import minutes_time
from secretary.live import LiveState, collective_name, Timing, elapsed_words, neighbour, planned_slots, room_lists, timing
from secretary.models import AttendanceStatus, ItemKind, MovementKind, Part
from secretary.quorum import QuorumResult
from screens.confirm import ConfirmScreen
from screens.movement_form import STEPPED_OUT, MovementForm
from screens.saving import SaveBadge, SaveTrouble
from screens.suggest import PeopleInput, PeopleSuggester
from screens.footer import Footer


AGENDA_COLUMNS = (4, 19, 5, 5)  # No., Item, Plan, Began: 40 cells with the gaps, the pane's width less a scrollbar
AGENDA_HEADINGS = ("No.", "Item", "Plan", "Began", "bold")


def agenda_line(number: str, title: str, planned: str, began: str, style: str = "") -> Text:
    """One row of the live agenda: each cell cut to its column (with …) and padded."""
    line = Text(" ", style=style, no_wrap=True, end="")
    for n, (value, width) in enumerate(zip((number, title, planned, began), AGENDA_COLUMNS)):
        cell = Text(value or "", no_wrap=True)  # the clerk's words: never read as markup
        cell.truncate(width, overflow="ellipsis", pad=True)
        line.append("  " if n else "")
        line.append_text(cell)
    return line


class LiveScreen(Screen):
    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("ctrl+n", "step(1)", "Next", priority=True, tooltip="Next item"),
        Binding("ctrl+b", "step(-1)", "Prev", priority=True, tooltip="Previous item"),
        Binding("ctrl+g", "go_to", "Go to", priority=True, tooltip="Go to any item"),
        Binding("f2", "move('arrived')", "Arrived", priority=True),
        Binding("f3", "move('left')", "Left", priority=True),
        Binding("f4", "move('stepped_out')", "Out", priority=True, tooltip="Stepped out for a while"),
        Binding("f5", "move('returned')", "Back", priority=True, tooltip="Returned"),
        Binding("f6", "decide", "Decision", priority=True, tooltip="Record a decision on this item"),
        Binding("f7", "raise_action", "Action", priority=True, tooltip="Raise a numbered action on this item"),
        Binding("f8", "declare", "Interest", priority=True, tooltip="Record a declaration of interest on this item"),
        Binding("f9", "decisions", "Decisions", priority=True, show=False,
                tooltip="Edit, reorder or delete this item's decisions"),
        Binding("f11,alt+h", "history", "History", priority=True,
                tooltip="History of this item: earlier notes to put back, deleted things to bring back"),
        Binding("f12", "standard", "Standard text", priority=True,
                tooltip="Insert the usual sentence(s) for this opening item; on the action tracker, "
                        "review the open actions"),
        Binding("ctrl+t", "attendance", "Roll", priority=True, tooltip="Attendance: tick the roll"),
        Binding("ctrl+l", "movements", "Moves", priority=True, tooltip="Correct arrivals and departures"),
        Binding("ctrl+r", "questions", "Questions", priority=True, tooltip="Questions from the public"),
        Binding("ctrl+o", "public", "Public", priority=True, tooltip="Members of the public"),
        Binding("ctrl+f", "finish", "Close", priority=True, tooltip="Close the meeting"),
        Binding("escape", "leave", "Overview", show=False),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: LiveState | None = None
        self.quorate: bool | None = None  # as last shown, to notice a change
        self.editing_item: int | None = None  # the item whose minute the editor holds
        self.viewing: int | None = None  # after the meeting: the item being tidied

    # --- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="live-bar"):
            yield Static("", id="clock", markup=False)
            yield SaveBadge(id="save-badge")
            yield Static("", id="quorum", markup=False)
        yield SaveTrouble(id="save-trouble")
        yield Static("", id="quorum-missing", markup=False)
        with Horizontal(id="live-body"):
            with Vertical(id="agenda-pane"):
                yield Static("Agenda", classes="pane-title")
                yield Static(agenda_line(*AGENDA_HEADINGS), id="live-agenda-head")
                with VerticalScroll(id="live-agenda", can_focus=False):
                    yield Static("", id="live-agenda-lines")
            with Vertical(id="item-pane"):
                yield Static("", id="item-title", markup=False)
                yield Static("", id="item-meta", markup=False)
                yield Static("", id="item-timing", markup=False)
                yield Static("", id="item-quorum", markup=False)
                with Horizontal(id="presenters-row"):
                    yield PeopleInput(id="presenters", placeholder="Presented by… (names complete with →)",
                                compact=True)
                    yield Checkbox("taken as read", id="as-read", compact=True)
                yield TextArea(id="notes", soft_wrap=True, tab_behavior="focus",
                               placeholder="Notes for this item — saved as you type")
                yield Static("", id="decisions", markup=False)
                yield Static("", id="declarations", markup=False)
                yield Static("", id="item-notes", markup=False)
            with VerticalScroll(id="room-pane"):
                yield Static("", id="room", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick_clock)
        self.app.saver.changed.subscribe(self, self._saving_changed)

    def on_unmount(self) -> None:
        # the app's signal holds its subscribers strongly: without this every screen opened stays in memory
        self.app.saver.changed.unsubscribe(self)

    def _saving_changed(self, saver) -> None:
        if not saver.failing and self.state is not None:
            self.reload()  # what was held is in the book now: show it

    def on_screen_resume(self) -> None:
        self.reload()

    # --- reading and showing ---------------------------------------------------------

    def now(self) -> datetime:
        return self.app.now()

    def reload(self) -> None:
        """Read the book again and redraw everything; notice a change of quorum."""
        self.state = load_live(self.app.book, self.meeting_id)
        self.query_one("#presenters", Input).suggester = PeopleSuggester.for_attendance(self.state)
        self.sub_title = f"{self.state.meeting.title} — live"
        self.show_quorum()
        self.show_agenda()
        self.show_item()
        self.show_minute()
        self.show_room()
        self.tick_clock()

    def presenter_names(self) -> list[str]:
        """"Name, role" for everyone on the list, as the minutes print presenters."""
        names = []
        for row in self.state.attendance:
            person = self.state.people[row.person_id]
            names.append(f"{person.full_name}, {row.role}" if row.role else person.full_name)
        return names

    def tick_clock(self) -> None:
        if self.state is None:
            return
        now = self.now()
        run = timing(self.state, now)
        meeting = self.state.meeting
        text = Text()
        status = meeting.status.value.upper()
        text.append(f" {status} ", style="bold reverse red" if status == "LIVE" else "bold reverse")
        text.append(f"  {now:%H:%M:%S}", style="bold")
        if meeting.opened_at:
            text.append(f"  opened {minutes_time(meeting.opened_at.astimezone(now.tzinfo).time())}")
            text.append(f" · {elapsed_words(run.elapsed_minutes)}")
        late = run.late_words()
        if meeting.closed_at:
            late = f"closed {minutes_time(meeting.closed_at.astimezone(now.tzinfo).time())}"
        text.append(f" · {late}", style="bold yellow" if run.late_minutes >= 5 and not meeting.closed_at else "")
        if meeting.public_in_person or meeting.public_remote:
            text.append(f" · public {meeting.public_in_person}+{meeting.public_remote}")
        self.query_one("#clock", Static).update(text)
        self.query_one("#item-timing", Static).update(self._item_timing_text(run))

    def show_quorum(self) -> None:
        state = self.state
        meeting_q = state.quorum()
        badge = self.query_one("#quorum", Static)
        badge.update(_badge_text(meeting_q))
        badge.set_class(meeting_q.quorate, "quorate")
        badge.set_class(not meeting_q.quorate, "inquorate")
        missing = self.query_one("#quorum-missing", Static)
        missing.update("Inquorate: " + "; ".join(meeting_q.missing) + "." if meeting_q.missing else "")
        missing.display = not meeting_q.quorate
        item = self.item_shown()
        item_line = self.query_one("#item-quorum", Static)
        if item is not None:
            item_q = state.quorum(item.id)
            differs = item_q.counted != meeting_q.counted or item_q.quorate != meeting_q.quorate
            item_line.update(f"For this item: {item_q.summary()}" if differs else "")
            item_line.display = differs
            item_line.set_class(not item_q.quorate, "inquorate-text")
        else:
            item_line.update("")
            item_line.display = False
        if self.quorate is not None and meeting_q.quorate != self.quorate:
            if meeting_q.quorate:
                self.notify(f"The meeting is quorate again ({meeting_q.counted} of {meeting_q.needed}).",
                            title="Quorate", timeout=6, markup=False)
            else:
                self.notify(f"{meeting_q.counted} of {meeting_q.needed} needed: " + "; ".join(meeting_q.missing) + ".",
                            title="Now inquorate", severity="error", timeout=12, markup=False)
        self.quorate = meeting_q.quorate

    def show_agenda(self) -> None:
        """The agenda as one block of lines: a table widget takes several times as long to draw
        its 30-odd rows, and this pane only shows them (DESIGN.md §8)."""
        state = self.state
        shown = self.item_shown()
        current = shown.id if shown else None
        slots = planned_slots(state.items, state.meeting.planned_end)
        tz = self.now().tzinfo
        lines, current_row = [], None
        for item in state.ordered:
            minute = state.minutes.get(item.id)
            mark, style = " ", ""
            if item.id == current:
                mark, style = "▶", "bold reverse"
                current_row = len(lines)
            elif minute and minute.ended_at:
                mark, style = "✓", "dim"
            actual = ""
            if minute and minute.started_at:
                start = minute.started_at.astimezone(tz)
                actual = minutes_time(start.time())
                slot = slots.get(item.id)
                if slot and slot.start and start.time() > slot.start and item.id == current:
                    style = "bold reverse yellow"
            title = ("  " if item.parent_id else "") + (item.title if item.kind is ItemKind.item else f"— {item.title} —")
            if item.part is Part.confidential:
                title = "[II] " + title
            lines.append(agenda_line(f"{mark}{item.number}", title, minutes_time(item.planned_start), actual, style))
        self.query_one("#live-agenda-lines", Static).update(Text("\n").join(lines))
        if current_row is not None:
            pane = self.query_one("#live-agenda", VerticalScroll)
            # keep the current item in sight, a few rows of what came before it above
            self.call_after_refresh(pane.scroll_to, y=max(0, current_row - 3), animate=False)

    def show_item(self) -> None:
        state = self.state
        item = self.item_shown()
        title = self.query_one("#item-title", Static)
        meta = self.query_one("#item-meta", Static)
        notes = self.query_one("#item-notes", Static)
        if item is None:
            if state.meeting.status.value in ("closed", "approved"):
                title.update(f"The meeting is {state.meeting.status.value}.")
                meta.update("Escape goes back to the overview.")
            else:
                title.update("No item in progress.")
                meta.update("Ctrl+N takes the first item; Ctrl+G goes to any item.")
            notes.update("")
            return
        heading = f"{item.number}. {item.title}" if item.number else item.title
        if item.part is Part.confidential:
            heading += "   (Part II — confidential)"
        title.update(heading)
        lines = []
        if item.lead:
            lines.append(f"Lead: {item.lead}")
        if item.purpose:
            lines.append(f"Purpose: {item.purpose}")
        if item.paper_ref or item.verbal:
            lines.append(f"Paper: {item.paper_ref}" if item.paper_ref else "Verbal item")
        if item.section:
            lines.append(f"Section: {item.section}")
        meta.update("\n".join(lines))
        said = inline_notes(item.id, state.movements, state.people, state.running_order())
        notes.update("\n".join(str(n) for n in said))

    # --- the minute editor ---------------------------------------------------------------

    def show_minute(self) -> None:
        """Put the current item's minute in the editor — only when the item has changed, so
        a reload after an arrival never moves the clerk's cursor."""
        item = self.item_shown()
        notes = self.query_one("#notes", TextArea)
        presenters = self.query_one("#presenters", Input)
        as_read = self.query_one("#as-read", Checkbox)
        editable = item is not None and self.state.meeting.status.value in ("live", "closed")
        for widget in (notes, presenters, as_read):
            widget.disabled = not editable
        self.show_decisions()
        self.show_declarations()
        item_id = item.id if item else None
        if item_id == self.editing_item:
            return
        self.flush()
        self.editing_item = item_id
        minute = self.state.minutes.get(item_id) if item_id else None
        saved = lambda field, empty: getattr(minute, field) if minute else empty  # noqa: E731
        with self.prevent(TextArea.Changed, Input.Changed, Checkbox.Changed):
            # what the book could not take yet is what the clerk last typed: show that
            notes.load_text(self._held(item_id, "notes", saved("notes", "")))
            presenters.value = self._held(item_id, "presenters", saved("presenters", ""))
            as_read.value = self._held(item_id, "taken_as_read", saved("taken_as_read", False))
        if editable:
            notes.move_cursor(notes.document.end)
            notes.focus()

    @on(TextArea.Changed, "#notes")
    def _notes_typed(self, event: TextArea.Changed) -> None:
        self.save(notes=event.text_area.text)

    @on(Input.Changed, "#presenters")
    def _presenters_typed(self, event: Input.Changed) -> None:
        self.save(presenters=event.value)

    @on(Checkbox.Changed, "#as-read")
    def _as_read(self, event: Checkbox.Changed) -> None:
        self.save(taken_as_read=event.value)

    def save(self, **fields: object) -> bool:
        """Write what the clerk typed at once. If the book cannot take it (a full disk, a file
        gone read-only) the text stays in the editor and is held by the app's saver, which
        tells the clerk and tries again (screens/saving.py). True if it is in the book."""
        if self.editing_item is None:
            return True
        saved = True
        for field, value in fields.items():
            outcome = self.app.write(
                f"{_FIELD_WORDS[field]} on {self._item_words(self.editing_item)}", save_minute_text,
                self.editing_item, key=_text_key(self.editing_item, field), **{field: value})
            saved = outcome.saved and saved
        return saved

    def _held(self, item_id: int | None, field: str, saved: object) -> object:
        """The value of a minute field as last typed: held by the saver if not yet in the book."""
        key = _text_key(item_id, field)
        held = [c.kwargs[field] if c.key == key else c.kwargs["text"] for c in self.app.saver.waiting
                if c.key == key or (field == "notes" and c.write is restore_notes and c.args[:1] == (item_id,))]
        return held[-1] if held else saved  # (restore_notes: an earlier version put back from the history)

    def _item_words(self, item_id: int) -> str:
        item = next((i for i in self.state.items if i.id == item_id), None) if self.state else None
        if item is None:
            return "an item"
        return f"item {item.number} ({_short(item.title, 30)})" if item.number else f"“{_short(item.title, 30)}”"

    def flush(self) -> bool:
        """Everything typed is in the book (True), or held by the saver (False)."""
        if self.editing_item is None or self.state is None:
            return True
        notes = self.query_one("#notes", TextArea)
        if notes.text != self._held(self.editing_item, "notes", self._saved_notes()):
            return self.save(notes=notes.text)
        return not self.app.saver.waiting

    def _saved_notes(self) -> str | None:
        from db.minutes import get_minute

        try:
            return get_minute(self.app.book, self.editing_item).notes
        except Exception:  # noqa: BLE001 — the book cannot even be read: write the text again
            return None

    def show_declarations(self) -> None:
        """This item's declarations in the minutes' words, and registered interests of people
        in the room that may touch it (a hint only)."""
        box = self.query_one("#declarations", Static)
        item = self.item_shown()
        if item is None:
            box.update("")
            return
        text = Text()
        declared = [d for d in self.state.declarations if d.item_id == item.id]
        for declaration in declared:
            initials = self.state.people[declaration.person_id].initials
            text.append(wording(declaration, initials) + "\n", style="italic")
        already = {d.person_id for d in declared}
        hints = [(i, w) for i, w in interest_hints(item, self.state.interests, self.state.in_room())
                 if i.person_id not in already]
        if hints:
            text.append("Registered interests that may touch this item (F8 to declare):\n", style="bold yellow")
            for interest, shared in hints[:4]:
                initials = self.state.people[interest.person_id].initials
                text.append(f"  {initials} — {interest.details[:60]}\n", style="yellow")
        box.update(text)

    @work
    async def action_declare(self) -> None:
        if not self._require_editable():
            return
        item = self.item_shown()
        if item is None:
            self.notify("Take an item first (Ctrl+N).", severity="warning")
            return
        from screens.declaration_form import DeclarationForm

        declaration = await self.app.push_screen_wait(DeclarationForm(self.state, item.id))
        if declaration is None:
            return
        who = self.state.people[declaration.person_id].initials
        try:
            self.app.write(f"{who} declared an interest on {self._item_words(item.id)}",
                           record_declaration, declaration, self.now())
        except Refused as e:
            self.notify(e.message, severity="error")
        self.reload()
        self.query_one("#notes", TextArea).focus()

    def show_decisions(self) -> None:
        item = self.item_shown()
        box = self.query_one("#decisions", Static)
        decisions = list_decisions(self.app.book, item.id) if item else []
        actions = [a for a in self.state.actions if item and a.item_id == item.id]
        text = Text()
        for action in actions:
            text.append(minute_line(action) + "\n", style="bold")
        if not decisions:
            box.update(text)
            return
        text.append(f"{collective_name(self.state.body)}:\n", style="bold")
        for decision in decisions:
            text.append("  ")
            text.append(decision.verb.value.upper(), style="bold")
            text.append(f" {decision.text}")
            if decision.inquorate:
                text.append("  (while inquorate)", style="bold red")
            text.append("\n")
        box.update(text)

    @work
    async def action_decide(self) -> None:
        if not self._require_editable():
            return
        item = self.item_shown()
        if item is None:
            self.notify("Take an item first (Ctrl+N).", severity="warning")
            return
        from screens.decision_form import DecisionForm

        decision = await self.app.push_screen_wait(DecisionForm(item.id))
        if decision is None:
            return
        quorum = self.state.quorum(item.id)
        if not quorum.quorate:
            sure = await self.app.push_screen_wait(ConfirmScreen(
                f"Item {item.number or item.title} is inquorate: {'; '.join(quorum.missing)}.\n\n"
                "Record this decision as taken while inquorate? The minutes will say so.",
                yes="Record as inquorate", no="Don't record"))
            if not sure:
                self.query_one("#notes", TextArea).focus()
                return
        self.app.write(f"decision: {decision.verb.value} {_short(decision.text, 40)}", record_decision,
                       decision.model_copy(update={"inquorate": not quorum.quorate, "recorded_at": self.now()}))
        self.show_decisions()
        self.query_one("#notes", TextArea).focus()

    @work
    async def action_raise_action(self) -> None:
        if not self._require_editable():
            return
        item = self.item_shown()
        if item is None:
            self.notify("Take an item first (Ctrl+N).", severity="warning")
            return
        from db.actions import next_action_number, raise_action
        from screens.action_form import ActionForm

        number = next_action_number(self.app.book, self.state.body.id)
        action = await self.app.push_screen_wait(ActionForm(self.state, item.id, number))
        if action is None:
            return
        try:
            written = self.app.write(f"action: {_short(action.text, 40)}", raise_action, action)
        except Refused as e:
            self.notify(e.message, severity="error")
            return
        if written.saved:
            self.notify(minute_line(written.value), title="Action raised", markup=False)
        self.reload()
        self.query_one("#notes", TextArea).focus()

    @work
    async def action_history(self) -> None:
        from screens.history import HistoryScreen

        self.flush()
        item = self.item_shown()
        if await self.app.push_screen_wait(HistoryScreen(self.meeting_id, item.id if item else None)):
            self.editing_item = None  # the notes may have been put back: load them into the editor again
            self.reload()

    @work
    async def action_decisions(self) -> None:
        item = self.item_shown()
        if item is None:
            return
        from screens.decision_form import DecisionsScreen

        await self.app.push_screen_wait(DecisionsScreen(item.id))
        self.show_decisions()

    def _item_timing_text(self, run: Timing) -> Text:
        item = self.item_shown()
        if item is None:
            return Text("")
        minute = self.state.minutes.get(item.id)
        text = Text()
        if minute and minute.started_at:
            text.append(f"Started {minutes_time(minute.started_at.astimezone(self.now().tzinfo).time())}")
            words = run.item_words()
            if words:
                text.append(" · ")
                text.append(words, style="bold red" if run.item_over else "")
        return text

    def show_room(self) -> None:
        state = self.state
        inside, out, waiting = room_lists(state)
        text = Text()
        counted = state.quorum().counted_ids
        text.append(f"In the room ({len(inside)})\n", style="bold")
        in_person = [r for r in inside if r.status is not AttendanceStatus.remote]
        remote = [r for r in inside if r.status is AttendanceStatus.remote]
        for heading, rows in ((None, in_person), (f"Remote ({len(remote)})", remote)):
            if heading and rows:
                text.append(f"{heading}\n", style="bold cyan")
            for row in rows:
                person = state.people[row.person_id]
                text.append(f"{'●' if row.person_id in counted else '·'} {person.initials:<5} ")
                text.append(_short(person.name, 14) + "\n")
        if out:
            text.append(f"\nOut ({len(out)})\n", style="bold")
            for row in out:
                person = state.people[row.person_id]
                last = [m for m in state.movements if m.person_id == row.person_id][-1]
                word = "out" if last.note == STEPPED_OUT else last.kind.value
                text.append(f"  {person.initials:<5} {word} {last.at.astimezone(self.now().tzinfo):%H.%M}\n")
        if waiting:
            text.append(f"\nNot ticked ({len(waiting)})\n", style="bold")
            text.append("  " + ", ".join(state.people[r.person_id].initials for r in waiting) + "\n", style="dim")
        apologies = [r for r in state.attendance if r.status is AttendanceStatus.apologies]
        if apologies:
            text.append(f"\nApologies ({len(apologies)})\n", style="bold")
            text.append("  " + ", ".join(state.people[r.person_id].initials for r in apologies) + "\n", style="dim")
        meeting = state.meeting
        text.append(f"\nPublic: {meeting.public_in_person} in person, {meeting.public_remote} remote\n")
        text.append("● counts for quorum", style="dim")
        self.query_one("#room", Static).update(text)

    # --- the clerk's keys -------------------------------------------------------------

    def item_shown(self):
        """The item in the centre: the one in progress while live; afterwards, the one the
        clerk has moved to (moving then records no times)."""
        state = self.state
        if state.meeting.status.value == "live" or not state.items:
            return state.current_item
        wanted = self.viewing if self.viewing is not None else state.ordered[0].id
        return next((i for i in state.items if i.id == wanted), state.ordered[0])

    def _require_editable(self) -> bool:
        status = self.state.meeting.status.value
        if status == "approved":
            self.notify("These minutes are approved and read-only; reopen them for a correction from the "
                        "meeting's overview.", severity="warning", markup=False)
            return False
        if status == "planned":
            self.notify("Start the meeting first.", severity="warning")
            return False
        return True

    def _require_live(self) -> bool:
        if self.state.meeting.status.value != "live":
            self.notify(f"The meeting is {self.state.meeting.status.value}.", severity="warning")
            return False
        return True

    def action_step(self, step: int) -> None:
        live = self.state.meeting.status.value == "live"
        if not live and self.state.meeting.status.value == "planned":
            self._require_live()
            return
        shown = self.item_shown()
        target = neighbour(self.state.items, shown.id if shown else None, step)
        if target is None:
            self.notify("That was the last item." if step > 0 else "This is the first item.")
            return
        self.take(target.id)

    def take(self, item_id: int) -> None:
        self.flush()
        if self.state.meeting.status.value != "live":
            self.viewing = item_id  # tidying the minutes afterwards: no times change
            self.reload()
            return
        try:
            self.app.write(f"moved on to {self._item_words(item_id)}", take_item, self.meeting_id, item_id,
                           self.now())
        except Refused as e:
            self.notify(e.message, severity="error")
        self.reload()

    @work
    async def action_go_to(self) -> None:
        if self.state.meeting.status.value == "planned" and not self._require_live():
            return
        from screens.live_dialogs import ItemPicker

        chosen = await self.app.push_screen_wait(ItemPicker(self.state))
        if chosen is not None:
            self.take(chosen)

    @work
    async def action_move(self, kind: str) -> None:
        note = ""
        if kind == "stepped_out":
            kind, note = "left", STEPPED_OUT
        movement = await self.app.push_screen_wait(
            MovementForm(self.state, kind=MovementKind(kind), now=self.now(), note=note)
        )
        if movement is None:
            return
        who = self.state.people[movement.person_id].initials
        try:
            self.app.write(f"{who} {'stepped out' if note else movement.kind.value} at {movement.at:%H.%M}",
                           record_movement, movement)
        except Refused as e:
            self.notify(e.message, severity="error")
        self.reload()

    def action_attendance(self) -> None:
        from screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    @work
    async def action_movements(self) -> None:
        from screens.live_dialogs import MovementsScreen

        await self.app.push_screen_wait(MovementsScreen(self.meeting_id, self.now))
        self.reload()

    @work
    async def action_standard(self) -> None:
        """Put the opening item's usual sentences into the notes at the cursor, from what
        was recorded; on the interests item, first ask about the register and gifts."""
        item = self.item_shown()
        if item is None or not self._require_editable():
            return
        title = item.title.casefold()
        amendments = ""
        if "action" in title and ("tracker" in title or "log" in title):
            await self.review_actions(item)
            return
        if "minutes" in title and self.state.previous_date is not None:
            answer = await self.approve_previous()
            if answer is None:
                return
            amendments = answer
        if "interest" in title or "declaration" in title:
            from screens.live_dialogs import RegisterConfirmation

            meeting = self.state.meeting
            answer = await self.app.push_screen_wait(
                RegisterConfirmation(meeting.register_confirmed, meeting.gifts_hospitality))
            if answer is None:
                return
            self.app.write("register of interests confirmation", set_register_confirmation, self.meeting_id,
                           *answer)
            self.state = load_live(self.app.book, self.meeting_id)
        text = self.state.standard_text(item, amendments)
        notes = self.query_one("#notes", TextArea)
        if text is None:
            self.notify("There is no standard text for this item; type the minute.", markup=False)
        else:
            prefix = "" if not notes.text or notes.text.endswith(("\n", " ")) else " "
            notes.insert(prefix + text)
        notes.focus()

    async def approve_previous(self) -> str | None:
        """On the minutes item: the previous meeting's minutes approved, with any amendments.
        Returns the amendments ("" for none), or None if the clerk backed out."""
        from db.live import approve_minutes
        from db.meetings import previous_meeting
        from screens.tracker import TextForm

        previous = previous_meeting(self.app.book, self.state.meeting)
        amendments = await self.app.push_screen_wait(TextForm(
            f"Minutes of {previous.date:%d %B %Y} approved as an accurate record?",
            "Amendments agreed (leave blank for none); Enter records the approval", previous.approval_amendments,
            check=lambda said: None))
        if amendments is None:
            return None
        if previous.status.value != "approved":
            try:
                self.app.write(f"minutes of {previous.date:%d/%m/%Y} approved", approve_minutes, previous.id,
                               by_meeting_id=self.meeting_id, on=self.state.meeting.date, amendments=amendments)
            except Refused as e:
                self.notify(e.message, severity="warning", markup=False)
        return amendments

    async def review_actions(self, item) -> None:
        """The action tracker item: each open action gets its update and status (u) and
        closure where agreed (c); the item's minute is then written from what was recorded."""
        from db.actions import list_actions, updates_by_action
        from screens.tracker import TrackerScreen

        today = self.state.meeting.date
        await self.app.push_screen_wait(TrackerScreen(self.state.body, today=today, meeting_id=self.meeting_id))
        book, body_id = self.app.book, self.state.body.id
        updates = updates_by_action(book, body_id)
        statuses = {a.id: status_today(a, updates.get(a.id, []), today) for a in list_actions(book, body_id)}
        reviewed = [
            a for a in list_actions(book, body_id)
            if a.meeting_id != self.meeting_id
            and (statuses[a.id] in OPEN or a.closed_by_meeting_id == self.meeting_id)
        ]
        closed_now = {a.id for a in reviewed if a.closed_by_meeting_id == self.meeting_id}
        text = tracker_minute(reviewed, statuses, closed_now)
        notes = self.query_one("#notes", TextArea)
        notes.move_cursor(notes.document.end)
        notes.insert(("\n" if notes.text and not notes.text.endswith("\n") else "") + text)
        notes.focus()

    @work
    async def action_questions(self) -> None:
        from screens.public_questions import QuestionsScreen, questions_item

        item = questions_item(self.state.items) or self.item_shown()
        await self.app.push_screen_wait(QuestionsScreen(self.meeting_id, item.id if item else None))
        self.reload()

    @work
    async def action_public(self) -> None:
        from screens.live_dialogs import PublicForm

        meeting = self.state.meeting
        counts = await self.app.push_screen_wait(PublicForm(meeting.public_in_person, meeting.public_remote))
        if counts is not None:
            self.app.write(f"members of the public: {counts[0]} in person, {counts[1]} remote", set_public,
                           self.meeting_id, *counts)
            self.reload()

    @work
    async def action_finish(self) -> None:
        if not self._require_live():
            return
        now = self.now()
        sure = await self.app.push_screen_wait(ConfirmScreen(
            f"Close the meeting at {now:%H.%M}? The item in progress ends and the finishing time is kept.",
            yes="Close meeting", no="Carry on"))
        if not sure:
            return
        self.flush()
        if self.app.write(f"meeting closed at {now:%H.%M}", close_meeting, self.meeting_id, now).saved:
            self.app.backup("closed")
            self.notify(f"Meeting closed at {now:%H.%M}; a backup was made.")
        self.reload()

    def action_leave(self) -> None:
        if self.flush():
            self.app.pop_screen()
            return
        # held changes survive leaving this screen (the saver keeps them), but say so first
        self.app.saver.ask_before_leaving(lambda _file: self.app.pop_screen(), quitting=False)


_FIELD_WORDS = {"notes": "notes", "presenters": "presenters", "taken_as_read": "taken as read"}


def _text_key(item_id: int | None, field: str) -> str:
    return f"minute:{item_id}:{field}"


def _badge_text(result: QuorumResult) -> Text:
    word = "QUORATE" if result.quorate else "INQUORATE"
    return Text(f" {word} {result.counted} of {result.needed} ", style="bold")


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
