"""Recovery files are trusted only from the clerk's own folder (issue 17, item 4): one that
another user planted — in /tmp, where earlier versions also looked, or even in the book's
recovery folder — or one that others could have written, is refused with a message and never
applied; the clerk's own are written to a 0700 folder, created exclusively."""

from __future__ import annotations

import json
import os
import pwd
import tempfile
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db import Book
from db.minutes import get_minute
from db.recovery import find_recoveries, refused_recoveries, write_recovery
from screens.app import SecretaryApp
from screens.recovery import RecoveryScreen
from tests.faults.clerk import SIZE, until

PLANTED = "Planted by another user."
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a file of another user's")


def plant(book_path: Path, item_id: int, folder: Path, *, owner: str | None = "nobody", mode: int = 0o600) -> Path:
    """A well-formed recovery file for this book that would rewrite the first item's notes."""
    document = {
        "secretary_recovery": 1, "book": str(book_path), "written_at": "2025-03-21T09:30:00+00:00",
        "reason": "planted", "changes": [{
            "what": "notes on item 1", "made_at": "2025-03-21T09:29:00+00:00",
            "write": "db.minutes.save_minute_text", "args": [item_id], "kwargs": {"notes": PLANTED},
        }],
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{book_path.name}.recovery-20250321-093000.json"
    path.write_text(json.dumps(document))
    if owner is not None:
        os.chown(path, pwd.getpwnam(owner).pw_uid, -1)
    path.chmod(mode)
    return path


@pytest.fixture
def book_path(live_book, tmp_path) -> Path:
    # a name of its own: the temporary folder is shared with every other test and process
    return live_book.copy(tmp_path / "book" / f"planted-{uuid.uuid4().hex[:8]}.secretary")


@as_root
async def test_a_recovery_file_planted_by_another_user_is_refused_and_never_applied(live_book, book_path) -> None:
    in_tmp = plant(book_path, live_book.first_item, Path(tempfile.gettempdir()))
    in_ours = plant(book_path, live_book.first_item, book_path.parent / "recovery")
    try:
        assert find_recoveries(book_path) == []
        refusals = " ".join(refused_recoveries(book_path))
        assert str(in_tmp) in refusals and str(in_ours) in refusals
        assert "belongs to another user (nobody)" in refusals

        book = Book.open(book_path)
        app = SecretaryApp(book, open_meeting=live_book.meeting_id)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await until(pilot, lambda: app.screen.__class__.__name__ == "LiveScreen")
            assert not any(isinstance(s, RecoveryScreen) for s in app.screen_stack)
            # the files are looked for once the first screen is drawn; each refusal is told
            await until(pilot, lambda: [n.title for n in app._notifications].count("Recovery file refused") == 2)
        book.close()
        with Book.open(book_path) as book:
            assert get_minute(book, live_book.first_item).notes != PLANTED
        assert in_tmp.exists() and in_ours.exists()  # left where they are
    finally:
        in_tmp.unlink(missing_ok=True)


def test_a_recovery_file_others_could_write_is_refused(live_book, book_path) -> None:
    ours = book_path.parent / "recovery"
    loose = plant(book_path, live_book.first_item, ours, owner=None, mode=0o666)
    assert find_recoveries(book_path) == []
    assert "can be written by other users" in " ".join(refused_recoveries(book_path))
    loose.chmod(0o600)
    ours.chmod(0o777)  # the file is fine, but anyone could have put it there
    assert find_recoveries(book_path) == []
    assert "its folder is not yours alone" in " ".join(refused_recoveries(book_path))
    ours.chmod(0o700)
    [recovery] = find_recoveries(book_path)  # the clerk's own file in the clerk's own folder
    assert recovery.path == loose


def test_recovery_files_are_written_to_a_private_folder_exclusively(live_book, book_path, tmp_path,
                                                                    monkeypatch) -> None:
    now = datetime(2025, 3, 21, 9, 30, tzinfo=timezone.utc)
    folder = book_path.parent / "recovery"
    folder.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours to write")
    (folder / f".{book_path.name}.recovery-20250321-093000.json.part").symlink_to(victim)
    with Book.open(book_path) as book:
        written = write_recovery(book, [], "a test", now=now)
    assert written.parent == folder and folder.stat().st_mode & 0o777 == 0o700
    assert written.stat().st_mode & 0o777 == 0o600
    assert victim.read_text() == "not yours to write"  # the link was not followed

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder.chmod(0o777)  # a folder others can write is not used: the clerk's state folder is
    with Book.open(book_path) as book:
        elsewhere = write_recovery(book, [], "a test", now=now)
    assert elsewhere.parent == tmp_path / "state" / "secretary" / "recovery"
    assert elsewhere.parent.stat().st_mode & 0o777 == 0o700
