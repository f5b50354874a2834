"""The terminal closes while keys are still in flight (issue 17, item 1): the app must save,
release the book and exit within two seconds, every time — whether the kernel sends it
SIGHUP, sends it nothing (the app is not the terminal's controlling process), or SIGTERM
follows. Each trial runs the app in a real pseudo-terminal, types a burst of keys without
reading the screen (so Textual's output backs up), then closes the terminal."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from db import Book
from db.minutes import get_minute
from tests.faults.conftest import integrity

BURST = "the board noted the report and asked for more on the winter plan " * 5
WITHIN = 2.0


@dataclass
class Trial:
    seconds: float  # from the terminal closing to the process gone
    code: int
    notes: str


def _controlling_terminal() -> None:  # in the child, before exec: the pty becomes its terminal
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def close_mid_typing(path: Path, *, controlling: bool = True, then: signal.Signals | None = None) -> Trial:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x20\x00\x6e\x00\x00\x00\x00\x00")  # 32 rows, 110 columns
    env = {**os.environ, "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "secretary.cli", "demo", "--book", str(path)],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        preexec_fn=_controlling_terminal if controlling else None,
    )
    os.close(slave)
    screen = bytearray()
    deadline = time.monotonic() + 60
    while b"saved as you type" not in screen and time.monotonic() < deadline:
        if select.select([master], [], [], 0.1)[0]:
            screen.extend(os.read(master, 65536))
    assert b"saved as you type" in screen, "the live screen never appeared"
    time.sleep(0.3)
    os.write(master, BURST.encode())  # keys in flight; the screen is not read, so output backs up
    time.sleep(0.05)
    os.close(master)  # the terminal window closes
    closed = time.monotonic()
    if then is not None:
        process.send_signal(then)
    try:
        code = process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        code = -9
    seconds = time.monotonic() - closed
    with Book.open(path) as book:  # straight after: the book is free, not "already open"
        notes = get_minute(book, first_item(book)).notes
    return Trial(seconds, code, notes)


def first_item(book: Book) -> int:
    return book.db.execute("SELECT id FROM agenda_item WHERE meeting_id = "
                           "(SELECT id FROM meeting WHERE status = 'live') ORDER BY position LIMIT 1").fetchone()[0]


def campaign(live_book, tmp_path: Path, trials: int, **how) -> list[Trial]:
    paths = [live_book.copy(tmp_path / f"trial-{n}" / "live.secretary") for n in range(trials)]
    with ThreadPoolExecutor(2) as pool:  # two at a time: the machine is shared
        return list(pool.map(lambda p: close_mid_typing(p, **how), paths))


def assert_all_safe(results: list[Trial], tmp_path: Path) -> None:
    slow = [round(r.seconds, 2) for r in results if r.seconds > WITHIN or r.code == -9]
    print("seconds:", sorted(round(r.seconds, 2) for r in results))
    assert not slow, f"{len(slow)} of {len(results)} took longer than {WITHIN} s: {slow}"
    for result in results:
        assert BURST.startswith(result.notes)  # what was saved is what was typed, up to a key
    for path in tmp_path.glob("trial-*/live.secretary"):
        assert integrity(path) == "ok"


def test_closing_the_terminal_with_keys_in_flight_ends_the_app_within_two_seconds(live_book, tmp_path) -> None:
    results = campaign(live_book, tmp_path, 20)
    assert_all_safe(results, tmp_path)
    assert all(r.code == 128 + signal.SIGHUP for r in results)  # it stopped itself, after saving
    assert any(r.notes for r in results)  # keys did reach the book before the terminal went


def test_a_terminal_gone_without_sighup_is_noticed(live_book, tmp_path) -> None:
    results = campaign(live_book, tmp_path, 4, controlling=False)
    assert_all_safe(results, tmp_path)


@pytest.mark.parametrize("controlling", [True, False], ids=["sighup-too", "no-sighup"])
def test_sigterm_after_the_terminal_went_ends_the_app(live_book, tmp_path, controlling) -> None:
    results = campaign(live_book, tmp_path, 2, controlling=controlling, then=signal.SIGTERM)
    assert_all_safe(results, tmp_path)
