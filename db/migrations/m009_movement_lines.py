"""m009: the movement lines put into an item's notes, linked to their movements."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


@migrations()
def m009_movement_lines(db: Database) -> None:
    """The line ("VM arrived.") put into an item's notes where the clerk had reached when the
    movement was recorded, exactly as inserted, so correcting or deleting the movement can
    rewrite or remove it. A deleted movement leaves its line's link (movement_id NULL) until
    the line has been taken out of the notes."""
    db.executescript("""
CREATE TABLE movement_line (
    id INTEGER PRIMARY KEY,
    movement_id INTEGER REFERENCES movement(id) ON DELETE SET NULL,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    text TEXT NOT NULL
);
CREATE INDEX movement_line_item ON movement_line(item_id);
CREATE INDEX movement_line_movement ON movement_line(movement_id);
""")
    _set_version(db, 9)
