"""The book refuses writes (``PRAGMA query_only``, as in test_failed_writes.py) while the clerk
does what is not typing into the live meeting: puts back earlier notes or a deleted decision
from the history, reopens approved minutes, adds an agenda item, a member, a meeting, a body,
changes the quorum rule, imports an agenda. The app keeps running and says plainly that
nothing was saved; a form stays open holding what was typed and saves when tried again; a
change from the history or a reopening is held and saved once the book can be written;
nothing already in the book changes meanwhile. And the last safety net: a failed write that
reaches Textual is told, never the end of the app, while a bug still ends it — after what is
held has gone to a recovery file."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import pytest
from textual import work
from textual.widgets import Checkbox, DataTable, Input, Static, TextArea

from db import Book
from db.bodies import create_body, get_body, list_bodies
from db.demo import build_demo
from db.history import versions_of_notes
from db.live import approve_minutes
from db.meetings import get_meeting, list_items, list_meetings
from db.minutes import delete_decision, get_minute, list_decisions, record_decision, save_minute_text
from db.pending import Change, PendingWrites
from db.people import roster
from db.recovery import apply_recovery, find_recoveries, read_recovery, recovery_text, write_recovery
from screens.agenda_editor import AgendaEditorScreen
from screens.app import SecretaryApp
from screens.body_form import NewBodyScreen
from screens.confirm import ConfirmScreen
from screens.history import HistoryScreen
from screens.home import HomeScreen
from screens.item_form import ItemFormScreen
from screens.live_bar import LiveBar
from screens.meeting import MeetingScreen
from screens.meeting_form import NewMeetingScreen
from screens.member_form import MemberFormScreen
from screens.quorum_rule import QuorumRuleScreen
from screens.tracker import TextForm
from secretary.agenda import in_order
from secretary.models import Body, Decision, DecisionVerb, MeetingStatus
from tests.faults.clerk import SIZE, type_notes, until
from tests.faults.test_failed_writes import on_live, refuse_writes, titles

EARLIER = datetime(2025, 3, 21, 9, 5, tzinfo=timezone.utc)
READ_ONLY = "Nothing was saved: the book cannot be written (it, or the disk it is on, has become read-only)."


@pytest.fixture(scope="session")
def demo_book(demo_copy, tmp_path_factory) -> Path:
    """The demo book as built (its meeting of 21 March planned), closed so that it can be copied."""
    path = tmp_path_factory.mktemp("outside") / "demo.secretary"
    book, _, _ = build_demo(demo_copy(path))
    book.close()
    return path


@pytest.fixture
def demo(demo_book: Path, tmp_path: Path):
    path = tmp_path / "book" / "demo.secretary"
    path.parent.mkdir()
    shutil.copy(demo_book, path)
    book = Book.open(path)
    upcoming = next(m.id for m in list_meetings(book) if m.date == date(2025, 3, 21))
    yield book, upcoming
    book.close()


def messages(app) -> str:
    return " | ".join(f"[{n.title}] {n.message}" for n in app._notifications)


def error_of(screen) -> str:
    return str(screen.query_one("#error", Static).content)


def printed(book, meeting_id: int) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in in_order(list_items(book, meeting_id))]


async def settle(pilot) -> None:
    """Let a dialog's answer reach the worker waiting on it (which may itself wait on a screen
    still open, so workers are not waited for)."""
    for _ in range(3):
        await pilot.pause()


async def history_row(pilot, history: HistoryScreen, wanted) -> None:
    """Put the history's cursor on the first change ``wanted`` says yes to."""
    row = next(i for i, c in enumerate(history.changes) if wanted(c))
    history.query_one("#changes", DataTable).move_cursor(row=row)
    await pilot.pause()


# --- the history, during the meeting: held and retried like any other change ------------------


