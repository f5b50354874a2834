"""What the benchmarks share: the ten-year book, statistics, and the summary rows that
``run_all.py`` gathers into one table (``--json FILE``)."""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

YEARS = 10


@dataclass
class Figure:
    """One row of the summary table: a median (and p90) in milliseconds, the baseline measured in the
    same run, and the budget it is held to (None: a figure shown to explain the others)."""

    bench: str
    name: str
    median_ms: float
    p90_ms: float
    runs: int
    baseline_ms: float | None = None
    budget_ms: float | None = None
    budget_ratio: float | None = None  # a budget given as a ratio to the baseline (start-up: 1.3)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.median_ms / self.baseline_ms if self.baseline_ms else None

    @property
    def verdict(self) -> str:
        """Every budget given must hold (a screen: under 100 ms and within 5× the bare push)."""
        checks = []
        if self.budget_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.budget_ratio)
        if self.budget_ms is not None:
            checks.append(self.median_ms <= self.budget_ms)
        return "" if not checks else "met" if all(checks) else "OVER"

    @property
    def budget(self) -> str:
        parts = []
        if self.budget_ms is not None:
            parts.append(f"< {self.budget_ms:g} ms")
        if self.budget_ratio is not None:
            parts.append(f"≤ {self.budget_ratio:g}× base")
        return ", ".join(parts)


def figure(bench: str, name: str, samples: list[float], *, baseline: list[float] | None = None,
           **extra) -> Figure:
    """``samples`` and ``baseline`` in seconds."""
    ordered = sorted(samples)
    p90 = ordered[max(0, int(round(len(ordered) * 0.9)) - 1)]
    base = statistics.median(baseline) * 1000 if baseline else None
    return Figure(bench, name, statistics.median(ordered) * 1000, p90 * 1000, len(samples), base, **extra)


def timed(runs: int, work) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return samples


def write_figures(path: str | None, figures: list[Figure], extra: dict | None = None) -> None:
    if path:
        Path(path).write_text(json.dumps({"figures": [asdict(f) for f in figures], **(extra or {})}))


def print_figures(title: str, figures: list[Figure]) -> None:
    print(title)
    print(f"{'figure':<52}{'median ms':>10}{'p90 ms':>9}{'base ms':>9}{'ratio':>7}  {'budget':<24}")
    for f in figures:
        base = f"{f.baseline_ms:9.1f}" if f.baseline_ms else " " * 9
        ratio = f"{f.ratio:7.2f}" if f.ratio else " " * 7
        print(f"{f.name:<52}{f.median_ms:>10.2f}{f.p90_ms:>9.2f}{base}{ratio}  {f.budget:<24}{f.verdict}")


def scratch_folder() -> Path:
    """A folder for this run's books and copies, removed when the run ends."""
    import atexit
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="secretary-bench-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def ten_year_book(folder: Path, years: int = YEARS) -> tuple[Path, float, str]:
    """Generate the ten-year book in ``folder``; its path, the seconds it took and its counts."""
    from db.demo.years import populate
    from db.book import Book

    path = folder / f"{years}-years.secretary"
    start = time.perf_counter()
    book = Book.open(path, create=True)
    counts = populate(book, years)
    book.close()
    return path, time.perf_counter() - start, counts.line()


def copy_of(book: Path, folder: Path, name: str) -> Path:
    """A copy to change (the book is closed, so its WAL is checkpointed into the file)."""
    target = folder / name
    shutil.copyfile(book, target)
    return target


def open_upcoming(path: Path):
    """The book at ``path`` and the Board's next meeting (21 March 2025) in it."""
    from db.demo.years import build_big_demo

    book, meeting_id, _ = build_big_demo(path, YEARS)
    return book, meeting_id
