"""Opening the clerk's book safely (DESIGN.md §7).

The order matters: the file's header is read and judged before SQLite ever
connects, so a foreign, truncated or newer file is refused without a byte of
it changing. Only then do we connect, take the exclusive lock (a second copy
of the app is refused), run ``quick_check`` if the book was not closed cleanly
or not verified for a week (db/book_state.py), migrate, and set the pragmas.
Reading commands open the book read-only instead (db/reading.py).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import struct
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from db.book_state import needs_verifying, record_closed, record_opened
from db.version import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database

_MAGIC = b"SQLite format 3\x00"


class BookError(Exception):
    """A problem opening or writing the book, worded for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotABook(BookError):
    pass


class DamagedBook(BookError):
    pass


class NewerBook(BookError):
    pass


class BookInUse(BookError):
    pass


class Refused(BookError):
    """The book refused a change that would break one of its rules."""


class BookUnavailable(BookError):
    """Missing, unreadable, or not writable."""


class BookGone(BookUnavailable):
    """The book's file was deleted or moved away while the app had it open."""


class Header(NamedTuple):
    page_size: int
    pages: int | None  # the in-header page count, when SQLite says it is valid
    user_version: int
    application_id: int


def read_header(path: Path) -> Header:
    """Judge the first 100 bytes of ``path``; raise a BookError if it is not a usable book."""
    size = path.stat().st_size
    if size == 0:
        raise NotABook(f"{path} is an empty file, not a secretary book.")
    with open(path, "rb") as f:
        head = f.read(100)
    if not head.startswith(_MAGIC):
        raise NotABook(f"{path} is not a secretary book (it is not a SQLite database at all).")
    if len(head) < 100:
        raise DamagedBook(f"{path} is damaged: it ends inside its own header ({size} bytes).")
    (raw_page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedBook(f"{path} is damaged: its header gives an impossible page size.")
    change_counter, pages = struct.unpack(">II", head[24:32])
    (valid_for,) = struct.unpack(">I", head[92:96])
    (user_version,) = struct.unpack(">i", head[60:64])
    (application_id,) = struct.unpack(">i", head[68:72])
    header = Header(page_size, pages if valid_for == change_counter and pages else None, user_version, application_id)
    if application_id != APPLICATION_ID:
        raise NotABook(
            f"{path} is a SQLite database from another program, not a secretary book. "
            "It has been left exactly as it was."
        )
    if user_version > SCHEMA_VERSION:
        raise NewerBook(
            f"{path} was written by a newer version of secretary (book version {user_version}; "
            f"this copy understands up to {SCHEMA_VERSION}). Update secretary to open it; "
            "the book has not been changed."
        )
    if size % page_size or (header.pages and size < header.pages * page_size):
        raise DamagedBook(
            f"{path} is damaged: the file is shorter than its header says ({size} bytes), "
            "as if it had been cut off. It has not been changed; restore it from a backup."
        )
    return header


def _create_file(path: Path) -> None:
    """A new book: 0600 in a folder we make 0700 (an existing folder keeps its mode)."""
    missing = []
    parent = path.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class Book:
    """An open clerk's book: one SQLite file, held exclusively by this process."""

    def __init__(self, conn: sqlite3.Connection | Database, path: Path | None, *, read_only: bool = False):
        self._db = None if isinstance(conn, sqlite3.Connection) else conn
        self.conn: sqlite3.Connection = conn if isinstance(conn, sqlite3.Connection) else conn.conn
        self.path = path
        self.read_only = read_only
        self.identity = _identity(path) if path is not None else None
        self.verified_at_open = False  # whether opening read the whole book (quick_check)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Book:
        path = Path(path).expanduser().absolute()
        created = False
        if not path.exists():
            if not create:
                raise BookUnavailable(f"There is no book at {path}.")
            try:
                _create_file(path)
            except OSError as e:
                raise BookUnavailable(f"Cannot create a book at {path}: {e.strerror}.") from e
            created = True
        elif not path.is_file():
            raise NotABook(f"{path} is not a file.")
        if not created:
            try:
                read_header(path)
            except PermissionError as e:
                raise BookUnavailable(f"Cannot read {path}: permission denied.") from e
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise BookUnavailable(
                    f"{path} cannot be written (the file or its folder is read-only). "
                    "Nothing has been changed."
                )
        conn = _connect(path)
        try:
            verified = _prepare(conn, path)
        except BaseException:
            conn.close()
            if created:
                path.unlink(missing_ok=True)
            raise
        book = cls(conn, path)
        book.verified_at_open = verified
        return book

    @classmethod
    def in_memory(cls) -> Book:
        conn = sqlite3.connect(":memory:")
        conn.execute("PRAGMA recursive_triggers = ON")
        _migrate(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        return cls(conn, None)

    @property
    def db(self) -> Database:
        """sqlite-utils over the book's connection, made when a write first asks for it: reading
        needs only SQLite, and sqlite-utils is not imported on the way to the first screen."""
        if self._db is None:
            self._db = _database(self.conn)
        return self._db

    @property
    def changes(self) -> tuple[int, int]:
        """A value that differs after any change this app has made to the book: a screen
        coming back into view reads the book again only when it has changed."""
        return id(self.conn), self.conn.total_changes  # the connection sqlite-utils writes through

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Iterator[dict[str, Any]]:
        """The rows of a SELECT as dicts, straight from SQLite (the reads a screen waits on)."""
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row))

    def check_in_place(self) -> None:
        """Raise BookGone if the file at the book's path is no longer the one we opened: on
        Linux and macOS writes to a deleted file succeed and vanish when the app closes."""
        if self.path is None:
            return
        if _identity(self.path) != self.identity:
            raise BookGone(f"The book file {self.path} has gone (deleted or moved) while it was open.")

    def put_back(self) -> None:
        """The book's file was deleted while open: write everything this connection still
        holds back at the book's path, checked, and carry on there. Raises BookError (or
        OSError) if it cannot, leaving the connection as it was; never replaces another file."""
        path = self.path
        if path.exists() or path.is_symlink():
            raise BookGone(
                f"A different file is now at {path}, where the book was; it has not been touched. "
                "Your changes are held in the app: quit and write them to a recovery file."
            )
        temp = path.with_name(f".{path.name}.putback")
        temp.unlink(missing_ok=True)
        try:
            self.conn.execute("VACUUM INTO ?", [str(temp)])
            os.chmod(temp, 0o600)
            check = sqlite3.connect(f"file:{temp}?mode=ro", uri=True)
            try:
                verdict = check.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                check.close()
            if verdict != "ok":
                raise BookGone(f"The book could not be written back to {path} ({verdict}).")
            try:
                os.link(temp, path)  # refuses to replace a file that appeared meanwhile
            except OSError as e:
                if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP) or path.exists():
                    raise
                os.replace(temp, path)  # a file system without hard links
        finally:
            temp.unlink(missing_ok=True)
        # The old connection's -wal still bears the book's name: a new connection would replay
        # it into the new file. Everything in it is in the copy; close it, then remove it.
        self.conn.close()
        for suffix in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        self._db = None
        try:
            self.conn = _connect(path)
            _prepare(self.conn, path)
        except BookError:
            self.conn = sqlite3.connect(str(path))  # readable, at least
            raise
        self.identity = _identity(path)

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            try:  # a clean close spares the next open its full check
                record_closed(self.conn)
            except (sqlite3.Error, OSError):
                pass  # not recorded: the next open checks the book, as after a crash
        self.conn.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=1.0)
    try:
        # Set before the first read so WAL needs no shared memory and the lock is
        # held for the whole session: a second copy of the app is refused.
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        conn.close()
        if "locked" in str(e) or "busy" in str(e):
            raise BookInUse(
                f"{path} is already open in another copy of secretary (or another program). "
                "Close it there first; only one copy may write to a book at a time."
            ) from e
        raise BookUnavailable(f"Cannot open {path}: {e}.") from e
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:  # garbage can reach the error text
        conn.close()
        raise DamagedBook(
            f"{path} is damaged ({_why(e)}). It has not been changed; restore it from a backup."
        ) from e
    return conn


