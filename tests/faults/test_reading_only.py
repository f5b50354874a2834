"""A book that cannot be written can still be read (issue 17, item 5): listing, searching,
checking and exporting a book on a read-only share (a clerk who may read but not write it),
or an immutable file, all work; reading commands never write a byte — no migration, no
journal switch, no -wal or -shm — and a book that needs upgrading says so and is left alone."""

from __future__ import annotations

import contextlib
import io
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from db.schema import SCHEMA_VERSION
from secretary.cli import main
from tests.faults.test_bad_books import as_nobody, unchanged


def reading_commands(path: Path, out: Path) -> list[list[str]]:
    book = ["--book", str(path)]
    return [
        ["bodies", *book], ["meetings", *book], ["search", "report", *book], ["check", *book],
        ["export", "actions", "--body", "NICB", "--format", "csv", "-o", str(out / "tracker.csv"), *book],
        ["export", "minutes", "--meeting", "latest", "--format", "md", "-o", str(out / "minutes.md"), *book],
    ]


def run_all(commands: list[list[str]]) -> tuple[int, str]:
    """Each command in this process; (how many failed, all they said)."""
    failures, said = 0, []
    for command in commands:
        out = io.StringIO()
        with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
            code = main(command)
        said.append(f"$ secretary {command[0]}: {code}\n{out.getvalue()}")
        failures += code != 0
    return failures, "\n".join(said)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
def test_a_read_only_book_on_a_share_is_listed_searched_checked_and_exported(live_book) -> None:
    folder = Path(tempfile.mkdtemp(prefix="secretary-share-", dir="/tmp"))
    try:
        path = live_book.copy(folder / "share" / "last-year.secretary")
        path.chmod(0o444)
        path.parent.chmod(0o555)  # a read-only share: neither the file nor its folder can be written
        folder.chmod(0o755)
        out = folder / "exports"
        out.mkdir()
        os.chown(out, pwd.getpwnam("nobody").pw_uid, -1)
        before = unchanged(path)
        warm = live_book.copy(folder / "warm" / "warm.secretary")
        assert run_all(reading_commands(warm, warm.parent))[0] == 0  # every module imported while root
        # (this machine's Python lives in root's home, which user nobody cannot read)

        code, said = as_nobody(lambda: run_all(reading_commands(path, out))[0] or os.write(1, b"all ok\n") and 0)
        assert code == 0, said
        assert "cannot be written" not in said
        assert unchanged(path) == before  # not a byte, and no -wal or -shm beside it
        assert "Action No." in (out / "tracker.csv").read_text() and (out / "minutes.md").stat().st_size
    finally:
        Path(folder / "share").chmod(0o755)
        shutil.rmtree(folder)


def test_an_immutable_book_is_read(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "immutable" / "last-year.secretary")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this machine cannot make a file immutable (chattr +i)")
    try:
        before = unchanged(path)
        failures, said = run_all(reading_commands(path, tmp_path))
        assert failures == 0, said
        assert "7 results for 'report'" in said or "results for 'report'" in said
        assert unchanged(path) == before
    finally:
        subprocess.run(["chattr", "-i", str(path)])


def test_reading_commands_never_write_even_a_writable_book(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "writable" / "book.secretary")
    before = unchanged(path)
    failures, said = run_all(reading_commands(path, tmp_path))
    assert failures == 0, said
    assert unchanged(path) == before


def test_a_book_that_needs_upgrading_says_so_and_is_left_alone(live_book, tmp_path, capsys) -> None:
    path = live_book.copy(tmp_path / "older" / "book.secretary")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    before = unchanged(path)
    for command in (["meetings"], ["search", "report"], ["check"]):
        assert main([*command, "--book", str(path)]) == 1
        said = capsys.readouterr().err
        assert "needs upgrading" in said and "left as it was" in said
    assert unchanged(path) == before
