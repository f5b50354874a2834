"""m002: the history of every change, kept by triggers."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


@migrations()
def m002_history(db: Database) -> None:
    """Every change to what the clerk recorded, kept by triggers in an append-only table,
    in the same transaction as the change itself."""
    db.executescript(M002_SQL)
    for table, (pk, columns, meeting, item) in _M002_TRACKED.items():
        db.executescript(_m002_row_triggers(table, pk, columns, meeting, item))
    _set_version(db, 2)


# When a change happened: the writer's clock if it stamped the transaction (history_stamp,
# emptied before commit), otherwise SQLite's; UTC to the millisecond, so times compare as
# text. The stamp may also say why (a restore, an undone deletion: which).
_M002_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', coalesce((SELECT at FROM history_stamp WHERE id = 1), 'now'))"
_M002_NOTE = "coalesce((SELECT note FROM history_stamp WHERE id = 1), '')"
_M002_UNDOES = "(SELECT undoes FROM history_stamp WHERE id = 1)"

M002_SQL = f"""
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('insert', 'update', 'delete')),
    -- 'text': a snapshot of a minute's notes, presenters and taken-as-read (coalesced)
    part TEXT NOT NULL DEFAULT 'row' CHECK (part IN ('row', 'text')),
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    meeting_id INTEGER,
    item_id INTEGER,
    note TEXT NOT NULL DEFAULT '',
    undoes INTEGER  -- the entry (a deletion) this change undid
);
CREATE INDEX history_undoes ON history(undoes) WHERE undoes IS NOT NULL;
CREATE INDEX history_row ON history(table_name, row_id, part, id);
CREATE INDEX history_item ON history(item_id, id);
CREATE INDEX history_meeting ON history(meeting_id, id);

CREATE TRIGGER history_never_changed BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only: its entries are never changed'); END;
CREATE TRIGGER history_never_deleted BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only: its entries are never deleted'); END;

-- the writer's clock (and reason) for the transaction in progress; empty at rest
CREATE TABLE history_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at TEXT,
    note TEXT NOT NULL DEFAULT '',
    undoes INTEGER
);

CREATE TRIGGER history_minute_insert AFTER INSERT ON minute
BEGIN
    INSERT INTO history (at, table_name, row_id, change, after, meeting_id, item_id, note, undoes)
    VALUES ({_M002_NOW}, 'minute', new.item_id, 'insert',
            json_object('item_id', new.item_id, 'presenters', new.presenters, 'taken_as_read', new.taken_as_read,
                        'notes', new.notes, 'started_at', new.started_at, 'ended_at', new.ended_at,
                        'taken_order', new.taken_order),
            (SELECT meeting_id FROM agenda_item WHERE id = new.item_id), new.item_id, {_M002_NOTE}, {_M002_UNDOES});
END;

-- Typing commits on every keystroke, so the text is kept as it was before a change only
-- when the row's last snapshot is 5 seconds old or more (or from a clock that went back),
-- or when more than one character disappears at once, and never twice in a row: text
-- that stood for more than 5 seconds is always in the history. Notes that only grew since
-- the row's last full snapshot F (by at most 512 characters) are kept as F's id and what
-- was added, {{"notes_from": F, "notes_more": "…"}}: a long minute typed for hours stays small.
CREATE TRIGGER history_minute_text AFTER UPDATE OF notes, presenters, taken_as_read ON minute
WHEN (old.notes IS NOT new.notes OR old.presenters IS NOT new.presenters
      OR old.taken_as_read IS NOT new.taken_as_read)
 AND (length(new.notes) + 1 < length(old.notes)
      OR length(new.presenters) + 1 < length(old.presenters)
      OR coalesce((SELECT h.at > strftime('%Y-%m-%dT%H:%M:%fZ', {_M002_NOW}, '-5 seconds') AND h.at <= {_M002_NOW}
                   FROM history h
                   WHERE h.table_name = 'minute' AND h.row_id = old.item_id AND h.part = 'text'
                   ORDER BY h.id DESC LIMIT 1), 0) = 0)
 AND NOT EXISTS (
      SELECT 1 FROM (SELECT h.before AS b FROM history h
                     WHERE h.table_name = 'minute' AND h.row_id = old.item_id AND h.part = 'text'
                     ORDER BY h.id DESC LIMIT 1) l
      WHERE json_extract(l.b, '$.presenters') IS old.presenters
        AND json_extract(l.b, '$.taken_as_read') IS old.taken_as_read
        AND coalesce(json_extract(l.b, '$.notes'),
                     (SELECT json_extract(f.before, '$.notes') FROM history f
                      WHERE f.id = json_extract(l.b, '$.notes_from')) || json_extract(l.b, '$.notes_more'))
            IS old.notes)
BEGIN
    INSERT INTO history (at, table_name, row_id, change, part, before, meeting_id, item_id, note, undoes)
    SELECT {_M002_NOW}, 'minute', old.item_id, 'update', 'text',
           CASE WHEN f.id IS NOT NULL AND length(old.notes) - length(f.notes) BETWEEN 0 AND 512
                     AND substr(old.notes, 1, length(f.notes)) = f.notes
                THEN json_object('notes_from', f.id, 'notes_more', substr(old.notes, length(f.notes) + 1),
                                 'presenters', old.presenters, 'taken_as_read', old.taken_as_read)
                ELSE json_object('notes', old.notes, 'presenters', old.presenters, 'taken_as_read', old.taken_as_read)
           END,
           (SELECT meeting_id FROM agenda_item WHERE id = old.item_id), old.item_id, {_M002_NOTE}, {_M002_UNDOES}
    FROM (SELECT 1) LEFT JOIN (
        SELECT h.id AS id, json_extract(h.before, '$.notes') AS notes FROM history h
        WHERE h.table_name = 'minute' AND h.row_id = old.item_id AND h.part = 'text'
          AND json_type(h.before, '$.notes') IS NOT NULL
        ORDER BY h.id DESC LIMIT 1) f;
