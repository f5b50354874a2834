"""The body's roster and membership editor: who holds a seat, their initials, category, role
and vote; add a member, change a seat, end one. Former members stay in the book (their
attendance, actions and declarations keep pointing at them) and are shown on request."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Static
from screens.title_bar import TitleBar

from db.people import list_people, person_record, roster
from secretary.formats import short_date
from secretary.models import Body, Seat
from screens.member_form import MemberFormScreen
from screens.text import plain
from screens.footer import Footer


def is_former(seat: Seat, today: date) -> bool:
    return seat.membership.end_date is not None and seat.membership.end_date < today


class RosterScreen(Screen):
    CSS_PATH = "roster.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "add_member", "Add member"),
        Binding("e", "edit_member", "Change"),
        Binding("x", "end_seat", "End seat"),
        Binding("f", "toggle_former", "Former members"),
        Binding("q", "quorum_rule", "Quorum rule"),
        Binding("p", "planner", "Planner"),
        Binding("t", "attendance_record", "Attendance record"),
        Binding("i", "register", "Interests"),
    ]

    show_former: var[bool] = var(False)

    def __init__(self, body: Body) -> None:
        super().__init__()
        self.body = body
        self.seats: list[Seat] = []
        self.shown: list[Seat] = []

    @property
    def book(self):
        return self.app.book

    @property
    def today(self) -> date:
        return self.app.now().date()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(plain(f"{self.body.name} — roster"), classes="pane-title", markup=False)
        yield DataTable(id="roster", cursor_type="row", zebra_stripes=True)
        yield Static("", id="counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#roster", DataTable)
        for label, width in (("Name", 22), ("Initials", 8), ("Category", 23), ("Role", 26), ("Votes", 5),
                             ("From", 10), ("Until", 10)):
            table.add_column(label, width=width)
        self.reload()
        table.focus()

    def reload(self, select: int | None = None) -> None:
        """Read the roster again; ``select`` is a membership id to put the cursor on."""
        today = self.today
        self.seats = roster(self.book, self.body.id)
        self.shown = [s for s in self.seats if self.show_former or not is_former(s, today)]
        table = self.query_one("#roster", DataTable)
        row = table.cursor_row
        table.clear()
        for seat in self.shown:
            m = seat.membership
            style = "dim" if is_former(seat, today) else ""
            name = seat.person.full_name + (" (former)" if is_former(seat, today) else "")
            table.add_row(
                plain(name, style),
                plain(seat.person.initials, style),
                plain(m.category.label, style),
                plain(m.role, style),
                plain("yes" if m.voting else "no", style),
                plain(short_date(m.start_date) if m.start_date else "", style),
                plain(short_date(m.end_date) if m.end_date else "", style),
                key=str(m.id),
            )
        if select is not None:
            row = next((n for n, s in enumerate(self.shown) if s.membership.id == select), row)
        if self.shown:
            table.move_cursor(row=min(row or 0, len(self.shown) - 1))
        self.query_one("#counts", Static).update(self.counts(today))

    def counts(self, today: date) -> str:
        in_post = [s for s in self.seats if s.membership.in_post_on(today)]
        voting = sum(1 for s in in_post if s.membership.voting)
        former = sum(1 for s in self.seats if is_former(s, today))
        text = f"{len(in_post)} people in post today, {voting} voting members."
        if former:
            shown = "shown" if self.show_former else "hidden"
            text += f" {former} former {'member' if former == 1 else 'members'} {shown} (f to switch)."
        return text

    def watch_show_former(self) -> None:
        if self.is_mounted:
            current = self.current
            self.reload(select=current.membership.id if current else None)

    @property
    def current(self) -> Seat | None:
        row = self.query_one("#roster", DataTable).cursor_row
        return self.shown[row] if self.shown and row is not None and row < len(self.shown) else None

    def action_toggle_former(self) -> None:
        self.show_former = not self.show_former

    def _people(self):
        return list_people(self.book, self.body.id)

    @work
    async def action_add_member(self) -> None:
        stored = await self.app.push_screen_wait(MemberFormScreen(
            self.body, self._people(), save=lambda seat: self.app.desk.add_seat(seat.person, seat.membership),
        ))
        if stored is None:
            return
        self.reload(select=stored.membership.id)
        self.notify(f"{stored.person.full_name} ({stored.person.initials}) added to the roster.", markup=False)

    @on(DataTable.RowSelected, "#roster")
    def _row_selected(self) -> None:
        self.action_edit_member()

    def action_edit_member(self) -> None:
        self._change(ending=False)

    def action_end_seat(self) -> None:
        self._change(ending=True)

    @work
    async def _change(self, ending: bool) -> None:
        current = self.current
        if current is None:
            return
        if ending and is_former(current, self.today):
            self.notify(f"{current.person.full_name}'s seat already ended on "
                        f"{short_date(current.membership.end_date)}; e changes it.", markup=False)
            return
        edited = await self.app.push_screen_wait(MemberFormScreen(
            self.body, self._people(), current, record=person_record(self.book, current.person.id),
            ending_on=self.today if ending else None, save=lambda seat: self.app.desk.save_seat(seat),
        ))
        if edited is None or edited == current:
            return
        self.reload(select=edited.membership.id)
        end = edited.membership.end_date
        if end is not None and end != current.membership.end_date:
            self.notify(f"{edited.person.full_name}'s seat ends on {short_date(end)}; their attendance, actions "
                        "and declarations stay in the book.", markup=False)
        else:
            self.notify(f"{edited.person.full_name}'s seat saved.", markup=False)

    def action_quorum_rule(self) -> None:
        from screens.quorum_rule import QuorumRuleScreen

        self.app.push_screen(QuorumRuleScreen(self.body.id))

    def action_planner(self) -> None:
        from screens.planner import PlannerScreen

        self.app.push_screen(PlannerScreen(self.body))

    def action_attendance_record(self) -> None:
        from screens.attendance_record import AttendanceRecordScreen

        self.app.push_screen(AttendanceRecordScreen(self.body))

    def action_register(self) -> None:
        from screens.register import RegisterScreen

        self.app.push_screen(RegisterScreen(self.body))
