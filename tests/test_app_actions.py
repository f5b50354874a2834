"""Actions as the clerk raises and follows them: raised during an item with two owners
picked by initials, seen in the minute and the tracker; at the meeting's action tracker
item an update is recorded, closure proposed and agreed, and the item's minute written."""

from __future__ import annotations

import zipfile

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TextArea

from db.actions import get_action_by_number, list_updates
from db.demo import build_demo
from db.meetings import list_items
from db.minutes import get_minute
from db.people import person_by_initials
from screens.action_form import ActionForm
from screens.app import SecretaryApp
from screens.line_table import LineTable
from screens.live import LiveScreen
from screens.minute_editor import ItemLines
from screens.tracker import TrackerScreen, UpdateForm
from secretary.models import ActionStatus

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def go_to(pilot, number: str) -> None:
    await pilot.press("ctrl+g")
    await pilot.pause()
    await type_text(pilot, number)
    await pilot.press("enter")
    await pilot.pause()


async def go_live(app, pilot) -> LiveScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def test_raise_an_action_with_two_owners(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot)
        await go_to(pilot, "14")  # Communication from the meeting
        await pilot.press("f7")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert "Action 65" in str(form.query_one(".title", Static).content)  # numbering continues from the tracker
        await type_text(pilot, "Key messages to be shared with partners")
        await pilot.press("enter")
        await type_text(pilot, "st, cb")
        await pilot.pause()
        assert "ST (Sophie Turnbull) · CB (Catherine Bell)" in str(form.query_one("#owners-read", Static).content)
        await pilot.press("enter")
        await type_text(pilot, "soonish")  # not a date: refused, with the forms that work
        await pilot.press("enter")
        await pilot.pause()
        assert "could not read 'soonish'" in str(form.query_one("#error", Static).content)
        form.query_one("#due", Input).value = "next meeting"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        shown = live.query_one(ItemLines).part("decisions")
        assert "ACTION 65: ST / CB – Key messages to be shared with partners." in shown

        await pilot.press("escape")  # to the overview, then the tracker
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        table = tracker.query_one("#tracker", LineTable)
        numbers = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        assert "65" in numbers
        row = table.get_row_at(numbers.index("65"))
        column = {label: i for i, (label, _width) in enumerate(table.columns)}
        assert str(row[column["Owner"]]) == "ST / CB" and str(row[column["Deadline"]]) == "next meeting"
    action = get_action_by_number(book, 1, 65)
    st, cb = person_by_initials(book, 1, "ST"), person_by_initials(book, 1, "CB")
    assert [(o.person_id, o.name) for o in action.owners] == [(st.id, "ST"), (cb.id, "CB")]
    assert action.due_text == "next meeting" and action.due_date == date(2025, 6, 27)
    item = next(i for i in list_items(book, upcoming) if i.number == "14")
    assert (action.meeting_id, action.item_id) == (upcoming, item.id)


async def test_updates_closure_and_the_tracker_items_minute(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot)
        await go_to(pilot, "1e")  # Action Tracker
        await pilot.press("f12")
        await pilot.pause()
        tracker = app.screen
        assert isinstance(tracker, TrackerScreen)
        table = tracker.query_one("#tracker", LineTable)
        numbers = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        # 58 and 64 were proposed for closure; agree both
        for number in ("58", "64"):
            table.move_cursor(row=numbers.index(number))
            await pilot.press("c")
            await pilot.pause()
            numbers = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        assert "58" not in numbers and "64" not in numbers  # closed actions leave the open list
        # 61: an update, proposing closure
        table.move_cursor(row=numbers.index("61"))
        await pilot.press("u")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, UpdateForm)
        form.query_one("#update-text", Input).value = "Dashboard live from 1 March."
        form.query_one("#update-status", Select).value = ActionStatus.complete
        await pilot.press("enter")
        await pilot.pause()
        # 61 cannot be closed in the same breath without agreement… but it can: it is now Complete
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        minute = live.query_one("#notes", TextArea).text
    assert minute.startswith("Actions 58 and 64 were closed.")
    assert "Action 61 is proposed to close" in minute
    items = {i.number: i for i in list_items(book, upcoming)}
    assert get_minute(book, items["1e"].id).notes == minute
    closed = get_action_by_number(book, 1, 58)
    assert closed.status is ActionStatus.closed and closed.closed_on == date(2025, 3, 21)
    assert closed.closed_by_meeting_id == upcoming
    updated = get_action_by_number(book, 1, 61)
    assert updated.status is ActionStatus.complete and updated.position_text == "Dashboard live from 1 March."
    [given] = [u for u in list_updates(book, updated.id) if u.meeting_id == upcoming]
    assert given.text == "Dashboard live from 1 March." and given.given_on == date(2025, 3, 21)


async def test_tracker_deadline_change_delete_and_export(demo, tmp_path: Path, monkeypatch) -> None:
    from screens.tracker import TextForm

    book, upcoming = demo
    monkeypatch.chdir(tmp_path)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        tracker = app.screen
        table = tracker.query_one("#tracker", LineTable)
        numbers = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        table.move_cursor(row=numbers.index("62"))
        await pilot.press("d")
        await pilot.pause()
        field = app.screen.query_one("#text-value", Input)
        field.value = "whenever"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextForm)  # refused, with the forms that work
        assert "next meeting" in str(app.screen.query_one("#error", Static).content)
        field.value = "end of September 2025"
        await pilot.press("enter")
        await pilot.pause()

        numbers = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        table.move_cursor(row=numbers.index("61"))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # no reason: refused
        await pilot.pause()
        assert isinstance(app.screen, TextForm)
        await type_text(pilot, "Duplicate of 63")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")  # the suggested name, in the current folder
        await pilot.pause()
        await pilot.press("n")  # the public tracker
        await pilot.pause()
    moved = get_action_by_number(book, 1, 62)
    assert moved.due_date == date(2025, 9, 30)
    assert [d.due_text for d in moved.past_deadlines] == ["27/06/2025"]
    retired = get_action_by_number(book, 1, 61)
    assert retired.deleted_reason == "Duplicate of 63"
    from db.actions import next_action_number

    assert next_action_number(book, 1) == 65  # the number is not given again
    [exported] = list(tmp_path.glob("nicb-action-tracker-*.docx"))
    assert exported.stat().st_size > 5000
    with zipfile.ZipFile(exported) as docx:  # the clerk chose the public tracker
        assert not any(b"CONFIDENTIAL" in docx.read(name) for name in docx.namelist())
