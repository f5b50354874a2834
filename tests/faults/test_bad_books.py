"""Books that cannot be used as they are, met the way a clerk meets them — from the command
line and in the app: read-only for the clerk's own (unprivileged) user, held by a second
copy of the app, another program's file, cut short, garbage in the middle, written by a
newer version. Each gets its message and is left exactly as it was; a damaged one is
offered the newest good backup, and restoring it keeps the damaged file.
(tests/test_book.py checks the same refusals where the book is opened.)"""

from __future__ import annotations

import contextlib
import io
import os
import pwd
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from db import Book
from db.backup import make_backup
from db.schema import SCHEMA_VERSION
from screens.app import SecretaryApp
from screens.damaged import DamagedScreen
from screens.home import HomeScreen
from secretary.cli import main
from tests.conftest import held_open
from tests.faults.conftest import dump


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def unchanged(path: Path):
    """The file's bytes and its folder's names, to compare after."""
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


@pytest.fixture
def demo_with_backup(live_book, tmp_path: Path) -> tuple[Path, Path]:
    path = live_book.copy(tmp_path / "book" / "live.secretary")
    with Book.open(path) as book:
        backup = make_backup(book, "live")
    return path, backup


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096 * 5):
        data[offset + 8: offset + 400] = os.urandom(392)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [truncate, garble], ids=["truncated", "garbage in the middle"])
def test_a_damaged_book_is_left_alone_and_the_newest_good_backup_is_named(demo_with_backup, capsys, damage) -> None:
    path, backup = demo_with_backup
    damage(path)
    before = unchanged(path)
    code, said = cli(capsys, "check", "--book", str(path))
    assert code == 1 and "is damaged" in said and "It has not been changed" in said
    assert f"The newest good backup is {backup}" in said
    assert f"secretary restore {backup} --book {path}" in " ".join(said.split())  # the command, whole
    assert unchanged(path) == before

    code, said = cli(capsys, "restore", str(backup), "--book", str(path), "--yes")  # as it says to
    assert code == 0 and "is kept as" in said
    [replaced] = path.parent.glob("live.secretary.replaced-*")
    assert replaced.read_bytes() == before[0]  # the damaged file, kept as it was
    assert dump(path) == dump(backup)
    code, said = cli(capsys, "check", "--book", str(path))
    assert code == 0 and "OK" in said


def test_demo_on_a_damaged_demo_book_names_the_backup_and_changes_nothing(demo_with_backup, capsys) -> None:
    """`secretary demo --book FILE` reopens FILE when it is there: damaged, it is met like any book."""
    path, backup = demo_with_backup
    garble(path)
    before = unchanged(path)
    code, said = cli(capsys, "demo", "--book", str(path), "--no-open")
    assert code == 1 and "is damaged" in said
    assert f"secretary restore {backup} --book {path}" in " ".join(said.split())
    assert unchanged(path) == before

async def test_the_app_started_on_a_damaged_book_offers_to_restore_it(demo_with_backup) -> None:
    path, backup = demo_with_backup
    garble(path)
    before = path.read_bytes()
    from db import DamagedBook

    with pytest.raises(DamagedBook) as refused:
        Book.open(path)
    app = SecretaryApp(None, create_path=path, damaged=refused.value)  # as `secretary --book` starts it
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DamagedScreen)
        offer = str(screen.query_one("#offer").content)
        assert str(backup) in offer and "kept beside it" in offer
        assert path.read_bytes() == before  # nothing touched until the clerk says so
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Backup restored" == n.title for n in app._notifications)
    app.book.close()
    [replaced] = path.parent.glob("live.secretary.replaced-*")
    assert replaced.read_bytes() == before
    assert dump(path) == dump(backup)


async def test_the_app_on_a_damaged_book_with_no_backup_quits_changing_nothing(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "nobackup" / "live.secretary")
    truncate(path)
    before = unchanged(path)
    from db import DamagedBook

    with pytest.raises(DamagedBook) as refused:
        Book.open(path)
    app = SecretaryApp(None, create_path=path, damaged=refused.value)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        assert "no good backup" in str(app.screen.query_one("#offer").content)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    assert unchanged(path) == before


def test_other_programs_files_and_newer_books_are_refused_from_the_command_line(live_book, tmp_path, capsys) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE expenses (amount)")
    conn.commit()
    conn.close()
    newer = live_book.copy(tmp_path / "newer" / "live.secretary")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    text = tmp_path / "minutes.txt"
    text.write_text("Minutes of the Board\n" * 40)
    for path, words in ((other, "another program"), (newer, "newer version of secretary"),
                        (text, "not a SQLite database")):
        before = unchanged(path)
        for command in ((), ("check",), ("meetings",)):  # the app itself refuses before it starts
            code, said = cli(capsys, *command, "--book", str(path))
            assert code == 1 and words in said, (path, command, said)
        assert unchanged(path) == before


def test_a_second_copy_is_refused_and_changes_nothing(live_book, tmp_path, capsys) -> None:
    path = live_book.copy(tmp_path / "second" / "live.secretary")
    with held_open(path):
        before = path.read_bytes()
        for command in ((), ("backup",)):  # the app, and a command that would write
            code, said = cli(capsys, *command, "--book", str(path))
            assert code == 1 and "already open in another copy" in said
        assert path.read_bytes() == before
        assert not (path.parent / "backups").exists() or not list((path.parent / "backups").iterdir())


def as_nobody(work) -> tuple[int, str]:
    """Run ``work()`` in a child process as user nobody; (exit code, what it said)."""
    nobody = pwd.getpwnam("nobody")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            os.dup2(write, 1)
            os.dup2(write, 2)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            code = work()
        except BaseException as error:  # noqa: BLE001 — reported to the test
            os.write(2, repr(error).encode())
            code = 99
        os._exit(code)
    os.close(write)
    said = b""
    while chunk := os.read(read, 65536):
        said += chunk
    os.close(read)
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status), said.decode()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user; as a user, see test_book.py")
def test_a_read_only_book_is_refused_for_an_unprivileged_user(live_book) -> None:
    """Root writes to read-only files, so the clerk here is user nobody, on a copy in a
    world-readable folder: a book they may read but not write, and a book in a folder they
    may not write (SQLite needs the folder for its -wal)."""
    folder = Path(tempfile.mkdtemp(prefix="secretary-ro-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        book = live_book.copy(folder / "theirs-read-only.secretary")
        book.chmod(0o644)  # readable by all, writable by root alone
        mine = folder / "mine" / "in-a-read-only-folder.secretary"
        live_book.copy(mine)
        os.chown(mine, pwd.getpwnam("nobody").pw_uid, -1)
        mine.chmod(0o644)
        mine.parent.chmod(0o755)  # the file is theirs; the folder is not
        befores = {p: unchanged(p) for p in (book, mine)}
        def try_both() -> int:
            failures = 0
            for path in (book, mine):
                out = io.StringIO()
                with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
                    code = main(["--book", str(path)])  # the app, as the clerk would start it
                said = out.getvalue()
                os.write(1, f"{path.name}: {code}: {said.strip()}\n".encode())
                failures += code != 1 or "cannot be written" not in said
            return failures

        code, said = as_nobody(try_both)
        assert code == 0, said
        assert "read-only" in said
        for path, before in befores.items():
            assert unchanged(path) == before
    finally:
        shutil.rmtree(folder)
