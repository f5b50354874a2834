"""Shared by the fault tests: a book whose meeting is live, what a book holds, and its
integrity — read the way the app reads it, after the process that wrote it is gone."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db import Book
from db.actions import actions_raised_at
from db.movement_lines import list_lines
from db.attendance import list_movements
from db.demo import build_demo
from db.live import start_meeting
from db.meetings import list_items
from db.minutes import list_declarations, list_meeting_decisions, list_minutes
from secretary.agenda import current_item_id

HERE = Path(__file__).resolve().parent
OPENED = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@dataclass
class LiveBook:
    path: Path
    meeting_id: int
    first_item: int

    def copy(self, to: Path) -> Path:
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.path, to)
        return to


@pytest.fixture(scope="session")
def live_book(demo_copy, tmp_path_factory) -> LiveBook:
    """The demo book with its meeting live at item 1, closed so that it can be copied."""
    path = tmp_path_factory.mktemp("faults") / "live.secretary"
    book, meeting_id, _ = build_demo(demo_copy(path))
    start_meeting(book, meeting_id, OPENED)
    first = list_items(book, meeting_id)[0].id
    book.close()
    return LiveBook(path, meeting_id, first)


@dataclass
class Held:
    """What a book holds for one meeting: notes by item, row ids by table, the item in progress."""

    notes: dict[int, str]
    rows: dict[str, set[int]]
    current: int | None


def held(path: Path, meeting_id: int) -> Held:
    with Book.open(path) as book:
        minutes = list_minutes(book, meeting_id)
        return Held(
            notes={m.item_id: m.notes for m in minutes},
            rows={
                "movement": {m.id for m in list_movements(book, meeting_id)},
                "decision": {d.id for d in list_meeting_decisions(book, meeting_id)},
                "action": {a.id for a in actions_raised_at(book, meeting_id)},
                "declaration": {d.id for d in list_declarations(book, meeting_id)},
                "movement_line": {line.id for line in list_lines(book, meeting_id)},
            },
            current=current_item_id(minutes),
        )


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def dump(path: Path) -> dict[str, list]:
    """Every row of every table: the book's data, not its bytes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'book_state' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


class Clerk:
    """tests/faults/clerk.py in ``commands`` mode: one live session driven line by line."""

    def __init__(self, path: Path, meeting_id: int, **popen) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "clerk.py"), "commands", str(path), str(meeting_id)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1, **popen,
        )
        ready = self.process.stdout.readline().strip()
        assert ready == "ready", ready + self.process.stderr.read()

    def __call__(self, line: str) -> dict:
        """Run one command; what the app shows afterwards: held changes, notes, the screen's words."""
        import json

        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        for out in self.process.stdout:
            if out.startswith("done "):
                return json.loads(out.split(" ", 2)[2])
        raise AssertionError(f"the app stopped answering (crashed?): {self.process.stderr.read()[-2000:]}")

    def quit(self) -> int:
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        return self.process.wait(15)


def file_sizes(path: Path) -> int:
    """The size of the book or its -wal, whichever is larger: a file size limit there stops
    the next write that grows either."""
    wal = path.with_name(path.name + "-wal")
    return max(path.stat().st_size, wal.stat().st_size if wal.exists() else 0)
