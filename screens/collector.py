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

While a screen opens (the first quarter second after it is pushed) no pass runs at all: the
screen's widgets are all new and all live, and Python passed over them 40-50 times as the live
screen opened (5-9 ms of it). The younger objects' pass runs as soon as the screen has drawn.

Python's own full pass stays as a backstop, ten times further apart than its default, for a
clerk who never pauses. Only what start-up made is frozen (warm_up in screens/app.py); whatever
the clerk leaves is freed.
"""

from __future__ import annotations

import gc
from time import monotonic
from weakref import WeakSet

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen

EVERY = 0.1  # seconds between looks: whether a screen has gone, whether garbage has piled up
QUIET = 0.1  # seconds without a key or a click before the pass for a screen gone
PAUSE = 0.5  # seconds without a key or a click before a pass of the piled-up kind
PILED = 10  # passes over younger objects since the last full one: when Python would run one
BACKSTOP = 100  # Python's own full pass, after this many (its default is 10)
OPENING = 0.25  # seconds after a screen is pushed with no pass at all: it is drawing itself


class IdleCollector:
    """Installed once by the app: ``IdleCollector(app).start()`` in its on_mount."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.stack: WeakSet[Screen] = WeakSet()  # the screen stack as last seen
        self.gone: WeakSet[Screen] = WeakSet()  # screens left since the last pass
        self.last_input = monotonic()
        self.passes = 0  # full passes run here (tests look)
        self.thresholds = gc.get_threshold()
        self.opening_since: float | None = None  # a screen pushed then, and collection held off for it

    def start(self) -> None:
        young, older, _full = self.thresholds = gc.get_threshold()
        gc.set_threshold(young, older, BACKSTOP)
        self.stack = WeakSet(self.app.screen_stack)
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed, immediate=True)
        self.app.message_signal.subscribe(self.app, self._message, immediate=True)
        # one timer, started with the app: a timer started as a screen goes would keep that screen (its
        # task holds the context the screen was running in) until it fired
        self.app.set_interval(EVERY, self.look, name="idle collection")

    def stop(self) -> None:
        """Python's own thresholds back, for a process that carries on after the app (a test's)."""
        self._opened()
        gc.set_threshold(*self.thresholds)

    def _message(self, message: Message) -> None:
        if isinstance(message, events.InputEvent):
            self.last_input = monotonic()

    def _screen_changed(self, _screen: Screen) -> None:
        now = WeakSet(self.app.screen_stack)
        self.gone.update(screen for screen in self.stack if screen not in now)
        if any(screen not in self.stack for screen in now) and (gc.isenabled() or self.opening_since is not None):
            # a screen pushed: no pass while it composes, mounts and draws (a screen pushed while another
            # opens, as a meeting's minutes straight after the meeting, has its own quarter second)
            gc.disable()
            self.opening_since = monotonic()
        self.stack = now

    def _opened(self) -> None:
        if self.opening_since is not None:
            self.opening_since = None
            gc.enable()

    def look(self) -> None:
        if self.opening_since is not None and monotonic() - self.opening_since >= OPENING:
            self._opened()
            gc.collect(1)  # what the screen made, passed over now rather than at the clerk's first key
        quiet_for = monotonic() - self.last_input
        if self.gone:
            if quiet_for >= QUIET and not any(screen.is_running for screen in self.gone):  # taken apart
                self.collect()
        elif gc.get_count()[2] >= PILED and quiet_for >= PAUSE:
            self.collect()

    def collect(self) -> None:
        self.gone.clear()
        gc.collect()
        self.passes += 1
