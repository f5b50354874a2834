"""The attendance record of a body for a financial year, as annual reports print it: each
member's meetings attended of those held while they were in post, and how."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static
from screens.title_bar import TitleBar

from db.attendance_record import last_held, load_period
from secretary.attendance_record import COLUMNS, attendance_record, attendance_table, year_of
from secretary.formats import short_date
from secretary.models import Body
from screens.footer import Footer
from screens.text import plain

WIDTHS = (22, 26, 9, 6, 6, 6, 6, 6, 6, 30)


class AttendanceRecordScreen(Screen):
    CSS_PATH = "roster.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("left_square_bracket", "year(-1)", "Year before"),
        Binding("right_square_bracket", "year(1)", "Year after"),
    ]

    def __init__(self, body: Body, start: date | None = None) -> None:
        super().__init__()
        self.body = body
        self.start = start

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="record-title", classes="pane-title", markup=False)
        yield DataTable(id="record", cursor_type="row", zebra_stripes=True)
        yield Static("", id="counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#record", DataTable)
        short = ("Name", "Role", "Attended", "Person", "Remote", "Part", "Deputy", "Apols", "Absent", "Notes")
        for label, width in zip(short, WIDTHS):
            table.add_column(label, width=width)
        if self.start is None:  # the year of the latest meeting held: an annual report's year
            self.start = year_of(last_held(self.app.book, self.body.id) or self.app.now().date())[0]
        self.reload()
        table.focus()

    def reload(self) -> None:
        start, end = year_of(self.start)
        record = attendance_record(self.body.name, start, end, load_period(self.app.book, self.body.id, start, end))
        table = self.query_one("#record", DataTable)
        table.clear()
        for row in attendance_table(record).rows:
            table.add_row(*(plain(cell) for cell in row))
        self.query_one("#record-title", Static).update(
            f"{self.body.name} — attendance {start.year}/{(start.year + 1) % 100:02d} "
            f"({short_date(start)} to {short_date(end)})")
        held = len(record.meetings)
        self.query_one("#counts", Static).update(
            f"{held} meeting{'' if held == 1 else 's'} held; each person counted only while in post. "
            f"[ and ] change the year; the columns are those of the export: {', '.join(COLUMNS[2:9])}.")

    def action_year(self, step: int) -> None:
        self.start = date(self.start.year + step, 4, 1)
        self.reload()
