"""Full garbage collections run when a screen has gone and the clerk pauses (screens/collector.py)."""

from __future__ import annotations

import gc
import weakref

from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label

from screens.collector import BACKSTOP, IdleCollector


class Left(Screen):
    def compose(self) -> ComposeResult:
        yield Label("a screen to leave")


class Host(App):
    def on_mount(self) -> None:
        self.collector = IdleCollector(self)
        self.collector.start()

    def on_unmount(self) -> None:
        self.collector.stop()  # as the app does: Python's collector as it was, on and with its thresholds


async def until(pilot, done, tries: int = 100) -> None:
    for _ in range(tries):
        if done():
            return
        await pilot.pause(0.05)


async def test_a_screen_left_is_freed_by_the_collector_not_left_for_python_s_next_pass() -> None:
    thresholds = gc.get_threshold()
    try:
        app = Host()
        async with app.run_test() as pilot:
            assert gc.get_threshold()[2] == BACKSTOP
            screen = Left()
            await app.push_screen(screen)
            await pilot.pause()
            left = weakref.ref(screen)
            del screen
            app.pop_screen()
            await until(pilot, lambda: app.collector.passes)
            assert app.collector.passes == 1
            assert left() is None  # its cycles freed
            await pilot.pause(0.2)
            assert app.collector.passes == 1  # once for each screen gone, not again and again
    finally:
        gc.set_threshold(*thresholds)


async def test_the_pass_waits_while_keys_come() -> None:
    thresholds = gc.get_threshold()
    try:
        app = Host()
        async with app.run_test() as pilot:
            await app.push_screen(Left())
            await pilot.pause()
            app.pop_screen()
            app.collector._message(events.Key("x", "x"))  # the clerk types on
            app.collector.look()
            assert app.collector.passes == 0  # a key a moment ago: not now
            assert app.collector.gone  # but a little later
            await until(pilot, lambda: app.collector.passes)
            assert app.collector.passes == 1
    finally:
        gc.set_threshold(*thresholds)


async def test_what_piles_up_on_a_screen_kept_open_is_collected_at_a_pause() -> None:
    thresholds = gc.get_threshold()
    try:
        app = Host()
        async with app.run_test() as pilot:
            app.collector.last_input = 0.0  # the clerk paused long ago
            while gc.get_count()[2] < 10:  # as many passes over young objects as Python waits for
                gc.collect(1)
            await until(pilot, lambda: app.collector.passes)
            assert app.collector.passes == 1
            assert gc.get_count()[2] == 0
    finally:
        gc.set_threshold(*thresholds)


async def test_no_pass_runs_while_a_screen_opens_and_the_young_pass_follows_it() -> None:
    """A screen pushed has a quarter second to compose, mount and draw with Python's collector off;
    then it is back on, and what the screen made is passed over at once, at that quiet moment."""
    from screens.collector import OPENING

    thresholds = gc.get_threshold()
    passes: list[int] = []

    def noted(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    try:
        app = Host()
        async with app.run_test() as pilot:
            await pilot.pause(OPENING + 0.2)  # the app's own first screen, drawn and done with
            assert gc.isenabled()
            gc.callbacks.append(noted)
            app.push_screen(Left())
            assert not gc.isenabled()  # from the moment it is pushed
            await pilot.pause()
            assert isinstance(app.screen, Left) and passes == []  # composed and drawn with no pass
            await until(pilot, gc.isenabled)
            assert gc.isenabled() and 1 in passes  # back on, and the younger objects passed over
            app.push_screen(Left())
            await pilot.pause(OPENING * 0.6)
            app.push_screen(Left())  # another, while the first opens: the hold is the second's from now
            await pilot.pause(OPENING * 0.6)
            app.collector.look()
            assert not gc.isenabled()
            await until(pilot, gc.isenabled)
            app.push_screen(Left())
            app.collector.stop()  # the app ending while a screen opens: the collector is left on
            assert gc.isenabled()
    finally:
        if noted in gc.callbacks:
            gc.callbacks.remove(noted)
        gc.enable()
        gc.set_threshold(*thresholds)
