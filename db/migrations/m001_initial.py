"""m001: the book's first schema — bodies, people, meetings, agendas, attendance, minutes,
decisions, interests, actions. Never edited once shipped."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import APPLICATION_ID, migrations, set_version as _set_version


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
