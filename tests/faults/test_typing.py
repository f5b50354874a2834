"""Nothing the clerk typed is lost when the app dies: kill -9 at random moments while
typing notes, and the terminal window closed (SIGHUP) or a polite SIGTERM mid-typing."""

from __future__ import annotations

import os
import pty
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from db import Book
from db.demo import build_demo
from db.live import start_meeting
from db.meetings import list_items
from db.minutes import get_minute

HERE = Path(__file__).resolve().parent
TEXT = "The Board discussed the finance report and the risks to the year end position. "
TRIALS = 20


@pytest.fixture(scope="module")
def live_book(tmp_path_factory) -> tuple[Path, int, int]:
    """A demo book whose meeting is live at item 1, closed again so that it can be copied."""
    path = tmp_path_factory.mktemp("faults") / "live.secretary"
    book, meeting_id, _ = build_demo(path)
    start_meeting(book, meeting_id, datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc))
    item_id = list_items(book, meeting_id)[0].id
    book.close()
    return path, meeting_id, item_id


def saved_notes(path: Path, item_id: int) -> str:
    with Book.open(path) as book:
        return get_minute(book, item_id).notes


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


class Acks:
    """Reads the typist's output as it comes, with the time each line arrived."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[tuple[float, str]] = []
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self.thread.start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            self.lines.append((time.monotonic(), line.strip()))
            if line.strip() == "ready":
                self.ready.set()

    def acked_before(self, moment: float) -> int:
        counts = [int(text.split()[1]) for at, text in self.lines if text.startswith("ack") and at <= moment]
        return max(counts, default=0)


def test_kill_9_while_typing_loses_nothing_acknowledged(live_book, tmp_path: Path) -> None:
    source, meeting_id, item_id = live_book
    rng = random.Random(20261122)
    typed_before_kill = []
    for trial in range(TRIALS):
        path = tmp_path / f"trial{trial}.secretary"
        shutil.copy(source, path)
        process = subprocess.Popen(
            [sys.executable, str(HERE / "typist.py"), str(path), str(meeting_id), TEXT],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        acks = Acks(process)
        assert acks.ready.wait(30), "the typist never reached the live screen"
        time.sleep(rng.uniform(0.05, 1.5))
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        acks.thread.join(5)

        notes = saved_notes(path, item_id)
        surely_saved = acks.acked_before(killed_at - 1.0)
        acknowledged = acks.acked_before(killed_at)
        assert TEXT.startswith(notes), f"trial {trial}: the book holds text never typed: {notes!r}"
        assert len(notes) >= surely_saved, f"trial {trial}: lost typing from more than a second before the kill"
        assert len(notes) >= acknowledged, f"trial {trial}: lost {acknowledged - len(notes)} acknowledged keystrokes"
        assert integrity(path) == "ok"
        typed_before_kill.append(acknowledged)
    # the kills really did land mid-typing, not before the first key or after the last
    assert sum(1 for n in typed_before_kill if 0 < n < len(TEXT)) >= TRIALS // 2, typed_before_kill


def _run_in_terminal(path: Path, text: str, stop: signal.Signals) -> tuple[int, str]:
    """Open the app in a real pseudo-terminal on the live meeting, type, then stop it."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app as the clerk runs it
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = "110", "32"
        os.execv(sys.executable, [sys.executable, "-c", "from secretary.cli import main; raise SystemExit(main())",
                                  "demo", "--book", str(path)])
    screen = bytearray()

    def drain(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    screen.extend(os.read(fd, 65536))
                except OSError:
                    return

    drain(6.0)  # start-up, to the live screen with the notes editor focused
    for ch in text:
        os.write(fd, ch.encode())
        drain(0.04)
    drain(0.3)
    if stop is signal.SIGHUP:
        os.close(fd)  # the terminal window goes away…
    os.kill(pid, stop)  # …and the process is told so
    deadline = time.monotonic() + 15
    status = None
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if stop is not signal.SIGHUP:
            drain(0.1)
        else:
            time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail(f"the app did not stop after {stop.name}")
    if stop is not signal.SIGHUP:
        os.close(fd)
    return status, screen.decode(errors="replace")


@pytest.mark.parametrize("stop", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_closing_the_terminal_or_sigterm_mid_typing_loses_nothing(live_book, tmp_path: Path, stop) -> None:
    source, meeting_id, item_id = live_book
    path = tmp_path / "terminal.secretary"
    shutil.copy(source, path)
    typed = "Noted the report and thanked the team"
    _status, _screen = _run_in_terminal(path, typed, stop)
    assert saved_notes(path, item_id) == typed
    assert integrity(path) == "ok"
    # the book is free again: the lock went with the process
    with Book.open(path) as book:
        assert book is not None
