"""The live meeting: the screen the clerk lives in for three hours (DESIGN.md §4).

Always visible: the clock and elapsed time, how the meeting runs against its planned
times, the quorum badge (for the meeting and the current item), the agenda with the
current item marked, and who is in the room. The centre belongs to the current item.

The screen lays out the views (screens/live_bar.py, live_agenda.py, minute_editor.py,
live_room.py), hands them the meeting's record as one reactive value, and holds the keys;
what each key does with a dialog lives in screens/live_verbs.py. Every key here is a
priority binding, so it works while the clerk is typing notes.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from screens.title_bar import TitleBar

from db.minutes import get_minute
from db.record import read_meeting_again, read_record
from db.rows import Refused
from secretary.agenda import neighbour, next_untaken, resumed
from secretary.models import AgendaItem, MeetingStatus
from secretary.record import MeetingRecord
from screens.footer import Footer, KeysInOrder
from screens.live_agenda import LiveAgenda
from screens.live_bar import LiveBar
from screens.live_lines import LiveLines
from screens.live_room import LiveRoom
from screens.live_verbs import LiveVerbs
from screens.live_view import WIDE_FROM, Showing
from screens.minute_editor import MinuteEditor
from screens.styled_once import StyledOnce


STATE_WORDS = {MeetingStatus.planned: "not started", MeetingStatus.live: "live",
               MeetingStatus.closed: "closed", MeetingStatus.approved: "minutes approved"}


class LiveScreen(KeysInOrder, LiveVerbs, LiveLines, StyledOnce, Screen):
    CSS_PATH = ["shared.tcss", "live.tcss"]
    # the notes first, not the presenters above them: focus moving on at once restyled both (issue 18)
    AUTO_FOCUS = "#notes"
    # the footer shows them in this order: the keys used most first, so a narrow footer keeps them
    BINDINGS = [
        Binding("ctrl+n", "step(1)", "Next", priority=True, tooltip="Next item"),
        Binding("f2", "move('arrived')", "Arrived", priority=True),
        Binding("f3", "move('left')", "Left", priority=True),
        Binding("f6", "decide", "Decision", priority=True, tooltip="Record a decision on this item"),
        Binding("f7", "raise_action", "Action", priority=True, tooltip="Raise a numbered action on this item"),
        Binding("f8", "declare", "Interest", priority=True, tooltip="Record a declaration of interest on this item"),
        Binding("ctrl+g", "go_to", "Go to", priority=True, tooltip="Go to any item"),
        Binding("ctrl+t", "attendance", "Roll", priority=True, tooltip="Attendance: tick the roll"),
        Binding("ctrl+b", "step(-1)", "Prev", priority=True, tooltip="Previous item"),
        Binding("f4", "move('stepped_out')", "Out", priority=True, tooltip="Stepped out for a while"),
        Binding("f5", "move('returned')", "Back", priority=True, tooltip="Returned"),
        Binding("f9", "decisions", "Decisions", priority=True, show=False,
                tooltip="Edit, reorder or delete this item's decisions"),
        Binding("f11,alt+h", "history", "History", priority=True,
                tooltip="History of this item: earlier notes to put back, deleted things to bring back"),
        Binding("f12", "standard", "Standard text", priority=True,
                tooltip="Insert the usual sentence(s) for this opening item; on the action tracker, "
                        "review the open actions"),
        Binding("ctrl+l", "movements", "Moves", priority=True, tooltip="Correct arrivals and departures"),
        Binding("ctrl+r", "questions", "Questions", priority=True, tooltip="Questions from the public"),
        Binding("ctrl+o", "public", "Public", priority=True, tooltip="Members of the public"),
        Binding("ctrl+f", "finish", "Close", priority=True, tooltip="Close the meeting"),
        Binding("alt+c", "chair", "Chair", priority=True, show=False, tooltip="Record who is in the chair from now; after the meeting, correct what was recorded"),
        Binding("escape", "leave", "Overview", show=False),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # narrow: the side panes fold (live.tcss)

    showing: reactive[Showing | None] = reactive(None, always_update=True, init=False, layout=False)

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.record: MeetingRecord | None = None
        self.quorate: bool | None = None  # as last shown, to notice a change
        self.viewing: int | None = None  # before and after the meeting: the item the clerk moved to
        self._read_at: tuple[int, int] | None = None  # the book's changes when the record was read
        self._shown_viewing: int | None = None  # the item chosen when the record was last shown
        self._made_ready = False  # made ready unseen (screens/prepared.py), and not shown yet

    def compose(self) -> ComposeResult:
        # the breakpoint's class before the views are made: they are styled once, not again (every
        # one of them) when the first resize sets it
        narrow = self.app.size.width < WIDE_FROM
        self.update_classes({"-narrow": narrow, "-wide": not narrow}, update=False)
        yield TitleBar()
        yield LiveBar(id="live-bar").data_bind(LiveScreen.showing)
        with Horizontal(id="live-body"):
            yield LiveAgenda(id="agenda-pane").data_bind(LiveScreen.showing)
            yield MinuteEditor(self.app.desk.typed, id="item-pane").data_bind(LiveScreen.showing)
            yield LiveRoom(id="room-pane").data_bind(LiveScreen.showing)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick_clock)
        self.app.saver.changed.subscribe(self, self._saving_changed)
        if self not in self.app.screen_stack:  # made ready under the overview (screens/prepared.py)
            self._made_ready = True
            try:
                self.reload()  # the meeting read and its views drawn now, not once it is shown
            except Exception:  # noqa: BLE001 - read again when shown: what is wrong is said then, not unasked
                self.record = None

    def fits(self, width: int) -> bool:
        """Whether the screen was made for a window this wide (the side panes folded or not)."""
        return self.has_class("-narrow") == (width < WIDE_FROM)

    def on_unmount(self) -> None:
        # the app's signal holds its subscribers strongly: without this every screen opened stays in memory
        self.app.saver.changed.unsubscribe(self)

    def _saving_changed(self, saver) -> None:
        if not saver.failing and self.record is not None:
            self.reload()  # what was held is in the book now: show it

    def on_screen_resume(self) -> None:
        stale = self.record is None or self.app.book.changes != self._read_at
        if self._made_ready:  # shown for the first time, having been made ready unseen
            self._made_ready = False
            # the book changed meanwhile (an earlier version of the notes put back…), or the desk holds
            # changes the book has not taken (whose fields may differ from those loaded): fields refilled
            if stale or not self.app.desk.all_saved:
                self.editor.forget()
                stale = True
        if stale:
            self.reload()
        elif self.viewing != self._shown_viewing:  # made ready on another item than the one now chosen
            self.show(self.record)
        else:  # a dialog closed having changed nothing: what is shown is the book still; the time now
            self.tick_clock()

    # --- the record down ------------------------------------------------------------------

    def now(self) -> datetime:
        return self.app.now()

    @property
    def editor(self) -> MinuteEditor:
        return self.query_one(MinuteEditor)

    @property
    def editing_item(self) -> int | None:
        """The item whose minute the editor holds."""
        return self.editor.item_id

    def reload(self) -> None:
        """Read the meeting's record again and show it."""
        self._read_at = self.app.book.changes
        self.show(read_record(self.app.book, self.meeting_id))

    def reload_meeting(self) -> None:
        """After an arrival or a departure: the meeting's own rows read again, its body's kept."""
        self._read_at = self.app.book.changes
        self.show(read_meeting_again(self.app.book, self.record))

    def show(self, record: MeetingRecord) -> None:
        """Hand ``record`` to every view; say so when the meeting becomes quorate or inquorate."""
        self.record = record
        self.sub_title = f"{record.meeting.title} — {STATE_WORDS[record.status]}"  # not "live" once closed
        quorum = record.quorum()
        if self.quorate is not None and quorum.quorate != self.quorate:
            if quorum.quorate:
                self.notify(f"The meeting is quorate again ({quorum.counts}).",
                            title="Quorate", timeout=6, markup=False)
            else:
                self.notify(f"{quorum.counts}: " + "; ".join(quorum.missing) + ".",
                            title="Now inquorate", severity="error", timeout=12, markup=False)
        self.quorate = quorum.quorate
        self._shown_viewing = self.viewing
        self.showing = Showing(record, record.item_shown(self.viewing), self.now())

    def tick_clock(self) -> None:
        if self.record is not None and self in self.app.screen_stack:  # not while made ready, unseen
            now = self.now()
            self.query_one(LiveBar).tick(now)
            self.editor.tick(now)

    def item_shown(self) -> AgendaItem | None:
        return self.record.item_shown(self.viewing)

    # --- typing up ------------------------------------------------------------------------

    def on_minute_editor_typed(self, typed: MinuteEditor.Typed) -> None:
        self.app.desk.type_minute(typed.item_id, **{typed.field: typed.value})

    def flush(self) -> bool:
        """Everything typed is in the book (True), or held by the desk (False)."""
        item_id = self.editing_item if self.is_mounted else None
        if item_id is None:
            return True
        text = self.editor.notes.text
        if text != self.app.desk.typed(item_id, "notes", self._saved_notes(item_id)):
            return self.app.desk.type_minute(item_id, notes=text).saved
        return self.app.desk.all_saved

    def _saved_notes(self, item_id: int) -> str | None:
        try:
            return get_minute(self.app.book, item_id).notes
        except Exception:  # noqa: BLE001 — the book cannot even be read: write the text again
            return None

    # --- moving through the agenda ------------------------------------------------------------

    def action_step(self, step: int) -> None:
        if self.record.status is MeetingStatus.planned:
            self._require_live()
            return
        shown = self.item_shown()
        shown_id = shown.id if shown else None
        if step > 0 and self.record.live:  # on to the next item not yet taken, wherever the clerk went before
            target = next_untaken(self.record.items, self.record.minutes, shown_id)
            if target is None:
                self.notify("Every item has been taken. Ctrl+G goes back to one; Ctrl+F closes the meeting.",
                            markup=False)
                return
        else:
            target = neighbour(self.record.items, shown_id, step)
        if target is None:
            self.notify("That was the last item." if step > 0 else "This is the first item.")
            return
        self.take(target.id)

    def take(self, item_id: int) -> None:
        self.flush()
        if not self.record.live:
            self.viewing = item_id  # tidying the minutes afterwards: no times change
            self.reload()
            return
        before = self.movement_ids()
        try:
            self.app.desk.take_item(self.meeting_id, item_id, self.now())
        except Refused as e:
            self.notify(e.message, severity="error")
        self.reload()
        self.lines_after(before)  # the item left: a withdrawal's line says the return at the end
        if resumed(self.record.minutes, item_id) and self.record.current_item_id == item_id:
            self.notify(f"Back to {self.record.item_words(item_id)}, taken earlier: its notes so far are in the "
                        "editor, and what you type is added to them.", title="Resumed", markup=False)

    def action_leave(self) -> None:
        if self.flush():
            self.app.pop_screen()
            return
        # held changes survive leaving this screen (the desk keeps them), but say so first
        self.app.saver.ask_before_leaving(lambda _file: self.app.pop_screen(), quitting=False)
