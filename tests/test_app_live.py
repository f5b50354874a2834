"""The live meeting driven as a clerk drives it: start the meeting, tick the roll, record
an arrival and a departure that makes the meeting inquorate, correct a movement, count
the public, move between items, close the meeting — then read what the book holds."""

from __future__ import annotations

import gc
import weakref
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static, TextArea
from screens.live_bar import LiveBar
from screens.title_bar import TitleBar

from db.attendance import list_attendance, list_movements
from db.demo import build_demo
from db.meetings import get_meeting, list_items
from db.minutes import list_minutes
from db.people import person_by_initials
from screens.app import SecretaryApp
from screens.attendance import AttendanceScreen
from screens.live import LiveScreen
from screens.live_agenda import LiveAgenda
from screens.live_room import LiveRoom
from screens.live_dialogs import MovementsScreen
from screens.meeting import MeetingScreen
from screens.movement_form import MovementForm
from screens.untaken import UntakenScreen
from secretary.models import AttendanceStatus, MeetingStatus, MovementKind, Phase
from tests.pilot import Clock

START = datetime(2025, 3, 21, 9, 2, tzinfo=timezone.utc)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def person(book, initials: str) -> int:
    return person_by_initials(book, 1, initials).id


async def start_live(app, pilot) -> LiveScreen:
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")  # "Start the meeting now?" — yes
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


async def tick_roll(pilot, keys: str) -> None:
    """Ctrl+T, then one key per name as the roll goes down the list, then back."""
    await pilot.press("ctrl+t")
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def record(pilot, key: str, who: str, *, time: str | None = None) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, MovementForm)
    await pilot.press(*who)
    if time is not None:
        form = pilot.app.screen
        form.query_one("#time").value = time
    await pilot.press("enter")
    await pilot.pause()