async def test_notes_put_back_while_the_book_refuses_are_held_shown_and_saved_after(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "restore" / "live.secretary")
    first = live_book.first_item
    book = Book.open(path)
    save_minute_text(book, first, notes="The earlier version.", at=EARLIER)
    save_minute_text(book, first, notes="Written over.", at=EARLIER + timedelta(minutes=5))
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        live = await on_live(app, pilot)
        notes = live.query_one("#notes", TextArea)
        assert notes.text == "Written over."
        refuse_writes(book)
        await pilot.press("f11")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause()
        history = app.screen
        await history_row(pilot, history, lambda c: c.is_text and (c.before or {}).get("notes") == "The earlier version.")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot)

        assert app.is_running and app.screen is history  # no crash: still in the history
        assert "NOT SAVED" in titles(app) and "read-only" in messages(app)
        assert "Restored" not in titles(app)  # not claimed: it is held
        assert get_minute(book, first).notes == "Written over."  # the book as it was
        assert len(app.saver.waiting) == 1

        await pilot.press("escape")
        await until(pilot, lambda: app.screen is live)
        await pilot.pause()
        assert notes.text == "The earlier version."  # the editor shows what will be saved
        assert live.query_one(LiveBar).part("saved") == "NOT SAVED — retrying"
        await type_notes(pilot, " Then more.")  # typing carries on from the version put back
        assert len(app.saver.waiting) == 2

        await pilot.press("f11")  # another restore now would jump ahead of that typing: refused
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause()
        await history_row(pilot, app.screen, lambda c: c.is_text and (c.before or {}).get("notes"))
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert "not in the book yet" in messages(app)
        await pilot.press("escape")
        await pilot.pause()

        refuse_writes(book, False)
        assert app.saver.retry()
        await pilot.pause()
        assert live.query_one(LiveBar).part("saved") == "saved"
    assert get_minute(book, first).notes == "The earlier version. Then more."
    assert "Written over." in [v.text for v in versions_of_notes(book, first)]  # what the restore replaced
    book.close()


async def test_a_deletion_undone_while_the_book_refuses_is_held_and_the_decision_comes_back(
        live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "undo" / "live.secretary")
    first = live_book.first_item
    book = Book.open(path)
    decision = record_decision(book, Decision(item_id=first, verb=DecisionVerb.noted, text="the [Draft] report"))
    delete_decision(book, decision.id)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await on_live(app, pilot)
        refuse_writes(book)
        await pilot.press("f11")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause()
        history = app.screen
        await history_row(pilot, history, lambda c: c.is_deletion and c.table == "decision")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot)
        assert app.is_running and app.screen is history
        assert "NOT SAVED" in titles(app) and "Brought back" not in titles(app)
        assert list_decisions(book, first) == []
        row = next(i for i, c in enumerate(history.changes) if c.is_deletion and c.table == "decision")
        assert str(history.query_one("#changes", DataTable).get_row_at(row)[3]) == "held"
        await pilot.press("enter")  # a second time: already on its way, not queued twice
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen) and len(app.saver.waiting) == 1

        refuse_writes(book, False)
        assert app.saver.retry()
        await pilot.pause()
    [back] = list_decisions(book, first)
    assert (back.id, back.text) == (decision.id, "the [Draft] report")
    book.close()


def test_a_recovery_file_describes_and_applies_a_restore_and_an_undo(live_book, tmp_path) -> None:
    from db.history import item_history, restore_notes, undo_deletion

    path = live_book.copy(tmp_path / "recovered" / "live.secretary")
    first = live_book.first_item
    with Book.open(path) as book:
        save_minute_text(book, first, notes="Kept version.", at=EARLIER)
        decision = record_decision(book, Decision(item_id=first, verb=DecisionVerb.agreed, text="the plan"))
        delete_decision(book, decision.id)
        save_minute_text(book, first, notes="Overwritten.", at=EARLIER + timedelta(minutes=5))
        gone = next(c for c in item_history(book, first) if c.is_deletion)
        refuse_writes(book)
        pending = PendingWrites()
        at = EARLIER + timedelta(minutes=10)
        for change in (Change("notes on item 1 put back", restore_notes, (first,), {"text": "Kept version.", "at": at}),
                       Change("deletion undone: AGREED the plan", undo_deletion, (gone.id,), {"at": at})):
            assert not pending.write(book, change).saved
        written = write_recovery(book, pending.waiting, "a test")
    recovery = read_recovery(written)
    words = recovery_text(recovery)
    assert "notes on item 1 put back" in words and "Kept version." in words and "deletion undone" in words
    with Book.open(path) as book:
        report = apply_recovery(book, recovery)
        assert report == ["applied: notes on item 1 put back", "applied: deletion undone: AGREED the plan"]
        assert get_minute(book, first).notes == "Kept version."
        assert [d.text for d in list_decisions(book, first)] == ["the plan"]
        assert "Overwritten." in [v.text for v in versions_of_notes(book, first)]


# --- reopening approved minutes: held, the reason kept --------------------------------------


