"""The book's schema, as migrations. Never edit a migration once it has shipped:
add the next one (``m002_…``) and bump nothing else by hand."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# "SCRT": marks a SQLite file as a secretary book (PRAGMA application_id).
APPLICATION_ID = 0x53435254

migrations = Migrations("secretary")


def _set_version(db: Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executescript(M001_SQL)
    _set_version(db, 1)


M001_SQL = """
CREATE TABLE body (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX body_short_name ON body(short_name) WHERE short_name <> '';

CREATE TABLE quorum_rule (
    body_id INTEGER PRIMARY KEY REFERENCES body(id) ON DELETE CASCADE,
    minimum_kind TEXT NOT NULL DEFAULT 'more_than_half'
        CHECK (minimum_kind IN ('absolute', 'more_than_half')),
    minimum_number INTEGER CHECK (minimum_number IS NULL OR minimum_number >= 1),
    remote_counts INTEGER NOT NULL DEFAULT 1 CHECK (remote_counts IN (0, 1)),
    deputies_count INTEGER NOT NULL DEFAULT 1 CHECK (deputies_count IN (0, 1)),
    conflicted_count INTEGER NOT NULL DEFAULT 0 CHECK (conflicted_count IN (0, 1)),
    CHECK (minimum_kind <> 'absolute' OR minimum_number IS NOT NULL)
);

CREATE TABLE quorum_requirement (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    UNIQUE (body_id, position)
);

CREATE TABLE quorum_requirement_category (
    requirement_id INTEGER NOT NULL REFERENCES quorum_requirement(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    PRIMARY KEY (requirement_id, category)
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    honorific TEXT NOT NULL DEFAULT '',
    initials TEXT NOT NULL CHECK (length(initials) BETWEEN 1 AND 6),
    UNIQUE (body_id, initials)
);
CREATE INDEX person_name ON person(body_id, name);

CREATE TABLE membership (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    category TEXT NOT NULL CHECK (category IN ('chair', 'deputy_chair', 'non_executive',
        'associate_non_executive', 'partner', 'executive', 'participant', 'attendee')),
    role TEXT NOT NULL DEFAULT '',
    voting INTEGER NOT NULL DEFAULT 0 CHECK (voting IN (0, 1)),
    "group" TEXT NOT NULL DEFAULT 'member' CHECK ("group" IN ('member', 'participant', 'in_attendance')),
    start_date TEXT,
    end_date TEXT,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX membership_person ON membership(person_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date TEXT NOT NULL,
    planned_start TEXT,
    planned_end TEXT,
    venue TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'remote', 'hybrid')),
    public INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'closed', 'approved')),
    opened_at TEXT,
    closed_at TEXT,
    public_in_person INTEGER NOT NULL DEFAULT 0 CHECK (public_in_person >= 0),
    public_remote INTEGER NOT NULL DEFAULT 0 CHECK (public_remote >= 0),
    next_meeting_date TEXT,
    next_meeting_time TEXT NOT NULL DEFAULT '',
    next_meeting_venue TEXT NOT NULL DEFAULT '',
    exclusion_resolution TEXT NOT NULL DEFAULT '',
    register_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (register_confirmed IN (0, 1)),
    gifts_hospitality TEXT NOT NULL DEFAULT '',
    approved_on TEXT,
    approved_by_meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    approval_amendments TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_body_date ON meeting(body_id, date);

CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    parent_id INTEGER,
    position INTEGER NOT NULL DEFAULT 0,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind TEXT NOT NULL DEFAULT 'item' CHECK (kind IN ('item', 'break')),
    section TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    lead TEXT NOT NULL DEFAULT '',
    planned_start TEXT,
    paper_ref TEXT NOT NULL DEFAULT '',
    verbal INTEGER NOT NULL DEFAULT 0 CHECK (verbal IN (0, 1)),
    part TEXT NOT NULL DEFAULT 'I' CHECK (part IN ('I', 'II')),
    UNIQUE (id, meeting_id),
    -- a sub-item's parent is on the same meeting's agenda
    FOREIGN KEY (parent_id, meeting_id) REFERENCES agenda_item(id, meeting_id) ON DELETE CASCADE,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);
