"""A body's export settings (migration m005): a book written before it gains them with the
published defaults; the clerk's choice is kept per body."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlite_utils import Database

from db import Book
from db.exports import export_settings, save_export_settings
from db.schema import SCHEMA_VERSION, migrations
from secretary.exports.settings import ExportSettings, MemberOrder, SubItems


def test_m005_gives_an_older_book_the_default_settings(tmp_path: Path) -> None:
    path = tmp_path / "old.secretary"
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m005_export_settings")
    db.execute("INSERT INTO body (id, name, short_name) VALUES (1, 'Northbridge ICB', 'NICB')")
    assert not db["export_setting"].exists()
    db.close()
    with Book.open(path) as book:
        assert book.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert export_settings(book, 1) == ExportSettings()
        assert export_settings(book, 1).member_order is MemberOrder.surname
        save_export_settings(book, 1, ExportSettings(member_order="seat", sub_items="rows", template="/x/house.docx"))
    with Book.open(path) as book:  # a second opening sees it: it was committed
        kept = export_settings(book, 1)
        assert (kept.member_order, kept.sub_items, kept.template) == (MemberOrder.seat, SubItems.rows, "/x/house.docx")
        with pytest.raises(sqlite3.IntegrityError):
            book.db.execute("UPDATE export_setting SET member_order = 'height' WHERE body_id = 1")
    with pytest.raises(ValidationError):
        ExportSettings(member_order="height")
