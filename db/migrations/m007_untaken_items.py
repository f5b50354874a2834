"""m007: what became of the items a meeting did not take."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


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
