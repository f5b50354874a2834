"""Python's full garbage collections run while the clerk is reading, not while a screen opens.

A screen the clerk leaves is garbage in cycles (each widget and its parent, its message pump,
its styles): 7,000-30,000 objects, which only a full pass of Python's collector frees. Left to
itself the collector makes that pass after every eleventh pass over the younger objects, which
lands in whatever is allocating at the time — mostly the next screen opening: 25-110 ms added
to it (issue 18), and 20-30 ms even when there is nothing to free, for walking what lives.

So the full passes are the app's to run, at moments the clerk is not waiting:

- just after a screen has gone, once it has been taken apart (and the screen under it drawn),
  when no key or click has come for a moment;
- and, for what typing and the clock leave behind on a screen kept open for hours, as often as
  Python would have run them, at the next pause of half a second in the clerk's keys.

Python's own full pass stays as a backstop, ten times further apart than its default, for a
clerk who never pauses. Nothing is frozen: whatever the clerk leaves is freed.
"""

from __future__ import annotations

import gc
from time import monotonic
from weakref import WeakSet

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

AFTER = 0.1  # seconds after a screen has gone before looking whether it has been taken apart
QUIET = 0.1  # seconds without a key or a click before the pass for a screen gone
PAUSE = 0.5  # seconds without a key or a click before a pass of the piled-up kind
EVERY = 0.5  # seconds between looks at what has piled up
PILED = 10  # passes over younger objects since the last full one: when Python would run one
BACKSTOP = 100  # Python's own full pass, after this many (its default is 10)


class IdleCollector:
    """Installed once by the app: ``IdleCollector(app).start()`` in its on_mount."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.stack: WeakSet[Screen] = WeakSet()  # the screen stack as last seen
        self.gone: WeakSet[Screen] = WeakSet()  # screens left since the last pass
        self.last_input = monotonic()
        self.timer: Timer | None = None
        self.passes = 0  # full passes run here (tests look)

    def start(self) -> None:
        young, older, _full = gc.get_threshold()
        gc.set_threshold(young, older, BACKSTOP)
        self.stack = WeakSet(self.app.screen_stack)
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed, immediate=True)
        self.app.message_signal.subscribe(self.app, self._message, immediate=True)
        self.app.set_interval(EVERY, self._look, name="piled-up garbage")

    def _message(self, message: Message) -> None:
        if isinstance(message, events.InputEvent):
            self.last_input = monotonic()

    def _screen_changed(self, _screen: Screen) -> None:
        now = WeakSet(self.app.screen_stack)
        gone = [screen for screen in self.stack if screen not in now]
        self.stack = now
        if gone:
            self.gone.update(gone)
            self._wait(AFTER)

    def _wait(self, seconds: float) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.app.set_timer(seconds, self._after_screen_gone, name="screen gone: collect")

    def _after_screen_gone(self) -> None:
        if any(screen.is_running for screen in self.gone):  # still being taken apart
            self._wait(AFTER)
            return
        quiet_for = monotonic() - self.last_input
        if quiet_for < QUIET:
            self._wait(QUIET - quiet_for)
            return
        self.collect()

    def _look(self) -> None:
        if self.timer is None and gc.get_count()[2] >= PILED and monotonic() - self.last_input >= PAUSE:
            self.collect()

    def collect(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.gone.clear()
        gc.collect()
        self.passes += 1
