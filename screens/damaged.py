"""Started on a damaged book: say so, leave it untouched, and offer the newest good backup.
Restoring keeps the damaged file beside the book as ``<book>.replaced-<time>``."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from db import Book, BookError
from db.backup import backup_folder, newest_good_backup, restore


class DamagedScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("r", "restore", "Restore"), Binding("escape,q", "quit", "Quit")]

    def __init__(self, path: Path, message: str) -> None:
        super().__init__()
        self.path = path
        self.message = message
        self.backup = newest_good_backup(path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("This book is damaged", classes="title")
            yield Static(self.message, markup=False, classes="question")
            if self.backup is None:
                offer = (f"There is no good backup in {backup_folder(self.path)}. The book has not been changed; "
                         "keep it, and ask for help before doing anything to it.")
            else:
                info = self.backup
                offer = (f"The newest good backup is\n  {info.path}\nmade {info.made:%d/%m/%Y at %H.%M}, holding "
                         f"{info.meetings} meetings. Restore it? The damaged book is kept beside it, renamed "
                         f"{self.path.name}.replaced-<date and time>. Anything changed since that backup is "
                         "not in it.")
            yield Static(offer, markup=False, classes="question", id="offer")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                if self.backup is not None:
                    yield Button("Restore this backup", variant="primary", id="restore")
                yield Button("Quit, changing nothing", id="quit")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.run_action(event.button.id)

    def action_restore(self) -> None:
        if self.backup is None:
            return
        try:
            replaced = restore(self.backup.path, self.path)
            book = Book.open(self.path)
        except BookError as error:
            self.query_one("#error", Static).update(f"{error.message} Nothing else was changed.")
            return
        app = self.app
        app.book = book
        app.damaged = None
        app.pop_screen()
        app.notify(f"Restored {self.backup.path.name}. The damaged book is kept as {replaced}.",
                   title="Backup restored", timeout=30, markup=False)
        app.show_home()

    def action_quit(self) -> None:
        self.app.exit(return_code=1, message=f"{self.path} was left as it was.")
