"""Terminal escape sequences in the book's data never reach the terminal (issue 17, item 2),
and the command line behaves at the ends of a pipe and a FIFO (items 6 and 10).

A name holding ``ESC ] 0 ; … BEL`` (set the window title) or ``ESC [ 2 J`` (clear the screen),
as a book from an older version may hold, is shown as text — ␛]0;… — on the roster screen
and by `bodies`, `meetings` and `search`; the bytes written to a real pseudo-terminal are
checked. Pasted into the notes, the control characters are removed before the book sees them."""

from __future__ import annotations

import fcntl
import os
import select
import sqlite3
import subprocess
import sys
import termios
import time
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from db import Book
from db.minutes import get_minute
from screens.app import SecretaryApp
from screens.live import LiveScreen
from tests.faults.clerk import SIZE, key, until

TITLE = "\x1b]0;pwned\x07"  # would retitle the terminal window
CLEAR = "\x1b[2J"  # would clear the screen


def poison(path: Path, first_item: int) -> None:
    """What an older version could have stored: control characters in names, titles and notes."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE body SET name = ?", [f"Northbridge{TITLE} Board{CLEAR}"])
    conn.execute("UPDATE person SET name = ? WHERE id = (SELECT min(id) FROM person)", [f"Eve{TITLE}{CLEAR}"])
    conn.execute("UPDATE meeting SET title = title || ?", [CLEAR])
    conn.execute("UPDATE minute SET notes = ? WHERE item_id = ?", [f"Poisoned{TITLE} zebra {CLEAR}note", first_item])
    conn.commit()
    conn.close()


def in_terminal(args: list[str], *, until_seen: bytes | None = None, then: bytes = b"",
                seconds: float = 30) -> bytes:
    """Run ``secretary ARGS`` in a real pseudo-terminal; every byte it wrote there."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x28\x00\x78\x00\x00\x00\x00\x00")  # 40 rows, 120 columns
    process = subprocess.Popen([sys.executable, "-m", "secretary.cli", *args], stdin=slave, stdout=slave,
                               stderr=slave, env={**os.environ, "TERM": "xterm-256color"}, start_new_session=True)
    os.close(slave)
    screen = bytearray()
    sent = False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until_seen is not None and not sent and until_seen in screen:
            time.sleep(0.3)
            os.write(master, then)
            sent, deadline = True, time.monotonic() + 2.0  # what the screen then shows, for two seconds
        if select.select([master], [], [], 0.1)[0]:
            try:
                screen.extend(os.read(master, 65536))
            except OSError:  # the command ended and closed its side
                break
        elif process.poll() is not None and until_seen is None:
            break
    process.kill()
    process.wait()
    os.close(master)
    return bytes(screen)


def obeys_nothing(written: bytes) -> None:
    assert TITLE.encode() not in written and b"\x1b]0;" not in written
    assert CLEAR.encode() not in written
    assert "␛]0;pwned".encode() in written  # shown, as text


def test_escape_sequences_in_the_book_are_shown_not_obeyed_by_the_command_line(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "poison" / "live.secretary")
    poison(path, live_book.first_item)
    for command in (["bodies"], ["meetings"], ["search", "zebra"]):
        written = in_terminal([*command, "--book", str(path)])
        obeys_nothing(written)
    assert "␛[2J".encode() in in_terminal(["meetings", "--book", str(path)])


def test_escape_sequences_in_a_name_are_shown_not_obeyed_on_the_roster(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "roster" / "live.secretary")
    poison(path, live_book.first_item)
    written = in_terminal(["--book", str(path)], until_seen=b"meetings", then=b"r")
    assert "— roster".encode() in written  # the roster screen was shown
    obeys_nothing(written)


async def test_pasted_and_typed_control_characters_never_reach_the_notes(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "paste" / "live.secretary")
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=live_book.meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LiveScreen))
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        for ch in "Typed\x07\x9b ":
            await key(pilot, ch)
        app.post_message(events.Paste(f"pasted{TITLE} text{CLEAR}\r\nnext line\x9b1m"))
        await until(pilot, lambda: "next line" in notes.text)
        await pilot.pause()
        assert notes.text == "Typed pasted]0;pwned text[2J\nnext line1m"
    book.close()
    with Book.open(path) as reopened:
        assert get_minute(reopened, live_book.first_item).notes == "Typed pasted]0;pwned text[2J\nnext line1m"


def test_a_reader_that_stops_early_ends_the_command_quietly(live_book, tmp_path) -> None:
    path = live_book.copy(tmp_path / "pipe" / "live.secretary")
    for command in (["meetings"], ["search", "report", "--limit", "50"], ["bodies"]):
        process = subprocess.Popen([sys.executable, "-m", "secretary.cli", *command, "--book", str(path)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        process.stdout.close()  # the reader (`| head -0`) has gone before a line is written
        _, said = process.communicate(timeout=30)
        assert process.returncode == 0 and said == b"", said.decode()


def test_restore_from_a_fifo_is_refused_at_once(live_book, tmp_path, capsys) -> None:
    from secretary.cli import main

    path = live_book.copy(tmp_path / "fifo" / "live.secretary")
    fifo = tmp_path / "backup.secretary"
    os.mkfifo(fifo)
    before = path.read_bytes()
    for extra in (["--yes"], []):  # asked or not: refused before any question, never opened
        started = time.monotonic()
        assert main(["restore", str(fifo), "--book", str(path), *extra]) == 1
        assert time.monotonic() - started < 1.0
        said = capsys.readouterr().err
        assert "is a FIFO (named pipe), not a backup file" in said and "Nothing was changed" in said
    assert path.read_bytes() == before
