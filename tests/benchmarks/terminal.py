"""Driving a real app in a pseudo-terminal, with a stopwatch: the time from a process start
(or a key written to it) until given words appear on its screen.

This is what the clerk sees: import, start-up, the book's work and the frame drawn, in a
separate process, through the terminal's own bytes. Textual draws to stderr, so both
standard streams are the terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

BARE_APP = Path(__file__).with_name("bare_app.py")
# CSI, OSC and other escape sequences: what is left is the text drawn
_ESCAPES = re.compile(rb"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
ROWS, COLUMNS = 40, 120


class ScreenTimeout(Exception):
    pass


class Terminal:
    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.output = b""
        self.since = 0  # where the output began when the stopwatch last started
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, start_new_session=True,
            env={**as_installed(), "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS),
                 **(env or {})},
        )
        os.close(slave)

    def press(self, keys: bytes, *, settle: float = 0.25) -> None:
        """Write keys, and start the stopwatch — after ``settle`` seconds, so that what the last key
        started (a screen going away, a timer) is over and not counted against this one."""
        time.sleep(settle)
        self._drain()
        self.since = len(self.output)
        self.started = time.perf_counter()
        os.write(self.master, keys)

    def wait_for(self, *words: str, timeout: float = 60.0) -> float:
        """Seconds from the stopwatch's start until all of ``words`` are drawn (in what came since):
        words from each part of a screen, so that a screen drawn in two frames counts when whole."""
        wanted = [w.encode() for w in words]
        while True:
            drawn = _ESCAPES.sub(b"", self.output[self.since:])
            if all(w in drawn for w in wanted):
                return time.perf_counter() - self.started
            if time.perf_counter() - self.started > timeout:
                raise ScreenTimeout(f"{' and '.join(map(repr, words))} did not appear within {timeout} s")
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if ready:
                self._read()

    def text(self) -> str:
        return _ESCAPES.sub(b"", self.output).decode(errors="replace")

    def _read(self) -> None:
        try:
            self.output += os.read(self.master, 1 << 16)
        except OSError:
            raise ScreenTimeout("the app ended") from None

    def _drain(self) -> None:
        while select.select([self.master], [], [], 0)[0]:
            self._read()

    def close(self) -> None:
        """Ctrl+Q, reading what the app still draws meanwhile: an app whose terminal is not read
        stops at its next write, and one killed then would leave its book not closed cleanly, so
        that the next start would check the whole book."""
        try:
            os.write(self.master, b"\x11")  # Ctrl+Q
            deadline = time.perf_counter() + 10
            while self.process.poll() is None:
                if time.perf_counter() > deadline:
                    raise subprocess.TimeoutExpired(self.process.args, 10)
                if select.select([self.master], [], [], 0.05)[0]:
                    self._read()
        except (OSError, ScreenTimeout, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def as_installed() -> dict[str, str]:
    """The environment, with Python keeping compiled modules as it does on a clerk's machine. Some
    machines (this workplace's among them) set PYTHONDONTWRITEBYTECODE, which makes every start
    compile the app's own modules again while Textual's come compiled from site-packages: a cost
    no installed app pays, and only one side of the comparison would carry it."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def compile_project(root: Path) -> None:
    """Compile the app's modules once, as installing it does (``pip install`` writes the .pyc files)."""
    import compileall

    for package in ("secretary", "db", "screens"):
        compileall.compile_dir(str(root / package), quiet=1)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]
