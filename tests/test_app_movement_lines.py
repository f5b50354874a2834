"""Movement lines in place (issue 16), driven as a clerk drives the live screen: the line goes into
the notes where the clerk had reached, the minutes print it once, there; correcting or deleting the
movement rewrites or removes it, unless the clerk edited it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import TextArea

from db.attendance import list_attendance, list_movements
from db.demo import build_demo
from db.minutes import get_minute
from db.movement_lines import list_lines
from db.people import person_by_initials
from db.record import read_record
from screens.app import SecretaryApp
from screens.live import LiveScreen
from screens.live_dialogs import MovementsScreen
from screens.meeting import MeetingScreen
from screens.minute_editor import ItemLines
from screens.movement_form import MovementForm
from secretary.exports.minutes import RENDERERS
from secretary.minutes_doc import build_minutes
from secretary.models import AttendanceStatus, MovementKind
from tests.pilot import Clock

START = datetime(2025, 3, 21, 9, 2, tzinfo=UTC)


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


async def start_live(app, pilot) -> LiveScreen:
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await pilot.pause()


async def record(pilot, key: str, who: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, MovementForm)
    await pilot.press(*who, "enter")
    await pilot.pause()


async def movements_log(pilot) -> MovementsScreen:
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MovementsScreen)
    return pilot.app.screen


def printed_minutes(book, meeting_id: int, *, confidential: bool = False) -> str:
    text = RENDERERS["md"](build_minutes(read_record(book, meeting_id), confidential=confidential))
    return text.decode() if isinstance(text, bytes) else text


async def test_a_movement_line_goes_where_the_clerk_was_and_follows_its_movement(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        live = await start_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        item_id = live.editor.item_id
        await type_text(pilot, "Discussion began.")
        clock.on(2)
        await record(pilot, "f2", "NF")
        await type_text(pilot, " More discussion.")
        assert notes.text == "Discussion began. NF arrived. More discussion."
        assert get_minute(book, item_id).notes == "Discussion began. NF arrived. More discussion."  # typed, saved
        arrival = list_movements(book, upcoming)[0]
        assert [(x.movement_id, x.text) for x in list_lines(book, upcoming)] == [(arrival.id, "NF arrived.")]
        assert "NF arrived." not in live.query_one(ItemLines).part("item-notes")  # not shown twice below the notes
        printed = printed_minutes(book, upcoming)
        assert printed.count("NF arrived.") == 1
        assert "Discussion began. NF arrived. More discussion." in printed

        # the arrival was someone else's: correcting it rewrites the line
        log = await movements_log(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#who-fixed").value = person_by_initials(book, 1, "JP").id
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is log
        await pilot.press("escape")
        await pilot.pause()
        assert notes.text == "Discussion began. JP arrived. More discussion."
        jp = person_by_initials(book, 1, "JP").id
        assert next(a for a in list_attendance(book, upcoming) if a.person_id == jp).status is AttendanceStatus.present
        told = [n for n in app._notifications if n.title == "Who moved corrected"]
        assert told and told[-1].message.startswith("NF is still marked present")
        await pilot.pause()
        assert get_minute(book, item_id).notes == "Discussion began. JP arrived. More discussion."
        assert [x.text for x in list_lines(book, upcoming)] == ["JP arrived."]
        assert printed_minutes(book, upcoming).count("JP arrived.") == 1

        # it was a mistake altogether: deleting it removes the line
        await movements_log(pilot)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert notes.text == "Discussion began. More discussion."
        await pilot.pause()
        assert get_minute(book, item_id).notes == "Discussion began. More discussion."
        assert list_lines(book, upcoming) == [] and list_movements(book, upcoming) == []
        assert "arrived" not in printed_minutes(book, upcoming)


async def test_an_edited_line_is_left_as_written_and_the_clerk_told(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        live = await start_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        await type_text(pilot, "Opening remarks.")
        clock.on(3)
        await record(pilot, "f3", "HM")
        await pilot.press("backspace")
        await type_text(pilot, " at 9.05.")
        assert notes.text == "Opening remarks. HM left the meeting at 9.05."
        await movements_log(pilot)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert notes.text == "Opening remarks. HM left the meeting at 9.05."  # the clerk's words stay
        assert get_minute(book, live.editor.item_id).notes == "Opening remarks. HM left the meeting at 9.05."
        told = [n for n in app._notifications if n.title == "Movement line edited"]
        assert told and "HM left the meeting." in told[-1].message


async def test_a_brief_step_out_leaves_no_line_and_a_withdrawal_line_tells_the_return(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        live = await start_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        first_item = live.editor.item_id
        await type_text(pilot, "Welcome.")
        clock.on(1)
        await record(pilot, "f3", "HM")  # left …
        assert notes.text == "Welcome. HM left the meeting."
        clock.on(1)
        await record(pilot, "f5", "HM")  # … and back within the item: a step-out, not minuted
        assert notes.text == "Welcome."
        await pilot.pause()
        assert get_minute(book, first_item).notes == "Welcome."
        assert "HM" not in printed_minutes(book, upcoming).split("Welcome.")[1].split("\n")[0]
        kinds = [m.kind for m in list_movements(book, upcoming)]
        assert kinds == [MovementKind.left, MovementKind.returned]  # the history keeps both


async def test_a_withdrawal_line_says_the_return_when_the_item_ends(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        live = await start_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "18")
        await pilot.press("enter")
        await pilot.pause()
        procurement = live.editor.item_id
        await type_text(pilot, "The contract was introduced.")
        await pilot.press("f8")
        await pilot.pause()
        await type_text(pilot, "ASa")
        await pilot.press("enter")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter")  # withdrew for the item
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notes.text == "The contract was introduced. ASa withdrew for this item."
        clock.on(10)
        await pilot.press("ctrl+b")  # on to item 17: she comes back as item 18 ends
        await pilot.pause()
        await pilot.pause()
        assert get_minute(book, procurement).notes == (
            "The contract was introduced. ASa withdrew for this item and returned at the end.")
        printed = printed_minutes(book, upcoming, confidential=True)  # item 18 is in Part II
        assert printed.count("ASa withdrew for this item and returned at the end.") == 1
        assert "ASa withdrew" not in printed_minutes(book, upcoming)


async def test_notes_put_back_from_before_the_line_leave_the_minutes_printing_it(demo) -> None:
    from db.history import keep_time_with
    from screens.confirm import ConfirmScreen
    from screens.history import HistoryScreen

    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    keep_time_with(book, lambda: app.now())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        live = await start_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        await type_text(pilot, "Welcome.")
        clock.on(1)
        await record(pilot, "f2", "NF")
        assert notes.text == "Welcome. NF arrived."
        assert len(list_lines(book, upcoming)) == 1
        clock.on(1)
        await pilot.press("f11")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        wanted = next(i for i, c in enumerate(history.changes) if c.is_text and c.before["notes"] == "Welcome.")
        await pilot.press(*["down"] * wanted, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert notes.text == "Welcome."
        assert list_lines(book, upcoming) == []  # no longer in the notes: the minutes print it again
        assert printed_minutes(book, upcoming).count("NF arrived.") == 1
