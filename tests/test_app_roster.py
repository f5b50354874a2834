"""The membership editor, driven the way a clerk does before a meeting: a new member, a member
changing seat, initials that clash, and a member who leaves (their history stays)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from db.attendance import list_attendance
from db.bodies import list_bodies
from db.demo import build_demo
from db.meetings import list_meetings
from db.people import list_people, person_by_initials, person_record, roster
from screens.app import SecretaryApp
from screens.member_form import MemberFormScreen
from screens.roster import RosterScreen
from secretary.models import Category, Group

APRIL = datetime(2025, 4, 10, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def body_id(book) -> int:
    return list_bodies(book)[0].id


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def column(screen, index: int) -> list[str]:
    table = screen.query_one("#roster", DataTable)
    return [str(table.get_row_at(r)[index]) for r in range(table.row_count)]


def everyone(book) -> list[tuple]:
    """Every person and seat in the demo body, as the book holds them."""
    return [(s.person, s.membership) for s in roster(book, body_id(book))]


def attended(book, person_id: int) -> dict[int, list]:
    return {m.id: [a for a in list_attendance(book, m.id) if a.person_id == person_id] for m in list_meetings(book)}


async def open_roster(pilot, app) -> RosterScreen:
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, RosterScreen)
    return app.screen


async def change(pilot, app, initials: str, key: str = "e") -> MemberFormScreen:
    roster_screen = app.screen
    row = column(roster_screen, 1).index(initials)
    roster_screen.query_one("#roster", DataTable).move_cursor(row=row)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, MemberFormScreen)
    return app.screen


async def retype(pilot, form, selector: str, text: str) -> None:
    field = form.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def test_clerk_adds_a_member_with_initials_that_do_not_collide(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormScreen)
        await pilot.press(*"Harry Moss")  # HM is Helen Marsh's
        await pilot.pause()
        assert form.query_one("#initials", Input).value == "HMo"
        assert text_of(form, "#initials-hint") == (
            "Suggested HMo: initials are unique in the NICB, and no one else has these.")
        form.query_one("#category", Select).value = Category.non_executive
        await retype(pilot, form, "#role", "Non-Executive Member")
        form.query_one("#voting", Checkbox).focus()
        await pilot.press("space")
        await retype(pilot, form, "#start", "01/04/2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        row = column(screen, 1).index("HMo")
        assert column(screen, 0)[row] == "Harry Moss"
        assert column(screen, 2)[row] == "Non-executive"
        assert column(screen, 4)[row] == "yes"
        assert column(screen, 5)[row] == "01/04/2025"
        assert text_of(screen, "#counts").startswith("24 people in post today, 15 voting members.")
    person = person_by_initials(book, body_id(book), "HMo")
    seat = next(s.membership for s in roster(book, body_id(book)) if s.person.id == person.id)
    assert (person.name, seat.category, seat.role, seat.voting, seat.group, seat.start_date) == (
        "Harry Moss", Category.non_executive, "Non-Executive Member", True, Group.member, date(2025, 4, 1))


async def test_clerk_changes_a_members_category_vote_role_and_initials(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot, app)
        form = await change(pilot, app, "TW")  # the associate non-executive becomes a voting non-executive
        assert "Listed at 2 meetings" in text_of(form, "#record")
        form.query_one("#category", Select).value = Category.non_executive
        form.query_one("#voting", Checkbox).value = True
        await retype(pilot, form, "#role", "Non-Executive Member")
        await retype(pilot, form, "#initials", "TWh")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        row = column(screen, 1).index("TWh")
        assert (column(screen, 2)[row], column(screen, 3)[row], column(screen, 4)[row]) == (
            "Non-executive", "Non-Executive Member", "yes")
        assert text_of(screen, "#counts").startswith("23 people in post today, 15 voting members.")
    person = person_by_initials(book, body_id(book), "TWh")
    assert person.name == "Tom Whitlock"
    assert person_by_initials(book, body_id(book), "TW") is None
    seat = next(s.membership for s in roster(book, body_id(book)) if s.person.id == person.id)
    assert (seat.category, seat.voting, seat.role) == (Category.non_executive, True, "Non-Executive Member")
    # his history follows the person, whatever the initials
    assert person_record(book, person.id).meetings == 2


async def test_initials_that_clash_are_refused_plainly_and_nothing_changes(demo) -> None:
    book, _ = demo
    before = everyone(book)
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot, app)
        form = await change(pilot, app, "TW")
        await retype(pilot, form, "#initials", "HM")
        hint = text_of(form, "#initials-hint")
        assert "HM is already Dr Helen Marsh's initials: initials must be unique within the NICB." in hint
        assert "Try TW." in hint  # his own, which nobody else has
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, with the reason
        assert "initials must be unique within the NICB" in text_of(form, "#error")
        await pilot.press("escape")  # asks before dropping the typing
        await pilot.pause()
        assert "Discard your changes?" in str(app.screen.query_one(".question", Static).render())
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        # a new member given someone else's initials is refused the same way
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Alan Sharp")
        await retype(pilot, form, "#initials", "ASh")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "ASh is already Dr Alan Shaw's initials" in text_of(form, "#error")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is screen
        assert len(column(screen, 1)) == 23
    assert everyone(book) == before


async def test_a_bad_date_or_a_voting_attendee_is_explained_and_nothing_changes(demo) -> None:
    book, _ = demo
    before = everyone(book)
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_roster(pilot, app)
        form = await change(pilot, app, "NF")
        await retype(pilot, form, "#start", "01/04/2025")
        await retype(pilot, form, "#end", "31/03/2025")
        await pilot.press("enter")
        await pilot.pause()
        assert "a seat cannot end (31/03/2025) before it starts (01/04/2025)" in text_of(form, "#error")
        await retype(pilot, form, "#end", "the end of March")
        await pilot.press("enter")
        await pilot.pause()
        assert "until: could not read" in text_of(form, "#error")
        await pilot.press("escape", "y")
        await pilot.pause()
        form = await change(pilot, app, "KA")  # an attendee
        form.query_one("#voting", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "attendees never hold a voting seat" in text_of(form, "#error")
        await pilot.press("escape", "y")
        await pilot.pause()
    assert everyone(book) == before


async def test_a_member_who_leaves_keeps_their_history_and_is_shown_on_request(demo) -> None:
    book, upcoming = demo
    nf = person_by_initials(book, body_id(book), "NF")
    record = person_record(book, nf.id)
    assert record.meetings == 2 and record.actions >= 1
    listed = attended(book, nf.id)
    app = SecretaryApp(book)
    app.now = lambda: APRIL
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_roster(pilot, app)
        form = await change(pilot, app, "NF", key="x")
        assert text_of(form, ".title") == "End Neil Foster's seat"
        assert form.query_one("#end", Input).value == "10/04/2025"  # today, to be corrected
        assert app.focused is form.query_one("#end", Input)
        await retype(pilot, form, "#end", "31/03/2025")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "NF" not in column(screen, 1)
        assert text_of(screen, "#counts") == (
            "22 people in post today, 13 voting members. 1 former member hidden (f to switch).")
        await pilot.press("f")
        await pilot.pause()
        row = column(screen, 1).index("NF")
        assert column(screen, 0)[row] == "Neil Foster (former)"
        assert column(screen, 6)[row] == "31/03/2025"
        assert "1 former member shown" in text_of(screen, "#counts")
        await pilot.press("f")
        await pilot.pause()
        assert "NF" not in column(screen, 1)
    # the person, their attendance, actions and declarations are all still in the book
    assert nf in list_people(book, body_id(book))
    assert person_record(book, nf.id) == record
    assert attended(book, nf.id) == listed
    # in post at the March meeting, not after it
    assert nf.id in {s.person.id for s in roster(book, body_id(book), on=date(2025, 3, 21))}
    assert nf.id not in {s.person.id for s in roster(book, body_id(book), on=date(2025, 4, 1))}
