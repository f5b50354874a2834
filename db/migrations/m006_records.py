"""m006: records between meetings — the decision planner, register confirmations."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


# --- m006: records between meetings --------------------------------------------------


@migrations()
def m006_records(db: Database) -> None:
    """The decision planner (forward plan) with the moves of each entry, each member's
    confirmations of their register entry, and where a register entry added from a meeting's
    declaration came from."""
    db.executescript(M006_SQL)
    _set_version(db, 6)


M006_SQL = """
CREATE TABLE planner_entry (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'future' CHECK (status IN ('future', 'taken', 'complete', 'withdrawn')),
    ref TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL CHECK (length(trim(decision)) > 0),
    decision_taker TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    date_text TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    sponsor TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '',
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    taken_on TEXT,
    taken_decision_id INTEGER REFERENCES decision(id) ON DELETE SET NULL,
    taken_words TEXT NOT NULL DEFAULT ''
);
CREATE INDEX planner_entry_body ON planner_entry(body_id, due_date);
CREATE INDEX planner_entry_item ON planner_entry(item_id);

CREATE TABLE planner_move (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES planner_entry(id) ON DELETE CASCADE,
    moved_on TEXT NOT NULL,
    from_text TEXT NOT NULL DEFAULT '',
    from_date TEXT,
    to_text TEXT NOT NULL DEFAULT '',
    to_date TEXT,
    deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1)),
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL
);
CREATE INDEX planner_move_entry ON planner_move(entry_id, id);

-- each person's first and last movement at a meeting, for the attendance record
CREATE INDEX movement_person_time ON movement(meeting_id, person_id, at, kind);

CREATE TABLE register_confirmation (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    confirmed_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL
);
CREATE INDEX register_confirmation_person ON register_confirmation(person_id, confirmed_on);

CREATE TABLE interest_source (
    interest_id INTEGER PRIMARY KEY REFERENCES interest(id) ON DELETE CASCADE,
    declaration_id INTEGER REFERENCES declaration(id) ON DELETE SET NULL,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL
);
"""
