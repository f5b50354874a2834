"""Verified backups of the book, kept beside it (DESIGN.md §7).

A backup is written with ``VACUUM INTO`` to a temporary name, opened and checked with
``quick_check``, and only then renamed into ``backups/``; a failure never leaves a half
backup that looks whole. They are rotated: the last ten, plus the newest of each day for
a month. A restore keeps the book it replaces, and refuses while the book is open.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from db.book import Book, BookError, BookInUse, DamagedBook, NewerBook, held_elsewhere, read_header
from db.book_state import record_verified

KEEP_LAST = 10
KEEP_DAYS = 30
_NAME = re.compile(r"^(?P<stem>.+)-(?P<when>\d{8}-\d{6})(?:-(?P<reason>[a-z-]+))?\.secretary$")


class BackupError(BookError):
    pass


VERIFIED, DAMAGED, NEWER = "verified", "DAMAGED", "newer version"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    reason: str
    size: int
    meetings: int | None  # None when the file cannot be read
    state: str = VERIFIED  # checked now: VERIFIED, DAMAGED (never offered) or NEWER (needs a newer secretary)

    @property
    def good(self) -> bool:
        return self.state == VERIFIED

    def line(self) -> str:
        count = "unreadable" if self.meetings is None else f"{self.meetings} meetings"
        return (f"{self.made:%Y-%m-%d %H:%M:%S}  {self.size / 1024:>8.0f} KB  {count:<14}  {self.reason:<10}  "
                f"{self.state:<13}  {self.path}")


def backup_folder(book_path: Path) -> Path:
    return Path(book_path).parent / "backups"


def make_backup(book: Book, reason: str = "manual", *, now: datetime | None = None) -> Path:
    """Back up the open book; return the backup's path. Raises BackupError, leaving nothing behind."""
    if book.path is None:
        raise BackupError("A book held in memory has no file to back up.")
    now = now or datetime.now()
    folder = backup_folder(book.path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as e:
        raise BackupError(f"Cannot make the backups folder {folder}: {e.strerror}.") from e
    stem = book.path.stem
    slug = re.sub(r"[^a-z-]+", "-", reason.lower()).strip("-") or "manual"
    final = folder / f"{stem}-{now:%Y%m%d-%H%M%S}-{slug}.secretary"
    temp = folder / f".{final.name}.part"
    temp.unlink(missing_ok=True)
    try:
        book.db.execute("VACUUM INTO ?", [str(temp)])
        os.chmod(temp, 0o600)
        verdict = _quick_check(temp)
        if verdict != "ok":
            raise BackupError(f"The backup did not check out ({verdict}); the book itself is unchanged.")
        os.replace(temp, final)
        _count_as_verified(book)
    except sqlite3.Error as e:
        raise BackupError(f"The backup could not be written ({e}); the book itself is unchanged.") from e
    except OSError as e:
        raise BackupError(f"The backup could not be written ({e.strerror}); the book itself is unchanged.") from e
    finally:
        temp.unlink(missing_ok=True)
    rotate(folder, stem, now)
    return final


def _count_as_verified(book: Book) -> None:
    """VACUUM INTO read every page of the book and the copy checked out: a full verification."""
    if book.read_only:
        return
    try:
        record_verified(book.conn)
    except sqlite3.Error:
        pass  # not recorded: the next open checks the book itself


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as e:
        return str(e)
    finally:
        conn.close()


def _when(path: Path) -> tuple[str, datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    return match["stem"], datetime.strptime(match["when"], "%Y%m%d-%H%M%S"), match["reason"] or ""


def rotate(folder: Path, stem: str, now: datetime) -> list[Path]:
    """Delete backups beyond the last ten, keeping the newest of each day for a month.
    Returns what was deleted."""
    ours = sorted(
        ((when, path) for path in folder.glob(f"{stem}-*.secretary") if (w := _when(path)) and w[0] == stem
         for when in [w[1]]),
        reverse=True,
    )
    keep = {path for _, path in ours[:KEEP_LAST]}
    days_seen = set()
    for when, path in ours:
        if now - when <= timedelta(days=KEEP_DAYS) and when.date() not in days_seen:
            days_seen.add(when.date())
            keep.add(path)
    deleted = []
    for _, path in ours:
        if path not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def list_backups(book_path: Path) -> list[BackupInfo]:
    folder = backup_folder(book_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{Path(book_path).stem}-*.secretary"):
        parsed = _when(path)
        if parsed is None:
            continue
        state = _state(path)
        meetings = _meetings_in(path) if state != DAMAGED else None
        found.append(BackupInfo(path, parsed[1], parsed[2], path.stat().st_size, meetings, state))
    return sorted(found, key=lambda b: b.made, reverse=True)


def _state(path: Path) -> str:
    """Read the backup whole, as a restore would: verified, damaged, or from a newer version."""
    try:
        read_header(path)
    except NewerBook:
        return NEWER
    except (BookError, OSError):
        return DAMAGED
    return VERIFIED if _quick_check(path) == "ok" and _meetings_in(path) is not None else DAMAGED


def newest_good_backup(book_path: Path) -> BackupInfo | None:
    """The newest backup that checks out (what to offer for a damaged book); never a damaged one."""
    return next((info for info in list_backups(book_path) if info.good), None)


def restore_advice(book_path: Path) -> str:
    """What to do about a damaged book, in one sentence naming the backup and the command."""
    info = newest_good_backup(book_path)
    if info is None:
        return f"There is no good backup in {backup_folder(book_path)} to restore."
    return (f"The newest good backup is {info.path} (made {info.made:%d/%m/%Y %H.%M}, {info.meetings} meetings). "
            f"To put it in the book's place (the damaged book is kept beside it), run: "
            f"secretary restore {info.path} --book {book_path}")


def _meetings_in(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM meeting").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def refuse_unless_regular(backup: Path) -> None:
    """A backup is a regular file: a FIFO, a device or a folder is refused at once, never opened
    (reading a FIFO would wait for a writer that never comes)."""
    try:
        mode = os.stat(backup).st_mode
    except FileNotFoundError:
        raise BackupError(f"There is no backup at {backup}. Nothing was changed.") from None
    except OSError as e:
        raise BackupError(f"Cannot read {backup} ({e.strerror}). Nothing was changed.") from e
    if not stat.S_ISREG(mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a folder" if stat.S_ISDIR(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        raise BackupError(f"{backup} is {kind}, not a backup file; only a regular file can be restored. "
                          "Nothing was changed.")


def restore(backup: Path, book_path: Path, *, now: datetime | None = None) -> Path:
    """Put a backup in the book's place. The book must not be open anywhere; the one it
    replaces is kept as ``<book>.replaced-<time>``, whose path is returned."""
    backup, book_path = Path(backup).expanduser().absolute(), Path(book_path).expanduser().absolute()
    now = now or datetime.now()
    refuse_unless_regular(backup)
    read_header(backup)  # refuses a file that is not a SQLite book, before SQLite sees it
    verdict = _quick_check(backup)
    if verdict != "ok":
        raise BackupError(f"{backup} is damaged ({verdict}); choose another backup. Nothing was changed.")
    replaced = book_path.with_name(f"{book_path.name}.replaced-{now:%Y%m%d-%H%M%S}")
    if book_path.exists():
        # open and close it: refuses while another copy holds it, and folds its WAL in
        try:
            Book.open(book_path).close()
        except DamagedBook:
            # a damaged book is what a restore is for: kept as it is, with its -wal beside it
            if held_elsewhere(book_path):
                raise BookInUse(f"{book_path} is open in another copy of secretary; close it there first.")
    temp = book_path.with_name(f".{book_path.name}.restoring")
    try:
        shutil.copyfile(backup, temp)
        os.chmod(temp, 0o600)
        if book_path.exists():
            os.replace(book_path, replaced)
            for suffix in ("-wal", "-shm", "-journal"):  # never replayed into the restored book
                side = book_path.with_name(book_path.name + suffix)
                if side.exists():
                    os.replace(side, replaced.with_name(replaced.name + suffix))
        os.replace(temp, book_path)
    except OSError as e:
        temp.unlink(missing_ok=True)
        raise BackupError(f"The restore could not be completed ({e.strerror}); the book is as it was.") from e
    with Book.open(book_path):
        pass  # it opens: checked, migrated if older
    return replaced


def check(book: Book) -> list[str]:
    """Problems found in the open book (empty: all well)."""
    problems = []
    integrity = [row[0] for row in book.db.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        problems += [f"integrity: {line}" for line in integrity[:10]]
    for table, rowid, parent, _ in book.db.execute("PRAGMA foreign_key_check").fetchall()[:10]:
        problems.append(f"{table} row {rowid} refers to a missing {parent}")
    return problems
