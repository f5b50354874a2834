"""The book's migrations, registered in the order they are applied (sqlite-utils Migrations)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.version import APPLICATION_ID  # noqa: F401 - where the migrations have always found it

migrations = Migrations("secretary")


def set_version(db: Database, version: int) -> None:
    """Each migration sets the user_version to its own number: a book says how far it has come."""
    db.execute(f"PRAGMA user_version = {int(version)}")
