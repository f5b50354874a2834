"""Exporting the minutes of a 25-item meeting, and the body's action tracker, on a copy of the demo book.

Run:  python tests/benchmarks/bench_export.py [--runs N] [--book FILE] [--json FILE]

Median and 90th percentile of building the document model, and of each renderer, with
the ratio of each to a baseline measured in the same run (rendering the Markdown of an
empty document). Budgets (DESIGN.md §8): Markdown under 0.1 s, Word under 1 s — for the minutes,
and (read + build + render) for the tracker. With --book, on a copy of that book (the ten-year
book), at the Board's meeting of 21 March 2025.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import scratch_folder, copy_of, figure, open_upcoming, write_figures  # noqa: E402
from db.bodies import get_body  # noqa: E402
from db.demo import build_demo  # noqa: E402
from db.exports import load_tracker  # noqa: E402
from db.live import close_meeting, start_meeting, take_item  # noqa: E402
from db.record import read_record  # noqa: E402
from db.meetings import add_item, list_items  # noqa: E402
from db.minutes import record_decision, save_minute_text  # noqa: E402
from secretary.exports import tracker as tracker_export  # noqa: E402
from secretary.exports.minutes import to_docx, to_html, to_markdown  # noqa: E402
from secretary.minutes_doc import build_minutes  # noqa: E402
from secretary.models import AgendaItem, Decision, DecisionVerb  # noqa: E402

BUDGETS = {"markdown": 0.1, "html": 0.1, "docx": 1.0}
BUDGET_MS_FOR = {name: seconds * 1000 for name, seconds in BUDGETS.items()}
NOTES = ("The report set out the position at month 10 and the risks to the year end.\n"
         "- Members asked about the **elective recovery** trajectory.\n- The Chair thanked the team.\n"
         "It was agreed that an update would come to the next meeting.")


def prepare(source: Path | None = None) -> tuple:
    folder = scratch_folder()
    if source:
        book, meeting_id = open_upcoming(copy_of(source, folder, "bench.secretary"))
    else:
        book, meeting_id, _ = build_demo(folder / "bench.secretary")
    items = list_items(book, meeting_id)
    for n in range(25 - len([i for i in items if i.kind.value == "item"])):
        add_item(book, AgendaItem(meeting_id=meeting_id, number=str(30 + n), title=f"Additional item {n + 1}",
                                  position=100 + n))
    at = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
    start_meeting(book, meeting_id, at)
    for n, item in enumerate(list_items(book, meeting_id)):
        at += timedelta(minutes=6)
        take_item(book, meeting_id, item.id, at)
        save_minute_text(book, item.id, notes=NOTES, presenters="Neil Foster, Chief Finance Officer")
        record_decision(book, Decision(item_id=item.id, verb=DecisionVerb.noted, text=f"the report on item {n}"))
    close_meeting(book, meeting_id, at + timedelta(minutes=5))
    return book, meeting_id


def timed(runs: int, work) -> list[float]:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        samples.append(time.perf_counter() - t)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--book", type=Path, help="run on a copy of this book (default: the demo book)")
    parser.add_argument("--json")
    args = parser.parse_args()
    book, meeting_id = prepare(args.book)
    state = read_record(book, meeting_id)
    doc = build_minutes(state, confidential=True)
    empty = build_minutes(dataclasses.replace(state, items=[], attendance=[]))
    figures = {
        "baseline": timed(args.runs, lambda: to_markdown(empty)),
        "read the meeting": timed(args.runs, lambda: read_record(book, meeting_id)),
        "build the document": timed(args.runs, lambda: build_minutes(state, confidential=True)),
        "markdown": timed(args.runs, lambda: to_markdown(doc)),
        "html": timed(args.runs, lambda: to_html(doc)),
        "docx": timed(args.runs, lambda: to_docx(doc)),
    }
    body = get_body(book, state.body.id)
    today = state.meeting.date
    tracker = load_tracker(book, body, today)
    figures["tracker: read and build"] = timed(args.runs, lambda: load_tracker(book, body, today))
    figures["tracker markdown"] = timed(args.runs, lambda: tracker_export.to_markdown(tracker))
    figures["tracker docx"] = timed(args.runs, lambda: tracker_export.to_docx(tracker))
    book.close()
    base = statistics.median(figures["baseline"])
    print(f"Minutes export: a {len(doc.items)}-item meeting ({args.runs} runs)")
    print(f"{'step':<24}{'median ms':>10}{'p90 ms':>9}{'× baseline':>12}{'budget':>10}")
    for name, samples in figures.items():
        ordered = sorted(samples)
        median, p90 = statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.9) - 1)]
        budget = BUDGETS.get(name.removeprefix("tracker "))
        if name.startswith("tracker "):
            whole = median + statistics.median(figures["tracker: read and build"])
        else:
            whole = median + statistics.median(figures["read the meeting"]) + statistics.median(figures["build the document"])
        verdict = "" if budget is None else ("met" if whole <= budget else "OVER")
        print(f"{name:<24}{median * 1000:>10.2f}{p90 * 1000:>9.2f}{median / base:>12.1f}{verdict:>10}")
    print("budgets apply to reading + building + rendering: Markdown and HTML < 100 ms, Word < 1000 ms")
    print(f"the tracker: {len(tracker.open_rows)} open actions and {len(tracker.closed_rows)} closed at the last meeting")
    whole = {name: [r + b + x for r, b, x in zip(figures["read the meeting"], figures["build the document"],
                                                  figures[name])] for name in ("markdown", "docx")}
    whole.update({f"tracker {name}": [r + x for r, x in zip(figures["tracker: read and build"],
                                                            figures[f"tracker {name}"])] for name in ("markdown", "docx")})
    where = "ten-year book" if args.book else "demo book"
    write_figures(args.json, [
        figure("export", f"export a {len(doc.items)}-item meeting: Markdown ({where})", whole["markdown"],
               baseline=figures["baseline"], budget_ms=BUDGET_MS_FOR["markdown"],
               note="read + build + render; baseline: the Markdown of an empty document"),
        figure("export", f"export a {len(doc.items)}-item meeting: Word", whole["docx"],
               baseline=figures["baseline"], budget_ms=BUDGET_MS_FOR["docx"]),
        figure("export", f"export the action tracker ({len(tracker.rows)} actions): Markdown", whole["tracker markdown"],
               baseline=figures["baseline"], budget_ms=BUDGET_MS_FOR["markdown"], note="read + build + render"),
        figure("export", f"export the action tracker ({len(tracker.rows)} actions): Word", whole["tracker docx"],
               baseline=figures["baseline"], budget_ms=BUDGET_MS_FOR["docx"]),
    ])


if __name__ == "__main__":
    main()
