"""Long lists on a book of many years: the tracker and the register show their counts at once;
the register fills its table as the clerk scrolls, the tracker makes only the rows in view, and
the tracker reads closed actions only when asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from db.demo.years import build_big_demo
from db.bodies import create_body
from db.meetings import create_meeting
from db.minutes import add_interest
from screens.app import SecretaryApp
from screens.register import RegisterScreen
from screens.line_table import LineTable
from secretary.formats import short_date
from tests.pilot import open_tracker
from secretary.models import Body, Interest, Meeting


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
            tracker = await open_tracker(app, pilot)
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


async def test_the_tracker_filters_by_meeting_and_says_when_nothing_matches(year_book: Path) -> None:
    """m goes through the meetings the body's actions were raised at, oldest first (read only when
    asked for); an owner matching nobody says so; a body with no actions at all says that instead."""
    book, meeting_id, _ = build_big_demo(year_book, 1)
    body_id = book.db.execute("SELECT body_id FROM meeting WHERE id = ?", [meeting_id]).fetchone()[0]
    raised_at = [(row[0], date.fromisoformat(row[1])) for row in book.db.execute(
        """SELECT m.id, m.date FROM meeting m WHERE m.id IN (SELECT meeting_id FROM action
           WHERE body_id = ? AND deleted_reason = '') ORDER BY m.date""", [body_id])]
    assert len(raised_at) >= 2
    app = SecretaryApp(book, open_meeting=meeting_id)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            tracker = await open_tracker(app, pilot)
            await pilot.press("s")  # every action, so that each meeting's show
            await pilot.pause()
            for raised_id, day in raised_at[:2]:
                await pilot.press("m")
                await pilot.pause()
                assert f"(all · raised at {short_date(day)})" in shown(tracker, "#tracker-title")
                assert tracker.shown and {a.meeting_id for a in tracker.shown} == {raised_id}
            await pilot.press("slash")
            await pilot.press(*"nobody-by-this-name")
            await pilot.pause()
            assert tracker.shown == [] and "0 shown" in shown(tracker, "#tracker-title")
            assert shown(tracker, "#tracker-detail") == "No actions match."

        body = create_body(book, Body(name="A new sub-committee", short_name="NSC"))
        first = create_meeting(book, Meeting(body_id=body.id, title="Inaugural meeting", date=date(2026, 1, 5)))
        app = SecretaryApp(book, open_meeting=first.id)
        async with app.run_test(size=(120, 40)) as pilot:
            assert shown(await open_tracker(app, pilot), "#tracker-detail") == "No actions yet."
            await pilot.press("m")  # no meetings to go through: the filter stays off
            await pilot.pause()
            assert "0 shown (open)" in shown(app.screen, "#tracker-title")
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