async def test_a_live_meeting_from_start_to_close(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        live = await start_live(app, pilot)
        meeting = get_meeting(book, upcoming)
        assert meeting.status is MeetingStatus.live
        assert meeting.opened_at == START
        first = list_items(book, upcoming)[0]
        assert "1. Welcome and Introductions" in text_of(live, "#item-title")

        # the roll, in list order: HM PN OC GA TW MK SO present; RD DM ASh ASa apologies;
        # CB present; NF JP MP apologies — seven voting members, eight needed
        await tick_roll(pilot, "ppppppp" + "aaaa" + "p" + "aaa")
        assert live.query_one(LiveBar).part("quorum").strip() == "INQUORATE: 7 present · 8 needed"
        assert "needs 1 more member" in live.query_one(LiveBar).part("missing")
        statuses = {a.person_id: a.status for a in list_attendance(book, upcoming)}
        assert statuses[person(book, "HM")] is AttendanceStatus.present
        assert statuses[person(book, "RD")] is AttendanceStatus.apologies

        # on to item 1a; the Chief Finance Officer arrives during it: quorate
        clock.on(3)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "1a. Apologies" in text_of(live, "#item-title")
        clock.on(2)
        await record(pilot, "f2", "NF")
        assert live.query_one(LiveBar).part("quorum").strip() == "QUORATE · 8 present · 8 needed"
        assert live.query_one("#notes", TextArea).text == "NF arrived."  # in the notes, where the clerk was
        assert any("Quorate" in (n.title or "") for n in app._notifications)
        item_1a = list_items(book, upcoming)[1]
        arrival = list_movements(book, upcoming)[0]
        assert (arrival.person_id, arrival.kind, arrival.item_id, arrival.phase) == (
            person(book, "NF"), MovementKind.arrived, item_1a.id, Phase.during)
        assert arrival.at == START + timedelta(minutes=5)
        # NF had sent apologies; arriving makes them present, from item 1a
        nf = next(a for a in list_attendance(book, upcoming) if a.person_id == person(book, "NF"))
        assert nf.status is AttendanceStatus.present

        # the Chief Executive — the only other executive — leaves: inquorate at once
        clock.on(4)
        await record(pilot, "f3", "CB")
        assert live.query_one(LiveBar).part("quorum").strip() == "INQUORATE: 7 present · 8 needed"
        assert "executive member" not in live.query_one(LiveBar).part("missing")  # NF is an executive
        assert "needs 1 more member" in live.query_one(LiveBar).part("missing")
        alerts = [n for n in app._notifications if n.title == "Now inquorate"]
        assert alerts and "needs 1 more member" in alerts[-1].message
        assert live.query_one("#notes", TextArea).text == "NF arrived. CB left the meeting."
        assert isinstance(app.screen, LiveScreen)  # a notification, not a dialog in the way

        # correct the arrival (it was at 09.06, not 09.07) and delete the departure (a mistake)
        await pilot.press("ctrl+l")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, MovementsScreen)
        assert log.query_one("#movements", DataTable).row_count == 2
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#time").value = "9.06"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        moves = list_movements(book, upcoming)
        assert len(moves) == 1
        assert moves[0].at == datetime(2025, 3, 21, 9, 6, tzinfo=timezone.utc)
        assert moves[0].kind is MovementKind.arrived  # the arrival itself untouched
        assert live.query_one(LiveBar).part("quorum").strip() == "QUORATE · 8 present · 8 needed"
        assert live.query_one("#notes", TextArea).text == "NF arrived."  # the deleted departure's line gone

        # members of the public: 2 in the room, 4 watching
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("2", "enter", "4", "enter")
        await pilot.pause()
        meeting = get_meeting(book, upcoming)
        assert (meeting.public_in_person, meeting.public_remote) == (2, 4)
        assert "Public: 2 in person, 4 remote" in live.query_one(LiveRoom).plain

        # item 7 is taken out of order, then back to item 2
        clock.on(10)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("7", "enter")
        await pilot.pause()
        assert "7. Joint Forward Plan refresh 2025/26" in text_of(live, "#item-title")
        clock.on(15)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert "2. Questions from the Public" in text_of(live, "#item-title")

        # close the meeting
        clock.on(30)
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, UntakenScreen)  # the items never taken are listed first
        await pilot.press("enter")  # … and left as not reached
        await pilot.pause()
        assert "CLOSED" in live.query_one(LiveBar).part("clock")
        # after the meeting the clerk tidies the minutes: items can be visited without changing their times
        assert not live.query_one("#notes").disabled
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "1a. Apologies" in text_of(live, "#item-title")

    meeting = get_meeting(book, upcoming)
    assert meeting.status is MeetingStatus.closed
    assert meeting.closed_at == clock.at
    items = {i.id: i for i in list_items(book, upcoming)}
    minutes = sorted(list_minutes(book, upcoming), key=lambda m: m.taken_order)
    taken = [items[m.item_id].number for m in minutes]
    assert taken == ["1", "1a", "7", "2"]
    assert all(m.ended_at is not None for m in minutes)  # nothing left open
    assert minutes[0].started_at == START and minutes[0].ended_at == START + timedelta(minutes=3)
    assert minutes[2].started_at == START + timedelta(minutes=19)
    assert minutes[-1].ended_at == clock.at
    assert first.id == minutes[0].item_id


async def test_a_live_meeting_reopens_on_its_live_screen(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(110, 32)) as pilot:
        await start_live(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
    # the app is closed mid-meeting and opened again: straight back to the item in progress
    again = SecretaryApp(book, open_meeting=upcoming)
    again.now = clock
    async with again.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, LiveScreen)
        assert "1a. Apologies" in text_of(again.screen, "#item-title")


async def test_a_live_screen_left_is_not_kept_in_memory(demo, monkeypatch) -> None:
    """Each screen kept after it is left makes every pass of Python's collector slower, and the
    clerk opens and leaves the live screen many times in a day (DESIGN.md §8). The warm-up after
    the start ends here while the meeting is live: what lived then is not frozen for good."""
    import screens.app

    monkeypatch.setattr(screens.app, "WARM_UP_AFTER", 1.0)
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = Clock(START)
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await start_live(app, pilot)
        assert not app.warmed_up.is_set()  # live before the warm-up: its end finds the screen open
        for _ in range(100):
            if app.warmed_up.is_set():
                break
            await pilot.pause(0.05)
        assert app.warmed_up.is_set()
        # the screen, and widgets Textual itself holds on to (screens/leaks.py)
        kept = [weakref.ref(w) for w in (screen, screen.query_one(TitleBar), screen.query_one(TextArea))]
        del screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("s")  # and in again, and out: nothing of the first visit is left
        await pilot.pause()
        await pilot.press("escape")
        # a timer cancelled as the screen went keeps the screen's context in the event loop until
        # the moment it would have fired (a fraction of a second); after that nothing may hold it
        await pilot.pause(0.5)
        gc.collect()
        assert [ref() for ref in kept] == [None, None, None]