async def test_reopening_approved_minutes_is_held_and_done_once_the_book_can_be_written(demo) -> None:
    book, upcoming = demo
    december = next(m for m in list_meetings(book) if m.status is MeetingStatus.closed)
    approve_minutes(book, december.id, by_meeting_id=upcoming, on=date(2025, 3, 21))
    app = SecretaryApp(book, open_meeting=december.id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.pause()
        overview = app.screen
        refuse_writes(book)
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, TextForm))
        await pilot.press(*"Typo in item 4")
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and app.screen is overview
        assert "NOT SAVED" in titles(app)
        assert get_meeting(book, december.id).status is MeetingStatus.approved
        assert [c.args[1] for c in app.saver.waiting] == ["Typo in item 4"]  # the reason, kept
        await pilot.press("o")  # not twice
        await settle(pilot)
        assert not isinstance(app.screen, TextForm) and "held until the book can be written" in messages(app)

        refuse_writes(book, False)
        assert app.saver.retry()
        await pilot.pause()
        assert "· closed" in str(overview.query_one("#meeting-when", Static).content)  # shown once saved
    reopened = get_meeting(book, december.id)
    assert reopened.status is MeetingStatus.closed and "Typo in item 4" in reopened.approval_amendments


# --- forms before the meeting: the form stays open with what was typed ---------------------------


async def agenda_editor(app, pilot) -> AgendaEditorScreen:
    """From the meeting's overview, as the app opens on it, to its agenda editor (g)."""
    await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
    await pilot.pause()
    await pilot.press("g")
    await until(pilot, lambda: isinstance(app.screen, AgendaEditorScreen))
    await pilot.pause()
    return app.screen


async def test_an_agenda_item_that_cannot_be_saved_stays_in_its_form_and_saves_when_tried_again(demo) -> None:
    book, upcoming = demo
    before = printed(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        editor = await agenda_editor(app, pilot)
        refuse_writes(book)

        await pilot.press("K")  # a move: told, and the agenda as it was
        await pilot.pause()
        assert "Not saved: moving item" in messages(app) and printed(book, upcoming) == before
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is editor and "Not saved: deleting item" in messages(app)
        assert printed(book, upcoming) == before and len(editor.items) == len(before)

        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ItemFormScreen))
        await pilot.pause()
        form = app.screen
        form.query_one("#title", Input).value = ""
        await pilot.press(*"Freedom to Speak Up report")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is form  # still open, the title as typed
        assert error_of(form).startswith(READ_ONLY) and "What you typed is still here" in error_of(form)
        assert form.query_one("#title", Input).value == "Freedom to Speak Up report"
        assert printed(book, upcoming) == before

        refuse_writes(book, False)
        await pilot.press("ctrl+s")  # tried again
        await settle(pilot)
        assert app.screen is editor
    after = printed(book, upcoming)
    assert len(after) == len(before) + 1 and any(title == "Freedom to Speak Up report" for _, title in after)


async def test_an_agenda_import_that_cannot_be_stored_changes_nothing_and_can_be_done_again(demo, tmp_path) -> None:
    from screens.import_preview import AgendaFileScreen, ImportPreviewScreen

    book, upcoming = demo
    agenda_file = tmp_path / "agenda.tsv"
    agenda_file.write_text(resources.files("secretary.data.northbridge").joinpath("agenda-2025-03-21.tsv").read_text())
    before = printed(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        editor = await agenda_editor(app, pilot)

        async def import_it() -> None:
            await pilot.press("i")
            await until(pilot, lambda: isinstance(app.screen, AgendaFileScreen))
            app.screen.query_one("#path", Input).value = str(agenda_file)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen))
            await pilot.pause()
            await pilot.press("a")  # append
            await settle(pilot)

        refuse_writes(book)
        await import_it()
        assert app.is_running and app.screen is editor
        assert f"Not saved: importing {agenda_file.name}" in messages(app)
        assert printed(book, upcoming) == before
        refuse_writes(book, False)
        await import_it()
        assert "entries from agenda.tsv added to the agenda" in messages(app)
    assert len(printed(book, upcoming)) == len(before) + 23


async def test_a_member_who_cannot_be_saved_stays_in_the_form_and_is_added_when_tried_again(demo) -> None:
    book, _ = demo
    body_id = list_bodies(book)[0].id
    before = roster(book, body_id)
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        roster_screen = app.screen
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, MemberFormScreen))
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Harry Moss")
        refuse_writes(book)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is form
        assert error_of(form).startswith(READ_ONLY)
        assert form.query_one("#name", Input).value == "Harry Moss"
        assert form.query_one("#initials", Input).value == "HMo"
        assert roster(book, body_id) == before

        refuse_writes(book, False)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is roster_screen
    assert [s.person.initials for s in roster(book, body_id) if s not in before] == ["HMo"]


