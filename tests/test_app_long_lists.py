"""Long lists on a book of many years: the tracker and the register show their counts at once
and fill their tables as the clerk scrolls, and the tracker reads closed actions only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from db.demo.years import build_big_demo
from db.bodies import create_body
from db.minutes import add_interest
from screens.app import SecretaryApp
from screens.register import RegisterScreen
from screens.tracker import ROWS_AT_ONCE, TrackerScreen
from secretary.models import Body, Interest


@pytest.fixture(scope="module")
def year_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("long") / "year.secretary"
    build_big_demo(path, 1)[0].close()
    return path


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_the_tracker_shows_open_actions_and_fills_all_as_it_scrolls(year_book: Path) -> None:
    book, meeting_id, _ = build_big_demo(year_book, 1)
    app = SecretaryApp(book, open_meeting=meeting_id)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("k")
            await pilot.pause()
            tracker = app.screen
            assert isinstance(tracker, TrackerScreen)
            table = tracker.query_one("#tracker", DataTable)
            opened = len(tracker.shown)
            assert 0 < opened < ROWS_AT_ONCE and table.row_count == opened
            assert all(tracker.statuses[a.id].value != "closed" for a in tracker.shown)
            assert f"action tracker: {opened} shown (open)" in shown(tracker, "#tracker-title")
            await pilot.press("s")  # every action, closed ones too
            await pilot.pause()
            everything = len(tracker.shown)
            assert everything > ROWS_AT_ONCE + opened
            assert f"{everything} shown (all)" in shown(tracker, "#tracker-title")
            assert table.row_count == ROWS_AT_ONCE
            await pilot.press("ctrl+end")
            await pilot.pause()
            assert table.row_count == min(2 * ROWS_AT_ONCE, everything)
            # a closed action's updates are read when it is looked at
            await pilot.press("ctrl+home")
            await pilot.pause()
            closed = next(n for n, a in enumerate(tracker.shown) if tracker.statuses[a.id].value == "closed")
            table.move_cursor(row=closed)
            await pilot.pause()
            assert "Closure agreed." in shown(tracker, "#tracker-detail")
    finally:
        book.close()


async def test_a_long_register_fills_as_it_scrolls(book) -> None:
    body = create_body(book, Body(name="A large trust board", short_name="LTB"))
    with book.db.atomic():
        for n in range(250):
            add_interest(book, Interest(body_id=body.id, surname=f"Member{n:03}", forename="Pat",
                                        details=f"Director of Company {n} Ltd", financial=True))
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(RegisterScreen(body))
        await pilot.pause()
        register = app.screen
        table = register.query_one("#register-table", DataTable)
        assert table.row_count == 100
        assert shown(register, "#register-counts").startswith("250 of 250 entries")
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == 200
