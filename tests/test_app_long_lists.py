"""Long lists on a book of many years: the tracker and the register show their counts at once;
the register fills its table as the clerk scrolls, the tracker makes only the rows in view, and
the tracker reads closed actions only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from db.demo.years import build_big_demo
from db.bodies import create_body
from db.minutes import add_interest
from screens.app import SecretaryApp
from screens.register import RegisterScreen
from screens.line_table import LineTable
from screens.tracker import TrackerScreen
from secretary.models import Body, Interest


@pytest.fixture(scope="module")
def year_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("long") / "year.secretary"
    build_big_demo(path, 1)[0].close()
    return path


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_the_tracker_shows_open_actions_and_makes_only_the_rows_in_view(year_book: Path) -> None:
    book, meeting_id, _ = build_big_demo(year_book, 1)
    app = SecretaryApp(book, open_meeting=meeting_id)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("k")
            await pilot.pause()
            tracker = app.screen
            assert isinstance(tracker, TrackerScreen)
            table = tracker.query_one("#tracker", LineTable)
            in_view = table.scrollable_content_region.height  # the heading and the rows under it
            opened = len(tracker.shown)
            assert in_view < opened == table.row_count and table.lines_made < in_view
            assert all(tracker.statuses[a.id].value != "closed" for a in tracker.shown)
            assert f"action tracker: {opened} shown (open)" in shown(tracker, "#tracker-title")
            await pilot.press("s")  # every action, closed ones too
            await pilot.pause()
            everything = len(tracker.shown)
            assert everything > opened + 3 * in_view
            assert f"{everything} shown (all)" in shown(tracker, "#tracker-title")
            assert table.row_count == everything and table.lines_made < in_view
            await pilot.press("ctrl+end")
            await pilot.pause()
            last = tracker.shown[-1]
            assert table.cursor_row == everything - 1
            assert f"Action {last.number}: {last.text}" in shown(tracker, "#tracker-detail")
            assert str(table.get_row_at(everything - 1)[0]) == str(last.number)
            assert table.lines_made < 2 * in_view  # the first screen and the last: none between
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
