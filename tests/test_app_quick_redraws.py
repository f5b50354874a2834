"""A tick or an arrival redraws what it changed, within a frame: the roll call updates the one row
and the counts (not the whole table); the live screen reads nothing when a dialog closes unchanged,
and leaves the lines an arrival did not touch as they were drawn."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

import screens.live
from db.attendance import list_attendance, list_movements
from db.demo import build_demo
from db.people import person_by_initials
from screens.app import SecretaryApp
from screens.attendance import AttendanceScreen
from screens.live import LiveScreen
from screens.live_agenda import LiveAgenda
from screens.live_room import LiveRoom
from screens.meeting import MeetingScreen
from screens.minute_editor import ItemLines
from screens.movement_form import MovementForm
from secretary.models import AttendanceStatus, MovementKind

START = datetime(2025, 3, 21, 9, 2, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


def counting(obj, name: str, calls: list) -> None:
    """Replace ``obj.name`` by a wrapper that notes each call in ``calls``."""
    real = getattr(obj, name)

    def wrapper(*args, **kwargs):
        calls.append(name)
        return real(*args, **kwargs)

    setattr(obj, name, wrapper)


async def test_a_roll_call_tick_changes_one_row_and_the_counts_not_the_table(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # the roll call, from the meeting's overview
        await pilot.pause()
        roll = app.screen
        assert isinstance(roll, AttendanceScreen)
        table = roll.query_one("#roll", DataTable)
        rows_before = table.row_count
        first = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        cleared: list = []
        counting(table, "clear", cleared)
        await pilot.press("p")
        await pilot.pause()
        assert cleared == []  # the table was not emptied and filled again
        assert str(table.get_cell(str(first), "status")) == "present"
        assert table.cursor_row == 1  # on to the next name, as a roll call goes
        counts = str(roll.query_one("#roll-counts", Static).content)
        assert counts.startswith("1 present, 0 remote, 0 apologies")
        await pilot.press("a", "r")
        await pilot.pause()
        assert cleared == [] and table.row_count == rows_before
        second = int(table.coordinate_to_cell_key((1, 0)).row_key.value)
        third = int(table.coordinate_to_cell_key((2, 0)).row_key.value)
        assert str(table.get_cell(str(second), "status")) == "apologies"
        assert str(table.get_cell(str(third), "status")) == "remote"
        counts = str(roll.query_one("#roll-counts", Static).content)
        assert counts.startswith("1 present, 1 remote, 1 apologies")
        assert "quorate" in counts.lower()  # the quorum summary follows the counts
    statuses = {a.person_id: a.status for a in list_attendance(book, upcoming)}
    assert statuses[first] is AttendanceStatus.present
    assert statuses[second] is AttendanceStatus.apologies
    assert statuses[third] is AttendanceStatus.remote


async def start_live(app, pilot) -> LiveScreen:
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")  # "Start the meeting now?" — yes
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def test_a_dialog_closed_unchanged_reads_nothing_and_an_arrival_redraws_what_it_changed(
        demo, monkeypatch) -> None:
    book, upcoming = demo
    reads: list = []
    real_read = screens.live.read_record

    def read_record(*args):
        reads.append(args)
        return real_read(*args)

    def read_meeting_again(*args):
        reads.append(args)
        return real_again(*args)

    real_again = screens.live.read_meeting_again
    monkeypatch.setattr(screens.live, "read_record", read_record)
    monkeypatch.setattr(screens.live, "read_meeting_again", read_meeting_again)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        live = await start_live(app, pilot)
        await pilot.press("ctrl+n")  # the first item
        await pilot.pause()
        agenda = live.query_one(LiveAgenda)
        updates: list = []
        counting(agenda, "_lay_out", updates)
        reads.clear()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, MovementForm)
        await pilot.press("escape")  # nothing typed: the form closes at once
        await pilot.pause()
        assert app.screen is live
        assert reads == []  # nothing changed in the book: nothing read again

        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"NF", "enter")
        await pilot.pause()
        assert app.screen is live
        assert len(reads) == 2  # read after the arrival was stored, and after its line in the notes was linked
        assert "NF" in live.query_one(LiveRoom).plain
        # the arrival's line went into the notes where the clerk was (issue 16.2), not under them
        assert "NF arrived." in live.query_one("#notes").text
        assert "NF arrived." not in live.query_one(ItemLines).part("item-notes")
        assert updates == []  # the agenda's lines were left as drawn: an arrival does not change them
    nf = person_by_initials(book, 1, "NF").id
    assert [(m.person_id, m.kind) for m in list_movements(book, upcoming)] == [(nf, MovementKind.arrived)]


def test_the_meeting_read_again_after_an_arrival_is_the_record_read_whole(demo) -> None:
    from db.live import record_declaration, record_movement, start_meeting, take_item
    from db.meetings import list_items
    from db.record import read_meeting_again, read_record
    from secretary.models import Declaration, DeclarationOutcome, InterestNature, Movement

    book, upcoming = demo
    start_meeting(book, upcoming, START)
    item = list_items(book, upcoming)[1]
    take_item(book, upcoming, item.id, START)
    before = read_record(book, upcoming)
    nf, cb = person_by_initials(book, 1, "NF").id, person_by_initials(book, 1, "CB").id
    record_movement(book, Movement(meeting_id=upcoming, person_id=nf, kind=MovementKind.arrived, at=START,
                                   item_id=item.id))
    record_declaration(book, Declaration(meeting_id=upcoming, person_id=cb, item_id=item.id,
                                         interest="Governor of a local school", nature=InterestNature.indirect,
                                         outcome=DeclarationOutcome.withdrew), START)
    again = read_meeting_again(book, before)
    assert again != before  # the arrival, the declaration and the withdrawal are in it
    assert again == read_record(book, upcoming)
    assert again.quorum() == read_record(book, upcoming).quorum()
    assert again.interests is before.interests  # the body's register was kept as read, not read again


async def test_the_live_screen_and_the_tracker_open_with_focus_where_it_stays(demo, monkeypatch) -> None:
    """Focus goes once, to the field the clerk uses: the live screen's notes (not the presenters
    above them, then the notes) and the tracker's table (not its owner field, then the table).
    Each move restyled both widgets as the screen opened."""
    from textual.screen import Screen

    book, upcoming = demo
    focused: list = []
    real_set_focus = Screen.set_focus

    def set_focus(self, widget, *args, **kwargs):
        if widget is not None:  # by screen: the live screen is made ready under the overview, focus and all
            focused.append((type(self).__name__, widget.id))
        return real_set_focus(self, widget, *args, **kwargs)

    def on(screen: str) -> set:
        return {widget for on_screen, widget in focused if on_screen == screen}

    monkeypatch.setattr(Screen, "set_focus", set_focus)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        focused.clear()
        await pilot.press("k")
        await pilot.pause()
        assert on("TrackerScreen") == {"tracker"} and app.screen.focused.id == "tracker"
        await pilot.press("escape")
        await pilot.pause()
        live = await start_live(app, pilot)
        assert "notes" in on("LiveScreen") and "presenters" not in on("LiveScreen")
        assert live.focused.id == "notes"
