"""m003: full-text search over minutes, titles, decisions, actions, declarations, questions."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


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
