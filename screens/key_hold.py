"""Keys typed while a form is opening reach it, in order.

A clerk types ahead: F6, "noted", Tab, the text — 60 ms between keys — while the decision form
is still being made. Without this the keys land in whatever had focus before (the notes), or
in the form before it has focused its first field, and a Tab moves focus the form then moves
back. An action marked ``opens_screen`` starts a hold: keys wait until a new screen is showing
and has its focus (or, if none comes, half a second), then go through in the order typed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import Any

from textual import events
from textual.actions import parse

STEP_WAIT = 0.2  # seconds: a key that closed what it was sent to is not waited on longer
MAX_WAIT = 0.5  # seconds: an action that opens nothing after all (refused, say) lets the keys through


def opens_screen(action: Callable) -> Callable:
    """Mark a screen's action as opening a form: keys typed meanwhile wait for the form."""
    action.opens_screen = True  # type: ignore[attr-defined]
    return action


class KeyHold:
    def __init__(self, app: Any, handle: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.handle = handle  # the app's own handling of a key, as if it had just been typed
        self.held: list[events.Key] = []
        self.since: float | None = None
        self.base: object | None = None  # the screen that was showing when the hold began
        self.generation = 0
        self.releasing: asyncio.Task | None = None

    @property
    def holding(self) -> bool:
        return self.since is not None

    def opens_screen(self, action: str, namespace: object | None) -> bool:
        """Whether ``action`` (as bound to a key) is one that opens a form."""
        try:
            _target, name, _params = parse(action)
        except Exception:  # noqa: BLE001 — not ours to judge; Textual reports bad actions itself
            return False
        method = getattr(namespace, f"action_{name}", None)
        return bool(getattr(method, "opens_screen", False))

    def start(self) -> None:
        self.since, self.base = monotonic(), self.app.screen
        self.generation += 1
        self.app.set_timer(0.01, self._check)

    def keep(self, event: events.Key) -> bool:
        """Hold ``event`` if a form is opening; False if it should be handled now."""
        if not self.holding:
            return False
        self.held.append(event)
        return True

    async def _check(self) -> None:
        if not self.holding or (self.releasing is not None and not self.releasing.done()):
            return
        if not self.app.screen_stack:  # the app is closing while a key waited: nothing to hand it to
            return
        screen = self.app.screen
        ready = screen is not self.base and screen.is_mounted and (
            screen.focused is not None or not screen.focus_chain)
        # the action finished without opening anything (F12 on an item with no question to ask)
        gave_up = screen is self.base and not any(
            w.node is self.base and not w.is_finished for w in self.app.workers)
        ready = ready or (gave_up and monotonic() - self.since > 0.02)
        if ready or monotonic() - self.since > MAX_WAIT:
            # a task of its own: the keys it hands on bubble up to the app, whose queue must run meanwhile
            self.releasing = asyncio.get_running_loop().create_task(self._release())
        else:
            self.app.set_timer(0.01, self._check)

    async def _release(self) -> None:
        generation = self.generation
        while self.held:
            target = self.app.focused or self.app.screen
            await self.handle(self.held.pop(0))
            await _handled(target)
            if self.generation != generation:  # that key opened another form: the rest wait for it
                return
        self.since = self.base = None


async def _handled(node: Any) -> None:
    """Wait until a key sent to ``node`` has been handled by it and by everything it bubbled up to
    (a Tab not taken by a field moves the focus at the screen or the app): only then may the next
    key go to whatever has the focus."""
    loop = asyncio.get_running_loop()
    while node is not None and getattr(node, "is_running", False) and not getattr(node, "_closing", False):
        done = loop.create_future()
        node.call_later(lambda: done.done() or done.set_result(None))
        try:
            await asyncio.wait_for(done, STEP_WAIT)
        except TimeoutError:
            return
        node = node.parent
