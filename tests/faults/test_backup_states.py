"""`secretary backups` shows each backup's state, read now (issue 17, item 9): verified,
DAMAGED or from a newer version; a damaged one is never offered or restored."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from db import Book
from db.backup import DAMAGED, NEWER, VERIFIED, list_backups, make_backup, newest_good_backup
from db.schema import SCHEMA_VERSION
from secretary.cli import main
from tests.faults.test_bad_books import garble


def test_backups_are_listed_with_their_state_and_a_damaged_one_is_never_offered(live_book, tmp_path, capsys) -> None:
    path = live_book.copy(tmp_path / "states" / "live.secretary")
    with Book.open(path) as book:
        good = make_backup(book, "live", now=datetime(2025, 3, 21, 9, 0))
        newer = make_backup(book, "manual", now=datetime(2025, 3, 21, 10, 0))
        damaged = make_backup(book, "closed", now=datetime(2025, 3, 21, 11, 0))
    garble(damaged)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()

    states = {info.path: info.state for info in list_backups(path)}
    assert states == {good: VERIFIED, newer: NEWER, damaged: DAMAGED}
    assert newest_good_backup(path).path == good  # the newest two are not offered

    assert main(["backups", "--book", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    line_of = {p: next(line for line in lines if str(p) in line) for p in (good, newer, damaged)}
    assert " verified " in line_of[good] and " DAMAGED " in line_of[damaged] and " newer version " in line_of[newer]
    assert "never restored" in lines[-1]

    for refused in (damaged, newer):
        assert main(["restore", str(refused), "--book", str(path), "--yes"]) == 1
        said = capsys.readouterr().err
        assert "Nothing was changed" in said or "newer version" in said
    assert not list(path.parent.glob("live.secretary.replaced-*"))  # nothing was put in the book's place
