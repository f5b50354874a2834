"""The terminal as a way in and out (DESIGN.md §7): pasted text loses its control characters
before any field sees it; text drawn on screen never carries one to the terminal, whichever
widget shows it; output to a terminal that has gone (the window closed) is dropped instead of
failing or blocking, and the app is told to stop; a hang-up with no SIGHUP (the terminal gone
while the app is not its controlling process) is noticed by a watching thread."""

from __future__ import annotations

import os
import re
import select
import signal
import sys
import threading
from collections.abc import Callable
from typing import TextIO

from textual import events
from textual.driver import Driver

from secretary.safety import clean_text

_HUNG_UP = getattr(select, "POLLHUP", 0) | getattr(select, "POLLERR", 0) | getattr(select, "POLLNVAL", 0)  # not on Windows
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # none belongs in a cell: they take no width


def keep_control_characters_off_screen() -> None:
    """The last line of defence: every line Textual draws drops the control characters in its
    text (ESC, BEL, CSI …) before it is written, so a name from an older book that holds an
    escape sequence cannot retitle the window or clear the screen from any widget. Widgets show
    such text visibly (screens/text.py); this catches any that does not. Its own escape codes,
    which Textual adds around the text as styles and control segments, are untouched."""
    from rich.segment import Segment
    from textual.strip import Strip

    original = Strip.render
    if getattr(original, "drops_controls", False):
        return

    def render(self: Strip, console) -> str:
        if self._render_cache is None and not all(s.control or s.text.isprintable() for s in self._segments):
            self._segments = [s if s.control or s.text.isprintable()
                              else Segment(_CONTROL.sub("", s.text), s.style, s.control) for s in self._segments]
        return original(self, console)

    render.drops_controls = True  # type: ignore[attr-defined]
    Strip.render = render  # type: ignore[method-assign]


def terminal_gone(fd: int | None = None) -> bool:
    """Whether the terminal on ``fd`` (stdin) has hung up: its window closed."""
    try:
        fd = sys.__stdin__.fileno() if fd is None else fd
        if not _HUNG_UP or not os.isatty(fd):
            return False
        poller = select.poll()
        poller.register(fd, 0)  # no events asked: only hang-ups and errors are reported
        return any(mask & _HUNG_UP for _, mask in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def silence(fds: tuple[int, ...] = (1, 2)) -> None:
    """Send what is still to be written to nowhere: stdout and stderr become /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for fd in fds:
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    os.close(devnull)


def silence_if_gone() -> None:
    if terminal_gone():
        silence()


class GuardedOutput:
    """The driver's output file: a write that fails (EIO: the terminal has gone) marks it gone and
    tells ``on_gone`` once; from then on writes are dropped, so Textual's writer thread keeps
    draining its queue and the main thread never waits on it."""

    def __init__(self, file: TextIO, on_gone: Callable[[], None]) -> None:
        self._file = file
        self._on_gone = on_gone
        self.gone = False

    def write(self, text: str) -> None:
        if self.gone:
            return
        try:
            self._file.write(text)
        except (OSError, ValueError):
            self._lost()

    def flush(self) -> None:
        if self.gone:
            return
        try:
            self._file.flush()
        except (OSError, ValueError):
            self._lost()

    def _lost(self) -> None:
        self.gone = True
        silence()
        self._on_gone()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return True


def stop_for_hang_up(app) -> None:
    """What a terminal found gone does: the app stops as it does on SIGHUP."""
    shutdown = getattr(app, "shutdown", None)
    if shutdown is not None:
        shutdown.request(signal.SIGHUP)
    else:
        os.kill(os.getpid(), signal.SIGHUP)


def _watch(fd: int, stopped: threading.Event, on_gone: Callable[[], None]) -> None:
    poller = select.poll()
    poller.register(fd, 0)
    while not stopped.is_set():
        try:
            events_ = poller.poll(250)
        except OSError:
            return
        if any(mask & _HUNG_UP for _, mask in events_):
            silence()
            on_gone()
            return


def guarded(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` (Textual's terminal driver) with guarded output, a hang-up watch and
    clean pastes. The headless driver of tests is given back as it is."""
    if not hasattr(driver_class, "run_input_thread"):
        return driver_class

    class GuardedDriver(driver_class):  # type: ignore[misc, valid-type]
        def __init__(self, app, **kwargs) -> None:
            super().__init__(app, **kwargs)
            self._file = GuardedOutput(self._file, lambda: stop_for_hang_up(app))
            self._watch_stopped = threading.Event()

        def start_application_mode(self) -> None:
            keep_control_characters_off_screen()
            super().start_application_mode()
            if getattr(self, "input_tty", False) and _HUNG_UP:
                threading.Thread(target=_watch, args=(self.fileno, self._watch_stopped,
                                                      lambda: stop_for_hang_up(self._app)),
                                 name="terminal watch", daemon=True).start()

        def close(self) -> None:
            self._watch_stopped.set()
            super().close()

        def process_message(self, message) -> None:
            if isinstance(message, events.Paste):
                message.text = clean_text(message.text)
            super().process_message(message)

    GuardedDriver.__name__ = f"Guarded{driver_class.__name__}"
    return GuardedDriver


class TerminalSafety:
    """Mixed into the app: the guarded driver, and clean pastes however they arrive."""

    def get_driver_class(self):
        return guarded(super().get_driver_class())  # type: ignore[misc]

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste):
            event.text = clean_text(event.text)
        await super().on_event(event)  # type: ignore[misc]
