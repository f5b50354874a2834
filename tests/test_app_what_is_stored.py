"""What the clerk sees is what is recorded: a verb, a date, a name, a note on the roll, an edit
dropped with Escape, the roll call's cursor — each driven as a clerk would, at the demo's March meeting."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from db.actions import get_action_by_number
from db.attendance import list_attendance
from db.demo import build_demo
from db.meetings import list_items
from db.minutes import get_minute, list_decisions
from db.people import person_by_initials
from screens.action_form import ActionForm
from screens.app import SecretaryApp
from screens.line_table import LineTable
from screens.attendance import AttendanceScreen
from screens.confirm import ConfirmScreen
from screens.decision_form import DecisionForm, DecisionsScreen
from screens.live import LiveScreen
from secretary.models import AttendanceStatus, DecisionVerb
from tests.pilot import go_live, shown, type_text

EVERYONE = "p" * 15  # the roll ticked present down the list

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
LATER = datetime(2026, 12, 1, 22, 0, tzinfo=timezone.utc)  # the clerk tidies up long after the meeting


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


async def test_a_prefix_of_two_verbs_is_listed_not_guessed(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll=EVERYONE)
        await pilot.press("f6")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DecisionForm)
        await type_text(pilot, "not")
        await pilot.pause()
        verb = form.query_one("#verb", Input)
        assert verb._suggestion == ""  # no completion drawn: "not" could be either
        assert "could be noted or not approved" in shown(form, "#verb-read")
        await pilot.press("tab")
        await type_text(pilot, "the late paper")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and list_decisions(book, item.id) == []  # refused, not guessed
        assert "could be noted or not approved" in shown(form, "#error")
        assert verb.has_focus
        await type_text(pilot, "not a")  # the field's text is selected on focus: typing replaces it
        await pilot.press("tab")  # leaving the field puts the whole verb in it
        await pilot.pause()
        assert verb.value == "not approved"
        assert shown(form, "#verb-read") == "The Board did not approve the late paper."
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    [decision] = list_decisions(book, item.id)
    assert (decision.verb, decision.text) == (DecisionVerb.not_approved, "the late paper")


async def test_a_unique_start_completes_to_the_verb_that_is_stored(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll=EVERYONE)
        await pilot.press("f6")
        await pilot.pause()
        form = app.screen
        await type_text(pilot, "note")
        await pilot.pause()
        assert form.query_one("#verb", Input)._suggestion == "noted"
        await pilot.press("tab")
        await type_text(pilot, "the report")
        await pilot.pause()
        assert form.query_one("#verb", Input).value == "noted"
        assert shown(form, "#verb-read") == "The Board noted the report."
        await pilot.press("enter")
        await pilot.pause()
    [decision] = list_decisions(book, item.id)
    assert decision.verb is DecisionVerb.noted


async def test_a_due_date_is_read_against_the_meetings_date_and_shown(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: LATER
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll="")
        await pilot.press("f7")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        await type_text(pilot, "Circulate the plan")
        await pilot.press("enter")
        await type_text(pilot, "cb")
        await pilot.press("enter")
        await type_text(pilot, "31 Oct")
        await pilot.pause()
        assert shown(form, "#due-read") == "Due → Fri 31 Oct 2025"  # seen before it is saved
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    action = get_action_by_number(book, 1, 65)
    assert action.due_text == "31 Oct" and action.due_date == date(2025, 10, 31)


async def test_presenters_complete_in_the_rosters_spelling_from_any_word(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    jp = "Dr Joanna Price, Chief Medical Director (CMD)"
    async with app.run_test(size=(110, 32)) as pilot:
        live = await go_live(app, pilot, roll=EVERYONE)
        field = live.query_one("#presenters", Input)
        field.focus()
        await type_text(pilot, "dr jo")
        await pilot.pause()
        assert field.render_line(0).text.startswith("dr jo  → Dr Joanna")  # shows what → will put there
        assert field._suggestion == jp
        await pilot.press("right")  # accept the completion: the roster's spelling, not the typing's
        await pilot.pause()
        assert field.value == jp
        await type_text(pilot, " and joa")  # a first name finds her too
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert field.value == f"{jp} and {jp}"
        field.value = f"{jp} and "
        await type_text(pilot, "cfo")  # a role finds the person who holds it
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert field.value.startswith(f"{jp} and Neil Foster, Chief Finance Officer")
        await pilot.press("ctrl+n")  # the minute is written when the item changes
        await pilot.pause()
    assert get_minute(book, item.id).presenters.startswith(f"{jp} and Neil Foster, Chief Finance Officer")


def cursor_person(roll) -> int:
    table = roll.query_one("#roll", DataTable)
    return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def open_roll(app, pilot) -> AttendanceScreen:
    await pilot.pause()
    await pilot.press("t")  # the roll call, from the meeting's overview
    await pilot.pause()
    assert isinstance(app.screen, AttendanceScreen)
    return app.screen


async def test_anyone_on_the_roll_can_be_given_a_note_and_the_minutes_print_it(demo) -> None:
    from db.record import read_record
    from secretary.exports.minutes import to_markdown
    from secretary.minutes_doc import build_minutes

    book, upcoming = demo
    lh = person_by_initials(book, 1, "LH").id
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        roll = await open_roll(app, pilot)
        table = roll.query_one("#roll", DataTable)
        table.move_cursor(row=table.get_row_index(str(lh)))
        await pilot.press("p")  # present; the cursor moves on, as a roll call goes
        await pilot.press("up", "o")
        await pilot.pause()
        await type_text(pilot, "for item 8")
        await pilot.pause()
        assert "(for item 8)" in shown(app.screen, "#note-read")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is roll and cursor_person(roll) == lh
        assert str(table.get_row(str(lh))[5]) == "for item 8"
    row = next(a for a in list_attendance(book, upcoming) if a.person_id == lh)
    assert row.note == "for item 8" and row.status is AttendanceStatus.present
    minutes = to_markdown(build_minutes(read_record(book, upcoming))).decode()
    assert "(for item 8)" in minutes


async def test_the_roll_call_cursor_stays_where_the_clerk_was(demo) -> None:
    book, upcoming = demo
    nf, cb = person_by_initials(book, 1, "NF").id, person_by_initials(book, 1, "CB").id
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        roll = await open_roll(app, pilot)
        table = roll.query_one("#roll", DataTable)
        table.move_cursor(row=table.get_row_index(str(nf)))
        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "Jane Doe")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is roll and cursor_person(roll) == nf  # not on the deputy's new row
        table.move_cursor(row=table.get_row_index(str(cb)))
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Sam Price")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_person(roll) == cb
        await pilot.press("r")  # marks the person under the cursor
        await pilot.pause()
    rows = {a.person_id: a for a in list_attendance(book, upcoming)}
    assert rows[cb].status is AttendanceStatus.remote
    assert rows[person_by_initials(book, 1, "JD").id].status is AttendanceStatus.present


async def test_escape_asks_before_dropping_an_edited_decision(demo) -> None:
    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll=EVERYONE)
        await pilot.press("f6")
        await pilot.pause()
        await type_text(pilot, "noted")
        await pilot.press("enter")
        await type_text(pilot, "the report")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        await type_text(pilot, "app")
        await pilot.press("enter")  # the verb is taken, the cursor on to the text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # asked, not dropped
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert app.screen is form and form.query_one("#verb", Input).value == "approved"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: closes without asking
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
    [decision] = list_decisions(book, item.id)
    assert (decision.verb, decision.text) == (DecisionVerb.approved, "the report")


@pytest.mark.parametrize("key", ["f7", "f8"])
async def test_escape_asks_before_dropping_a_half_typed_action_or_declaration(demo, key: str) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll=EVERYONE)
        await pilot.press(key)
        await pilot.pause()
        form = app.screen
        await type_text(pilot, "cb")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # Discard
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen) and form not in app.screen_stack


async def test_a_decision_typed_fast_lands_in_the_fields_it_was_typed_for(demo) -> None:
    """Keys sent in one burst, as a fast typist (or tmux) sends them: Tab and Enter move on before
    the next key is read, so no word lands in the field before."""
    from textual import events

    book, upcoming = demo
    item = list_items(book, upcoming)[0]
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await go_live(app, pilot, roll=EVERYONE)
        for opening, burst in (("f6", "app\tthe agenda\r"), ("f6", "def\rthe late paper\r")):
            await pilot.press(opening)
            await pilot.pause()
            for ch in burst:
                key = {"\t": "tab", "\r": "enter", " ": "space"}.get(ch, ch)
                app.post_message(events.Key(key, ch if ch not in "\t\r" else None))
            for _ in range(10):
                await pilot.pause()
            assert isinstance(app.screen, LiveScreen)  # recorded, not refused as "appthe agenda"
    assert [(d.verb, d.text) for d in list_decisions(book, item.id)] == [
        (DecisionVerb.approved, "the agenda"), (DecisionVerb.deferred, "the late paper")]


async def test_a_new_deadline_in_the_tracker_is_shown_as_understood(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        table = app.screen.query_one("#tracker", LineTable)
        numbers = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        table.move_cursor(row=numbers.index("62"))
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "end of Sep 2025")
        await pilot.pause()
        assert shown(app.screen, "#text-read") == "→ Tue 30 Sep 2025"
        await pilot.press("enter")
        await pilot.pause()
    assert get_action_by_number(book, 1, 62).due_date == date(2025, 9, 30)
