"""The reading commands on the ten-year book, against ``secretary --version`` (the same program
starting, parsing its arguments and stopping: Python, the arguments, and nothing of the book).

Run:  python tests/benchmarks/bench_cli.py [--book FILE] [--runs N] [--json FILE]

Each run starts a new process for each command, in turn, with its output to a pipe, and times it
from start to exit; the commands alternate, so a busy machine slows them all alike. The budget
(issue 18): ``search`` and ``meetings`` within 1.5× of ``--version``. Also shown, from this process:
the book's own part of the search (the query and its snippets), which no start-up work can remove.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, figure, print_figures, scratch_folder, ten_year_book, timed, write_figures  # noqa: E402
from terminal import as_installed, compile_project  # noqa: E402

NAME = "cli"
QUERY = "estates"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, help="the ten-year book (generated if not given)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--json")
    args = parser.parse_args()
    book = args.book or ten_year_book(scratch_folder())[0]
    compile_project(ROOT)
    commands = {
        "version": ["--version"],
        "search": ["--book", str(book), "search", QUERY],
        "meetings": ["--book", str(book), "meetings"],
        "bodies": ["--book", str(book), "bodies"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    env = as_installed()
    for run in range(args.runs + 1):
        for name, argv in commands.items():
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "secretary.cli", *argv], capture_output=True, env=env,
                                  cwd=str(ROOT))
            if done.returncode:
                raise SystemExit(f"secretary {' '.join(argv)} failed: {done.stderr.decode()}")
            if run:  # the first round warms the caches
                samples[name].append(time.perf_counter() - started)

    from db.reading import open_for_reading
    from db.search import search

    reading = open_for_reading(book)
    version = samples["version"]
    figures = [
        figure(NAME, "secretary --version (start, arguments, stop)", version),
        figure(NAME, f"secretary search {QUERY} (ten-year book)", samples["search"], baseline=version,
               budget_ratio=1.5),
        figure(NAME, "  of which: the query and its snippets", timed(args.runs, lambda: search(reading, QUERY))),
        figure(NAME, "secretary meetings (505 meetings listed)", samples["meetings"], baseline=version,
               budget_ratio=1.5),
        figure(NAME, "secretary bodies", samples["bodies"], baseline=version),
    ]
    reading.close()
    print_figures(f"Reading commands ({args.runs} runs each, alternating)", figures)
    write_figures(args.json, figures)


if __name__ == "__main__":
    main()
