"""Importing an agenda file from inside the app: ask for the file, then show what every
line became before anything is stored. Nothing changes until the clerk says Replace or Append."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from secretary.formats import long_date
from secretary.importers.agenda import AgendaFormatError, AgendaImport, read_agenda_file
from secretary.importers.report import agenda_details, not_read, row_outcome
from secretary.models import Meeting, MeetingStatus
from screens.text import plain

Choice = Literal["replace", "append"]


def find_agenda_file(typed: str, *, here: Path | None = None) -> Path:
    """The file the clerk named (``~`` and paths relative to ``here`` allowed), or ValueError saying
    why it will not do."""
    if not typed.strip():
        raise ValueError("Type the path of the agenda file (TSV, CSV or text).")
    path = Path(typed.strip().strip("'\"")).expanduser()
    if not path.is_absolute():
        path = (here or Path.cwd()) / path
    if not path.exists():
        raise ValueError(f"There is no file at {path}.")
    if path.is_dir():
        raise ValueError(f"{path} is a folder: give the agenda file inside it.")
    return path


class AgendaFileScreen(ModalScreen[tuple[Path, AgendaImport] | None]):
    """Ask for the agenda file and read it; stays open, saying why, until a file reads."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Import an agenda", classes="title")
            yield Label("File (an agenda table saved as TSV or CSV, or text copied out of the PDF)")
            yield Input(placeholder="~/Downloads/agenda-2025-06-27.tsv", id="path")
            yield Static(f"A path without a leading / starts from {Path.cwd()}", classes="hint", markup=False)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Read file", variant="primary", id="read")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#read")
    def action_read(self) -> None:
        error = self.query_one("#error", Static)
        try:
            path = find_agenda_file(self.query_one("#path", Input).value)
            imported = read_agenda_file(path)
        except (ValueError, AgendaFormatError) as why:  # AgendaFormatError says what the file is instead
            error.update(str(why))
            return
        self.dismiss((path, imported))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportPreviewScreen(ModalScreen[Choice | None]):
    """What the file would put on the agenda, line by line, and the choice: replace the agenda,
    append to it, or cancel. Hands back the choice; the caller stores."""

    CSS_PATH = ["dialogs.tcss", "import_preview.tcss"]
    BINDINGS = [
        Binding("r", "choose('replace')", "Replace agenda"),
        Binding("a", "choose('append')", "Append"),
        Binding("escape,c", "cancel", "Cancel"),
    ]

    def __init__(self, imported: AgendaImport, source: str, meeting: Meeting, items_now: int) -> None:
        super().__init__()
        self.imported = imported
        self.source = source
        self.meeting = meeting
        self.items_now = items_now

    @property
    def held(self) -> bool:
        """Once a meeting has been held its items carry minutes, which replacing would delete."""
        return self.meeting.status is not MeetingStatus.planned

    def compose(self) -> ComposeResult:
        imported = self.imported
        unread = [row for row in imported.rows if not_read(row)]
        with Vertical(classes="dialog", id="import-preview"):
            yield Static(f"Import {self.source} into the meeting of {long_date(self.meeting.date)}",
                         classes="title", markup=False)
            yield Static(imported.summary(), id="summary", markup=False)
            yield DataTable(id="rows", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="unread"):
                if unread:
                    yield Static("\n".join(f"Line {row.line} not read: {row.problem}  ({row.text[:50]})"
                                           for row in unread), id="unread-rows", markup=False)
                else:
                    yield Static("Every line was read.", id="unread-rows", markup=False)
            yield Static("\n".join(agenda_details(imported)), id="details", markup=False)
            yield Static(self._consequence(), id="consequence", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Replace agenda (r)", variant="warning", id="replace",
                             disabled=not imported.items or self.held)
                yield Button("Append (a)", variant="primary", id="append", disabled=not imported.items)
                yield Button("Cancel (Esc)", id="cancel")

    def _consequence(self) -> str:
        if not self.imported.items:
            return "The file holds no agenda items: there is nothing to import."
        if self.held:
            return (f"This meeting is {self.meeting.status.value}: its items carry minutes, so the file can "
                    "only be appended.")
        if self.items_now:
            return (f"Replace deletes the {self.items_now} entries on the agenda now; "
                    "Append adds these after them.")
        return "The agenda is empty now: Replace and Append do the same."

    def on_mount(self) -> None:
        table = self.query_one("#rows", DataTable)
        table.add_column("Line", width=4)
        table.add_column("Became", width=40)
        table.add_column("Text")
        for row in self.imported.rows:
            table.add_row(plain(row.line), plain(row_outcome(row), style="bold" if row.problem else ""),
                          plain(row.text[:80]))
        table.focus()

    @on(Button.Pressed, "#replace")
    def _replace(self) -> None:
        self.action_choose("replace")

    @on(Button.Pressed, "#append")
    def _append(self) -> None:
        self.action_choose("append")

    def action_choose(self, choice: Choice) -> None:
        if self.query_one(f"#{choice}", Button).disabled:
            self.notify(self._consequence(), severity="warning", markup=False)
            return
        self.dismiss(choice)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
