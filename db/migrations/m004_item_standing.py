"""m004: each agenda item's standing kind."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


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
