"""Changes the book could not take yet (DESIGN.md §7: a failed write never loses a word).

Every change the clerk makes during a meeting is a Change — one of the book's write
functions, its arguments, and the clerk's words for it — and goes through
``PendingWrites.write``. It is written at once. If the book cannot be written (the disk
is full, an I/O error, the file or its disk read-only, the file deleted underneath) the
change is kept, in the order it was made, and ``retry`` tries again; the caller learns
whether it is in the book. A change the book refuses on its merits (``Refused``) is never
kept: the caller hears of it as before.

A change made outside the meeting from a form is not kept: ``PendingWrites.write_now`` writes
it at once or raises ``NotSaved``, and the form keeps what the clerk typed (``not_saved``
turns any failure to write the book into that, in the same words).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from db.book import Book, BookError, BookGone
from db.rows import Refused


@dataclass(eq=False)
class Change:
    what: str  # the clerk's words: "MSh arrived at 10.05", "notes on item 5"
    write: Callable[..., Any]  # a function of db/ taking the book first: the write of one of the desk's verbs
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    key: str | None = None  # a later change with the same key replaces this one while both wait
    made_at: datetime = field(default_factory=lambda: datetime.now().astimezone())

    @property
    def name(self) -> str:
        return f"{self.write.__module__}.{self.write.__name__}"


@dataclass(frozen=True)
class Outcome:
    saved: bool
    value: Any = None  # what the write function returned, once saved


def held_write(name: str) -> Callable[..., Any] | None:
    """The write of that name if one of the desk's held verbs makes it (db/desk.py), else None."""
    from db.desk import held_write as desk_write

    return desk_write(name)