CREATE INDEX agenda_item_parent ON agenda_item(parent_id);

CREATE TABLE minute (
    item_id INTEGER PRIMARY KEY REFERENCES agenda_item(id) ON DELETE CASCADE,
    presenters TEXT NOT NULL DEFAULT '',
    taken_as_read INTEGER NOT NULL DEFAULT 0 CHECK (taken_as_read IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    started_at TEXT,
    ended_at TEXT,
    taken_order INTEGER,
    CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    "group" TEXT NOT NULL DEFAULT 'member' CHECK ("group" IN ('member', 'participant', 'in_attendance')),
    status TEXT NOT NULL DEFAULT 'expected'
        CHECK (status IN ('expected', 'present', 'remote', 'apologies', 'absent')),
    deputy_for_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    role TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, person_id),
    CHECK (deputy_for_id IS NULL OR deputy_for_id <> person_id)
);
CREATE INDEX attendance_person ON attendance(person_id);

CREATE TABLE movement (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('arrived', 'left', 'withdrew', 'returned')),
    at TEXT NOT NULL,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    phase TEXT NOT NULL DEFAULT 'during' CHECK (phase IN ('start', 'during', 'end')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX movement_meeting ON movement(meeting_id, at);
CREATE INDEX movement_person ON movement(person_id);
CREATE INDEX movement_item ON movement(item_id);

CREATE TABLE interest (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    surname TEXT NOT NULL DEFAULT '',
    forename TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    declares TEXT NOT NULL DEFAULT '',
    financial INTEGER NOT NULL DEFAULT 0 CHECK (financial IN (0, 1)),
    non_financial_professional INTEGER NOT NULL DEFAULT 0 CHECK (non_financial_professional IN (0, 1)),
    non_financial_personal INTEGER NOT NULL DEFAULT 0 CHECK (non_financial_personal IN (0, 1)),
    indirect INTEGER NOT NULL DEFAULT 0 CHECK (indirect IN (0, 1)),
    details TEXT NOT NULL DEFAULT '',
    date_from_text TEXT NOT NULL DEFAULT '',
    date_from TEXT,
    date_to_text TEXT NOT NULL DEFAULT '',
    date_to TEXT,
    ongoing INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1)),
    approx_year INTEGER,
    mitigation TEXT NOT NULL DEFAULT '',
    date_declared_text TEXT NOT NULL DEFAULT '',
    date_declared TEXT,
    row_number INTEGER
);
CREATE INDEX interest_body_person ON interest(body_id, person_id);
CREATE INDEX interest_person ON interest(person_id);

CREATE TABLE declaration (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    interest_id INTEGER REFERENCES interest(id) ON DELETE SET NULL,
    interest TEXT NOT NULL CHECK (length(trim(interest)) > 0),
    nature TEXT CHECK (nature IS NULL OR nature IN ('financial', 'non_financial_professional',
        'non_financial_personal', 'indirect')),
    outcome TEXT NOT NULL DEFAULT 'took_part'
        CHECK (outcome IN ('took_part', 'no_part_in_decision', 'withdrew')),
    wording TEXT NOT NULL DEFAULT ''
);
CREATE INDEX declaration_meeting ON declaration(meeting_id);
CREATE INDEX declaration_item ON declaration(item_id);
CREATE INDEX declaration_person ON declaration(person_id);

CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    verb TEXT NOT NULL CHECK (verb IN ('noted', 'approved', 'agreed', 'endorsed', 'supported',
        'ratified', 'deferred', 'not approved')),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    inquorate INTEGER NOT NULL DEFAULT 0 CHECK (inquorate IN (0, 1)),
    recorded_at TEXT
);
CREATE INDEX decision_item ON decision(item_id, position);

CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    meeting_date TEXT,
    item_title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    due_text TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    status TEXT NOT NULL DEFAULT 'not_yet_due' CHECK (status IN ('not_yet_due', 'in_progress',
        'outstanding', 'escalated', 'complete', 'closed')),
    position_text TEXT NOT NULL DEFAULT '',
    closed_on TEXT,
    closed_by_meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    deleted_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (body_id, number),
    CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX action_body_status ON action(body_id, status);
CREATE INDEX action_meeting ON action(meeting_id);
CREATE INDEX action_item ON action(item_id);

-- the highest number each body has ever used, so numbers are never reused
CREATE TABLE action_counter (
    body_id INTEGER PRIMARY KEY REFERENCES body(id) ON DELETE CASCADE,
    last_number INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE action_owner (
    action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    PRIMARY KEY (action_id, position)
);
CREATE INDEX action_owner_person ON action_owner(person_id);

CREATE TABLE action_deadline (
    action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    due_text TEXT NOT NULL,
    due_date TEXT,
    replaced_on TEXT,
    PRIMARY KEY (action_id, position)
);

CREATE TABLE action_update (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    given_on TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('not_yet_due', 'in_progress', 'outstanding',
        'escalated', 'complete', 'closed'))
);
CREATE INDEX action_update_action ON action_update(action_id, given_on);
CREATE INDEX action_update_meeting ON action_update(meeting_id);

CREATE TABLE public_question (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    asker TEXT NOT NULL CHECK (length(trim(asker)) > 0),
    question TEXT NOT NULL CHECK (length(trim(question)) > 0),
    response TEXT NOT NULL DEFAULT '',
    responder TEXT NOT NULL DEFAULT ''
);
CREATE INDEX public_question_meeting ON public_question(meeting_id, position);
"""


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

# the user_version a fully migrated book carries: the number of the last migration
SCHEMA_VERSION = 9


# --- m003: search ----------------------------------------------------------------


@migrations()
def m003_search(db: Database) -> None:
    """Full-text search (SQLite FTS5) over minutes, item titles, decisions, actions,
    declarations and public questions, kept current by triggers in the same transaction
    as each change; the rows already in the book are indexed now."""
    db.executescript(M003_SQL)
    _set_version(db, 3)


# One index row per searchable row: its rowid is the row's id * 8 + the kind's code, so a
# trigger finds its index row by rowid (a keystroke in the notes re-indexes one row).
_M003_KINDS = {"minute": 1, "item": 2, "decision": 3, "action": 4, "declaration": 5, "question": 6}

_M003_TEXT = {
    "minute": ("minute", "item_id", "{r}.notes",
               "(SELECT meeting_id FROM agenda_item WHERE id = {r}.item_id)", "{r}.item_id",
               "{r}.notes <> ''", ("notes",)),
    "item": ("agenda_item", "id", "{r}.title", "{r}.meeting_id", "{r}.id", "1", ("title", "meeting_id")),
    "decision": ("decision", "id", "{r}.verb || ' ' || {r}.text",
                 "(SELECT meeting_id FROM agenda_item WHERE id = {r}.item_id)", "{r}.item_id", "1",
                 ("verb", "text", "item_id")),
    "action": ("action", "id", "'Action ' || {r}.number || ': ' || {r}.text || char(10) || {r}.position_text",
               "{r}.meeting_id", "{r}.item_id", "{r}.deleted_reason = ''",
               ("number", "text", "position_text", "meeting_id", "item_id", "deleted_reason")),
    "declaration": ("declaration", "id",
                    "coalesce((SELECT name FROM person WHERE id = {r}.person_id), '') || ': ' || {r}.interest"
                    " || char(10) || {r}.wording",
                    "{r}.meeting_id", "{r}.item_id", "1", ("person_id", "interest", "wording", "meeting_id", "item_id")),
    "question": ("public_question", "id",
                 "{r}.asker || ': ' || {r}.question || char(10) || {r}.response || ' ' || {r}.responder",
                 "{r}.meeting_id", "{r}.item_id", "1",
                 ("asker", "question", "response", "responder", "meeting_id", "item_id")),
}


def _m003_sql() -> str:
    """The index, its triggers, and the index rows of what the book holds already. Part of m003:
    never change it; a later migration that indexes more writes its own."""
    statements = ["""CREATE VIRTUAL TABLE search_index USING fts5(
    text, kind UNINDEXED, meeting_id UNINDEXED, item_id UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);"""]
    for kind, (table, pk, text, meeting, item, when, columns) in _M003_TEXT.items():
        code = _M003_KINDS[kind]

        def put(r: str) -> str:
            return (f"INSERT INTO search_index (rowid, text, kind, meeting_id, item_id) "
                    f"SELECT {r}.{pk} * 8 + {code}, {text.format(r=r)}, '{kind}', {meeting.format(r=r)}, "
                    f"{item.format(r=r)}")

        changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in columns)
        statements.append(f"""
