"""Nothing the clerk typed is lost when the app is told to stop: the terminal window closed
(SIGHUP), a polite SIGTERM, or SIGINT, each mid-typing in a real pseudo-terminal — and, if
the book cannot be written at that moment, what it could not take goes to a recovery file."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from db import Book
from db.minutes import get_minute
from db.recovery import find_recoveries
from tests.faults.conftest import Clerk, file_sizes, integrity

TYPED = "Noted the report and thanked the team"


def saved_notes(path: Path, item_id: int) -> str:
    with Book.open(path) as book:
        return get_minute(book, item_id).notes


def run_in_terminal(path: Path, text: str, stop: signal.Signals) -> tuple[int, str]:
    """Open the app in a real pseudo-terminal on the live meeting, type, then stop it."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app as the clerk runs it
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = "110", "32"
        os.execv(sys.executable, [sys.executable, "-c", "from secretary.cli import main; raise SystemExit(main())",
                                  "demo", "--book", str(path)])
    screen = bytearray()

    def drain(seconds: float, until: bytes | None = None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if until is not None and until in screen:
                return
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    screen.extend(os.read(fd, 65536))
                except OSError:
                    return

    drain(20.0, until=b"saved as you type")  # the live screen, its notes editor empty and focused
    drain(0.3)
    for ch in text:
        os.write(fd, ch.encode())
        drain(0.02)
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


@pytest.mark.parametrize("stop", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_stopping_mid_typing_loses_nothing(live_book, tmp_path: Path, stop) -> None:
    path = live_book.copy(tmp_path / "terminal.secretary")
    status, _screen = run_in_terminal(path, TYPED, stop)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + stop  # it stopped itself, after writing
    assert saved_notes(path, live_book.first_item) == TYPED  # every keystroke, up to the last
    assert integrity(path) == "ok"
    assert find_recoveries(path) == []  # nothing was held back, so no recovery file
    with Book.open(path) as book:  # the book is free again: the lock went with the process
        assert book is not None


def test_sigterm_while_the_book_cannot_be_written_keeps_the_rest_in_a_recovery_file(live_book, tmp_path: Path) -> None:
    """The disk fills (here: a file size limit) mid-typing, then SIGTERM: what was saved is
    in the book, what was held is in a recovery file beside it, readable by the clerk alone."""
    path = live_book.copy(tmp_path / "held" / "live.secretary")
    clerk = Clerk(path, live_book.meeting_id)
    clerk("type Saved before the disk filled.")
    clerk(f"limit {file_sizes(path)}")
    state = clerk("type  Held while it was full, then the app was stopped.")
    assert state["waiting"] >= 1 and "NOT SAVED" in state["screen"]
    clerk.process.send_signal(signal.SIGTERM)
    assert clerk.process.wait(15) == 128 + signal.SIGTERM
    assert saved_notes(path, live_book.first_item) == "Saved before the disk filled."
    [recovery] = find_recoveries(path)
    assert recovery.path.parent == path.parent / "recovery" and recovery.path.stat().st_mode & 0o777 == 0o600
    assert "SIGTERM" in recovery.reason
    [entry] = recovery.entries
    assert entry["kwargs"]["notes"] == "Saved before the disk filled. Held while it was full, then the app was stopped."
    assert integrity(path) == "ok"
