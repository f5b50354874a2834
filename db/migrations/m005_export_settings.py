"""m005: how a body's exports are laid out."""

from __future__ import annotations

from sqlite_utils import Database

from db.migrations.register import migrations, set_version as _set_version


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
