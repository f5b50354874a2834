"""The home screen: the bodies in the book and their meetings. It is the first screen, drawn from
plain rows (db/overview.py); what works on a body or a meeting is imported when the clerk asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from screens.title_bar import TitleBar

from rich.text import Text

from db.overview import BodyLine, MeetingLine, body_lines, meeting_lines
from screens.footer import Footer
from screens.line_table import LineTable
from screens.text import plain
from screens.wrapped_list import WrappedList
from secretary.formats import long_date, time_range
from secretary.models.vocabulary import MeetingStatus

if TYPE_CHECKING:
    from secretary.models import Body, Meeting


COLUMNS = (("Date", 4), ("Time", 4), ("Status", 6), ("Title", 5))  # widened to their words: fit_columns


def _cells(meeting: MeetingLine) -> tuple[Text, ...]:
    title = meeting.title + ("" if meeting.public else " (private)")
    return (plain(long_date(meeting.date)), plain(time_range(meeting.planned_start, meeting.planned_end)),
            plain(meeting.status.value, style="bold" if meeting.status is MeetingStatus.live else ""), plain(title))


class HomeScreen(Screen):
    AUTO_FOCUS = "#meetings"  # where load_bodies puts it: focus moves once, and the footer is built once
    BINDINGS = [
        Binding("enter", "open_meeting", "Open meeting", show=True, priority=False),
        Binding("n", "new_meeting", "New meeting"),
        Binding("r", "roster", "Roster"),
        Binding("q", "quorum_rule", "Quorum rule"),
        Binding("b", "new_body", "New body", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[BodyLine] = []
        self.meetings: list[MeetingLine] = []
        self._read_at: tuple[int, int] | None = None  # the book's changes when the lists were read

    @property
    def book(self):
        return self.app.book

    def compose(self) -> ComposeResult:
        # each pane is one widget that draws its own title (and the meetings' "none yet"): the first
        # screen is drawn before the clerk can do anything, and every widget costs it 1.5-2 ms
        yield TitleBar()
        yield WrappedList("Bodies", id="bodies")
        yield LineTable(COLUMNS, title="", id="meetings", enter=False)  # Enter is the screen's "Open meeting"
        yield Footer()

    def on_mount(self) -> None:
        self.load_bodies()

    def on_screen_resume(self) -> None:
        """Back from a meeting started, closed or made: the lists say what the book now says (a
        meeting live is "live" here), the body and the meeting highlighted and the focus kept."""
        if self._read_at is None or self.book.changes == self._read_at:
            return
        body, meeting, focused = self.body_line, self.meeting, self.focused
        self.load_bodies(select=body.id if body else None, meeting=meeting.id if meeting else None)
        if focused is not None and focused.is_attached:
            focused.focus()

    def load_bodies(self, select: int | None = None, meeting: int | None = None) -> None:
        """Read the bodies, highlight ``select`` (or the first) and show its meetings, ``meeting``
        highlighted (or the first)."""
        self.bodies = body_lines(self.book)
        self._read_at = self.book.changes
        index = next((i for i, b in enumerate(self.bodies) if b.id == select), 0)
        # the cursor is put there, not moved: the body is shown once, here, not again by the message
        self.query_one("#bodies", WrappedList).load(self.bodies, lambda body: body.name, cursor=index)
        if self.bodies:
            self.show_body(self.bodies[index], select=meeting)
            self.query_one("#meetings", LineTable).focus()
        else:
            self.meetings = []
            table = self.query_one("#meetings", LineTable)
            table.load(self.meetings, lambda row: row)
            table.title = ""
            table.empty = "This book holds no bodies yet. Press b to add a board or committee."

    @property
    def body_line(self) -> BodyLine | None:
        index = self.query_one("#bodies", WrappedList).cursor_row
        return self.bodies[index] if 0 <= index < len(self.bodies) else None

    @property
    def body(self) -> Body | None:
        """The highlighted body, read whole (its quorum rule and all) for a screen that works on it."""
        from db.bodies import get_body

        line = self.body_line
        return get_body(self.book, line.id) if line is not None else None

    @on(WrappedList.RowHighlighted, "#bodies")
    def _body_highlighted(self, event: WrappedList.RowHighlighted) -> None:
        self.show_body(self.bodies[event.row])

    @on(WrappedList.RowSelected, "#bodies")
    def _body_selected(self) -> None:
        self.query_one("#meetings", LineTable).focus()

    def show_body(self, body: Body | BodyLine, select: int | None = None) -> None:
        self.meetings = meeting_lines(self.book, body.id)
        self._read_at = self.book.changes
        table = self.query_one("#meetings", LineTable)
        table.title = f"{body.name} — meetings"
        cells = [_cells(meeting) for meeting in self.meetings]
        table.fit_columns(cells)
        chosen = next((i for i, m in enumerate(self.meetings) if m.id == select), 0) if select is not None else 0
        table.load(cells, lambda row: row, cursor=chosen)
        table.empty = "" if self.meetings else "No meetings yet. Press n to create one."

    @property
    def meeting(self) -> MeetingLine | None:
        table = self.query_one("#meetings", LineTable)
        if not self.meetings or table.cursor_row is None or table.cursor_row >= len(self.meetings):
            return None
        return self.meetings[table.cursor_row]

    @on(LineTable.RowSelected, "#meetings")
    def _row_selected(self) -> None:
        self.action_open_meeting()

    def action_open_meeting(self) -> None:
        meeting = self.meeting
        if meeting is not None:
            self.app.open_meeting(meeting.id)

    @work
    async def action_new_meeting(self) -> None:
        body = self.body
        if body is None:
            self.notify("Add a body first (b).", severity="warning")
            return
        from db.attendance import list_attendance
        from db.meetings import latest_meeting, list_items
        from db.minutes import list_minutes
        from secretary.carry_forward import deferred_items, opening_items

        previous = latest_meeting(self.book, body.id)
        opening = len(opening_items(list_items(self.book, previous.id))) if previous else 0
        deferred = len(deferred_items(list_items(self.book, previous.id), list_minutes(self.book, previous.id),
                                      previous.next_meeting_date or previous.date)) if previous else 0
        from screens.meeting_form import (  # here: not needed for the first screen
            NewMeeting,
            NewMeetingScreen,
        )

        def create(asked: NewMeeting) -> Meeting:  # in the form: if the book cannot take it, the form stays
            if asked.copy_from is None:
                return self.app.desk.create_meeting(asked.meeting)
            return self.app.desk.create_meeting_from(asked.meeting, asked.copy_from.id)

        asked = await self.app.push_screen_wait(NewMeetingScreen(body, previous, opening, save=create,
                                                                 deferred_count=deferred))
        if asked is None:
            return
        stored, said = asked.meeting, ""
        if asked.copy_from is not None:
            said = (f" from {long_date(asked.copy_from.date)}: {len(list_attendance(self.book, stored.id))} expected, "
                    f"{len(list_items(self.book, stored.id))} opening items")
        self.show_body(body, select=stored.id)
        self.notify(f"Created the meeting of {long_date(stored.date)}{said}.", markup=False)

    @work
    async def action_new_body(self) -> None:
        from screens.body_form import NewBodyScreen

        stored = await self.app.push_screen_wait(NewBodyScreen(save=lambda body: self.app.desk.create_body(body)))
        if stored is None:
            return
        self.load_bodies(select=stored.id)

    def action_roster(self) -> None:
        from screens.roster import RosterScreen

        if self.body is not None:
            self.app.push_screen(RosterScreen(self.body))

    def action_quorum_rule(self) -> None:
        from screens.quorum_rule import QuorumRuleScreen

        if self.body_line is not None:
            self.app.push_screen(QuorumRuleScreen(self.body_line.id))  # it reads and writes the rule itself
