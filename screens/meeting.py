"""One meeting before it starts: its details, agenda and who is expected."""

from __future__ import annotations

from operator import itemgetter

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static
from screens.title_bar import TitleBar

from db.attendance import list_attendance
from db.bodies import get_body
from db.meetings import get_meeting, list_items
from db.people import get_person
from secretary.formats import long_date, minutes_time, time_range
from secretary.models import AttendanceStatus, ItemKind, MeetingStatus, Part
from screens.line_table import LineTable
from screens.prepared import discard, prepare
from screens.styled_once import StyledOnce
from screens.text import plain
from screens.footer import Footer


# how long after the overview is shown its live screen is made ready: after this screen's first frame
PREPARE_AFTER = 0.1

# what is cut on a narrow screen is the lead, last, not the planned time or the part
COLUMNS = (("No.", 4), ("Item", 44), ("Time", 5), ("Part", 4), ("Purpose", 14), ("Lead", 26))


class MeetingScreen(StyledOnce, Screen):
    CSS_PATH = "meeting.tcss"
    # the footer shows them in this order: starting the meeting first, so a narrow footer keeps it
    BINDINGS = [
        Binding("s", "start", "Start meeting"),
        Binding("s", "live", "Live screen"),
        Binding("t", "attendance", "Attendance"),
        Binding("g", "edit_agenda", "Edit agenda"),
        Binding("i", "register", "Interests"),
        Binding("k", "tracker", "Actions"),
        Binding("x", "export", "Export minutes"),
        Binding("h", "history", "History", tooltip="History of the highlighted item (m: the whole meeting): "
                                                   "earlier notes, deleted things to bring back"),
        Binding("o", "reopen", "Reopen for a correction"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, meeting_id: int, item_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._live: Screen | None = None  # the live screen, made ready while this one is read
        self.status = MeetingStatus.planned
        self.select_item = item_id  # the agenda opens on this item (a search result), once

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="meeting-head"):
            yield Static("", id="meeting-title", markup=False)
            yield Static("", id="meeting-when", markup=False)
        yield Static("Agenda", classes="pane-title")
        yield LineTable(COLUMNS, id="agenda")
        yield Static("", id="expected", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.app.saver.changed.subscribe(self, self._saving_changed)

    def on_unmount(self) -> None:
        # the app's signal holds its subscribers strongly: without this every screen opened stays in memory
        self.app.saver.changed.unsubscribe(self)
        discard(self.app, self._live)
        self._live = None

    def _saving_changed(self, saver) -> None:
        if not saver.failing and self.is_current:  # what was held is in the book: show it
            self.load()

    def on_screen_resume(self) -> None:
        # on first showing and on coming back from the agenda editor
        self.load()
        self.set_timer(PREPARE_AFTER, self._prepare_live)

    @property
    def live_ready(self) -> Screen | None:
        """The live screen made ready for ``s``, if one is."""
        return self._live

    def _prepare_live(self) -> None:
        """The live screen made ready while the clerk reads this one (screens/prepared.py)."""
        if self._live is not None or not self.is_active:  # only while this screen is the one on top
            return
        warmed_up = getattr(self.app, "warmed_up", None)
        if warmed_up is not None and not warmed_up.is_set():  # made now, it would be frozen, never freed
            self.set_timer(PREPARE_AFTER, self._prepare_live)
        else:
            from screens.live import LiveScreen

            live = LiveScreen(self.meeting_id)
            live.viewing = self._viewing()
            self._live = prepare(self.app, live)

    def _viewing(self) -> int | None:
        """The item the live screen opens on: the one highlighted here, once the meeting is over
        (a live meeting's live screen shows its current item)."""
        if self.status is MeetingStatus.live:
            return None
        key = self.query_one("#agenda", LineTable).cursor_key
        return int(key) if key and key.isdigit() else None

    def action_edit_agenda(self) -> None:
        from screens.agenda_editor import AgendaEditorScreen

        self.app.push_screen(AgendaEditorScreen(self.meeting_id))

    @work
    async def action_reopen(self) -> None:
        from db.rows import Refused
        from screens.tracker import TextForm

        def a_reason(said: str) -> None:
            if not said.strip():
                raise ValueError("Say what needs correcting; the reason is kept with the minutes.")

        if self.app.desk.holds(self.app.desk.reopen_for_correction, self.meeting_id):
            self.notify("Reopening these minutes is held until the book can be written; they open then.",
                        markup=False)
            return
        reason = await self.app.push_screen_wait(TextForm(
            "Reopen the approved minutes for a correction?", "Why (kept with the minutes)", "", check=a_reason))
        if not reason:
            return
        try:  # held and retried if the book cannot take it: the reason typed is never lost
            self.app.desk.reopen_for_correction(self.meeting_id, reason, self.app.now().date())
        except Refused as e:
            self.notify(e.message, severity="error", markup=False)
        self.load()

    def action_history(self) -> None:
        from screens.history import HistoryScreen

        key = self.query_one("#agenda", LineTable).cursor_key
        item_id = int(key) if key else None  # a section heading has no item: the whole meeting
        self.app.push_screen(HistoryScreen(self.meeting_id, item_id))  # coming back reloads the overview

    def action_export(self) -> None:
        from screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id))

    def action_tracker(self) -> None:
        from screens.tracker import TrackerScreen

        meeting = get_meeting(self.app.book, self.meeting_id)
        self.app.push_screen(TrackerScreen(get_body(self.app.book, meeting.body_id), today=self.app.now().date()))

    def action_register(self) -> None:
        from screens.register import RegisterScreen

        meeting = get_meeting(self.app.book, self.meeting_id)
        self.app.push_screen(RegisterScreen(get_body(self.app.book, meeting.body_id)))

    def action_attendance(self) -> None:
        from screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    @work
    async def action_start(self) -> None:
        """Start the meeting (the opening time is now) and go to the live screen; a live
        or closed meeting just opens its live screen."""
        from db.rows import Refused
        from screens.confirm import ConfirmScreen

        meeting = get_meeting(self.app.book, self.meeting_id)
        if meeting.status is MeetingStatus.planned:
            now = self.app.now()
            sure = await self.app.push_screen_wait(ConfirmScreen(
                f"Start {meeting.title} now? The opening time is recorded as {now:%H.%M} "
                "and the first item begins.", yes="Start meeting", no="Not yet"))
            if not sure:
                return
            try:
                started = self.app.desk.start_meeting(self.meeting_id, now)
            except Refused as e:
                self.notify(e.message, severity="error")
                return
            if started.saved:
                self.app.backup("live")
        self.action_live()

    def action_live(self) -> None:
        """The live screen; after the meeting, on the item highlighted here."""
        from screens.live import LiveScreen

        live, self._live = self._live, None
        if live is None or not live.fits(self.app.size.width):  # none ready, or made for another width
            discard(self.app, live)
            live = LiveScreen(self.meeting_id)
        live.viewing = self._viewing()
        self.app.push_screen(live)

    def load(self) -> None:
        book = self.app.book
        meeting = get_meeting(book, self.meeting_id)
        body = get_body(book, meeting.body_id)
        self.sub_title = meeting.title
        self.query_one("#meeting-title", Static).update(plain(f"{body.name}: {meeting.title}"))
        when = [long_date(meeting.date), time_range(meeting.planned_start, meeting.planned_end), meeting.venue]
        privacy = "in public" if meeting.public else "in private"
        self.query_one("#meeting-when", Static).update(
            " · ".join(part for part in when if part) + f" · {privacy} · {meeting.status.value}"
        )
        table = self.query_one("#agenda", LineTable)
        key = table.cursor_key
        if self.select_item is None and key and key.isdigit():  # coming back: keep the item highlighted
            self.select_item = int(key)
        rows: list[tuple[str | None, tuple[Text, ...]]] = []  # (the item's id, its cells): a heading has none
        section = None
        for item in list_items(book, self.meeting_id):
            if item.section and item.section != section:
                section = item.section
                rows.append((None, (Text(), plain(section, style="bold"), Text(), Text(), Text(), Text())))
            title = item.title if item.kind is ItemKind.item else f"— {item.title} —"
            rows.append((str(item.id), (
                plain(item.number),
                plain(("   " if item.parent_id else "") + title),
                plain(minutes_time(item.planned_start)),
                Text("II" if item.part is Part.confidential else ""),
                plain(item.purpose),
                plain(item.lead),
            )))
        keys = [key for key, _cells in rows]
        wanted = str(self.select_item) if self.select_item is not None else None
        table.load(rows, itemgetter(1), key=itemgetter(0),
                   cursor=keys.index(wanted) if wanted in keys else None)
        self.select_item = None
        self.query_one("#expected", Static).update(self._roll_words())
        self.status = meeting.status
        self.refresh_bindings()

    def _roll_words(self) -> str:
        """The roll at a glance, by status in the order the clerk ticks it."""
        book = self.app.book
        by_status: dict[AttendanceStatus, list[str]] = {}
        for row in list_attendance(book, self.meeting_id):
            by_status.setdefault(row.status, []).append(get_person(book, row.person_id).initials)
        if not by_status:
            return "No attendance list yet (t: attendance)."
        labels = {AttendanceStatus.present: "Present", AttendanceStatus.remote: "Remote",
                  AttendanceStatus.apologies: "Apologies", AttendanceStatus.absent: "Absent",
                  AttendanceStatus.expected: "Expected, not yet ticked"}
        return "\n".join(f"{label}: {', '.join(by_status[status])}"
                         for status, label in labels.items() if status in by_status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "s" starts a planned meeting, and opens the live screen of one already started
        if action == "start":
            return self.status is MeetingStatus.planned
        if action == "live":
            return self.status is not MeetingStatus.planned
        if action == "reopen":
            return self.status is MeetingStatus.approved
        return True
