"""m010: who took the chair, and when, during a meeting."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


@migrations()
def m010_chairing(db: Database) -> None:
    """Who took the chair and when, during a meeting (the Chair chairs unless a row says
    otherwise; a NULL person: the chair was left empty)."""
    db.executescript("""
CREATE TABLE chairing (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    at TEXT NOT NULL
);
CREATE INDEX chairing_meeting ON chairing(meeting_id, at);
""")
    _set_version(db, 10)
