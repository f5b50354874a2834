"""Start to first screen, on the ten-year book, against a bare Textual app that shows one label.

Run:  python tests/benchmarks/bench_startup.py [--book FILE] [--runs N] [--json FILE]

Each run starts a new process in a pseudo-terminal (120×40) and times it from the start of
the process to the first screen being drawn whole (the home screen's two panes: "Bodies" and
the first body's "— meetings"; the bare app's label). The two alternate, so a busy machine slows both. Also: opening the book alone (its
header, PRAGMA quick_check, migrations) and the quick_check alone, in this process; and
``python -X importtime`` of the real start-up: where the time goes, and what is left for later.
Budget (issue 18): within 1.3× of the bare app, on either book; the ten-year book no slower than the small one.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import scratch_folder, ROOT, figure, print_figures, ten_year_book, timed, write_figures  # noqa: E402
from terminal import BARE_APP, Terminal, compile_project, python  # noqa: E402

NAME = "start-up"
# not needed for the first screen: imported only when the clerk gets to them
LATER = ("docx", "secretary.exports", "secretary.importers.agenda", "secretary.minutes_doc",
         "screens.live", "screens.tracker", "screens.search", "screens.export", "numpy")


HOME = ("Bodies", "— meetings")  # each of the first screen's panes: counted when both are drawn


def start_to_screen(argv: list[str], *words: str) -> float:
    with Terminal(argv, cwd=str(ROOT)) as terminal:
        return terminal.wait_for(*words)


def import_times(book: Path) -> dict:
    """``-X importtime`` of the app starting on the book until its first screen."""
    with Terminal(python("-X", "importtime", "-m", "secretary.cli", "--book", str(book)), cwd=str(ROOT)) as terminal:
        terminal.wait_for(*HOME)
        text = terminal.text()
    rows = []
    for match in re.finditer(r"import time:\s+(\d+) \|\s+(\d+) \|( *)([\w.]+)", text):
        rows.append((int(match[1]), int(match[2]), len(match[3]) // 2, match[4]))
    by_package: dict[str, int] = {}
    for self_us, _, _, name in rows:
        by_package[name.split(".")[0]] = by_package.get(name.split(".")[0], 0) + self_us
    loaded = {name for *_, name in rows}
    return {
        "total_ms": sum(r[0] for r in rows) / 1000,
        "packages": sorted(((k, v / 1000) for k, v in by_package.items()), key=lambda kv: -kv[1])[:12],
        "slowest": [(name, cum / 1000) for _, cum, depth, name in sorted(rows, key=lambda r: -r[1])
                    if depth <= 1][:10],
        "not_loaded": [m for m in LATER if not any(n == m or n.startswith(m + ".") for n in loaded)],
        "loaded_anyway": [m for m in LATER if any(n == m or n.startswith(m + ".") for n in loaded)],
    }


def print_import_times(summary: dict) -> None:
    print(f"python -X importtime, start to first screen: {summary['total_ms']:.0f} ms of imports "
          "(importtime's own overhead included)")
    print("  by package (self time, ms): " + ", ".join(f"{k} {v:.0f}" for k, v in summary["packages"]))
    print("  slowest top-level imports (cumulative, ms): " + ", ".join(f"{k} {v:.0f}" for k, v in summary["slowest"]))
    print("  left for later (not imported at start): " + ", ".join(summary["not_loaded"]))
    if summary["loaded_anyway"]:
        print("  imported at start although the first screen does not need them: " + ", ".join(summary["loaded_anyway"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, help="the ten-year book (generated if not given)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json")
    args = parser.parse_args()
    folder = scratch_folder()
    book = args.book or ten_year_book(folder)[0]
    size_mb = book.stat().st_size / 1e6

    from db.demo import build_demo

    small = folder / "demo.secretary"
    build_demo(small)[0].close()
    compile_project(ROOT)
    start_to_screen(python(str(BARE_APP)), "bare-app-label")  # warm the caches of both
    start_to_screen(python("-m", "secretary.cli", "--book", str(book)), *HOME)
    bare, app, demo = [], [], []
    for _ in range(args.runs):
        bare.append(start_to_screen(python(str(BARE_APP)), "bare-app-label"))
        app.append(start_to_screen(python("-m", "secretary.cli", "--book", str(book)), *HOME))
        demo.append(start_to_screen(python("-m", "secretary.cli", "--book", str(small)), *HOME))

    from db.book import Book

    def open_book() -> None:
        Book.open(book).close()

    def quick_check() -> None:
        conn = sqlite3.connect(book)
        conn.execute("PRAGMA quick_check").fetchall()
        conn.close()

    figures = [
        figure(NAME, "bare Textual app: start to its label", bare),
        figure(NAME, f"start to first screen, ten-year book ({size_mb:.0f} MB)", app, baseline=bare,
               budget_ratio=1.3),
        figure(NAME, "  of which: open the book (header, checks, migrate)", timed(args.runs, open_book)),
        figure(NAME, "  of which: PRAGMA quick_check alone", timed(args.runs, quick_check)),
        figure(NAME, "start to first screen, the small demo book", demo, baseline=bare, budget_ratio=1.3),
        figure(NAME, "  ten-year book against the small one (not growing with the book)", app, baseline=demo,
               budget_ratio=1.1),
    ]
    summary = import_times(book)
    print_figures(f"Start-up ({args.runs} runs each, alternating, in a 120×40 pty)", figures)
    print_import_times(summary)
    write_figures(args.json, figures, {"importtime": summary})


if __name__ == "__main__":
    main()
