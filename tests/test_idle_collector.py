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
