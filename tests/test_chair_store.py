"""Who took the chair, in the book (db/chair.py, m010): kept while the meeting is live, read
into the meeting's record, and a book written before m010 opens with the table added."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.book import Book
from db.chair import list_chairing, record_chairing
from db.demo import build_demo
from db.live import start_meeting
from db.meetings import list_items
from db.people import person_by_initials
from db.record import read_record
from db.rows import Refused
from db.schema import SCHEMA_VERSION, migrations
from secretary.quorum import Presiding

AT = datetime(2025, 3, 21, 10, 40, tzinfo=timezone.utc)


def test_who_took_the_chair_is_kept_and_read_into_the_record(tmp_path: Path) -> None:
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    try:
        pn = person_by_initials(book, 1, "PN").id
        item = list_items(book, upcoming)[3]
        with pytest.raises(Refused, match="while the meeting is live"):
            record_chairing(book, upcoming, pn, item.id, AT)
        start_meeting(book, upcoming, AT.replace(hour=9))
        stored = record_chairing(book, upcoming, pn, item.id, AT)
        assert stored.id is not None
        assert [(c.person_id, c.at) for c in list_chairing(book, upcoming)] == [(pn, AT)]
        record = read_record(book, upcoming)
        assert record.chairing == list_chairing(book, upcoming)
        # no one is ticked in, so the Deputy Chair recorded is not in the room: the chair is empty
        assert record.in_the_chair() == Presiding(None)
    finally:
        book.close()
    # another connection, once the app has let go, finds it: it was committed
    other = sqlite3.connect(tmp_path / "demo.secretary")
    assert other.execute("SELECT person_id, item_id FROM chairing").fetchall() == [(pn, item.id)]
    other.close()


def test_a_book_written_before_m010_gets_the_chairing_table(tmp_path: Path) -> None:
    path = tmp_path / "old.secretary"
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m010_chairing")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 9
    db.close()
    with Book.open(path) as book:
        assert book.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert "chairing" in book.db.table_names()
