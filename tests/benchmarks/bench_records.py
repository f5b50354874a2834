"""The records kept between meetings, on the ten-year book: the attendance record over ten
years of every body (about 500 meetings), and the planner and register exports.

Run:  python tests/benchmarks/bench_records.py [--runs N] [--book FILE] [--json FILE]

Budgets: the ten-year attendance record (read + derive + table) under 1 s; the planner and
register exports within the export budgets (DESIGN.md §8): Markdown under 0.1 s, Word under
1 s, each including reading the book. Without --book, the ten-year book is generated first.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import copy_of, figure, print_figures, scratch_folder, ten_year_book, timed, write_figures  # noqa: E402
from db import Book  # noqa: E402
from db.attendance_record import load_period  # noqa: E402
from db.bodies import list_bodies  # noqa: E402
from db.demo.northbridge import sample  # noqa: E402
from db.minutes import list_interests  # noqa: E402
from db.planner import list_entries, store_planner  # noqa: E402
from db.register import confirmations  # noqa: E402
from secretary.attendance_record import attendance_record, attendance_table  # noqa: E402
from secretary.importers.planner import parse_planner  # noqa: E402
from secretary.planner import planner_table  # noqa: E402
from secretary.published_table import to_docx, to_markdown  # noqa: E402
from secretary.register_record import register_table  # noqa: E402

TEN_YEARS = (date(2015, 4, 1), date(2025, 3, 31))
TODAY = date(2025, 3, 21)


def attendance_of_every_body(book: Book) -> int:
    held = 0
    for body in list_bodies(book):
        record = attendance_record(body.name, *TEN_YEARS, load_period(book, body.id, *TEN_YEARS))
        attendance_table(record)
        held += len(record.meetings)
    return held


def planner_export(book: Book, body, render) -> bytes:
    return render(planner_table(body.name, list_entries(book, body.id), today=TODAY)[0])


def register_export(book: Book, body, render) -> bytes:
    return render(register_table(body.name, list_interests(book, body.id), confirmations(book, body.id),
                                 today=TODAY))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--book", type=Path, help="the ten-year book (default: generate one)")
    parser.add_argument("--json")
    args = parser.parse_args()
    folder = scratch_folder()
    source = args.book or ten_year_book(folder)[0]
    book = Book.open(copy_of(source, folder, "records.secretary"))
    board = next(b for b in list_bodies(book) if b.short_name == "NICB")
    for n in range(5):  # a planner of some sixty entries, as a busy board keeps
        store_planner(book, board.id, parse_planner(sample("planner.tsv").replace("\t20", f"\t{n}0")))
    held = attendance_of_every_body(book)
    entries, interests = len(list_entries(book, board.id)), len(list_interests(book, board.id))
    figures = [
        figure("records", f"attendance record, ten years, every body ({held} meetings)",
               timed(args.runs, lambda: attendance_of_every_body(book)), budget_ms=1000),
        figure("records", f"planner export ({entries} entries): Markdown",
               timed(args.runs, lambda: planner_export(book, board, to_markdown)), budget_ms=100),
        figure("records", "planner export: Word", timed(args.runs, lambda: planner_export(book, board, to_docx)),
               budget_ms=1000),
        figure("records", f"register export ({interests} entries): Markdown",
               timed(args.runs, lambda: register_export(book, board, to_markdown)), budget_ms=100),
        figure("records", "register export: Word", timed(args.runs, lambda: register_export(book, board, to_docx)),
               budget_ms=1000),
    ]
    book.close()
    print_figures(f"Records between meetings ({args.runs} runs)", figures)
    write_figures(args.json, figures)


if __name__ == "__main__":
    main()
