"""What the clerk sees is what is recorded (issue 15): the live screen's own cases — the next
item after items taken out of order, and the quorum badge in a clerk's words."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import TextArea

from db.demo import build_demo
from db.meetings import list_items
from db.minutes import get_minute
from screens.app import SecretaryApp
from screens.live_bar import LiveBar
from screens.minute_editor import ItemLines
from secretary.agenda import next_untaken
from secretary.models import AgendaItem, Minute
from tests.pilot import go_live, go_to, shown

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


async def test_next_goes_to_the_next_item_not_taken_and_going_back_says_so(demo) -> None:
    book, upcoming = demo
    by_number = {i.number: i for i in list_items(book, upcoming)}
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(app, pilot)
        await go_to(pilot, "7")
        await pilot.press(*"Seven.")
        await go_to(pilot, "6")
        assert live.record.current_item_id == by_number["6"].id
        await pilot.press("ctrl+n")  # item 7 was taken already: next is 8
        await pilot.pause()
        assert live.record.current_item_id == by_number["8"].id
        assert shown(live, "#item-title").startswith("8. ")
        await pilot.press(*"Eight.")
        await pilot.pause()
        assert get_minute(book, by_number["8"].id).notes == "Eight."
        assert get_minute(book, by_number["7"].id).notes == "Seven."  # nothing meant for 8 on the end of 7
        await go_to(pilot, "7")  # going back is explicit, and visible
        assert shown(live, "#item-title").startswith("RESUMED  7. ")
        assert live.query_one("#notes", TextArea).text == "Seven."
        assert any(n.title == "Resumed" for n in app._notifications)


def test_next_untaken_wraps_to_the_first_left_and_ends_when_all_are_taken() -> None:
    items = [AgendaItem(id=n, meeting_id=1, title=f"Item {n}", position=n, number=str(n)) for n in range(1, 5)]
    taken = lambda *ids: [Minute(item_id=i, started_at=START, taken_order=k) for k, i in enumerate(ids, 1)]  # noqa: E731
    assert next_untaken(items, taken(1, 3), 3).id == 4
    assert next_untaken(items, taken(1, 3, 4), 4).id == 2  # past the end: the first not taken
    assert next_untaken(items, taken(1, 2, 3, 4), 2) is None


async def test_the_badge_says_who_is_present_and_what_is_needed(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(app, pilot)
        badge = live.query_one(LiveBar).part("quorum").strip()
        assert badge.startswith("INQUORATE") and " of " not in badge  # nobody ticked yet
        assert "present · 8 needed" in badge or "in the room" in badge


def typed_ahead(app, keys: list[str]) -> None:
    """Keys as a terminal delivers them to a clerk typing fast: all queued at once, none waiting
    for the one before to be handled (Pilot.press waits, which no clerk does)."""
    from textual import events

    for key in keys:
        char = {"space": " ", "tab": "\t", "enter": "\r"}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # as the terminal driver hands keys over


async def test_keys_typed_while_a_form_opens_reach_it_in_order(demo) -> None:
    from db.minutes import list_meeting_decisions

    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(app, pilot)
        await pilot.press(*"Notes.")
        await pilot.pause()
        words = ["f6", *"noted", "tab", *"the", "space", *"report", "enter"]
        typed_ahead(app, words)
        from screens.confirm import ConfirmScreen

        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ConfirmScreen):  # nobody ticked: "record it as inquorate?"
                await pilot.press("enter")
            if list_meeting_decisions(book, upcoming):
                break
        await pilot.pause()
        [decision] = list_meeting_decisions(book, upcoming)
        assert (decision.verb.value, decision.text) == ("noted", "the report")
        assert live.query_one("#notes", TextArea).text == "Notes."  # none of it landed in the notes


async def test_no_declarations_written_early_is_flagged_once_a_declaration_is_recorded(demo) -> None:
    from screens.declaration_form import DeclarationForm
    from textual.widgets import Input

    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(app, pilot)
        await go_to(pilot, "1c")
        await pilot.press(*"There were no declarations of interest.")
        await pilot.pause()
        check = live.query_one(ItemLines)
        assert check.part("item-check") == ""  # true when written
        await go_to(pilot, "7")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationForm)
        await pilot.press(*"HM")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#interest", Input).value = "Trustee of a local charity"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await go_to(pilot, "1c")
        assert "no declarations of interest, but 1 was recorded (HM)" in check.part("item-check")
        # drawn first under the notes, in the warning's colour
        await pilot.pause()
        first = check.render_line(0)
        assert first.text.startswith("⚠ ")
        warning = check.get_component_rich_style("item-lines--check")
        assert next(seg.style for seg in first if seg.text.strip()).color == warning.color


def test_usual_sentences_are_worked_out_for_the_moment_the_item_was_taken(tmp_path: Path) -> None:
    from datetime import timedelta

    from db import live as meeting_live
    from db.attendance import list_attendance
    from db.meetings import update_item
    from db.record import read_record
    from secretary.models import Movement, MovementKind, Phase

    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    with book:
        items = {i.number: i for i in list_items(book, upcoming)}
        meeting_live.start_meeting(book, upcoming, START)
        meeting_live.take_item(book, upcoming, items["1b"].id, START + timedelta(minutes=5))  # quoracy, empty room
        for row in list_attendance(book, upcoming):  # everyone arrives later, during item 1b
            meeting_live.record_movement(book, Movement(
                meeting_id=upcoming, person_id=row.person_id, kind=MovementKind.arrived,
                at=START + timedelta(minutes=20), item_id=items["1b"].id, phase=Phase.during))
        meeting_live.take_item(book, upcoming, items["2"].id, START + timedelta(minutes=30))
        record = read_record(book, upcoming)
        assert record.quorum().quorate  # at the end of the meeting …
        assert record.standard_text(items["1b"]).startswith("The meeting was not quorate")  # … but not at 1b
        # the minutes item names a meeting the book does not hold: the date comes from its title
        renamed = items["1d"].model_copy(update={"title": "Minutes from meeting held on 27 September 2024"})
        update_item(book, renamed)
        without = read_record(book, upcoming)
        without = dataclasses.replace(without, previous_date=None)
        assert "held on 27 September 2024 were approved" in without.standard_text(renamed)


async def test_closing_lists_the_items_not_taken_and_keeps_what_became_of_each(demo) -> None:
    from db.meetings import get_meeting
    from screens.untaken import UntakenScreen
    from secretary.models import Disposal, MeetingStatus

    book, upcoming = demo
    items = list_items(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(120, 40)) as pilot:
        live = await go_live(app, pilot)
        untaken_before = live.record.untaken
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, UntakenScreen)
        assert [i.id for i in app.screen.items] == [i.id for i in untaken_before] and len(untaken_before) > 5
        await pilot.press("w")  # the first: withdrawn
        await pilot.press("down")
        await pilot.press("d")  # the second: deferred to 31 October, read against the meeting's date
        await pilot.pause()
        await pilot.press(*"31 Oct", "enter")
        await pilot.pause()
        shown_row = [str(cell) for cell in app.screen.query_one("#untaken").get_row_at(1)]
        assert shown_row[2].startswith("deferred to ") and "2025" in shown_row[2]  # what it understood, year and all
        await pilot.press("enter")  # close
        await pilot.pause()
        assert "CLOSED" in live.query_one(LiveBar).part("clock")
    assert get_meeting(book, upcoming).status is MeetingStatus.closed
    first, second = untaken_before[0].id, untaken_before[1].id
    assert get_minute(book, first).disposal is Disposal.withdrawn
    deferred = get_minute(book, second)
    assert deferred.disposal is Disposal.deferred and deferred.deferred_to.isoformat() == "2025-10-31"
    assert len(items) > len(untaken_before)
    from db.record import read_record
    from secretary.exports.minutes import RENDERERS
    from secretary.minutes_doc import build_minutes

    printed = RENDERERS["md"](build_minutes(read_record(book, upcoming)))
    printed = printed.decode() if isinstance(printed, bytes) else printed
    assert "Withdrawn." in printed and "Deferred to 31 October 2025." in printed


def test_an_item_deferred_to_the_next_meeting_is_on_its_agenda(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from db import live as meeting_live
    from db.meetings import create_meeting_from, get_meeting
    from db.minutes import record_disposal
    from secretary.models import Disposal, Meeting

    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    with book:
        items = {i.number: i for i in list_items(book, upcoming)}
        meeting_live.start_meeting(book, upcoming, START)
        meeting_live.close_meeting(book, upcoming, START + timedelta(hours=1))
        record_disposal(book, items["7"].id, Disposal.deferred)  # to the next meeting
        record_disposal(book, items["8"].id, Disposal.deferred, deferred_to=date(2026, 1, 9))  # much later
        record_disposal(book, items["9"].id, Disposal.withdrawn)
        march = get_meeting(book, upcoming)
        june = create_meeting_from(book, Meeting(body_id=march.body_id, title="Board", date=date(2025, 6, 27)),
                                   march.id)
        titles = [i.title for i in list_items(book, june.id)]
        assert items["7"].title in titles
        assert items["8"].title not in titles and items["9"].title not in titles
