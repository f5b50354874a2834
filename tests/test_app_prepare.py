"""Preparing a meeting, as a clerk does the week before: a new meeting carried forward from
the last one, and the agenda imported from the papers through the agenda editor."""

from __future__ import annotations

from datetime import date, time
from importlib import resources
from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input, Static

import db.meetings
from db.attendance import list_attendance
from db.demo import build_demo
from db.meetings import create_meeting_from, get_meeting, list_items, list_meetings
from secretary.carry_forward import opening_items
from db.people import roster
from db.rows import Refused
from screens.agenda_editor import AgendaEditorScreen
from screens.app import SecretaryApp
from screens.home import HomeScreen
from screens.line_table import LineTable
from screens.import_preview import AgendaFileScreen, ImportPreviewScreen
from screens.meeting_form import NewMeetingScreen
from secretary.agenda import in_order
from secretary.importers.agenda import parse_agenda_table
from secretary.models import AttendanceStatus, Meeting, Membership

DECEMBER, MARCH = 1, 2
JUNE = date(2025, 6, 27)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


@pytest.fixture
def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "papers" / "agenda-2025-03-21.tsv"
    path.parent.mkdir()
    path.write_text(resources.files("secretary.data.northbridge").joinpath("agenda-2025-03-21.tsv").read_text())
    return path


def printed(book, meeting_id: int) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in in_order(list_items(book, meeting_id))]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


# --- a new meeting from the previous one -----------------------------------------------


async def test_new_meeting_is_prefilled_from_the_previous_one_and_carries_it_forward(demo) -> None:
    book, _ = demo
    march = get_meeting(book, MARCH)
    app = SecretaryApp(book)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewMeetingScreen)
        copy = form.query_one("#copy", Checkbox)
        assert copy.value is True
        assert "Friday 21 March 2025" in str(copy.label)
        # what March said of the next meeting: 27 June 2025, 9am, venue to be confirmed
        assert form.query_one("#date", Input).value == "27/06/2025"
        assert form.query_one("#start", Input).value == "9.00am"
        assert form.query_one("#venue", Input).value == march.next_meeting_venue
        assert form.query_one("#title", Input).value == march.title
        await pilot.press("tab", *"10am")  # the clerk moves the start; the rest stays as prefilled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        dates = [str(app.screen.query_one("#meetings", LineTable).get_row_at(r)[0])
                 for r in range(len(app.screen.meetings))]
        assert "Friday 27 June 2025" in dates
    june = next(m for m in list_meetings(book) if m.date == JUNE)
    assert (june.planned_start, june.venue, june.title) == (time(10), march.next_meeting_venue, march.title)

    expected = list_attendance(book, june.id)
    in_post = {seat.person.id for seat in roster(book, june.body_id, on=JUNE)}
    assert {a.person_id for a in expected} == in_post
    assert {a.status for a in expected} == {AttendanceStatus.expected}
    was = {a.person_id: (a.group, a.role) for a in list_attendance(book, MARCH)}
    assert all((a.group, a.role) == was[a.person_id] for a in expected if a.person_id in was)

    # March's Opening Items section, renumbered, one hour later, the minutes now of 21 March
    items = printed(book, june.id)
    march_opening = [t for _, t in printed(book, MARCH)][:11]
    assert len(items) == 11
    assert [n for n, _ in items][:3] == ["1", "1a", "1b"]
    assert items[-1] == ("5", "CEO report")
    assert any("21 March 2025" in t for _, t in items)
    assert [t for _, t in items if "Minutes" not in t] == [t for t in march_opening if "Minutes" not in t]
    welcome = next(i for i in list_items(book, june.id) if i.title == "Welcome and Introductions")
    assert welcome.planned_start == time(10)
    assert printed(book, MARCH)[0] == ("1", "Welcome and Introductions")  # the previous meeting is untouched
    assert len(list_items(book, MARCH)) == 25


