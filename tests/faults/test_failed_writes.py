"""The book stops taking writes during a live meeting — read-only, opened read-only, the
file deleted — and the clerk carries on: every kind of change is held, the screen says
NOT SAVED, nothing already saved is lost, and it is all saved once the book can be written.
Leaving with changes held asks first and offers a recovery file, which the next opening
offers to apply. (A full disk and a read-only file for a real user are in test_disk.py and
test_bad_books.py; these run in-process, the book refusing writes by ``PRAGMA query_only``.)"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

from sqlite_utils import Database
from textual.widgets import Static, TextArea

from db import Book
from db.actions import actions_raised_at
from db.attendance import list_attendance, list_movements
from db.meetings import get_meeting, list_items
from db.minutes import get_minute, list_declarations, list_meeting_decisions
from db.recovery import find_recoveries
from screens.app import SecretaryApp
from screens.live import LiveScreen
from screens.live_bar import LiveBar
from screens.live_room import LiveRoom
from screens.meeting import MeetingScreen
from screens.recovery import RecoveryScreen
from screens.saving import UnsavedScreen
from secretary.agenda import current_item_id
from tests.faults.clerk import (
    SIZE, action, decision, declaration, movement, next_item, public, type_notes, until,
)


def drawn_rows(widget) -> str:
    """What ``widget`` draws, row under row."""
    return "\n".join(widget.render_line(y).text.strip() for y in range(widget.size.height))


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def titles(app) -> list[str]:
    return [n.title for n in app._notifications]


async def on_live(app, pilot) -> LiveScreen:
    await until(pilot, lambda: isinstance(app.screen, LiveScreen) and app.screen.record is not None)
    await pilot.pause()
    return app.screen


def refuse_writes(book: Book, refuse: bool = True) -> None:
    book.db.execute(f"PRAGMA query_only = {'ON' if refuse else 'OFF'}")


async def test_every_change_is_held_while_the_book_refuses_writes_and_saved_when_it_can(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "held" / "live.secretary")
    meeting_id, first = live_book.meeting_id, live_book.first_item
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        live = await on_live(app, pilot)
        await type_notes(pilot, "Saved first. ")
        bar = live.query_one(LiveBar)
        assert bar.part("saved") == "saved" and bar.part("trouble") == ""

        refuse_writes(book)
        await type_notes(pilot, "Then held.")
        await movement(pilot, "f2", "CB")
        await decision(pilot, "noted", "the report")
        await action(pilot, "Circulate the paper", "CB")
        await declaration(pilot, "HM", "Trustee of a local charity")
        await public(pilot, 3, 1)
        await pilot.press("ctrl+t")  # tick the first name on the roll present
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await next_item(pilot)

        # said plainly, and kept: the editor still holds every word, the book what it had
        assert bar.part("saved") == "NOT SAVED — retrying"
        trouble = bar.part("trouble")
        assert "read-only" in trouble and "8 change(s) are held" in trouble
        # drawn under the bar's row, on as many rows as the reason takes at the screen's width
        assert " ".join(trouble.split()) in " ".join(drawn_rows(bar).split())
        assert "NOT SAVED" in titles(app)
        assert live.query_one("#notes", TextArea).text == "Saved first. Then held."
        assert get_minute(book, first).notes == "Saved first. "  # the space typed last is kept too
        assert list_movements(book, meeting_id) == [] and list_meeting_decisions(book, meeting_id) == []
        assert actions_raised_at(book, meeting_id) == [] and list_declarations(book, meeting_id) == []
        assert app.saver.retry() is False  # still refused: still held

        refuse_writes(book, False)
        assert app.saver.retry()  # as the app does every two seconds (test_disk.py waits for it)
        await pilot.pause()
        assert bar.part("saved") == "saved" and bar.part("trouble") == ""
        assert "Not saved" not in drawn_rows(bar)  # the reason's rows gone with it
        assert "Saved" in titles(app)
        assert "CB" in live.query_one(LiveRoom).plain  # what was held is shown now it is in the book

    with book:
        assert get_minute(book, first).notes == "Saved first. Then held."
        [arrival] = list_movements(book, meeting_id)
        assert arrival.kind.value == "arrived"
        [held_decision] = list_meeting_decisions(book, meeting_id)
        assert held_decision.text == "the report" and held_decision.inquorate
        assert [a.text for a in actions_raised_at(book, meeting_id)] == ["Circulate the paper"]
        assert [d.interest for d in list_declarations(book, meeting_id)] == ["Trustee of a local charity"]
        meeting = get_meeting(book, meeting_id)
        assert (meeting.public_in_person, meeting.public_remote) == (3, 1)
        assert list_attendance(book, meeting_id)[0].status.value == "present"
        from db.minutes import list_minutes

        assert current_item_id(list_minutes(book, meeting_id)) == list_items(book, meeting_id)[1].id


async def test_quitting_with_changes_held_offers_a_recovery_file_applied_at_the_next_opening(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "quit" / "live.secretary")
    meeting_id, first = live_book.meeting_id, live_book.first_item
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await on_live(app, pilot)
        await type_notes(pilot, "In the book. ")
        refuse_writes(book)
        await type_notes(pilot, "Only in the recovery file.")
        await movement(pilot, "f2", "NF")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)  # warned, not quit
        question = shown(app.screen, ".question")
        assert "2 changes not saved" in question and "NF arrived" in question
        await pilot.press("enter")  # "Write a recovery file and quit"
        await pilot.pause()
    assert app.return_code == 0
    book.close()
    with Book.open(path) as closed:
        assert get_minute(closed, first).notes == "In the book. "

    [recovery] = find_recoveries(path)
    assert recovery.path.parent == path.parent / "recovery" and recovery.path.stat().st_mode & 0o777 == 0o600
    document = json.loads(recovery.path.read_text())  # plain JSON, the notes as typed
    assert [c["what"].split(" at ")[0] for c in document["changes"]] == [
        "notes on item 1 (Welcome and Introductions)", "NF arrived"]
    assert document["changes"][0]["kwargs"]["notes"] == "In the book. Only in the recovery file."

    reopened = Book.open(path)
    app = SecretaryApp(reopened, open_meeting=meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("s")  # show it first
        await pilot.pause()
        text = app.screen.query_one("#recovery-text", TextArea)
        assert text.display and "In the book. Only in the recovery file." in text.text and "NF arrived" in text.text
        await pilot.press("a")  # apply
        live = await on_live(app, pilot)  # and on to the live meeting, as it was asked to open
        assert live.query_one("#notes", TextArea).text == "In the book. Only in the recovery file."
        assert "NF" in live.query_one(LiveRoom).plain
        assert "Recovery file applied" in titles(app)
    assert get_minute(reopened, first).notes == "In the book. Only in the recovery file."
    assert len(list_movements(reopened, meeting_id)) == 1
    reopened.close()
    assert find_recoveries(path) == []  # applied once, kept under another name, never offered again
    assert list((path.parent / "recovery").glob("*.recovery-*.applied-*"))


async def test_recovered_notes_never_overwrite_notes_written_since(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "since" / "live.secretary")
    meeting_id, first = live_book.meeting_id, live_book.first_item
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await on_live(app, pilot)
        refuse_writes(book)
        await type_notes(pilot, "Typed while the disk was full.")
        app.saver.write_recovery_file("a test")
        app.saver.waiting.clear()  # as if the app had gone
        app.exit()
    from db.minutes import save_minute_text

    refuse_writes(book, False)
    save_minute_text(book, first, notes="Typed after reopening.")  # the clerk carried on, declining it
    book.close()
    from db.recovery import apply_recovery

    with Book.open(path) as book:
        [recovery] = find_recoveries(path)
        report = apply_recovery(book, recovery)
        assert report == ["applied (added after the notes written since): notes on item 1 (Welcome and Introductions)"]
        assert get_minute(book, first).notes == "Typed after reopening.\n\nTyped while the disk was full."


async def test_escape_off_the_live_screen_with_changes_held_warns_and_keeps_them(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "escape" / "live.secretary")
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await on_live(app, pilot)
        refuse_writes(book)
        await type_notes(pilot, "Held while going back.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        assert "retried while the app is open" in shown(app.screen, ".question")
        await pilot.press("escape")  # Escape stays
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#leave")  # "Go back": the changes stay held
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and len(app.saver.waiting) == 1
        refuse_writes(book, False)
        assert app.saver.retry()
    assert get_minute(book, live_book.first_item).notes == "Held while going back."
    book.close()


async def test_a_book_opened_read_only_is_never_changed_and_says_so(live_book, tmp_path) -> None:
    """A connection opened with ``mode=ro`` (as for a file on a read-only disk): the clerk is
    told at the first keystroke; the file does not change by a byte."""
    path = live_book.copy(tmp_path / "ro" / "live.secretary")
    before = path.read_bytes()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    book = Book(Database(conn, execute_plugins=False), path)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        live = await on_live(app, pilot)
        await type_notes(pilot, "Nowhere to go.")
        assert live.query_one(LiveBar).part("saved") == "NOT SAVED — retrying"
        assert "read-only" in live.query_one(LiveBar).part("trouble")
        assert live.query_one("#notes", TextArea).text == "Nowhere to go."
        app.saver.waiting.clear()  # nothing to recover in this test
    book.close()
    assert path.read_bytes() == before


async def test_a_book_deleted_while_open_is_written_back_and_nothing_is_lost(live_book, tmp_path) -> None:
    folder = tmp_path / "deleted"
    path = live_book.copy(folder / "live.secretary")
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        live = await on_live(app, pilot)
        await type_notes(pilot, "Before. ")
        path.unlink()  # deleted underneath: writes would go to a file nobody can see
        await type_notes(pilot, "After the file was deleted. ")
        assert path.exists() and "Book file written back" in titles(app)
        assert live.query_one(LiveBar).part("saved") == "saved"

        shutil.rmtree(folder)  # the whole folder this time: it cannot be put back yet
        await type_notes(pilot, "With no folder.")
        assert live.query_one(LiveBar).part("saved") == "NOT SAVED — retrying"
        assert "deleted while it was open" in live.query_one(LiveBar).part("trouble")
        folder.mkdir()
        assert app.saver.retry()
        await pilot.pause()
        assert live.query_one(LiveBar).part("saved") == "saved"
    book.close()
    with Book.open(path) as reopened:
        notes = get_minute(reopened, live_book.first_item).notes
    assert notes == "Before. After the file was deleted. With no folder."
    assert os.stat(path).st_mode & 0o777 == 0o600


async def test_a_recovery_file_follows_what_is_held_and_goes_once_all_is_saved(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "follow" / "live.secretary")
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await on_live(app, pilot)
        refuse_writes(book)
        await type_notes(pilot, "First words.")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#recovery")  # "Write a recovery file too", then back to the overview
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        [written] = find_recoveries(path)
        assert written.entries[0]["kwargs"]["notes"] == "First words."
        await pilot.press("s")  # back to the live screen (the meeting is live), typing on
        await on_live(app, pilot)
        await type_notes(pilot, " More words.")
        [rewritten] = find_recoveries(path)  # one file, never two to apply twice
        assert rewritten.entries[0]["kwargs"]["notes"] == "First words. More words."
        refuse_writes(book, False)
        assert app.saver.retry()
        await pilot.pause()
        assert find_recoveries(path) == []  # everything is in the book: nothing left to recover
        assert any("no longer needed" in n.message for n in app._notifications)
    assert get_minute(book, live_book.first_item).notes == "First words. More words."
    book.close()
