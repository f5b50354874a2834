"""The full check at open, only when needed (DESIGN.md §7): the app runs quick_check when the
book was not closed cleanly last time or its last full verification (an open-time check or a
verified backup) is over seven days old; a clean, recent book opens without reading it whole."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db import Book, DamagedBook
from db.backup import make_backup
from db.book_state import state
from tests.faults.test_bad_books import garble


def set_verified(path: Path, when: datetime) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE book_state SET verified_at = ?", [when.isoformat()])
    conn.commit()
    conn.close()


def crash_while_open(path: Path) -> None:
    """Open the book as the app does, write, and die without closing it (kill -9's equivalent)."""
    code = ("import os, sys; from db import Book; b = Book.open(sys.argv[1]); "
            "b.db.execute(\"UPDATE meeting SET venue = 'crashed' WHERE id = 1\"); b.db.conn.commit(); os._exit(9)")
    assert subprocess.run([sys.executable, "-c", code, str(path)]).returncode == 9


def test_a_clean_recent_book_opens_without_a_full_check(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "clean" / "live.secretary")
    with Book.open(path):
        pass
    with Book.open(path) as book:
        assert not book.verified_at_open
        assert state(book.conn)["closed_cleanly"] == 0  # while it is open
    conn = sqlite3.connect(path)
    assert state(conn)["closed_cleanly"] == 1  # the clean close is recorded in the book
    conn.close()


def test_a_book_not_closed_cleanly_is_checked_and_damage_found(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "crash" / "live.secretary")
    with Book.open(path):
        pass
    crash_while_open(path)
    with Book.open(path) as book:
        assert book.verified_at_open
    with Book.open(path) as book:  # closed cleanly since: no check
        assert not book.verified_at_open

    crash_while_open(path)
    garble(path)
    with pytest.raises(DamagedBook):
        Book.open(path)


def test_a_week_old_verification_is_renewed_and_a_verified_backup_counts(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "old" / "live.secretary")
    with Book.open(path):
        pass
    set_verified(path, datetime.now().astimezone() - timedelta(days=8))
    with Book.open(path) as book:
        assert book.verified_at_open
    with Book.open(path) as book:
        assert not book.verified_at_open  # the check at open was the verification

    with Book.open(path) as book:
        assert not book.verified_at_open
        book.conn.execute("UPDATE book_state SET verified_at = ?",
                          [(datetime.now().astimezone() - timedelta(days=8)).isoformat()])
        book.conn.commit()
        make_backup(book, "manual")  # a verified backup read every page: it renews the verification
    with Book.open(path) as book:
        assert not book.verified_at_open
