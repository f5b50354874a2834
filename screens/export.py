"""Export a meeting's draft minutes: a preview as they will read, then the format, public
or confidential, the order of items, sub-items, the members' order and the organisation's
Word template — the last three kept as the body's settings once a file is written."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Markdown, Select, Static
from screens.title_bar import TitleBar

from db.exports import export_settings
from db.record import read_record
from secretary.exports.files import write_atomically
from secretary.exports.minutes import render, to_markdown
from secretary.exports.settings import ExportSettings, MemberOrder, SubItems
from secretary.minutes_doc import build_minutes
from screens.confirm import ConfirmScreen
from screens.footer import Footer


class ExportScreen(Screen):
    CSS_PATH = "shared.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+s", "export", "Write the file"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="export-body"):
            with VerticalScroll(id="export-options", can_focus=False):  # Tab goes from field to field
                yield Static("Export the minutes", classes="pane-title")
                yield Label("Format")
                yield Select([("Word (.docx)", "docx"), ("Markdown (.md)", "md"), ("Web page (.html)", "html")],
                             value="docx", allow_blank=False, id="format")
                yield Label("Which minutes")
                yield Select([("Public (no Part II items)", False), ("Confidential (with Part II)", True)],
                             value=False, allow_blank=False, id="confidential")
                yield Label("Items")
                yield Select([("In the order taken", False), ("In agenda order", True)],
                             value=False, allow_blank=False, id="order")
                yield Label("Sub-items")
                yield Select([("Inside their item: a), b)", SubItems.paragraphs),
                              ("Rows of their own", SubItems.rows)],
                             value=SubItems.paragraphs, allow_blank=False, id="sub-items")
                yield Label("Members")
                yield Select([("Chair, then by surname", MemberOrder.surname),
                              ("By seat, as the roster", MemberOrder.seat)],
                             value=MemberOrder.surname, allow_blank=False, id="members")
                yield Label("Word template (optional)")
                yield Input(placeholder="the organisation's .docx", id="template")
                yield Label("File")
                yield Input(id="path")
                yield Static("", id="export-error", classes="error", markup=False)
                yield Button("Write (Ctrl+S)", variant="primary", id="write")
            with VerticalScroll(id="export-preview"):
                yield Markdown(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.state = read_record(self.app.book, self.meeting_id)
        self.settings = export_settings(self.app.book, self.state.body.id)
        self.query_one("#sub-items", Select).value = self.settings.sub_items
        self.query_one("#members", Select).value = self.settings.member_order
        self.query_one("#template", Input).value = self.settings.template
        self.query_one("#path", Input).value = str(self._default_path())
        self.refresh_preview()

    def _default_path(self) -> Path:
        meeting, body = self.state.meeting, self.state.body
        kind = "confidential" if self.query_one("#confidential", Select).value else "public"
        extension = self.query_one("#format", Select).value
        name = f"{(body.short_name or 'minutes').lower()}-minutes-{meeting.date:%Y-%m-%d}-{kind}.{extension}"
        return Path.cwd() / name

    def chosen(self) -> ExportSettings:
        return ExportSettings(member_order=self.query_one("#members", Select).value,
                              sub_items=self.query_one("#sub-items", Select).value,
                              template=self.query_one("#template", Input).value)

    def build(self):
        chosen = self.chosen()
        return build_minutes(self.state, confidential=self.query_one("#confidential", Select).value,
                             agenda_order=self.query_one("#order", Select).value,
                             sub_items=chosen.sub_items, member_order=chosen.member_order)

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        if event.select.id in ("format", "confidential"):
            self.query_one("#path", Input).value = str(self._default_path())
        self.refresh_preview()

    def refresh_preview(self) -> None:
        try:
            preview = to_markdown(self.build()).decode()
        except Exception as e:  # noqa: BLE001 - a preview that cannot be drawn says why; the app stays up
            preview = f"The preview could not be drawn: {e}"
            self.query_one("#export-error", Static).update(preview)
        self.query_one("#preview", Markdown).update(preview)

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#path")
    @work
    async def action_export(self) -> None:
        error = self.query_one("#export-error", Static)
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        fmt = self.query_one("#format", Select).value
        if path.suffix.lower() != f".{fmt}":
            error.update(f"The file name should end .{fmt} for this format.")
            return
        force = False
        if path.exists():
            force = await self.app.push_screen_wait(ConfirmScreen(f"{path} exists. Replace it?", yes="Replace",
                                                                  no="Keep it"))
            if not force:
                return
        notes: list[str] = []
        try:
            chosen = self.chosen()
            template = Path(chosen.template).expanduser() if chosen.template else None
            doc = self.build()
            write_atomically(path, render(fmt, doc, template=template, notes=notes), force=force)
        except Exception as e:  # noqa: BLE001 - an export never takes the app down: the clerk is told why
            error.update(f"The minutes were not exported: {e}")
            return
        error.update(" ".join(notes))
        if chosen != self.settings:  # set once: the next export (and the tracker) starts from these
            if self.app.desk.save_export_settings(self.state.body.id, chosen).saved:
                self.settings = chosen
        self.notify(f"Wrote the {'draft ' if doc.draft else ''}minutes to {path}.", title="Exported", markup=False)
