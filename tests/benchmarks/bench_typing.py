"""Keystroke in the notes editor to committed in the book, on the demo meeting.

Run:  python tests/benchmarks/bench_typing.py [--keys N] [--book FILE] [--json FILE]

Three figures, each the median (and 90th percentile) over N keystrokes:
- the commit alone: writing the notes of one item, synchronous=FULL, in WAL;
- a keystroke through the app with the commit (key event, editor, save, commit);
- the same keystroke with the write replaced by nothing — the baseline of this run;
and the ratio of the two keystroke figures. Budget (DESIGN.md §8): median < 5 ms. With --book,
on a copy of that book (the ten-year book: its search index and history are written at
each keystroke too), at the Board's meeting of 21 March 2025.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import scratch_folder, copy_of, figure, open_upcoming, write_figures  # noqa: E402
from db.demo import build_demo  # noqa: E402
from db.live import start_meeting  # noqa: E402
from db.meetings import list_items  # noqa: E402
from db.minutes import get_minute, save_minute_text  # noqa: E402
from db.pending import Outcome  # noqa: E402
from screens.app import SecretaryApp  # noqa: E402

BUDGET_MS = 5.0
TEXT = "The Board noted the report and asked for an update at the next meeting. "


def stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[max(0, int(len(ordered) * 0.9) - 1)] * 1000


async def keystrokes(book, meeting_id: int, keys: int, *, write: bool) -> list[float]:
    app = SecretaryApp(book, open_meeting=meeting_id)
    if not write:  # the notes reach the desk, which writes nothing: the editor's own cost
        app.desk.type_minute = lambda item_id, **fields: Outcome(True)
    timings = []
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        for n in range(keys):
            ch = TEXT[n % len(TEXT)]
            t = time.perf_counter()
            await pilot.press("space" if ch == " " else ch)
            timings.append(time.perf_counter() - t)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--book", type=Path, help="run on a copy of this book (default: the demo book)")
    parser.add_argument("--json")
    args = parser.parse_args()
    folder = scratch_folder()
    if args.book:
        book, meeting_id = open_upcoming(copy_of(args.book, folder, "bench.secretary"))
    else:
        book, meeting_id, _ = build_demo(folder / "bench.secretary")
    start_meeting(book, meeting_id, datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc))
    item_id = list_items(book, meeting_id)[0].id

    commits = []
    text = ""
    for n in range(args.keys):
        text += TEXT[n % len(TEXT)]
        t = time.perf_counter()
        save_minute_text(book, item_id, notes=text)
        commits.append(time.perf_counter() - t)
    save_minute_text(book, item_id, notes="")

    with_write = asyncio.run(keystrokes(book, meeting_id, args.keys, write=True))
    saved = len(get_minute(book, item_id).notes)
    save_minute_text(book, item_id, notes="")
    baseline = asyncio.run(keystrokes(book, meeting_id, args.keys, write=False))
    book.close()

    where = "ten-year book" if args.book else "demo book"
    print(f"Notes editor: keystroke to committed ({args.keys} keys, {where}, WAL, synchronous=FULL)")
    print(f"{'step':<50}{'median ms':>10}{'p90 ms':>9}")
    for label, samples in (
        ("commit alone (save_minute_text)", commits),
        ("keystroke through the app, with the commit", with_write),
        ("baseline: the same keystroke, no write", baseline),
    ):
        median, p90 = stats(samples)
        print(f"{label:<50}{median:>10.2f}{p90:>9.2f}")
    ratio = statistics.median(with_write) / statistics.median(baseline)
    print(f"keystroke with commit / without: {ratio:.2f}×   ({saved} characters in the book after typing)")
    app_cost = (statistics.median(with_write) - statistics.median(baseline)) * 1000
    commit = statistics.median(commits) * 1000
    verdict = "within" if commit <= BUDGET_MS else "OVER"
    print(f"budget: {BUDGET_MS:.0f} ms — commit median {commit:.2f} ms (the write adds {app_cost:.2f} ms "
          f"to a keystroke), {verdict} budget")
    write_figures(args.json, [
        figure("typing", f"keystroke to committed: the commit ({where})", commits, budget_ms=BUDGET_MS),
        figure("typing", "  a keystroke through the app, with its commit", with_write, baseline=baseline,
               note="baseline: the same keystroke with the write taken out"),
    ])


if __name__ == "__main__":
    main()
