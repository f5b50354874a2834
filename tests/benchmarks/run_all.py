"""Every benchmark, on one freshly generated ten-year book, as one table.

Run:  python3 tests/benchmarks/run_all.py [--quick] [--verbose]

Generates the ten-year book (``secretary demo --years 10``: about 500 meetings of a board and
four committees), then runs each benchmark in its own process on it (or on a copy, where it
writes): start-up against a bare Textual app, the reading commands against ``--version``, the screens against a bare app pushing a
screen, typing, the quorum tick and the minutes export. Each row is a median (and 90th
percentile) with the baseline measured in the same run and the budget of DESIGN.md §8.
Figures, not tests: nothing fails; a budget not met says OVER.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import scratch_folder, ROOT, Figure, ten_year_book  # noqa: E402
from terminal import as_installed, compile_project  # noqa: E402

BENCHES = [  # script, arguments for a full run, for --quick
    ("bench_startup.py", ["--runs", "9"], ["--runs", "3"]),
    ("bench_cli.py", ["--runs", "11"], ["--runs", "5"]),
    ("bench_screens.py", ["--runs", "10"], ["--runs", "3"]),
    ("bench_typing.py", ["--keys", "200"], ["--keys", "50"]),
    ("bench_live.py", ["--runs", "60"], ["--runs", "15"]),
    ("bench_export.py", ["--runs", "15"], ["--runs", "5"]),
    ("bench_records.py", ["--runs", "9"], ["--runs", "3"]),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs of each (a rough look)")
    parser.add_argument("--verbose", action="store_true", help="also print each benchmark's own report")
    args = parser.parse_args()
    folder = scratch_folder()
    compile_project(ROOT)  # as installing the app does: no start pays for compiling its modules
    print(f"Generating the ten-year book in {folder} …", flush=True)
    book, seconds, counts = ten_year_book(folder)
    figures = [Figure("generate", "generate the ten-year book (secretary demo --years 10)", seconds * 1000,
                      seconds * 1000, 1, budget_ms=60_000)]
    extra: dict = {}
    for script, full, quick in BENCHES:
        out = folder / f"{script}.json"
        print(f"Running {script} …", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script), "--book", str(book), "--json", str(out),
                               *(quick if args.quick else full)], capture_output=True, text=True, cwd=ROOT,
                              env=as_installed())
        if done.returncode:
            print(done.stdout + done.stderr)
            raise SystemExit(f"{script} failed")
        if args.verbose:
            print(done.stdout)
        found = json.loads(out.read_text())
        figures += [Figure(**f) for f in found["figures"]]
        extra.update({k: v for k, v in found.items() if k != "figures"})
        print(f"  {time.perf_counter() - started:.0f} s", flush=True)
    print_table(figures, book, counts)
    if "importtime" in extra:
        from bench_startup import print_import_times

        print()
        print_import_times(extra["importtime"])


def print_table(figures: list[Figure], book: Path, counts: str) -> None:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    print()
    print(f"The ten-year book: {counts}; {book.stat().st_size / 1e6:.0f} MB")
    print(f"Machine: {os.cpu_count()} CPUs, load {load[0]:.1f}; Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")
    print(f"{'figure':<58}{'median':>10}{'p90':>10}{'baseline':>10}{'ratio':>8}  {'budget':<24}{'':>5}")
    bench = None
    for f in figures:
        if f.bench != bench:
            bench = f.bench
            print(f"-- {bench}")
        base = f"{f.baseline_ms:8.2f}ms" if f.baseline_ms else ""
        ratio = f"{f.ratio:7.1f}×" if f.ratio else ""
        print(f"{f.name:<58}{_ms(f.median_ms):>10}{_ms(f.p90_ms):>10}{base:>10}{ratio:>8}  {f.budget:<24}"
              f"{f.verdict:>5}")
    over = [f.name.strip() for f in figures if f.verdict == "OVER"]
    met = sum(1 for f in figures if f.verdict == "met")
    print(f"{met} budgets met" + (f"; OVER: {'; '.join(over)}" if over else "; none over"))


def _ms(value: float) -> str:
    return f"{value / 1000:.2f} s" if value >= 10_000 else f"{value:.2f}ms"


if __name__ == "__main__":
    main()
