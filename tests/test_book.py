"""Opening the book (DESIGN.md §7): what it refuses, and that it leaves refused files untouched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import held_open

from db import Book, BookInUse, BookUnavailable, DamagedBook, NewerBook, NotABook
from db.bodies import create_body
from db.book import file_mode
from db.schema import APPLICATION_ID, SCHEMA_VERSION
from secretary.models import Body


def make_book(path: Path, bodies: int = 1) -> None:
    with Book.open(path, create=True) as book:
        for n in range(bodies):
            create_body(book, Body(name=f"Board {n}", short_name=f"B{n}"))


def test_new_book_is_private_and_fully_set_up(book_path: Path) -> None:
    with Book.open(book_path, create=True) as book:
        pragma = lambda name: book.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("application_id") == APPLICATION_ID
        assert pragma("user_version") == SCHEMA_VERSION
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("locking_mode") == "exclusive"
    assert file_mode(book_path) == 0o600
    assert file_mode(book_path.parent) == 0o700


def test_missing_book_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(BookUnavailable, match="There is no book"):
        Book.open(tmp_path / "nothing.secretary")
    assert not (tmp_path / "nothing.secretary").exists()


def test_reopening_keeps_what_was_written(book_path: Path) -> None:
    make_book(book_path, bodies=3)
    with Book.open(book_path) as book:
        assert book.db["body"].count == 3


def refused_unchanged(path: Path, error: type[Exception], match: str) -> None:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error, match=match):
        Book.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Minutes of the Board\n" * 50)
    refused_unchanged(path, NotABook, "not a SQLite database")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.secretary"
    path.touch()
    refused_unchanged(path, NotABook, "empty file")


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE expenses (amount)")
    conn.execute("INSERT INTO expenses VALUES (12)")
    conn.commit()
    conn.close()
    refused_unchanged(path, NotABook, "another program")


def test_truncated_book_is_refused_untouched(book_path: Path) -> None:
    make_book(book_path, bodies=50)
    data = book_path.read_bytes()
    book_path.write_bytes(data[: len(data) // 2])
    refused_unchanged(book_path, DamagedBook, "shorter than its header says")


def test_book_cut_inside_its_header_is_refused(book_path: Path) -> None:
    make_book(book_path)
    book_path.write_bytes(book_path.read_bytes()[:60])
    refused_unchanged(book_path, DamagedBook, "damaged")


def test_garbage_in_the_middle_is_refused_untouched(book_path: Path) -> None:
    make_book(book_path, bodies=200)
    data = bytearray(book_path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 5):
        data[offset + 8 : offset + 400] = os.urandom(392)
    book_path.write_bytes(bytes(data))
    refused_unchanged(book_path, DamagedBook, "damaged")


def test_newer_book_is_refused_untouched(book_path: Path) -> None:
    make_book(book_path)
    conn = sqlite3.connect(book_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    refused_unchanged(book_path, NewerBook, "newer version of secretary")


def test_second_copy_is_refused(book_path: Path) -> None:
    make_book(book_path)
    with held_open(book_path):
        refused_unchanged(book_path, BookInUse, "already open in another copy")
    with Book.open(book_path) as book:  # free again once the first copy closes
        assert book.db["body"].count == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_read_only_book_is_refused(book_path: Path) -> None:
    make_book(book_path)
    book_path.chmod(0o400)
    refused_unchanged(book_path, BookUnavailable, "cannot be written")
