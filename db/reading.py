"""Opening a book only to read it (DESIGN.md §7): listing, searching, checking and exporting
never write — not a byte of the book, no migration, no journal switch — so a book on a
read-only share, a USB stick or an immutable file can be read as it is."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from db.book import Book, BookInUse, BookUnavailable, DamagedBook, NotABook, read_header
from db.version import SCHEMA_VERSION


class OlderBook(BookUnavailable):
    """A book that must be upgraded (migrated) before this version can read it."""


def open_for_reading(path: str | os.PathLike[str]) -> Book:
    """The book at ``path``, read-only. Raises BookError for a file that is missing, not a
    book, newer or older than this version, damaged in its header, or open in the app."""
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise BookUnavailable(f"There is no book at {path}.")
    if not path.is_file():
        raise NotABook(f"{path} is not a file.")
    try:
        header = read_header(path)
    except PermissionError as e:
        raise BookUnavailable(f"Cannot read {path}: permission denied.") from e
    if header.user_version < SCHEMA_VERSION:
        raise OlderBook(
            f"{path} was written by an older version of secretary and needs upgrading before it can be "
            f"read. Open it once in the app (secretary --book {path}) to upgrade it; reading commands "
            "never change a book, so it has been left as it was."
        )
    if _locked_elsewhere(path):
        raise BookInUse(
            f"{path} is already open in another copy of secretary (or another program), which is "
            "writing to it. Close it there first, then read it."
        )
    conn = _connect_read_only(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
        conn.close()
        raise DamagedBook(f"{path} is damaged ({e}). It has not been changed; restore it from a backup.") from e
    return Book(conn, path, read_only=True)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A book the app closed cleanly is read as immutable: SQLite then makes no -wal or -shm
    beside it and takes no lock. One it did not (a -wal still holding changes) is read through
    its -wal, which needs a -shm beside it: refused, with a message, where none can be made."""
    uri = f"file:{quote(str(path))}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        return sqlite3.connect(f"{uri}&immutable=1", uri=True)
    conn = sqlite3.connect(uri, uri=True, timeout=1.0)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        conn.close()
        raise BookUnavailable(
            f"{path} was not closed cleanly and its last changes are still in {wal.name}, which cannot be "
            f"read from here ({e}). Open it once in the app where it can be written; it has not been changed."
        ) from e
    return conn


def _locked_elsewhere(path: Path) -> bool:
    """Whether another process holds SQLite's write lock on the book (the app has it open).
    A read-only descriptor suffices to ask; this process holds no lock on it to lose."""
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's own locks answer when the book is read
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 512, 0x40000000)  # conflicts with a writer only
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 512, 0x40000000)
        return False
    finally:
        os.close(fd)
