"""What the command line writes: book data never commands the terminal, and a reader that
stops early (``secretary meetings | head -5``) ends the command quietly (DESIGN.md §7)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from secretary.safety import visible_text


class VisibleOutput(io.TextIOBase):
    """A stream that shows every control character it is given (ESC as ␛) but tab and newline,
    so that a name holding ``ESC ] 0 ;`` prints as text instead of retitling the window."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible_text(text))
        return len(text)

    def write_styled(self, text: str) -> None:
        """The command's own styling (bold search matches), written as it is."""
        self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")


@contextmanager
def visible_output(enabled: bool = True) -> Iterator[None]:
    """sys.stdout and sys.stderr show control characters for as long as a command runs."""
    if not enabled:
        yield
        return
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleOutput(out), VisibleOutput(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def styled(text: str) -> None:
    """Write the command's own escape codes (only ever chosen when stdout is a terminal)."""
    write = getattr(sys.stdout, "write_styled", sys.stdout.write)
    write(text)


def reader_gone() -> None:
    """The reader closed the pipe: what is still buffered goes nowhere, quietly, instead of
    Python's 'Exception ignored … BrokenPipeError' at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a test's capture): nothing will be flushed to a closed pipe
