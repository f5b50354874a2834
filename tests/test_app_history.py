"""History in the app, driven as a clerk does: type notes, pause, overwrite them, open the
item's history (F11, or Alt+H), put the earlier text back and carry on typing; delete a decision
and bring it back; open an item's history from the meeting's overview."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static, TextArea

from db.demo import build_demo
from db.history import keep_time_with, row_history, versions_of_notes
from db.meetings import list_items
from db.minutes import get_minute, list_decisions
from screens.app import SecretaryApp
from screens.line_table import LineTable
from screens.confirm import ConfirmScreen
from screens.decision_form import DecisionsScreen
from screens.history import HistoryScreen
from screens.live import LiveScreen
from screens.meeting import MeetingScreen
from screens.minute_editor import ItemLines

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


class Clock:
    """The meeting's clock, moved on by the test: no sleeping."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def clerk_app(book, upcoming) -> tuple[SecretaryApp, Clock]:
    clock = Clock()
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    keep_time_with(book, lambda: app.now())  # typing is timed by the app's clock, as everything else
    return app, clock


async def go_live(app, pilot) -> LiveScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+t")
    await pilot.pause()
    await pilot.press(*"p" * 15)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def type_text(pilot, clock: Clock, text: str, every: float = 0.2) -> None:
    for ch in text:
        clock.wait(every)
        await pilot.press("space" if ch == " " else ch)


def rows(screen: HistoryScreen) -> list[list[str]]:
    table = screen.query_one("#changes", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_notes_overwritten_are_put_back_from_the_history(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app, clock = clerk_app(book, upcoming)
    async with app.run_test(size=(120, 36)) as pilot:
        live = await go_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        await type_text(pilot, clock, "Winter plan noted.")
        clock.wait(10)  # the clerk listens for a while
        await type_text(pilot, clock, " Board asked for April.")
        await pilot.pause()
        # steady typing: a snapshot at most every five seconds, yet the text that stood is kept
        snapshots = [c for c in row_history(book, "minute", item.id) if c.is_text]
        assert len(snapshots) <= 3
        assert "Winter plan noted." in [v.text for v in versions_of_notes(book, item.id)]

        clock.wait(8)
        await pilot.press("shift+home")  # select the line and type over it: the words are gone
        await type_text(pilot, clock, "Deferred.")
        await pilot.pause()
        assert notes.text == "Deferred."
        assert get_minute(book, item.id).notes == "Deferred."

        await pilot.press("f11")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert "History of item 1." in str(history.query_one("#history-title", Static).content)
        shown = rows(history)
        assert shown[0][1] == "Notes" and "Deferred." in shown[0][2]  # newest first
        wanted = next(i for i, c in enumerate(history.changes)
                      if c.is_text and c.before["notes"] == "Winter plan noted. Board asked for April.")
        await pilot.press(*["down"] * wanted)
        await pilot.pause()
        preview = str(history.query_one("#preview", Static).content)
        assert "Winter plan noted. Board asked for April." in preview  # the chosen version, in full

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert get_minute(book, item.id).notes == "Winter plan noted. Board asked for April."
        newest = history.changes[0]  # the restore is in the history: what it replaced, and why
        assert newest.is_text and newest.before["notes"] == "Deferred."
        assert newest.note == "replaced by a restored version"
        await pilot.press("escape")
        await pilot.pause()

        assert app.screen is live
        assert notes.text == "Winter plan noted. Board asked for April."  # back in the editor
        await type_text(pilot, clock, " Agreed.")  # and typing carries on from there
        await pilot.pause()
    assert get_minute(book, item.id).notes == "Winter plan noted. Board asked for April. Agreed."
    # what the restore replaced can itself be found again
    assert "Deferred." in [v.text for v in versions_of_notes(book, item.id)]


async def test_a_deleted_decision_is_brought_back(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app, clock = clerk_app(book, upcoming)
    async with app.run_test(size=(120, 36)) as pilot:
        live = await go_live(app, pilot)
        await pilot.press("f6")
        await pilot.pause()
        for ch in "app":
            await pilot.press(ch)
        await pilot.press("enter")
        for ch in "the [Draft] budget":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        await pilot.pause()
        [decision] = list_decisions(book, item.id)

        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert list_decisions(book, item.id) == []
        assert "APPROVED" not in live.query_one(ItemLines).part("decisions")

        await pilot.press("alt+h")  # the same, where the terminal keeps F11 for itself
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        first = rows(history)[0]
        assert first[1] == "Decision deleted" and "APPROVED the [Draft] budget" in first[2]  # not markup
        assert first[3] == "undo"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert list_decisions(book, item.id) == [decision]
        assert [r[3] for r in rows(history) if r[1] == "Decision deleted"] == ["undone"]
        await pilot.press("escape")
        await pilot.pause()
        assert "APPROVED the [Draft] budget" in live.query_one(ItemLines).part("decisions")


async def test_history_from_the_meeting_overview(demo) -> None:
    book, upcoming = demo
    app, clock = clerk_app(book, upcoming)
    items = list_items(book, upcoming)
    async with app.run_test(size=(120, 36)) as pilot:
        await go_live(app, pilot)  # attendance ticked: the meeting's history has it
        await type_text(pilot, clock, "Welcome.")
        await pilot.press("escape")  # to the overview
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, MeetingScreen)
        table = overview.query_one("#agenda", LineTable)
        table.move_cursor(row=table.row_index(str(items[0].id)))
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen) and history.item_id == items[0].id
        assert {c.item_id for c in history.changes} == {items[0].id}
        await pilot.press("m")  # the whole meeting: attendance too
        await pilot.pause()
        assert "History of the meeting" in str(history.query_one("#history-title", Static).content)
        assert any(c.table == "attendance" for c in history.changes)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is overview