class PendingWrites:
    """The clerk's changes on their way into the book, oldest first."""

    def __init__(self) -> None:
        self.waiting: list[Change] = []
        self.trouble: str | None = None  # why the book cannot be written now, in the clerk's words
        self.refused: list[tuple[Change, str]] = []  # dropped on a retry: the book refused them
        self.news: list[str] = []  # things the clerk should be told (the file put back, say)

    def write(self, book: Book, change: Change) -> Outcome:
        """Write ``change`` now, after any still waiting; keep it if the book cannot take it.
        Raises what the book raises if it refuses the change itself (Refused and the like)."""
        if held_write(change.name) is not change.write:
            raise ValueError(f"{change.name} is not the write of any of the desk's held verbs (db/desk.py)")
        same = next((i for i, c in enumerate(self.waiting) if change.key and c.key == change.key), None)
        if same is None:
            self.waiting.append(change)
        else:
            self.waiting[same] = change  # the newer text replaces the older, in its place
        value = self._drain(book, wanted=change)
        if change in self.waiting:
            return Outcome(False)
        return Outcome(True, value)

    def write_now(self, book: Book, write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``write(book, *args, **kwargs)`` at once, never kept: for a form, which keeps the clerk's
        input itself. Changes still waiting go first, so the book takes changes in the order they
        were made; if they cannot, this is not tried. Raises NotSaved if the book cannot be
        written, and what the book raises if it refuses the change itself."""
        if self.waiting:
            self._drain(book)
            if self.waiting:
                raise NotSaved(self.trouble or "earlier changes are still waiting to be saved")
        try:
            self._file_in_place(book)
            return write(book, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 — storage trouble becomes NotSaved, the rest raised
            failed = not_saved(book, error)
            if failed is None:
                raise
            raise failed from error

    def retry(self, book: Book) -> bool:
        """Try again what is waiting (and check the file is still there); True if all is in the book."""
        if not self.waiting:
            try:
                self._file_in_place(book)
                self.trouble = None
            except Exception as error:  # noqa: BLE001 — any failure here is told, never raised
                self.trouble = storage_trouble(error) or str(error)
            return not self.waiting
        self._drain(book)
        return not self.waiting

    def _drain(self, book: Book, wanted: Change | None = None) -> Any:
        result = None
        while self.waiting:
            change = self.waiting[0]
            try:
                self._file_in_place(book)
                value = change.write(book, *change.args, **change.kwargs)
            except Exception as error:  # noqa: BLE001 — sorted below: storage trouble is kept, the rest told
                _roll_back(book)
                trouble = storage_trouble(error)
                if trouble is None:  # refused on its merits (or a bug): not kept, never retried
                    self.waiting.pop(0)
                    if change is wanted:
                        raise
                    self.refused.append((change, getattr(error, "message", None) or str(error)))
                    continue
                self.trouble = trouble
                return None
            self.waiting.pop(0)
            if change is wanted:
                result = value
        self.trouble = None
        return result

    def _file_in_place(self, book: Book) -> None:
        """Writes to a deleted file would vanish when the app closes: put the file back first."""
        try:
            book.check_in_place()
        except BookGone:
            try:
                book.put_back()  # refuses, and says so, if another file has taken the book's place
            except BookGone:
                raise
            except Exception as error:  # noqa: BLE001 — in words, with the reason
                raise BookGone(
                    f"The book file {book.path} was deleted while it was open and cannot be written back "
                    f"there yet ({storage_trouble(error) or error})."
                ) from error
            self.news.append(
                f"The book file {book.path} was deleted while it was open. It has been written back "
                "there from everything the app held."
            )


class NotSaved(BookError):
    """A change made straight to the book (not held) that the book could not take: none of
    it is in the book. ``trouble`` is why, in the clerk's words."""

    def __init__(self, trouble: str) -> None:
        super().__init__(f"Nothing was saved: {trouble}.")
        self.trouble = trouble


def not_saved(book: Book | None, error: BaseException) -> NotSaved | None:
    """``error`` as NotSaved, the book's open transaction rolled back, if it is a failure to
    write the book; None if it is not (refused on its merits, or a bug: let it be raised)."""
    if isinstance(error, NotSaved):
        return error
    trouble = storage_trouble(error)
    if trouble is None:
        return None
    if book is not None:
        _roll_back(book)
    return NotSaved(trouble.rstrip("."))


def _roll_back(book: Book) -> None:
    try:
        if book.conn.in_transaction:
            book.conn.rollback()
    except sqlite3.Error:
        pass


_SQLITE_WORDS = {
    13: "the disk is full",  # SQLITE_FULL
    8: "the book cannot be written (it, or the disk it is on, has become read-only)",  # SQLITE_READONLY
    10: "the disk refused the write (an I/O error: full, removed, or failing)",  # SQLITE_IOERR
    14: "the book's file cannot be opened",  # SQLITE_CANTOPEN
    3: "permission to write the book was refused",  # SQLITE_PERM
    5: "the book is busy",  # SQLITE_BUSY
    6: "the book is busy",  # SQLITE_LOCKED
    11: "the book's file looks damaged",  # SQLITE_CORRUPT
    26: "the book's file looks damaged",  # SQLITE_NOTADB
    22: "the book has grown too large for its disk",  # SQLITE_NOLFS
}

_OS_WORDS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk has become read-only",
    errno.EACCES: "permission to write was refused",
    errno.EPERM: "permission to write was refused",
    errno.EIO: "the disk reported an I/O error",
    errno.EFBIG: "the file has grown beyond the size allowed",
    errno.ENOENT: "the book's folder has gone",
}


def storage_trouble(error: BaseException) -> str | None:
    """The clerk's words for a failure to write the book, or None if ``error`` is not one
    (the book refused the change on its merits, or a bug)."""
    if isinstance(error, Refused):
        return None
    if isinstance(error, BookError):
        return error.message
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return _SQLITE_WORDS.get(code & 0xFF)
        text = str(error).lower()
        for marker, words in (("full", 13), ("readonly", 8), ("read-only", 8), ("i/o", 10), ("locked", 5)):
            if marker in text:
                return _SQLITE_WORDS[words]
        return None
    if isinstance(error, OSError):
        return _OS_WORDS.get(error.errno, error.strerror or str(error))
    return None
