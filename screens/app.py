"""The app: wiring of screens, bindings and the book. Each screen lives in its own module."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import work
import asyncio
import signal
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen
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
        self._catch_signals()
        if self.book is None:
            self.ask_to_create()
        else:
            self.show_home()

    def backup(self, reason: str) -> None:
        """A verified backup at a milestone (the meeting goes live, it closes); a failure is
        told, never in the clerk's way."""
        if self.book is None or self.book.path is None:
            return
        from db.backup import BackupError, make_backup

        try:
            make_backup(self.book, reason)
        except BackupError as error:
            self.notify(f"{error.message} Carry on; try `secretary backup` later.", title="No backup made",
                        severity="warning", timeout=15, markup=False)

    def show_home(self) -> None:
        self.sub_title = str(self.book.path or "in memory")
        if self.book.path is not None:
            from secretary.safety import sync_warning

            warning = sync_warning(self.book.path)
            if warning:
                self.notify(warning, title="Where this book lives", severity="warning", timeout=30, markup=False)
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

    def _catch_signals(self) -> None:
        """Closing the terminal window (SIGHUP) or being asked to stop (SIGTERM) writes
        everything pending to the book before the app exits."""
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._stop_on_signal, sig)
        except (NotImplementedError, RuntimeError, AttributeError):  # not the main thread, or no such signal
            pass

    def on_unmount(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.remove_signal_handler(sig)
        except (NotImplementedError, RuntimeError, AttributeError):
            pass

    def _stop_on_signal(self, sig: int) -> None:
        self.flush_all()
        self.exit(return_code=128 + int(sig))

    def flush_all(self) -> bool:
        """Ask every open screen to write what it holds; False if something could not be written."""
        written = True
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                written = flush() and written
        return written

    async def action_quit(self) -> None:
        self.flush_all()
        await super().action_quit()

    def now(self) -> datetime:
        """The time now, with the machine's timezone: what movements and minutes are stamped with.
        Tests replace it to drive a meeting through the day."""
        return datetime.now().astimezone()

    def open_meeting(self, meeting_id: int) -> None:
        """The meeting's overview; a live meeting opens straight on its live screen."""
        from db.meetings import get_meeting
        from screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting_id))
        meeting = get_meeting(self.book, meeting_id)
        if meeting is not None and meeting.status.value == "live":
            from screens.live import LiveScreen

            self.push_screen(LiveScreen(meeting_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen the clerk is on, as well as the built-in commands."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action.startswith("app."):
                continue
            if active.node is not screen or not active.enabled:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.tooltip or binding.description,
                f"Key: {self.get_key_display(binding)}",
                partial(screen.run_action, binding.action),
            )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
