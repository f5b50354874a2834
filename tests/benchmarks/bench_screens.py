"""Opening a meeting, its minutes, the action tracker and a search, on the ten-year book.

Run:  python tests/benchmarks/bench_screens.py [--book FILE] [--runs N] [--json FILE]

The app runs in a pseudo-terminal as the clerk runs it; each figure is the time from the key
being written to the new screen's words being drawn. The baseline is a bare Textual app
pushing a screen with one label, the same way, in the same run. Also, in this process, the
book's own part of each (reading the meeting, the tracker's actions and their statuses, the
search query). The tracker is measured twice: the Board's (about 2,000 actions, as generated)
and a copy of the book whose 10,000 actions all belong to the Board. The minutes are opened
twice each round: as a clerk opens them, a quarter second after the overview is drawn (by then
the overview has made the live screen ready: screens/prepared.py), and, shown to explain that
figure, with the key pressed the moment the overview is drawn (the screen built as it is pushed).
Budgets (DESIGN.md §8, issues 9 and 18): each under 0.1 s, and within 5× the bare push.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import scratch_folder, ROOT, copy_of, figure, print_figures, ten_year_book, timed, write_figures  # noqa: E402
from terminal import BARE_APP, Terminal, python  # noqa: E402

NAME = "screens"
BUDGET_MS = 100.0
BUDGET_RATIO = 5.0  # issue 18: and within 5× the bare app pushing a one-label screen, in the same run
ESCAPE, ENTER, DOWN, BACK_TAB, SEARCH_KEY = b"\x1b", b"\r", b"\x1b[B", b"\x1b[Z", b"\x1f"
QUERIES = ('"estates strategy"', "estat*", "estates OR digital", "maternity AND staffing", "board")
TODAY = date.today()  # the ten-year book ends with today's Board meeting (db/demo/years.py)
HELD = ""  # the Board's last meeting held, as its overview heads it: read from the book in main()


def last_held_heading(book: Path) -> str:
    """'13 December 2024 · 09.30': the date and start the overview shows for the meeting the home
    screen lists second under the Board (the next meeting comes first)."""
    conn = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
    try:
        bodies = [row[0] for row in conn.execute("SELECT id FROM body ORDER BY name")]
        board = bodies[2]  # the third of the bodies by name, as to_the_boards_last_meeting goes
        day, start = conn.execute(
            "SELECT date, planned_start FROM meeting WHERE body_id = ? AND date < ? ORDER BY date DESC LIMIT 1",
            [board, TODAY.isoformat()]).fetchone()
    finally:
        conn.close()
    held = date.fromisoformat(day)
    return f"{held.day} {held:%B %Y} · {start[:5].replace(':', '.')}" if start else f"{held.day} {held:%B %Y}"


def bare_push(runs: int) -> list[float]:
    samples = []
    with Terminal(python(str(BARE_APP)), cwd=str(ROOT)) as bare:
        bare.wait_for("bare-app-label")
        for _ in range(runs + 1):
            bare.press(b"x")
            samples.append(bare.wait_for("pushed-screen-label"))
            bare.press(ESCAPE)
            bare.wait_for("bare-app-label")
    return samples[1:]  # the first push imports and builds the screen class: not a fair baseline


def to_the_boards_last_meeting(app: Terminal) -> None:
    """On the home screen: the Board (third of the bodies by name), then its last meeting held
    (the second row: the next meeting comes first)."""
    for key in (BACK_TAB, DOWN, DOWN):  # to the list of bodies, down to the Board
        app.press(key)
        time.sleep(0.2)
    app.press(ENTER)  # and to its meetings
    time.sleep(0.2)
    app.press(DOWN)
    time.sleep(0.2)


def app_screens(book: Path, runs: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {k: [] for k in ("meeting", "minutes at once", "minutes", "tracker",
                                                      "search screen", "search")}
    with Terminal(python("-m", "secretary.cli", "--book", str(book)), cwd=str(ROOT)) as app:
        app.wait_for("Bodies")
        to_the_boards_last_meeting(app)
        for n in range(runs + 1):  # the first of each imports its screen's module: kept apart
            app.press(ENTER)
            took = app.wait_for(HELD)
            if n:
                found["meeting"].append(took)
            # its minutes (the live screen, after the meeting), the key pressed the moment the overview
            # is drawn: nothing is made ready yet, the screen is built as it is pushed
            app.press(b"s", settle=0)
            took = app.wait_for("1. Welcome and Introductions")  # the first item's minute
            if n:
                found["minutes at once"].append(took)
            app.press(ESCAPE)
            app.wait_for(HELD)
            # and as a clerk opens them, having read the overview for a moment (screens/prepared.py)
            app.press(b"s")
            took = app.wait_for("1. Welcome and Introductions")
            if n:
                found["minutes"].append(took)
            app.press(ESCAPE)
            app.wait_for(HELD)
            app.press(b"k")
            took = app.wait_for("action tracker:")
            if n:
                found["tracker"].append(took)
            app.press(ESCAPE)
            app.wait_for(HELD)
            app.press(ESCAPE)
            app.wait_for("Bodies")
        for n in range(runs + 1):
            app.press(SEARCH_KEY)
            took = app.wait_for("Type to search")
            if n:
                found["search screen"].append(took)
            query = QUERIES[n % len(QUERIES)]
            app.press(query.encode())
            app.wait_for(query)
            time.sleep(0.4)  # the search as typed has come and gone: Enter searches again, now timed
            app.press(ENTER)
            found["search"].append(app.wait_for(f"for {query!r}, most recent first"))
            app.press(ESCAPE)  # the results' focus back to the query
            time.sleep(0.2)  # two escapes at once would read as one Alt+Escape
            app.press(ESCAPE)  # and out
            app.wait_for("Bodies")
    return found


def tracker_alone(book: Path, runs: int) -> list[float]:
    samples = []
    with Terminal(python("-m", "secretary.cli", "--book", str(book)), cwd=str(ROOT)) as app:
        app.wait_for("Bodies")
        to_the_boards_last_meeting(app)
        app.press(ENTER)
        app.wait_for(HELD)
        for n in range(runs + 1):
            app.press(b"k")
            took = app.wait_for("action tracker:")
            if n:
                samples.append(took)
            app.press(ESCAPE)
            app.wait_for(HELD)
    return samples


def all_actions_on_the_board(book: Path) -> int:
    """The copy's 10,000 actions, all the Board's (numbers kept unique)."""
    conn = sqlite3.connect(book)
    with conn:
        conn.execute("UPDATE action SET body_id = 1, number = id + 1000000")
        conn.execute("UPDATE action SET number = id")
        conn.execute("UPDATE action_counter SET last_number = (SELECT max(number) FROM action) WHERE body_id = 1")
    count = conn.execute("SELECT count(*) FROM action WHERE body_id = 1").fetchone()[0]
    conn.close()
    return count


def in_process(book: Path, runs: int) -> dict[str, list[float]]:
    from db.actions import actions_with_status
    from db.book import Book
    from db.record import read_record
    from db.meetings import list_meetings
    from db.search import search

    opened = Book.open(book)
    try:
        held = next(m for m in list_meetings(opened, 1) if m.date == date(2024, 12, 13))
        return {
            "read": timed(runs, lambda: read_record(opened, held.id)),
            "actions": timed(runs, lambda: actions_with_status(opened, 1, TODAY)),
            **{f"query {q}": timed(runs, lambda q=q: search(opened, q, confidential=True)) for q in QUERIES},
        }
    finally:
        opened.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", type=Path, help="the ten-year book (generated if not given)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()
    folder = scratch_folder()
    source = args.book or ten_year_book(folder)[0]
    book = copy_of(source, folder, "screens.secretary")
    stress = copy_of(source, folder, "all-actions-on-the-board.secretary")
    everything = all_actions_on_the_board(stress)

    global HELD
    HELD = last_held_heading(book)
    baseline = bare_push(args.runs)
    found = app_screens(book, args.runs)
    stressed = tracker_alone(stress, args.runs)
    parts = in_process(book, max(args.runs, 20))
    stress_parts = in_process(stress, max(args.runs, 10))

    def budgeted(name: str, samples: list[float]) -> object:
        return figure(NAME, name, samples, baseline=baseline, budget_ms=BUDGET_MS, budget_ratio=BUDGET_RATIO)

    figures = [
        figure(NAME, "baseline: bare app pushes a one-label screen", baseline),
        budgeted("open a meeting (30 items, overview)", found["meeting"]),
        budgeted("open its minutes (live screen, after the meeting)", found["minutes"]),
        figure(NAME, "  its minutes, key pressed as the overview is drawn", found["minutes at once"],
               baseline=baseline),
        budgeted("open the tracker: the Board's ~2,000 actions", found["tracker"]),
        budgeted(f"open the tracker: {everything:,} actions in one body", stressed),
        budgeted("open the search screen", found["search screen"]),
        budgeted("search: Enter to results drawn (5 queries)", found["search"]),
        figure(NAME, "  book: read a meeting for its live screen", parts["read"]),
        figure(NAME, "  book: the Board's actions with today's status", parts["actions"]),
        figure(NAME, f"  book: {everything:,} actions with today's status", stress_parts["actions"]),
        *[figure(NAME, f"  book: search {q}", parts[f"query {q}"]) for q in QUERIES],
    ]
    print_figures(f"Screens on the ten-year book ({args.runs} runs each, key to words drawn, 120×40 pty)", figures)
    write_figures(args.json, figures)


if __name__ == "__main__":
    main()
