from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import Book
from db.demo.calendar import TODAY_VARIABLE

# the demo's day in every test (and every command a test runs): the day its sample files were written for
os.environ[TODAY_VARIABLE] = "2025-03-21"


RAM = Path("/dev/shm")
RAM_NEEDED = 2 * 1024**3  # the suite's books, with room to spare


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Temporary files in memory where the machine has room: every change the app makes is committed
    with a sync to disk, and on a disk those syncs are most of the suite's time. What the tests check
    does not depend on the disk (the power-cut case is not something a test can check); ``--basetemp``
    puts them elsewhere."""
    if config.option.basetemp or not RAM.is_dir() or not os.access(RAM, os.W_OK):
        return  # chosen by hand, or an xdist worker (the controller chose for it)
    room = os.statvfs(RAM)
    if room.f_bavail * room.f_frsize < RAM_NEEDED:
        return
    run = Path(tempfile.mkdtemp(prefix="secretary-tests-", dir=RAM))
    config.option.basetemp = str(run / "tmp")
    config.stash[RAM_RUN] = run


def pytest_unconfigure(config: pytest.Config) -> None:
    run = config.stash.get(RAM_RUN, None)
    if run is not None:  # memory is not a disk: nothing is left behind
        shutil.rmtree(run, ignore_errors=True)


RAM_RUN = pytest.StashKey[Path]()
TIMED_FOLDERS = ("faults",)  # tests that time the app in a subprocess (tests/faults)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that time a subprocess (those in tests/faults, and any marked ``timed``) run one after
    another in one worker, so that two of them never compete for the same cores."""
    here = Path(__file__).parent
    for item in items:
        folder = item.path.relative_to(here).parts[0] if item.path.is_relative_to(here) else ""
        if folder in TIMED_FOLDERS or item.get_closest_marker("timed"):
            item.add_marker(pytest.mark.xdist_group("timed"))


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory) -> Callable[[Path], Path]:
    """A fresh copy of the demo book at the path given: ``build_demo(demo_copy(tmp_path / "demo.secretary"))``.

    The demo is the same book for the pinned day, so each test process builds it once and copies it."""
    template: list[Path] = []

    def copy(to: Path) -> Path:
        if not template:
            from db.demo import build_demo

            made = tmp_path_factory.mktemp("demo-template") / "demo.secretary"
            build_demo(made)[0].close()
            template.append(made)
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template[0], to)
        to.chmod(0o600)  # as a new book is made
        return to

    return copy


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "books" / "test.secretary"


@pytest.fixture
def book(book_path: Path):
    with Book.open(book_path, create=True) as opened:
        yield opened


_MIGRATED: list[Book] = []


def new_book_in_memory() -> Book:
    """A new book in memory, as ``Book.in_memory()`` makes it, copied from one made once: applying the
    migrations takes half a second, which a property test making a book per example pays every time."""
    if not _MIGRATED:
        _MIGRATED.append(Book.in_memory())
    conn = sqlite3.connect(":memory:")
    _MIGRATED[0].conn.backup(conn)
    book = Book(Database(conn, execute_plugins=False), None)
    book.db.execute("PRAGMA foreign_keys = ON")
    return book


@contextmanager
def held_open(path: Path) -> Iterator[None]:
    """The book held open by another process (a second copy of the app) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from db import Book
            book = Book.open({str(path)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