async def test_deputy_and_unexpected_attendee_join_the_list(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # attendance from the meeting's overview, before it starts
        await pilot.pause()
        roll = app.screen
        assert isinstance(roll, AttendanceScreen)
        table = roll.query_one("#roll", DataTable)
        table.move_cursor(row=table.get_row_index(str(person(book, "NF"))))
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"Jane Doe")
        await pilot.pause()
        assert app.screen.query_one("#initials").value == "JD"
        app.screen.query_one("#role").value = "Deputy Chief Finance Officer"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Sam Price")
        await pilot.pause()
        # SP is free; a clash with MP/JP would have been avoided by the suggestion
        suggested = app.screen.query_one("#initials").value
        app.screen.query_one("#note").value = "minutes"
        await pilot.press("enter")
        await pilot.pause()
    rows = {a.person_id: a for a in list_attendance(book, upcoming)}
    jane = person_by_initials(book, 1, "JD")
    assert jane is not None and jane.name == "Jane Doe"
    assert rows[jane.id].deputy_for_id == person(book, "NF")
    assert rows[jane.id].role == "Deputy Chief Finance Officer"
    assert rows[person(book, "NF")].status is AttendanceStatus.apologies  # sent their deputy
    sam = person_by_initials(book, 1, suggested)
    assert rows[sam.id].note == "minutes" and rows[sam.id].group.value == "in_attendance"


async def test_a_name_that_matches_nobody_is_explained_and_nothing_recorded(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = Clock(START)
    async with app.run_test(size=(110, 32)) as pilot:
        await start_live(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("z", "q", "x", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MovementForm)
        assert "No one on this body matches that" in str(form.query_one("#error", Static).content)
        await pilot.press("escape")  # what was typed is not dropped without asking
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    assert list_movements(book, upcoming) == []


async def test_the_overview_shows_the_roll_as_ticked(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(130, 45)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert text_of(app.screen, "#expected").startswith("Expected, not yet ticked: HM, PN")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("p", "a", "r")  # HM present, PN apologies, OC remote
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        roll = text_of(app.screen, "#expected").splitlines()
        assert roll[:3] == ["Present: HM", "Remote: OC", "Apologies: PN"]
        assert roll[3].startswith("Expected, not yet ticked: GA, TW")
    statuses = {a.person_id: a.status for a in list_attendance(book, upcoming)}
    assert statuses[person(book, "PN")] is AttendanceStatus.apologies


def footer_words(screen) -> list[str]:
    from screens.footer import Footer

    return [key.description for key in screen.query_one(Footer).shown]


async def test_the_footer_follows_the_keys_each_screen_offers(demo) -> None:
    """The footer is rebuilt only when its keys change (screens/footer.py): it must still follow
    every change — a planned meeting offers "Start meeting", a started one "Live screen"."""
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = Clock(START)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        overview = app.screen
        assert "Start meeting" in footer_words(overview)
        assert "Live screen" not in footer_words(overview)
        live = await start_live(app, pilot)
        await pilot.pause()
        assert {"Decision", "Action", "Next"} <= set(footer_words(live))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is overview
        assert "Live screen" in footer_words(overview)
        assert "Start meeting" not in footer_words(overview)


async def test_the_live_agenda_marks_items_done_and_the_current_one(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(110, 32)) as pilot:
        live = await start_live(app, pilot)
        clock.on(4)
        await pilot.press("ctrl+n")
        clock.on(3)
        await pilot.press("ctrl+n")
        await pilot.pause()
        agenda = live.query_one(LiveAgenda)
        lines = agenda.plain.splitlines()
        by_number = {line.split()[0]: line for line in lines if line.strip()}
        assert by_number["✓1"].rstrip().endswith("09.00  09.02")  # planned, began
        assert by_number["✓1a"].rstrip().endswith("09.06")
        assert by_number["▶1b"].rstrip().endswith("09.09")
        assert "2" in by_number and not by_number["2"].rstrip().endswith("09.09")  # not begun
        # a title longer than its column is cut with …, and every row is the pane's width or less
        assert any("…" in line for line in lines)
        assert max(len(line) for line in lines) <= 40
        # the pane's title and the columns' headings are its first two rows, drawn in the pane
        assert agenda.render_line(0).text.split() == ["Agenda"]
        assert agenda.render_line(1).text.split() == ["No.", "Item", "Plan", "Began"]
        assert [agenda.render_line(y).text.rstrip() for y in (2, 3)] == lines[:2]
