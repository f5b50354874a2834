"""Stopping when told to, every time (DESIGN.md §7): after SIGHUP (the terminal window
closed), SIGTERM or SIGINT, or once the terminal is found gone, the app writes what it
holds to the book (or a recovery file), releases the book and ends within two seconds —
whatever Textual's driver is doing. A watchdog thread ends the process once the book is
safe if the ordinary way out has not, so the book is never left locked by a hung process.

The signal handlers are Python's own (not the event loop's), so that they run even when the
main thread is blocked; they hand the stop to the event loop and start the watchdog.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

from textual.app import App

STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
WITHIN = 1.3  # seconds from the request to the end of the process, at the latest
FOR_THE_BOOK = 1.0  # of which the app may take this long to make the book safe


class Shutdown:
    """One app's way of stopping: ``request(sig)`` from a signal handler or any thread."""

    def __init__(self, app: App, stop: Callable[[int], None]) -> None:
        self.app = app
        self.stop = stop  # writes what is held, then asks the app to exit
        self.book_safe = threading.Event()
        self.requested: int | None = None
        self._loop = asyncio.get_running_loop()
        self._before: dict[int, object] = {}

    def install(self) -> Shutdown:
        for sig in STOP_SIGNALS:
            self._before[sig] = signal.signal(sig, self._on_signal)
        return self

    def uninstall(self) -> None:
        """Put back the handlers found; only for a headless app (a test's process lives on)."""
        for sig, handler in self._before.items():
            signal.signal(sig, handler)
        self._before.clear()

    def _on_signal(self, sig: int, _frame: object) -> None:
        self.request(sig)

    def request(self, sig: int) -> None:
        """Stop the app as if told by ``sig``; safe from a signal handler and from any thread."""
        if self.requested is not None:
            return
        self.requested = sig
        from screens.terminal import silence_if_gone

        silence_if_gone()  # nothing more is written to a terminal that has gone
        threading.Thread(target=self._watchdog, args=(128 + int(sig),), name="shutdown watchdog",
                         daemon=True).start()
        try:
            self._loop.call_soon_threadsafe(self._stop, sig)
        except RuntimeError:  # the loop has ended: the app is already on its way out
            self.book_safe.set()

    def _stop(self, sig: int) -> None:
        try:
            self.stop(sig)
        finally:
            self.book_safe.set()

    def end_process(self, code: int) -> None:
        """Once the book is closed: a stopped app's process ends now, without the interpreter's
        slow tidy-up (which no watchdog thread survives) — the two seconds are for the clerk."""
        if self.requested is None:
            return
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)

    def _watchdog(self, code: int) -> None:
        started = time.monotonic()
        self.book_safe.wait(FOR_THE_BOOK)  # everything written, or held in a recovery file
        time.sleep(max(0.0, WITHIN - (time.monotonic() - started)))  # the ordinary way out first
        os._exit(code)  # committed writes are in the book; the process's end releases its lock
