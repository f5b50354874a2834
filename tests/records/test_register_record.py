"""A publishable, live register of interests: the 13-column export with Nil declarations and
the date each was last confirmed; stale entries and members with no entry flagged; a
declaration made at a meeting offered for the register and added only when the clerk says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from db.bodies import list_bodies
from db.demo import build_demo
from db.meetings import list_items, list_meetings
from db.minutes import add_declaration, list_declarations, list_interests
from db.people import person_by_initials, roster
from db.register import add_to_register, confirm_entry, confirmations, interest_sources, unregistered_declarations
from screens.app import SecretaryApp
from screens.minute_editor import ItemLines
from screens.register import RegisterScreen
from screens.register_offer import DeclaredAtMeetingsScreen
from secretary.importers.register import COLUMNS
from secretary.models import Declaration, InterestNature
from secretary.published_table import to_csv, to_markdown
from secretary.register_record import register_flags, register_reminder, register_table


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


def test_the_export_has_the_13_published_columns_nil_declarations_and_confirmations(demo) -> None:
    book, _ = demo
    body = list_bodies(book)[0]
    femi = person_by_initials(book, body.id, "FA")
    confirm_entry(book, body.id, femi.id, date(2025, 3, 21))
    table = register_table(body.name, list_interests(book, body.id), confirmations(book, body.id),
                           today=date(2025, 3, 21))
    assert table.columns == COLUMNS and len(COLUMNS) == 13
    nil = next(row for row in table.rows if row[0] == "Adebayo")
    assert nil[3] == "No" and nil[8] == "Nil" and nil[12] == "02/05/2024; confirmed 21/03/2025"
    text = to_markdown(table).decode()
    assert "| Surname | Forename | Position | Interests to Declare |" in text


def test_csv_cells_that_would_run_as_formulas_are_defused(demo) -> None:
    book, _ = demo
    body = list_bodies(book)[0]
    interest = list_interests(book, body.id)[0].model_copy(update={"details": "=HYPERLINK(\"x\")"})
    csv_text = to_csv(register_table(body.name, [interest], {}, today=date(2025, 3, 21))).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text


def test_stale_entries_and_members_with_no_entry_are_flagged(demo) -> None:
    book, _ = demo
    body = list_bodies(book)[0]
    interests = list_interests(book, body.id)
    seats = roster(book, body.id)
    flags = register_flags(interests, seats, {}, today=date(2025, 3, 21))
    stale_people = {e.interest.surname for e in flags.stale}
    assert "Adeyemi" in stale_people  # declared 14/06/2023
    assert "Adebayo" not in stale_people  # declared 02/05/2024
    entered = {i.person_id for i in interests}
    assert {p.id for p in flags.missing} == {s.person.id for s in seats if s.person.id not in entered
                                             and s.membership.group.value != "in_attendance"}
    adeyemi = person_by_initials(book, body.id, "GA")
    confirm_entry(book, body.id, adeyemi.id, date(2025, 1, 10))
    again = register_flags(interests, seats, confirmations(book, body.id), today=date(2025, 3, 21))
    assert "Adeyemi" not in {e.interest.surname for e in again.stale}
    assert register_reminder(again).startswith("Register of interests: ")


def declare(book, meeting_id: int, item_id: int, initials: str, text: str) -> Declaration:
    person = person_by_initials(book, 1, initials)
    return add_declaration(book, Declaration(meeting_id=meeting_id, item_id=item_id, person_id=person.id,
                                             interest=text, nature=InterestNature.indirect))


def test_a_declaration_not_on_the_register_is_offered_and_added_with_its_source(demo) -> None:
    book, upcoming = demo
    december = next(m for m in list_meetings(book, 1) if m.date == date(2024, 12, 13))
    item = next(i for i in list_items(book, december.id) if i.number == "9")
    declare(book, december.id, item.id, "NF", "Spouse is a partner in Riverside Audit LLP")
    offered = unregistered_declarations(book, 1)
    assert [o.declaration.interest for o in offered] == ["Spouse is a partner in Riverside Audit LLP"]
    stored = add_to_register(book, 1, offered[0])
    assert stored.indirect and stored.date_declared == date(2024, 12, 13) and stored.surname == "Foster"
    assert interest_sources(book, 1)[stored.id] == (december.id, item.id)
    assert list_declarations(book, december.id)[0].interest_id == stored.id
    assert unregistered_declarations(book, 1) == []


async def test_the_clerk_adds_a_meeting_declaration_from_the_register_screen(demo) -> None:
    book, upcoming = demo
    december = next(m for m in list_meetings(book, 1) if m.date == date(2024, 12, 13))
    item = next(i for i in list_items(book, december.id) if i.number == "9")
    declare(book, december.id, item.id, "NF", "Spouse is a partner in Riverside Audit LLP")
    held = len(list_interests(book, 1))
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        flags = str(screen.query_one("#register-flags", Static).content)
        assert "not confirmed in the last 12 months" in flags and "1 declaration made at meetings" in flags
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, DeclaredAtMeetingsScreen)
        row = app.screen.query_one("#declared", DataTable).get_row_at(0)
        assert "declared at the meeting of 13/12/2024, item 9" in str(row[2])
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # not now: nothing is added
        await pilot.pause()
        assert len(list_interests(book, 1)) == held
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(list_interests(book, 1)) == held + 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)
        assert "made at meetings" not in str(app.screen.query_one("#register-flags", Static).content)


async def test_the_interests_item_of_the_next_meeting_flags_the_register(demo) -> None:
    from datetime import datetime, timezone

    from screens.live import LiveScreen

    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("1", "c", "enter")
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        shown = live.query_one(ItemLines).part("declarations")
        assert "Register of interests: " in shown and "not confirmed in the last 12 months" in shown
        await pilot.press("ctrl+n")  # 1d, the minutes: no reminder there
        await pilot.pause()
        assert "Register of interests" not in live.query_one(ItemLines).part("declarations")