CREATE TRIGGER search_{kind}_insert AFTER INSERT ON {table} WHEN {when.format(r='new')}
BEGIN
    {put('new')};
END;
CREATE TRIGGER search_{kind}_update AFTER UPDATE OF {", ".join(f'"{c}"' for c in columns)} ON {table}
WHEN {changed}
BEGIN
    DELETE FROM search_index WHERE rowid = old.{pk} * 8 + {code};
    {put('new')} WHERE {when.format(r='new')};
END;
CREATE TRIGGER search_{kind}_delete AFTER DELETE ON {table}
BEGIN
    DELETE FROM search_index WHERE rowid = old.{pk} * 8 + {code};
END;
{put(table)} FROM {table} WHERE {when.format(r=table)};""")
    return "\n".join(statements)


M003_SQL = _m003_sql()


# --- m004: each agenda item's standing kind ---------------------------------------------


@migrations()
def m004_item_standing(db: Database) -> None:
    """Each item's standing kind (apologies, interests, previous minutes …) stored on the item,
    decided from its title once here for the items already in the book, editable from then on."""
    from secretary.standing import classify

    db.execute("ALTER TABLE agenda_item ADD COLUMN standing TEXT NOT NULL DEFAULT ''")
    for row in list(db.query("SELECT id, title FROM agenda_item")):
        kind = classify(row["title"]).value
        if kind:
            db.execute("UPDATE agenda_item SET standing = ? WHERE id = ?", [kind, row["id"]])
    _set_version(db, 4)


# --- m005: how a body's exports are laid out ------------------------------------------


@migrations()
def m005_export_settings(db: Database) -> None:
    """Per body: the order of the members' table (seat type, or the Chair then surnames),
    sub-items as paragraphs of their parent or as rows, and the organisation's Word template."""
    db.executescript("""
CREATE TABLE export_setting (
    body_id INTEGER PRIMARY KEY REFERENCES body(id) ON DELETE CASCADE,
    member_order TEXT NOT NULL DEFAULT 'surname' CHECK (member_order IN ('seat', 'surname')),
    sub_items TEXT NOT NULL DEFAULT 'paragraphs' CHECK (sub_items IN ('paragraphs', 'rows')),
    template TEXT NOT NULL DEFAULT ''
);
""")
    _set_version(db, 5)


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


# --- m007: what became of the items not taken ---------------------------------------------


@migrations()
def m007_untaken_items(db: Database) -> None:
    """An item the meeting did not take: deferred (to the next meeting or a date), withdrawn, or
    taken with another item — as the clerk recorded it when closing the meeting."""
    db.executescript("""
ALTER TABLE minute ADD COLUMN disposal TEXT NOT NULL DEFAULT ''
    CHECK (disposal IN ('', 'deferred', 'withdrawn', 'taken_with'));
ALTER TABLE minute ADD COLUMN deferred_to TEXT;
ALTER TABLE minute ADD COLUMN taken_with_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL;
""")
    _set_version(db, 7)


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


# --- m009: who is in the chair --------------------------------------------------------


@migrations()
def m009_chairing(db: Database) -> None:
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
    _set_version(db, 9)
