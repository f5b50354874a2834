"""db: the clerk's book (SQLite via sqlite-utils). The only code that writes SQL."""

# db.book alone, so that opening the book (and its integrity check) need not wait for pydantic
from db.book import Book, BookError, BookInUse, BookUnavailable, DamagedBook, NewerBook, NotABook, Refused

__all__ = ["Book", "BookError", "BookInUse", "BookUnavailable", "DamagedBook", "NewerBook", "NotABook", "Refused"]
