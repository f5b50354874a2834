"""Who is in the chair, driven as a clerk drives it: the Chair leaves at item 9, the clerk is
asked who takes the chair and picks the Deputy Chair, the quorum badge shows the chair filled,
the Chair comes back at item 12 — and the minutes say "PN took the chair for items 9 to 11"."""

from __future__ import annotations

from datetime import datetime, timezone

from textual.widgets import OptionList, Static

from db.chair import list_chairing
from db.record import read_record
from screens.app import SecretaryApp
from screens.chair_picker import ChairPicker
from screens.live_bar import LiveBar
from secretary.exports.minutes import render
from secretary.minutes_doc import build_minutes
from tests.test_app_live import Clock, demo, person, record, start_live, tick_roll  # noqa: F401 - demo: fixture

START = datetime(2025, 3, 21, 9, 2, tzinfo=timezone.utc)
ROLL = 15  # everyone on the demo's list present: 14 voting members, 8 needed


def badge(live) -> str:
    return live.query_one(LiveBar).part("quorum").strip()


async def on_to(pilot, live, clock, number: str) -> None:
    """Ctrl+N, a few minutes apart, until item ``number`` is in the centre."""
    for _ in range(30):
        if str(live.query_one("#item-title", Static).content).startswith(f"{number}."):
            return
        clock.on(4)
        await pilot.press("ctrl+n")
        await pilot.pause()
    raise AssertionError(f"never reached item {number}")


async def chair_leaves_at_item_9(pilot, live, clock):
    await tick_roll(pilot, "p" * ROLL)
    assert badge(live) == "QUORATE · 14 present · 8 needed"
    await on_to(pilot, live, clock, "9")
    clock.on(2)
    await record(pilot, "f3", "HM")
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, ChairPicker)
    assert "HM left the meeting. Who takes the chair?" in str(picker.query_one(".title", Static).content)
    options = picker.query_one(OptionList)
    assert "PN" in str(options.get_option_at_index(0).prompt)  # the Deputy Chair first
    return picker


async def test_the_deputy_takes_the_chair_and_the_minutes_say_so(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start_live(app, pilot)
        await chair_leaves_at_item_9(pilot, live, clock)
        await pilot.press("enter")  # the Deputy Chair, offered first
        await pilot.pause()
        assert app.screen is live
        assert badge(live) == "QUORATE · 13 present · 8 needed · PN in the chair"
        item_9 = live.record.current_item
        assert [(c.person_id, c.item_id) for c in list_chairing(book, upcoming)] == [(person(book, "PN"), item_9.id)]
        assert live.record.quorum(item_9.id).quorate

        await on_to(pilot, live, clock, "12")
        clock.on(1)
        await record(pilot, "f5", "HM")
        assert not isinstance(app.screen, ChairPicker)  # coming back asks nothing
        assert badge(live) == "QUORATE · 14 present · 8 needed"

    markdown = render("md", build_minutes(read_record(book, upcoming))).decode()
    assert "PN took the chair for items 9 to 11." in markdown
    assert "HM resumed the chair." in markdown
    # each said beside the movement that made it, in the order it happened
    said = [markdown.index(line) for line in
            ("HM left the meeting.", "PN took the chair", "HM returned.", "HM resumed the chair.")]
    assert said == sorted(said)


async def test_no_one_in_the_chair_until_the_clerk_says_who(demo) -> None:
    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start_live(app, pilot)
        await chair_leaves_at_item_9(pilot, live, clock)
        await pilot.press("escape")  # no one yet
        await pilot.pause()
        assert badge(live) == "INQUORATE: no one in the chair"
        assert list_chairing(book, upcoming) == []

        from screens.help import keys_text

        assert "Record who is in the chair from now" in keys_text(live).plain  # F1 lists the key
        clock.on(1)
        await pilot.press("alt+c")
        await pilot.pause()
        assert isinstance(app.screen, ChairPicker)
        await pilot.press("O", "C", "enter")  # a non-executive who is not the Deputy Chair
        await pilot.pause()
        assert badge(live) == "INQUORATE: needs the Chair or Deputy Chair in the chair · OC in the chair"
        assert "needs the Chair or Deputy Chair in the chair" in live.query_one(LiveBar).part("missing")
        assert [c.person_id for c in list_chairing(book, upcoming)] == [person(book, "OC")]


async def test_the_chair_withdrawing_for_an_interest_is_asked_about_too(demo) -> None:
    from screens.declaration_form import DeclarationForm

    book, upcoming = demo
    clock = Clock(START)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = clock
    async with app.run_test(size=(120, 40)) as pilot:
        live = await start_live(app, pilot)
        await tick_roll(pilot, "p" * ROLL)
        await on_to(pilot, live, clock, "9")
        clock.on(1)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationForm)
        await pilot.press("H", "M", "enter", "enter")  # the Chair; her first register entry
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter")  # withdrew for the item
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ChairPicker)
        assert "HM withdrew for this item. Who takes the chair?" in str(picker.query_one(".title", Static).content)
        await pilot.press("enter")
        await pilot.pause()
        assert badge(live) == "QUORATE · 13 present · 8 needed · PN in the chair"

        clock.on(10)
        await pilot.press("ctrl+n")  # item 9 ends: the Chair comes back, and to the chair
        await pilot.pause()
        assert badge(live) == "QUORATE · 14 present · 8 needed"

    markdown = render("md", build_minutes(read_record(book, upcoming))).decode()
    assert "PN took the chair for item 9." in markdown
    item_10 = markdown.index("##### 10.")
    assert markdown.index("HM resumed the chair.") > item_10


async def test_after_the_meeting_a_change_of_chair_recorded_by_mistake_is_deleted(demo) -> None:
    from datetime import timedelta

    from db.chair import record_chairing
    from db.live import close_meeting, start_meeting
    from screens.chair_list import ChairingList
    from screens.live import LiveScreen

    book, upcoming = demo
    start_meeting(book, upcoming, START)
    first = read_record(book, upcoming).current_item_id
    record_chairing(book, upcoming, person(book, "PN"), first, START + timedelta(minutes=5))
    close_meeting(book, upcoming, START + timedelta(minutes=30))
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = Clock(START + timedelta(hours=3))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # the live screen, to tidy the minutes
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("alt+c")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, ChairingList)
        assert "PN took the chair" in str(listing.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("delete")
        await pilot.pause()
        assert list_chairing(book, upcoming) == []
        assert "the Chair chaired throughout" in str(listing.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
