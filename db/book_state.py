"""What the book remembers about itself (DESIGN.md §7): whether the app closed it cleanly
and when it was last read whole and found sound. Opening runs ``quick_check`` only when
one of these is not known good, so a clean, recently verified book opens at once."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

VERIFY_EVERY = timedelta(days=7)


def _now() -> datetime:
    return datetime.now().astimezone()


def needs_verifying(conn: sqlite3.Connection, now: datetime | None = None) -> bool:
    """Whether the book must be read whole before use: not closed cleanly last time, never
    verified, or verified more than a week ago. A book from before m008 always is."""
    try:
        row = conn.execute("SELECT closed_cleanly, verified_at FROM book_state WHERE id = 1").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # no such table yet, or a damaged book
        return True
    if row is None or not row[0] or not row[1]:
        return True
    try:
        verified = datetime.fromisoformat(row[1])
    except (TypeError, ValueError):
        return True
    return (now or _now()) - verified > VERIFY_EVERY


def record_opened(conn: sqlite3.Connection, *, verified: bool, now: datetime | None = None) -> None:
    """The app has the book: not closed cleanly until ``record_closed`` says so (a crash leaves this)."""
    stamp = (now or _now()).isoformat()
    with conn:
        conn.execute("UPDATE book_state SET closed_cleanly = 0, opened_at = ?, "
                     "verified_at = CASE WHEN ? THEN ? ELSE verified_at END WHERE id = 1",
                     [stamp, verified, stamp])


def record_closed(conn: sqlite3.Connection, now: datetime | None = None) -> None:
    with conn:
        conn.execute("UPDATE book_state SET closed_cleanly = 1, closed_at = ? WHERE id = 1",
                     [(now or _now()).isoformat()])


def record_verified(conn: sqlite3.Connection, now: datetime | None = None) -> None:
    """A verified backup read every page of the book: that counts as a full verification."""
    with conn:
        conn.execute("UPDATE book_state SET verified_at = ? WHERE id = 1", [(now or _now()).isoformat()])


def state(conn: sqlite3.Connection) -> dict[str, object]:
    row = conn.execute("SELECT closed_cleanly, opened_at, closed_at, verified_at FROM book_state").fetchone()
    return dict(zip(("closed_cleanly", "opened_at", "closed_at", "verified_at"), row, strict=True))
