"""The large demo book (``secretary demo --years N``): the same seed gives the same book, with
the counts a busy board has, every row readable by the app, and its words searchable."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from db.actions import actions_with_status
from db.bodies import list_bodies
from db.demo import DemoDay
from db.demo.years import build_big_demo
from db.record import read_record
from db.meetings import list_meetings
from db.search import search
from secretary.actions import OPEN
from secretary.minutes_doc import build_minutes

# what the clerk recorded; the history and the migrations' timestamps say when it was generated
TABLES = ("body", "person", "membership", "meeting", "agenda_item", "minute", "attendance", "movement", "interest",
          "declaration", "decision", "action", "action_owner", "action_deadline", "action_update",
          "public_question", "action_counter", "quorum_rule", "quorum_requirement", "search_index")


def contents(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        found = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
        found["body"] = conn.execute("SELECT id, name, short_name FROM body ORDER BY id").fetchall()  # not created_at
        return found
    finally:
        conn.close()


@pytest.fixture(scope="module")
def one_year(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "one-year.secretary"
    book, meeting_id, created = build_big_demo(path, 1)
    assert created
    book.close()
    return path


def test_same_seed_same_book(one_year: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.secretary"
    build_big_demo(again, 1)[0].close()
    assert contents(again) == contents(one_year)
    other = tmp_path / "other.secretary"
    build_big_demo(other, 1, seed=7)[0].close()
    assert contents(other)["minute"] != contents(one_year)["minute"]


def test_a_year_of_a_busy_board_and_four_committees(one_year: Path) -> None:
    counts = {t: len(rows) for t, rows in contents(one_year).items()}
    assert counts["body"] == 5
    assert 50 <= counts["meeting"] <= 60  # about 50 a year, and the next ones planned
    assert 1300 <= counts["agenda_item"] <= 1700  # ~30 a meeting: 15,000 in ten years
    assert 900 <= counts["action"] <= 1100  # ~20 a meeting: 10,000 in ten years
    assert counts["action_update"] > counts["action"]
    assert 8500 <= counts["movement"] <= 11000  # 100,000 in ten years
    conn = sqlite3.connect(one_year)
    minutes_text = conn.execute("SELECT sum(length(notes)) FROM minute").fetchone()[0]
    assert 200_000 <= minutes_text <= 500_000  # a few hundred KB of minutes a year
    conn.close()


def test_reopened_not_regenerated_and_every_meeting_reads(one_year: Path) -> None:
    book, meeting_id, created = build_big_demo(one_year, 1)
    try:
        assert not created
        board = next(b for b in list_bodies(book) if b.short_name == "NICB")
        upcoming = read_record(book, meeting_id)
        assert upcoming.meeting.date == DemoDay.current().upcoming and upcoming.meeting.body_id == board.id
        assert any(i.title == "Joint Forward Plan refresh 2025/26" for i in upcoming.items)  # the demo's agenda
        for body in list_bodies(book):
            meetings = list_meetings(book, body.id)
            held = [m for m in meetings if m.status.value in ("closed", "approved")]
            assert held and [m.status.value for m in held].count("closed") == 1  # the last, awaiting approval
            for meeting in meetings:
                state = read_record(book, meeting.id)  # every row validates as the app's models
                if meeting in held:
                    doc = build_minutes(state, confidential=True)
                    assert doc.items and state.movements
            actions, statuses = actions_with_status(book, body.id, DemoDay.current().upcoming)
            still_open = [a for a in actions if statuses[a.id] in OPEN]
            recent = {m.id for m in held[:8]}  # held: most recent first
            assert still_open and all(a.meeting_id in recent for a in still_open)  # the old ones all closed
            assert all(a.closed_on for a in actions if statuses[a.id].value == "closed")
    finally:
        book.close()


def test_its_minutes_are_searchable(one_year: Path) -> None:
    book, _, _ = build_big_demo(one_year, 1)
    try:
        page = search(book, '"estates strategy"', since=date(2024, 4, 1))
        assert page.total > 10
        kinds = {h.kind.value for h in search(book, "estates strategy", confidential=True, limit=500).hits}
        assert {"item", "minute", "decision", "action"} <= kinds
        assert search(book, "Holloway OR Patel OR Okoro OR Farrow OR Whitby OR Lowe OR Byrne OR Dent").total >= 1
    finally:
        book.close()
