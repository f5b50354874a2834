"""Driving the live meeting as a clerk does, shared by the Pilot tests: the meeting's clock, going
live (ticking the roll first, if asked), opening the action tracker, typing, going to an item,
reading what a Static shows, and each cell a widget draws."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Static

from screens.live import LiveScreen


class Clock:
    """The meeting's time, moved on by the test (``app.now = clock``)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def on(self, minutes: int) -> None:
        self.at += timedelta(minutes=minutes)


async def go_live(app, pilot, roll: str = "") -> LiveScreen:
    """From the meeting's overview: `s`, Enter (start now), then `roll` keys on the roll call, if any."""
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    if roll:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*roll)
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def open_tracker(app, pilot):
    """From the meeting's overview: `k`, and the action tracker it opens."""
    from screens.tracker import TrackerScreen

    await pilot.pause()
    await pilot.press("k")
    await pilot.pause()
    assert isinstance(app.screen, TrackerScreen)
    return app.screen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def go_to(pilot, number: str) -> None:
    """Ctrl+G, the item's number, Enter."""
    await pilot.press("ctrl+g")
    await pilot.pause()
    await pilot.press(*number)
    await pilot.press("enter")
    await pilot.pause()


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def drawn_cells(app, widget) -> list[list[tuple]]:
    """Each cell ``widget`` draws on the screen, line by line: its character, colours and styles."""
    region = widget.region
    lines = app.screen._compositor.render_strips()[region.y:region.bottom]
    return [[(ch, s.color, s.bgcolor, s.bold, s.italic, s.reverse)
             for segment in strip.crop(region.x, region.right) for ch in segment.text
             for s in [segment.style]] for strip in lines]
