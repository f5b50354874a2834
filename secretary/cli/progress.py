"""A progress bar for long imports: shown on the terminal only once a job has taken a second, and
gone again when it ends, so quick imports print exactly what they always printed."""

from __future__ import annotations

import sys
import threading
from typing import TextIO


class DelayedProgress:
    """Use as ``with DelayedProgress("Reading roster.csv") as progress: parse(..., progress=progress)``;
    ``progress(done, total)`` may be called from the job; without calls it shows a spinner."""

    def __init__(self, what: str, *, delay: float = 1.0, stream: TextIO | None = None) -> None:
        self.what, self.delay = what, delay
        self.stream = stream if stream is not None else sys.stderr
        self.done, self.total = 0, None
        self.bar = self.task = self.timer = None
        self.closed = False
        self.lock = threading.Lock()  # the timer's thread shows the bar while the job's thread reports

    def __enter__(self) -> DelayedProgress:
        if _is_terminal(self.stream):
            self.timer = threading.Timer(self.delay, self.show)
            self.timer.daemon = True
            self.timer.start()
        return self

    def __call__(self, done: int, total: int | None) -> None:
        with self.lock:
            self.done, self.total = done, total
            if self.bar is not None:
                self.bar.update(self.task, completed=done, total=total)

    def show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn

        with self.lock:
            if self.closed or self.bar is not None:
                return
            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(),
                                TaskProgressColumn(), console=Console(file=self.stream), transient=True)
            self.task = self.bar.add_task(self.what, total=self.total, completed=self.done)
            self.bar.start()

    def __exit__(self, *exc) -> None:
        with self.lock:
            self.closed = True
        if self.timer is not None:
            self.timer.cancel()
        if self.bar is not None:
            self.bar.stop()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