async def test_unticking_copy_creates_a_bare_meeting(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#copy", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert form.query_one("#date", Input).value == ""  # the prefilled fields empty again
        assert form.query_one("#venue", Input).value == ""
        form.query_one("#date", Input).focus()
        await pilot.press(*"4/7/2025", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    july = next(m for m in list_meetings(book) if m.date == date(2025, 7, 4))
    assert list_items(book, july.id) == []
    assert list_attendance(book, july.id) == []


def test_create_meeting_from_without_sections_copies_up_to_the_action_log(demo) -> None:
    """December's agenda has no sections: its opening runs to item 3 (minutes and action log)."""
    book, _ = demo
    december = get_meeting(book, DECEMBER)
    assert [i.number for i in opening_items(list_items(book, DECEMBER))] == ["", "1", "2", "3", "3a", "3b"]
    stored = create_meeting_from(book, Meeting(body_id=december.body_id, title="Extraordinary meeting",
                                               date=date(2025, 1, 10), planned_start=time(14)), DECEMBER)
    items = in_order(list_items(book, stored.id))
    assert [i.number for i in items] == ["1", "2", "3", "4", "4a", "4b"]
    assert items[-1].title == "Action log - attached" and items[-1].parent_id == items[3].id
    assert items[0].planned_start == time(14)  # Welcome was 9.30, the meeting started 9.30; now 2pm
    assert items[3].planned_start == time(14, 5)
    people = {a.person_id: a for a in list_attendance(book, stored.id)}
    in_post = {seat.person.id for seat in roster(book, december.body_id, on=date(2025, 1, 10))}
    assert set(people) == in_post
    assert all(a.status is AttendanceStatus.expected for a in people.values())
    minute_taker = next(a for a in list_attendance(book, DECEMBER) if a.note == "minutes")
    assert people[minute_taker.person_id].note == "minutes"


def test_create_meeting_from_leaves_out_whoever_left_and_adds_whoever_joined(demo) -> None:
    book, _ = demo
    from db.people import add_seat, update_membership
    from secretary.models import Category, Person

    march = get_meeting(book, MARCH)
    leaver = roster(book, march.body_id, on=march.date)[-1]
    update_membership(book, leaver.membership.model_copy(update={"end_date": date(2025, 5, 31)}))
    joiner = add_seat(book, Person(body_id=march.body_id, name="Rosa Quint", initials="RQ"),
                      Membership(person_id=0, category=Category.non_executive, role="Non-Executive Member",
                                 voting=True, start_date=date(2025, 6, 1)))
    june = create_meeting_from(book, Meeting(body_id=march.body_id, title="June", date=JUNE), MARCH)
    listed = {a.person_id: a for a in list_attendance(book, june.id)}
    assert leaver.person.id not in listed
    assert listed[joiner.person.id].role == "Non-Executive Member"
    assert listed[joiner.person.id].status is AttendanceStatus.expected
    assert len(listed) == len(list_attendance(book, MARCH))  # one left, one joined


def test_create_meeting_from_refuses_another_bodys_meeting(demo) -> None:
    book, _ = demo
    meetings = len(list_meetings(book))
    with pytest.raises(Refused):
        create_meeting_from(book, Meeting(body_id=999, title="Elsewhere", date=JUNE), MARCH)
    assert len(list_meetings(book)) == meetings


def test_create_meeting_from_is_all_or_nothing(demo, monkeypatch) -> None:
    book, _ = demo
    meetings = len(list_meetings(book))

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(db.meetings, "add_item", fail)  # fails after the meeting and its attendance are written
    with pytest.raises(RuntimeError):
        create_meeting_from(book, Meeting(body_id=1, title="June", date=JUNE), MARCH)
    assert len(list_meetings(book)) == meetings
    assert book.db.execute("SELECT count(*) FROM attendance WHERE meeting_id > 2").fetchone()[0] == 0


# --- importing an agenda from inside the app ---------------------------------------------


async def open_editor(pilot, app) -> AgendaEditorScreen:
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, AgendaEditorScreen)
    return app.screen


async def ask_for(pilot, app, path: str) -> None:
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, AgendaFileScreen)
    app.screen.query_one("#path", Input).value = path
    await pilot.press("enter")
    await pilot.pause()


async def test_import_replaces_the_agenda_after_the_preview(demo, agenda_file: Path) -> None:
    book, upcoming = demo
    expected = parse_agenda_table(agenda_file.read_text())
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        editor = await open_editor(pilot, app)
        await ask_for(pilot, app, str(agenda_file))
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert text_of(preview, "#summary") == "16 items, 6 sub-items, 5 sections, 1 break"
        assert preview.query_one("#rows", DataTable).row_count == len(expected.rows)
        assert "Next meeting: Friday 27 June 2025" in text_of(preview, "#details")
        assert "Resolution to exclude the press and public" in text_of(preview, "#details")
        assert "Replace deletes the 25 entries" in text_of(preview, "#consequence")
        assert len(list_items(book, upcoming)) == 25  # nothing yet
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is editor
        assert len(editor.items) == len(expected.items) == 23
        assert editor.query_one("#agenda", DataTable).row_count == 23
    assert len(list_items(book, upcoming)) == 23  # the Part II items went with the old agenda
    assert printed(book, upcoming)[:2] == [("1", "Welcome and Introductions"), ("1a", "Apologies")]


async def test_import_appends(demo, agenda_file: Path) -> None:
    book, upcoming = demo
    before = printed(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        await open_editor(pilot, app)
        await ask_for(pilot, app, str(agenda_file))
        await pilot.click("#append")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    after = printed(book, upcoming)
    assert len(after) == len(before) + 23 and after[: len(before)] == before


async def test_cancelled_import_changes_nothing(demo, agenda_file: Path) -> None:
    book, upcoming = demo
    before = list_items(book, upcoming)
    meeting_before = get_meeting(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        await open_editor(pilot, app)
        await ask_for(pilot, app, str(agenda_file))
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    assert list_items(book, upcoming) == before
    assert get_meeting(book, upcoming) == meeting_before


async def test_missing_or_unreadable_file_is_explained(demo, tmp_path: Path) -> None:
    book, upcoming = demo
    before = printed(book, upcoming)
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(b"%PDF-1.7 not really")
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        await open_editor(pilot, app)
        await ask_for(pilot, app, str(tmp_path / "no-such-agenda.tsv"))
        dialog = app.screen
        assert isinstance(dialog, AgendaFileScreen)  # still asking
        assert "There is no file at" in text_of(dialog, "#error")
        assert "no-such-agenda.tsv" in text_of(dialog, "#error")
        dialog.query_one("#path", Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert "is a folder" in text_of(dialog, "#error")
        dialog.query_one("#path", Input).value = str(pdf)
        await pilot.press("enter")
        await pilot.pause()
        assert "this is a PDF" in text_of(dialog, "#error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    assert printed(book, upcoming) == before


async def test_a_held_meeting_can_only_be_appended_to(demo, agenda_file: Path) -> None:
    book, _ = demo
    before = printed(book, DECEMBER)
    app = SecretaryApp(book, open_meeting=DECEMBER)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaEditorScreen(DECEMBER))
        await pilot.pause()
        await ask_for(pilot, app, str(agenda_file))
        preview = app.screen
        assert preview.query_one("#replace").disabled
        assert "closed" in text_of(preview, "#consequence")
        await pilot.press("r")  # refused: December's minutes hang on its items
        await pilot.pause()
        assert app.screen is preview
        await pilot.press("escape")
        await pilot.pause()
    assert printed(book, DECEMBER) == before
