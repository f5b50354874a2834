"""Backups as the app makes them and the clerk uses them: made and verified when the meeting
goes live and when it closes; a backup that does not check out leaves nothing behind; a
book killed mid-meeting (its -wal still full) backs up and restores to the same data.
(tests/test_backup.py covers rotation, listing, and the commands.)"""

from __future__ import annotations

import signal
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db import Book
from db.backup import BackupError, backup_folder, list_backups, make_backup, restore
from db.demo import build_demo
from screens.app import SecretaryApp
from screens.live import LiveScreen
from screens.meeting import MeetingScreen
from tests.faults.clerk import SIZE, type_notes, until
from tests.faults.conftest import Clerk, dump, integrity

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


async def test_the_app_backs_up_when_the_meeting_goes_live_and_when_it_closes(demo_copy, tmp_path: Path) -> None:
    path = tmp_path / "book" / "demo.secretary"
    book, upcoming, _ = build_demo(demo_copy(path))
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # start the meeting now
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        [live] = list_backups(path)
        assert live.reason == "live" and live.meetings == 2
        at_go_live = dump(live.path)
        await type_notes(pilot, "Written after the first backup.")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("enter")  # close the meeting
        await pilot.pause()
        await pilot.press("enter")  # the items not taken: left as not reached
        await pilot.pause()
        assert any("a backup was made" in n.message for n in app._notifications)
    book.close()
    reasons = sorted(b.reason for b in list_backups(path))
    assert reasons == ["closed", "live"]
    closed = next(b for b in list_backups(path) if b.reason == "closed")
    assert dump(closed.path) == dump(path)  # the closing backup is the book as closed
    assert dump(live.path) == at_go_live != dump(path)
    assert all(integrity(b.path) == "ok" for b in list_backups(path))
    assert all(b.path.stat().st_mode & 0o777 == 0o600 for b in list_backups(path))


def test_a_backup_that_does_not_check_out_leaves_nothing(live_book, tmp_path: Path, monkeypatch) -> None:
    path = live_book.copy(tmp_path / "bad" / "live.secretary")
    before = dump(path)
    import db.backup

    monkeypatch.setattr(db.backup, "_quick_check", lambda _path: "*** in database main *** Page 7: corrupt")
    with Book.open(path) as book, pytest.raises(BackupError, match="did not check out"):
        make_backup(book, "live")
    assert list(backup_folder(path).iterdir()) == []  # no half backup, no temporary file
    assert dump(path) == before


def test_a_book_killed_mid_meeting_backs_up_and_restores_to_the_same_data(live_book, tmp_path: Path) -> None:
    path = live_book.copy(tmp_path / "killed" / "live.secretary")
    clerk = Clerk(path, live_book.meeting_id)
    clerk("type Minuted before the laptop died.")
    clerk("arrive CB")
    clerk("decide app the budget")
    clerk.process.send_signal(signal.SIGKILL)
    clerk.process.wait(10)
    assert path.with_name(path.name + "-wal").stat().st_size > 0  # the -wal still holds the meeting

    with Book.open(path) as book:  # as `secretary backup` does
        made = make_backup(book, "manual")
    at_backup = dump(path)
    assert dump(made) == at_backup and integrity(made) == "ok"

    clerk = Clerk(path, live_book.meeting_id)  # the meeting goes on, then needs undoing
    clerk("type  Then something went wrong.")
    assert clerk.quit() == 0
    assert dump(path) != at_backup

    replaced = restore(made, path)
    assert dump(path) == at_backup  # the data, table by table, row by row
    assert integrity(path) == "ok" and "Then something went wrong." in str(dump(replaced))
