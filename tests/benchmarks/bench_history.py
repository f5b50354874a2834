"""How much the history adds to a book over a meeting of typing, and what it costs a keystroke.

Run:  python tests/benchmarks/bench_history.py [--hours H] [--items N] [--keys-per-second K]

A meeting of typing is replayed with the clock the history keeps time with (no sleeping):
K keys a second, steadily, for H hours, spread over N items (each item's notes grow from
nothing; now and then the clerk deletes a word or retypes a sentence). Printed: snapshots
kept, the history's text and the growth of the file on disk, and the median commit of a
keystroke with the history's triggers. Then the worst case: all H hours in one item.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.demo import build_demo  # noqa: E402
from db.history import history_bytes  # noqa: E402
from db.live import start_meeting  # noqa: E402
from db.meetings import list_items  # noqa: E402
from db.minutes import save_minute_text  # noqa: E402

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
WORDS = ("The Board noted the report and asked for a fuller update on the winter plan at the next "
         "meeting. Members discussed the risks to elective recovery and the workforce position. ")


def file_bytes(book) -> int:
    pages = book.db.execute("PRAGMA page_count").fetchone()[0]
    return pages * book.db.execute("PRAGMA page_size").fetchone()[0]


def replay(hours: float, items: int, rate: float) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp())
    book, meeting_id, _ = build_demo(folder / "bench.secretary")
    start_meeting(book, meeting_id, START)
    item_ids = [i.id for i in list_items(book, meeting_id)]
    item_ids = (item_ids * (items // len(item_ids) + 1))[:items]
    keys = int(hours * 3600 * rate)
    per_item = keys // items
    history_before, file_before = history_bytes(book), file_bytes(book)
    commits = []
    key = 0
    texts = {item: "" for item in item_ids}
    for n in range(keys):
        item = item_ids[min(n // per_item, items - 1)]
        text = texts[item]
        if key % 400 == 399:  # now and then: delete the last word
            text = text[: text.rstrip().rfind(" ") + 1]
        elif key % 1500 == 1499:  # and now and then retype the last sentence
            text = text[: text.rstrip(". ").rfind(". ") + 2]
        else:
            text += WORDS[key % len(WORDS)]
        key += 1
        texts[item] = text
        t = time.perf_counter()
        save_minute_text(book, item, notes=text, at=START + timedelta(seconds=n / rate))
        commits.append(time.perf_counter() - t)
    snapshots = book.db.execute("SELECT count(*) FROM history WHERE part = 'text'").fetchone()[0]
    figures = {
        "keys": keys, "snapshots": snapshots, "notes": sum(len(t) for t in texts.values()),
        "history": history_bytes(book) - history_before, "file": file_bytes(book) - file_before,
        "commit_ms": statistics.median(commits) * 1000,
        "p90_ms": sorted(commits)[int(len(commits) * 0.9)] * 1000,
    }
    book.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=3.0)
    parser.add_argument("--items", type=int, default=25)
    parser.add_argument("--keys-per-second", type=float, default=1.0)
    args = parser.parse_args()
    print(f"History of typing: {args.hours:g} h at {args.keys_per_second:g} keys/s, demo book, WAL, synchronous=FULL")
    print(f"{'case':<28}{'keys':>8}{'notes':>9}{'snapshots':>11}{'history':>11}{'file grew':>11}"
          f"{'commit ms':>11}{'p90':>7}")
    for label, items in ((f"{args.items} items", args.items), ("worst case: one item", 1)):
        f = replay(args.hours, items, args.keys_per_second)
        print(f"{label:<28}{f['keys']:>8}{f['notes'] / 1e3:>8.0f}k{f['snapshots']:>11}"
              f"{f['history'] / 1e6:>9.2f}MB{f['file'] / 1e6:>9.2f}MB{f['commit_ms']:>11.2f}{f['p90_ms']:>7.2f}")


if __name__ == "__main__":
    main()
