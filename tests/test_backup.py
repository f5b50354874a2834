"""Backups: made and verified, rotated, listed, restored (the data round trips), refused
while the book is open; the book checked; a book in a sync folder warned about."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db import Book, BookInUse
from db.backup import BackupError, backup_folder, check, list_backups, make_backup, restore, rotate
from db.demo import build_demo
from secretary.safety import sync_service, sync_warning
from tests.conftest import held_open
from tests.test_cli import secretary


@pytest.fixture
def demo_path(demo_copy, tmp_path: Path) -> Path:
    path = tmp_path / "book" / "demo.secretary"
    path.parent.mkdir()
    book, _, _ = build_demo(demo_copy(path))
    book.close()
    return path


def dump(path: Path) -> dict[str, list]:
    """Every row of every table: the book's data, not its bytes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'book_state' ORDER BY name")]
        # sorted in Python: some tables (full-text search's) have no rowid to order by
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def test_backup_is_verified_private_and_listed(demo_path: Path) -> None:
    with Book.open(demo_path) as book:
        made = make_backup(book, "live", now=datetime(2025, 3, 21, 9, 0, 5))
    assert made.name == "demo-20250321-090005-live.secretary"
    assert made.stat().st_mode & 0o777 == 0o600 and backup_folder(demo_path).stat().st_mode & 0o777 == 0o700
    assert dump(made) == dump(demo_path)
    [info] = list_backups(demo_path)
    assert (info.path, info.reason, info.meetings) == (made, "live", 2)
    assert not list(backup_folder(demo_path).glob(".*"))  # no temporary file left


def test_rotation_keeps_the_last_ten_and_one_a_day_for_a_month(tmp_path: Path) -> None:
    now = datetime(2025, 3, 21, 18, 0)
    made = []
    for hours in range(0, 24 * 40, 6):  # four a day for forty days
        when = now - timedelta(hours=hours)
        path = tmp_path / f"demo-{when:%Y%m%d-%H%M%S}-live.secretary"
        path.write_bytes(b"x")
        made.append((when, path))
    other = tmp_path / "other-20250101-000000-live.secretary"
    other.write_bytes(b"x")
    rotate(tmp_path, "demo", now)
    kept = sorted(p for _, p in made if p.exists())
    newest_ten = sorted(p for _, p in made[:10])
    assert set(newest_ten) <= set(kept)
    days = {w.date() for w, p in made if p.exists()}
    assert len(days) == 31  # today and the thirty days before it
    assert all(now - w <= timedelta(days=30) for w, p in made if p.exists())
    assert other.exists()  # another book's backups are not ours to delete


def test_restore_round_trip_keeps_the_replaced_book(demo_path: Path) -> None:
    before = dump(demo_path)
    with Book.open(demo_path) as book:
        made = make_backup(book)
        book.db.execute("DELETE FROM decision")
    assert dump(demo_path) != before
    replaced = restore(made, demo_path, now=datetime(2025, 3, 22, 8, 0))
    assert dump(demo_path) == before
    assert replaced.name == "demo.secretary.replaced-20250322-080000"
    assert dump(replaced)["decision"] == []


def test_restore_is_refused_while_the_book_is_open_or_the_backup_is_bad(demo_path: Path, tmp_path: Path) -> None:
    with Book.open(demo_path) as book:
        made = make_backup(book)
    before = dump(demo_path)
    with held_open(demo_path):
        with pytest.raises(BookInUse):
            restore(made, demo_path)
    bad = tmp_path / "bad.secretary"
    bad.write_bytes(b"PK\x03\x04 not a backup")
    with pytest.raises(Exception, match="not a secretary book"):
        restore(bad, demo_path)
    with pytest.raises(BackupError, match="no backup"):
        restore(tmp_path / "missing.secretary", demo_path)
    assert dump(demo_path) == before
    assert not list(demo_path.parent.glob("*.replaced-*"))


def test_check_and_the_commands(demo_path: Path) -> None:
    with Book.open(demo_path) as book:
        assert check(book) == []
    done = secretary("backup", "--book", str(demo_path))
    assert done.returncode == 0 and "(checked)" in done.stdout
    listed = secretary("backups", "--book", str(demo_path))
    assert "2 meetings" in listed.stdout and "manual" in listed.stdout
    checked = secretary("check", "--book", str(demo_path))
    assert checked.returncode == 0 and "OK" in checked.stdout
    backup = next(backup_folder(demo_path).glob("*.secretary"))
    restored = secretary("restore", str(backup), "--book", str(demo_path), "--yes")
    assert restored.returncode == 0 and "is kept as" in restored.stdout


def test_sync_folders_are_recognised() -> None:
    assert sync_service("/Users/jo/OneDrive - NHS/Board/book.secretary") == "OneDrive"
    assert sync_service("C:/Users/jo/Dropbox/book.secretary") == "Dropbox"
    assert sync_service("/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/b.secretary") == "iCloud"
    assert sync_service("/home/jo/Nextcloud/b.secretary") == "Nextcloud"
    assert sync_service("/home/jo/Documents/b.secretary") is None
    assert sync_service("/home/jo/OneDrive.secretary") is None  # the file's own name is not a folder
    assert "local folder" in sync_warning("/home/jo/Dropbox/b.secretary")