def verify(conn: sqlite3.Connection, path: Path) -> None:
    """Read the whole book (``quick_check``); raise DamagedBook if it is not sound."""
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:  # garbage can reach the error text
        raise DamagedBook(
            f"{path} is damaged ({_why(e)}). It has not been changed; restore it from a backup."
        ) from e
    if verdict != ["ok"]:
        raise DamagedBook(
            f"{path} is damaged ({verdict[0]}). It has not been changed; restore it from a backup."
        )


def _prepare(conn: sqlite3.Connection, path: Path) -> bool:
    """The connection made ready for the app; returns whether the book was read whole to open it."""
    verified = needs_verifying(conn)
    if verified:
        verify(conn, path)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    fresh = not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if not fresh and app_id != APPLICATION_ID:
        raise NotABook(f"{path} is not a secretary book. It has been left exactly as it was.")
    if version > SCHEMA_VERSION:
        raise NewerBook(f"{path} was written by a newer version of secretary; update secretary to open it.")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, from the first statement
    try:
        if fresh or version < SCHEMA_VERSION:
            _migrate(conn)
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as e:
        raise BookUnavailable(f"Cannot write to {path}: {e}.") from e
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    try:
        record_opened(conn, verified=verified)
    except sqlite3.OperationalError as e:
        raise BookUnavailable(f"Cannot write to {path}: {e}.") from e
    return verified


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring the book's schema up to SCHEMA_VERSION (a new book, or one an older version wrote). The
    migrations, and sqlite-utils with them, are imported only for a book that needs them."""
    database = _database(conn)
    from db.migrations import migrations

    migrations.apply(database)


def _database(conn: sqlite3.Connection) -> Database:
    load_sqlite_utils()
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def load_sqlite_utils() -> None:
    """sqlite-utils imports numpy and pandas when they are installed, only to recognise their values
    in inserts; the book never stores them, and numpy alone takes longer to import than Textual.
    So sqlite-utils is imported with both hidden, and they are put back at once for anyone else
    (a None left in sys.modules breaks code that asks whether numpy is loaded, hypothesis among it)."""
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401 - imported here, without them
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def _why(error: Exception) -> str:
    return "its pages hold garbage" if isinstance(error, UnicodeDecodeError) else str(error)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds SQLite's lock on ``path`` — even a file too damaged to
    open. Only for a file this process does not have open (closing any descriptor of a
    file drops this process's own locks on it)."""
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        # SQLite's lock bytes begin at 1 GiB; a writer's exclusive lock covers them all
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 512, 0x40000000)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 512, 0x40000000)
        return False
    finally:
        os.close(fd)


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
