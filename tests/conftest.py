from __future__ import annotations

from pathlib import Path

import pytest

from db import Book


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "books" / "test.secretary"


@pytest.fixture
def book(book_path: Path):
    with Book.open(book_path, create=True) as opened:
        yield opened
