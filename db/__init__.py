"""db: the clerk's book (SQLite via sqlite-utils). The only code that writes SQL."""

from db.book import Book, BookError, BookInUse, BookUnavailable, DamagedBook, NewerBook, NotABook
from db.rows import Refused

__all__ = ["Book", "BookError", "BookInUse", "BookUnavailable", "DamagedBook", "NewerBook", "NotABook", "Refused"]
