"""m008: whether the book was closed cleanly, and when it was last verified."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


# --- m008: the book's state --------------------------------------------------------


@migrations()
def m008_book_state(db: Database) -> None:
    """One row saying whether the app closed the book cleanly last time and when the book was
    last read whole and found sound (an open-time quick_check or a verified backup), so that
    opening needs no full check while both are known good (DESIGN.md §7)."""
    db.execute("""CREATE TABLE book_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    closed_cleanly INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT,
    closed_at TEXT,
    verified_at TEXT
)""")
    db.execute("INSERT INTO book_state (id) VALUES (1)")
    _set_version(db, 8)
