"""The disk fills during a live meeting: a file size limit on the app's process
(RLIMIT_FSIZE), and a real full file system (a small tmpfs). The app does not crash, says
plainly that the change was not saved, keeps every word in the editor and every change in
memory, loses nothing already saved, and saves it all when space returns."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from db import Book
from db.attendance import list_movements
from db.minutes import get_minute, list_meeting_decisions
from tests.faults.conftest import Clerk, file_sizes, integrity


def test_a_file_size_limit_holds_changes_until_it_is_lifted(live_book, tmp_path: Path) -> None:
    path = live_book.copy(tmp_path / "limit" / "live.secretary")
    clerk = Clerk(path, live_book.meeting_id)
    clerk("type Saved before the limit.")
    clerk(f"limit {file_sizes(path)}")  # the next write that grows the book (or its -wal) fails
    state = clerk("type  Typed at the limit.")
    assert state["notes"] == "Saved before the limit. Typed at the limit."  # in the editor, every word
    assert state["waiting"] == 1 and "NOT SAVED — retrying" in state["screen"]
    assert "[NOT SAVED] Your last change could not be saved" in state["screen"]
    state = clerk("arrive NF")
    state = clerk("decide noted the late paper")
    assert state["waiting"] == 3  # held, in order, with the notes
    state = clerk("retry")  # tried again, and still refused
    assert state["waiting"] == 3

    clerk("unlimit")
    state = clerk("wait 2.3")  # the app retries by itself every two seconds
    assert state["waiting"] == 0 and "[Saved] Saved again" in state["screen"] and "saved" in state["screen"]
    state = clerk("type  And after.")
    assert state["waiting"] == 0
    assert clerk.quit() == 0

    assert integrity(path) == "ok"
    with Book.open(path) as book:
        assert get_minute(book, live_book.first_item).notes == "Saved before the limit. Typed at the limit. And after."
        assert [m.kind.value for m in list_movements(book, live_book.meeting_id)] == ["arrived"]
        assert [d.text for d in list_meeting_decisions(book, live_book.meeting_id)] == ["the late paper"]


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB tmpfs, mounted for the test (skipped where mounting is not allowed)."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk to the last byte; return the file doing it."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for block in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * block)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_holds_changes_until_space_returns(live_book, small_disk: Path) -> None:
    path = live_book.copy(small_disk / "live.secretary")
    clerk = Clerk(path, live_book.meeting_id)
    clerk("type Saved before the disk filled.")
    filler = fill(small_disk)
    state = clerk("type  Typed on a full disk.")
    assert state["notes"] == "Saved before the disk filled. Typed on a full disk."
    assert state["waiting"] == 1 and "the disk is full" in state["screen"]
    state = clerk("arrive CB")
    assert state["waiting"] == 2

    filler.unlink()  # space again
    state = clerk("retry")
    assert state["waiting"] == 0 and "Saved again" in state["screen"]
    assert clerk.quit() == 0
    assert integrity(path) == "ok"
    with Book.open(path) as book:
        assert get_minute(book, live_book.first_item).notes == "Saved before the disk filled. Typed on a full disk."
        assert len(list_movements(book, live_book.meeting_id)) == 1
    assert os.stat(path).st_mode & 0o777 == 0o600