async def test_a_meeting_and_a_body_that_cannot_be_saved_stay_in_their_forms(demo) -> None:
    book, _ = demo
    meetings = list_meetings(book)
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        home = app.screen
        refuse_writes(book)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewMeetingScreen))
        await pilot.pause()
        form = app.screen
        form.query_one("#date", Input).value = "27/06/2025"
        form.query_one("#venue", Input).value = "Room 4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is form
        assert error_of(form).startswith(READ_ONLY)
        assert form.query_one("#date", Input).value == "27/06/2025"
        assert list_meetings(book) == meetings
        refuse_writes(book, False)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is home and "Created the meeting of Friday 27 June 2025" in messages(app)

        refuse_writes(book)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, NewBodyScreen))
        await pilot.pause()
        await pilot.press(*"Audit Committee", "enter", *"AC", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewBodyScreen) and error_of(form).startswith(READ_ONLY)
        assert form.query_one("#name", Input).value == "Audit Committee"
        assert len(list_bodies(book)) == 1
        refuse_writes(book, False)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is home
    [june] = [m for m in list_meetings(book) if m.date == date(2025, 6, 27)]
    assert june.venue == "Room 4" and len(list_meetings(book)) == len(meetings) + 1
    assert sorted(b.short_name for b in list_bodies(book)) == ["AC", "NICB"]


async def test_a_quorum_rule_that_cannot_be_saved_stays_in_the_editor(demo) -> None:
    book, _ = demo
    body_id = list_bodies(book)[0].id
    rule = get_body(book, body_id).quorum_rule
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, QuorumRuleScreen))
        await pilot.pause()
        editor = app.screen
        editor.query_one("#remote", Checkbox).value = not rule.remote_counts
        await pilot.pause()
        refuse_writes(book)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is editor
        assert error_of(editor).startswith(READ_ONLY)
        assert editor.query_one("#remote", Checkbox).value is (not rule.remote_counts)
        assert get_body(book, body_id).quorum_rule == rule
        refuse_writes(book, False)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, QuorumRuleScreen)
    assert get_body(book, body_id).quorum_rule.remote_counts is (not rule.remote_counts)


# --- the last safety net ---------------------------------------------------------------------


async def test_a_failed_write_nothing_caught_is_told_and_the_app_carries_on(demo, monkeypatch) -> None:
    """A write made straight to the book, in an action and in a worker, as a screen might by
    mistake: the app says nothing was saved and stays open."""
    book, _ = demo

    def straight_to_the_book(self) -> None:
        create_body(self.app.book, Body(name="Audit Committee", short_name="AC"))

    @work
    async def in_a_worker(self) -> None:
        create_body(self.app.book, Body(name="Audit Committee", short_name="AC"))

    monkeypatch.setattr(HomeScreen, "action_roster", straight_to_the_book)
    monkeypatch.setattr(HomeScreen, "action_quorum_rule", in_a_worker)
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        refuse_writes(book)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert messages(app).count("[NOT SAVED] Nothing was saved: the book cannot be written") == 2
        refuse_writes(book, False)
        await pilot.press("r")  # and the app still answers
        await settle(pilot)
    assert len(list_bodies(book)) == 2


async def test_a_bug_still_ends_the_app_but_what_is_held_goes_to_a_recovery_file_first(
        live_book, tmp_path, monkeypatch) -> None:
    path = live_book.copy(tmp_path / "bug" / "live.secretary")
    book = Book.open(path)

    def a_bug(self) -> None:
        raise TypeError("a programming error")

    monkeypatch.setattr(SecretaryApp, "action_help", a_bug)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    with pytest.raises(TypeError, match="a programming error"):
        async with app.run_test(size=SIZE) as pilot:
            await on_live(app, pilot)
            refuse_writes(book)
            await type_notes(pilot, "Held when the bug struck.")
            await pilot.press("f1")
            await pilot.pause()
    book.close()
    [recovery] = find_recoveries(path)
    assert recovery.entries[0]["kwargs"]["notes"] == "Held when the bug struck."
    assert "unexpected error" in recovery.reason
