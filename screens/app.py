"""The app: wiring of screens, bindings and the book. Each screen lives in its own module."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from db import Book, BookError
from screens.confirm import ConfirmScreen
from screens.help import HelpScreen
from screens.home import HomeScreen


class SecretaryApp(App):
    TITLE = "secretary"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        book: Book | None,
        *,
        create_path: Path | None = None,
        open_meeting: int | None = None,
    ) -> None:
        super().__init__()
        self.book = book
        self.create_path = create_path
        self.meeting_to_open = open_meeting

    def on_mount(self) -> None:
        if self.book is None:
            self.ask_to_create()
        else:
            self.show_home()

    def show_home(self) -> None:
        self.sub_title = str(self.book.path or "in memory")
        self.push_screen(HomeScreen())
        if self.meeting_to_open is not None:
            self.open_meeting(self.meeting_to_open)

    @work
    async def ask_to_create(self) -> None:
        create = await self.push_screen_wait(
            ConfirmScreen(f"There is no book at {self.create_path}.\n\nCreate a new, empty book there?",
                          yes="Create", no="Quit")
        )
        if not create:
            self.exit(return_code=1)
            return
        try:
            self.book = Book.open(self.create_path, create=True)
        except BookError as error:
            self.exit(return_code=1, message=error.message)
            return
        self.show_home()

    def open_meeting(self, meeting_id: int) -> None:
        from screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting_id))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
