"""The app: wiring of screens, bindings and the book. Each screen lives in its own module."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on, work
import gc
import signal
import threading
from collections.abc import Iterable
from functools import partial

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.binding import Binding
from textual.message import Message
from textual.worker import WorkerFailed

from db import Book, BookError
from db.desk import Desk
from secretary.models import MeetingStatus
from db.pending import not_saved
from screens.collector import IdleCollector
from screens.footer import IN_MAXIMIZED_VIEW
from screens.home import HomeScreen
from screens.key_hold import KeyHold
from screens.leaks import forget_removed_widgets
from screens.saving import RETRY_SECONDS, Saver
from screens.shutdown import Shutdown
from screens.terminal import TerminalSafety

# The first screen is drawn from plain rows, before pydantic, sqlite-utils and the other screens are
# imported. Once it is up, they are imported in the background, so the first meeting the clerk opens
# does not wait for them either.
NEXT_SCREENS = ("screens.meeting", "screens.live", "screens.tracker", "screens.search", "db.record", "db.actions")
WARM_UP_AFTER = 0.25  # seconds: the first frame is written to the terminal first


def warm_up(app: SecretaryApp) -> None:
    """Import the next screens' modules in a thread, then freeze what lives if nothing but the
    first screen is open (``app.warmed_up`` set then, frozen or not)."""
    def load() -> None:
        import importlib

        from db.book import load_sqlite_utils

        try:
            load_sqlite_utils()  # first, so that nothing below brings numpy with it
            for module in NEXT_SCREENS:
                importlib.import_module(module)
        except Exception:  # noqa: BLE001 - only a head start: the screen that needs it imports it again, and says why
            pass
        try:  # the app decides, between two of its own messages, whether to freeze (freeze_what_lives)
            posted = app.post_message(WarmedUp())
        except Exception:  # noqa: BLE001 - the app is closing: nothing to freeze, nobody waits
            posted = False
        if not posted:
            app.warmed_up.set()

    threading.Thread(target=load, name="warm up", daemon=True).start()


class WarmedUp(Message):
    """The warm-up thread has imported the next screens' code."""