END;

CREATE TRIGGER history_minute_times AFTER UPDATE OF started_at, ended_at, taken_order ON minute
WHEN old.started_at IS NOT new.started_at OR old.ended_at IS NOT new.ended_at
     OR old.taken_order IS NOT new.taken_order
BEGIN
    INSERT INTO history (at, table_name, row_id, change, before, after, meeting_id, item_id, note, undoes)
    VALUES ({_M002_NOW}, 'minute', old.item_id, 'update',
            json_object('started_at', old.started_at, 'ended_at', old.ended_at, 'taken_order', old.taken_order),
            json_object('started_at', new.started_at, 'ended_at', new.ended_at, 'taken_order', new.taken_order),
            (SELECT meeting_id FROM agenda_item WHERE id = old.item_id), old.item_id, {_M002_NOTE}, {_M002_UNDOES});
END;

CREATE TRIGGER history_minute_delete AFTER DELETE ON minute
BEGIN
    INSERT INTO history (at, table_name, row_id, change, before, meeting_id, item_id, note, undoes)
    VALUES ({_M002_NOW}, 'minute', old.item_id, 'delete',
            json_object('item_id', old.item_id, 'presenters', old.presenters, 'taken_as_read', old.taken_as_read,
                        'notes', old.notes, 'started_at', old.started_at, 'ended_at', old.ended_at,
                        'taken_order', old.taken_order),
            (SELECT meeting_id FROM agenda_item WHERE id = old.item_id), old.item_id, {_M002_NOTE}, {_M002_UNDOES});
END;
"""

# table: (primary key, columns as in m001, its meeting, its item) — {r} is old or new
_M002_TRACKED = {
    "decision": ("id", ("id", "item_id", "position", "verb", "text", "inquorate", "recorded_at"),
                 "(SELECT meeting_id FROM agenda_item WHERE id = {r}.item_id)", "{r}.item_id"),
    "declaration": ("id", ("id", "meeting_id", "item_id", "person_id", "interest_id", "interest", "nature",
                           "outcome", "wording"), "{r}.meeting_id", "{r}.item_id"),
    "action": ("id", ("id", "body_id", "number", "meeting_id", "item_id", "meeting_date", "item_title", "text",
                      "due_text", "due_date", "status", "position_text", "closed_on", "closed_by_meeting_id",
                      "deleted_reason"), "{r}.meeting_id", "{r}.item_id"),
    "action_update": ("id", ("id", "action_id", "meeting_id", "given_on", "text", "status"),
                      "{r}.meeting_id", "(SELECT item_id FROM action WHERE id = {r}.action_id)"),
    "attendance": ("id", ("id", "meeting_id", "person_id", "group", "status", "deputy_for_id", "role", "note"),
                   "{r}.meeting_id", "NULL"),
    "movement": ("id", ("id", "meeting_id", "person_id", "kind", "at", "item_id", "phase", "note"),
                 "{r}.meeting_id", "{r}.item_id"),
    "public_question": ("id", ("id", "meeting_id", "item_id", "position", "asker", "question", "response",
                               "responder"), "{r}.meeting_id", "{r}.item_id"),
}


def _m002_row_triggers(table: str, pk: str, columns: tuple[str, ...], meeting: str, item: str) -> str:
    """AFTER INSERT/UPDATE/DELETE triggers keeping the whole row before and after a change.
    An insert keeps only that it happened: the row as inserted is the ``before`` of its next
    change, or the row as it is now (so a book's imports do not double its size). Part of
    m002: never change it; a later migration that adds columns writes its own triggers."""

    def row(r: str) -> str:
        return "json_object(" + ", ".join(f"'{c}', {r}.\"{c}\"" for c in columns) + ")"

    changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in columns)
    insert = ("INSERT INTO history "
              "(at, table_name, row_id, change, before, after, meeting_id, item_id, note, undoes)")
    return f"""
CREATE TRIGGER history_{table}_insert AFTER INSERT ON {table}
BEGIN
    {insert} VALUES ({_M002_NOW}, '{table}', new.{pk}, 'insert', NULL, NULL,
                     {meeting.format(r='new')}, {item.format(r='new')}, {_M002_NOTE}, {_M002_UNDOES});
END;
CREATE TRIGGER history_{table}_update AFTER UPDATE ON {table} WHEN {changed}
BEGIN
    {insert} VALUES ({_M002_NOW}, '{table}', new.{pk}, 'update', {row('old')}, {row('new')},
                     {meeting.format(r='new')}, {item.format(r='new')}, {_M002_NOTE}, {_M002_UNDOES});
END;
CREATE TRIGGER history_{table}_delete AFTER DELETE ON {table}
BEGIN
    {insert} VALUES ({_M002_NOW}, '{table}', old.{pk}, 'delete', {row('old')}, NULL,
                     {meeting.format(r='old')}, {item.format(r='old')}, {_M002_NOTE}, {_M002_UNDOES});
END;
"""