class SecretaryApp(TerminalSafety, App):
    TITLE = "secretary"
    CSS_PATH = "app.tcss"  # the first screen's rules among them (app.tcss says why)
    ALLOW_IN_MAXIMIZED_VIEW = IN_MAXIMIZED_VIEW  # the footer stays when a field is maximized
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # Ctrl+/ reaches the app as ctrl+underscore in most terminals; F10 where it does not
        Binding("ctrl+underscore,ctrl+slash,f10", "search", "Search", priority=True, key_display="^/",
                tooltip="Search every meeting: minutes, decisions, actions, declarations, questions"),
    ]

    def __init__(
        self,
        book: Book | None,
        *,
        create_path: Path | None = None,
        open_meeting: int | None = None,
        damaged: BookError | None = None,
    ) -> None:
        super().__init__()
        self.desk = Desk(book)  # the one way the app changes the book
        self.create_path = create_path  # the book to create, or (damaged) the book that would not open
        self.meeting_to_open = open_meeting
        self.damaged = damaged
        self.saver = Saver(self)
        self.keys = KeyHold(self, self._handle_key)  # keys typed while a form opens wait for it
        self.warmed_up = threading.Event()  # set when no warm-up is to come, or it is over (freeze_what_lives)
        self.warmed_up.set()
        self.collector = IdleCollector(self)  # full garbage collections when the clerk is not waiting

    def get_default_screen(self) -> Screen:
        """The home screen is the app's own first screen, made with the app, not pushed over an
        empty one once the app is up (a screen and a frame less before the clerk sees it)."""
        if self.book is not None and self.damaged is None:
            return HomeScreen()
        return super().get_default_screen()

    def on_mount(self) -> None:
        self._catch_signals()
        self.set_interval(RETRY_SECONDS, self.saver.retry)
        self.screen_change_signal.subscribe(self, lambda _screen: forget_removed_widgets(self), immediate=True)
        self.collector.start()
        if self.damaged is not None:
            from screens.damaged import DamagedScreen

            self.push_screen(DamagedScreen(self.create_path, self.damaged.message))
        elif self.book is None:
            self.ask_to_create()
        else:
            self.show_home()

    def _display(self, screen: Screen, renderable) -> None:
        """Textual draws nothing while a batch of updates is under way (the app's start is one) and
        does not draw it again after: the first screen, laid out and drawn during the start, came
        to the terminal a pane at a time, a frame (16 ms) apart, as each pane next changed. A frame
        not written is written whole with the next one."""
        if self._batch_count and renderable is not None:
            compositor = getattr(screen, "_compositor", None)
            dirty = getattr(compositor, "_dirty_regions", None)
            if isinstance(dirty, set):
                dirty.add(compositor.size.region)  # the whole screen: render_update then draws it all
        super()._display(screen, renderable)

    def update_styles(self, node, animate: bool = True) -> None:
        """Textual restyles a widget whose classes change even before it is in the screen: a compact
        Input styles itself as it is made, and Textual styles it all again as it is mounted (3 ms
        each, at every open of the live screen). A widget not yet mounted is styled when it is."""
        if node is not self and not node.is_attached:
            return
        super().update_styles(node, animate)

    @property
    def book(self) -> Book | None:
        return self.desk.book

    @book.setter
    def book(self, book: Book | None) -> None:
        self.desk.book = book

    # --- the last safety net: a failed write is told, never the end of the app ---------------

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key, button and palette command runs its action here."""
        if isinstance(action, str) and self.keys.opens_screen(action, default_namespace or self):
            self.keys.start()
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:  # noqa: BLE001 — a failure to write is told; anything else raised
            if not self.tell_failed_write(error):
                raise
            return True

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self.keys.keep(event):
            return  # a form is opening: the key waits for it (screens/key_hold.py)
        await super().on_event(event)

    async def _handle_key(self, event: events.Key) -> None:
        await super().on_event(event)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's last stop for an exception nothing caught, which ends the app. A failure to
        write the book in a worker (where most screens make their changes) is told instead. Other
        handlers cannot go on once they have raised, so anything else still ends the app, but not
        before what the saver holds is written to a recovery file."""
        if isinstance(error, WorkerFailed) and isinstance(error.error, Exception):
            if self.tell_failed_write(error.error):
                return
        self._keep_what_is_held()
        super()._handle_exception(error)

    def tell_failed_write(self, error: Exception) -> bool:
        """Say plainly that ``error`` kept a change out of the book; False if it is not that
        (a TypeError, say: a bug, which is never hidden)."""
        failed = not_saved(self.book, error)
        if failed is not None:
            self.notify(f"{failed.message} Everything saved before is still in the book; try again once it "
                        "can be written.", title="NOT SAVED", severity="error", timeout=30, markup=False)
            return True
        if isinstance(error, BookError):  # refused on its merits, in the clerk's words
            self.notify(error.message, title="Not recorded", severity="error", timeout=20, markup=False)
            return True
        return False

    def _keep_what_is_held(self) -> None:
        if self.book is None:
            return
        try:
            if not self.flush_all():
                self.saver.write_recovery_file("the app stopped on an unexpected error")
        except Exception:  # noqa: BLE001 — already on the way out with an error: this is a best effort
            pass

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
        self.warmed_up.clear()
        self.set_timer(WARM_UP_AFTER, lambda: warm_up(self))
        self.sub_title = str(self.book.path or "in memory")
        if self.book.path is not None:
            from secretary.safety import sync_warning

            warning = sync_warning(self.book.path)
            if warning:
                self.notify(warning, title="Where this book lives", severity="warning", timeout=30, markup=False)
        if not isinstance(self.screen, HomeScreen):  # a book made or restored once the app was up
            self.push_screen(HomeScreen())
        self.call_after_refresh(self._look_for_recoveries)  # once the first screen is drawn

    @on(WarmedUp)
    def _warmed_up(self) -> None:
        self.freeze_what_lives()
        self.warmed_up.set()

    def freeze_what_lives(self) -> None:
        """What the warm-up imported lives as long as the app, like what start-up made (secretary/cli
        ``_long_lived``): frozen, the collector's full passes need not walk it again and again. But
        whatever else lives at that moment is frozen with it and never freed: so only while the
        first screen is all there is (a meeting opened at the start, a live screen and its notes
        among them, would be kept for the rest of the day). A screen made ready before it is shown
        (screens/prepared.py) waits for ``warmed_up``."""
        stack = self.screen_stack
        if self.is_running and stack and all(isinstance(screen, HomeScreen) or type(screen) is Screen for screen in stack):
            gc.freeze()

    def _look_for_recoveries(self) -> None:
        from db.recovery import scan_recoveries

        found, refused = scan_recoveries(self.book.path) if self.book.path is not None else ([], [])
        for refusal in refused:  # another user's file, or one others could write (db/recovery.py)
            self.notify(refusal, title="Recovery file refused", severity="warning", timeout=30, markup=False)
        if found:  # first what an earlier session could not save; then the meeting, with it applied
            from screens.recovery import RecoveryScreen

            self.push_screen(RecoveryScreen(found), lambda _: self._open_meeting_asked())
        else:
            self._open_meeting_asked()

    def _open_meeting_asked(self) -> None:
        if self.meeting_to_open is not None:
            self.open_meeting(self.meeting_to_open)

    @work
    async def ask_to_create(self) -> None:
        from screens.confirm import ConfirmScreen

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
        """Closing the terminal window (SIGHUP), being asked to stop (SIGTERM) or interrupted
        (SIGINT) writes everything pending to the book — or to a recovery file — before the
        app exits. A file size limit (SIGXFSZ) is a failed write, not the end of the app."""
        try:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            self.shutdown = Shutdown(self, self._stop_on_signal).install()  # ends within 2 s (screens/shutdown.py)
        except (NotImplementedError, RuntimeError, AttributeError, ValueError):  # not the main thread
            pass

    def on_unmount(self) -> None:
        self.collector.stop()
        if self.is_headless and getattr(self, "shutdown", None) is not None:
            self.shutdown.uninstall()  # a test's process carries on; a real app's handlers stay to the end

    def _stop_on_signal(self, sig: int) -> None:
        message = None
        if not self.flush_all():
            from db.recovery import RecoveryError

            try:
                path = self.saver.write_recovery_file(f"the app was stopped ({signal.Signals(sig).name})")
                message = f"{self.saver.held_words()}: they are in {path}."
            except RecoveryError as error:
                message = f"{self.saver.held_words()}, and {error.message}"
        self.exit(return_code=128 + int(sig), message=message)

    def flush_all(self) -> bool:
        """Ask every open screen to write what it holds; False if something could not be written."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                flush()
        return self.saver.retry()

    async def action_quit(self) -> None:
        if not self.flush_all():
            def leave(path: Path | None) -> None:
                self.exit(message=f"{self.saver.held_words()}: they are in {path}." if path else None)

            self.saver.ask_before_leaving(leave, quitting=True)
            return
        await super().action_quit()

    def now(self) -> datetime:
        """The time now, with the machine's timezone: what movements and minutes are stamped with.
        Tests replace it to drive a meeting through the day."""
        return datetime.now().astimezone()

    def open_meeting(self, meeting_id: int, item_id: int | None = None) -> None:
        """The meeting's overview; a live meeting opens straight on its live screen. Given an
        item (a search result), the overview has it selected and a meeting already held opens
        on that item's minute."""
        from db.meetings import get_meeting
        from screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting_id, item_id=item_id))
        meeting = get_meeting(self.book, meeting_id)
        if meeting is not None and (meeting.status is MeetingStatus.live or (
                item_id is not None and meeting.status in (MeetingStatus.closed, MeetingStatus.approved))):
            from screens.live import LiveScreen

            live = LiveScreen(meeting_id)
            live.viewing = item_id  # only read once the meeting is over
            self.push_screen(live)

    def action_search(self) -> None:
        from textual.screen import ModalScreen

        from screens.search import SearchScreen

        if self.book is None or isinstance(self.screen, SearchScreen):
            return
        if isinstance(self.screen, ModalScreen):
            self.notify("Finish or close this first (Escape), then search.", markup=False)
            return
        self.push_screen(SearchScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen the clerk is on, as well as the built-in commands."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":  # Textual's saves to ~/Downloads, silently when it is missing
                command = SystemCommand("Screenshot", "Save an SVG picture of this screen next to the book",
                                        lambda: self.set_timer(0.1, self.action_screenshot))
            yield command
        yield SystemCommand("Search every meeting", "Key: Ctrl+/ (or F10) — minutes, decisions, actions, "
                            "declarations and questions", self.action_search)
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

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        from screens.screenshot import screenshot_folder, take_screenshot

        folder = Path(path) if path else screenshot_folder(self.book.path if self.book is not None else None)
        take_screenshot(self, folder, filename)

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
