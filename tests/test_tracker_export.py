"""The action tracker exported (CSV safe for spreadsheets, Markdown, Word) and imported
so that numbering continues."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import Book
from db.actions import next_action_number
from db.demo import build_demo
from secretary.exports.files import ExportRefused, write_atomically
from secretary.exports.tracker import COLUMNS, FORMULA_STARTS, Tracker, TrackerRow, safe_cell, to_csv
from secretary.models import ActionStatus
from tests.test_cli import secretary

SAMPLE = Path(__file__).resolve().parents[1] / "secretary" / "data" / "northbridge" / "actions.csv"


@pytest.fixture
def demo_path(demo_copy, tmp_path: Path) -> Path:
    path = tmp_path / "demo.secretary"
    book, _, _ = build_demo(demo_copy(path))
    book.close()
    return path


def test_export_the_demo_tracker_in_three_formats(demo_path: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "md", "docx"):
        out = tmp_path / f"tracker.{fmt}"
        result = secretary("export", "actions", "--body", "NICB", "--format", fmt, "-o", str(out),
                           "--book", str(demo_path))
        assert result.returncode == 0, result.stderr
        assert "(9 actions)" in result.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "tracker.csv").read_text("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert [r[0] for r in rows[1:]][:2] == ["52", "58"]  # open first, by number
    assert rows[1][5] == "13/12/2024"  # the past deadline kept
    md = (tmp_path / "tracker.md").read_text()
    assert md.count("\n| ") == 6 + 2 + 9 and "| Action No. | Meeting Date |" in md  # the RAG key, then the actions
    assert md.index("### Open actions") < md.index("| 58 |") < md.index("### Closed actions") < md.index("| 57 |")
    with zipfile.ZipFile(tmp_path / "tracker.docx") as docx:
        body = docx.read("word/document.xml").decode()
    assert "Action Tracker" in body and "To update the Board at the March meeting" in body
    assert 'w:orient="landscape"' in body


def test_an_existing_file_is_not_replaced_without_force(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.csv"
    out.write_text("the clerk's own file")
    args = ("export", "actions", "--body", "NICB", "--format", "csv", "-o", str(out), "--book", str(demo_path))
    refused = secretary(*args)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert out.read_text() == "the clerk's own file"
    assert secretary(*args, "--force").returncode == 0
    assert out.read_text("utf-8-sig").startswith("Action No.")
    assert not list(tmp_path.glob(".tracker.csv.*"))  # no temporary file left behind


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="no folder"):
        write_atomically(tmp_path / "missing" / "t.csv", b"x")
    target = tmp_path / "t.csv"
    target.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(ExportRefused, match="Nothing was written"):
        write_atomically(target, b"x", force=True)
    assert not list(tmp_path.glob(".t.csv.*"))


@given(st.lists(st.text(max_size=20), min_size=9, max_size=9))
def test_no_csv_cell_starts_with_a_formula_character(cells: list[str]) -> None:
    tracker = Tracker("Board", date(2025, 3, 21), (TrackerRow(ActionStatus.in_progress, tuple(cells)),))
    rows = list(csv.reader(io.StringIO(to_csv(tracker).decode("utf-8-sig"), newline="")))
    for cell in rows[1]:
        assert not cell.startswith(FORMULA_STARTS)
    assert [c.removeprefix("'") if o.startswith(FORMULA_STARTS) else c for c, o in zip(rows[1], cells)] == cells


def test_safe_cell() -> None:
    assert safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_cell("-3") == "'-3" and safe_cell("@SUM") == "'@SUM" and safe_cell("\tx") == "'\tx"
    assert safe_cell("Amber") == "Amber"


def test_import_actions_continues_numbering_and_refuses_reuse(tmp_path: Path) -> None:
    book_path = tmp_path / "new.secretary"
    created = secretary("import", "roster", str(SAMPLE.parent / "roster.csv"), "--new-body", "Northbridge ICB",
                        "--short", "NICB", "--book", str(book_path), "--yes")
    assert created.returncode == 0, created.stderr
    imported = secretary("import", "actions", str(SAMPLE), "--body", "NICB", "--book", str(book_path), "--yes")
    assert imported.returncode == 0, imported.stderr
    assert "the next action raised will be 65" in imported.stdout
    again = secretary("import", "actions", str(SAMPLE), "--body", "NICB", "--book", str(book_path), "--yes")
    assert again.returncode == 1 and "never reused" in again.stderr
    with Book.open(book_path) as book:
        assert next_action_number(book, 1) == 65


def test_next_meeting_deadlines_take_the_date_of_the_meeting_after_the_one_that_raised_them(demo_path: Path) -> None:
    from db.actions import actions_with_status
    from db.meetings import create_meeting
    from secretary.exports.tracker import build_tracker
    from secretary.models import Meeting

    with Book.open(demo_path) as book:
        actions, statuses = actions_with_status(book, 1, date(2025, 1, 10))
        by_number = {a.number: a for a in actions}
        assert by_number[63].due_text == "next meeting"  # raised on 13/12/2024
        assert by_number[63].due_date == date(2025, 3, 21)  # the March meeting, held after it
        tracker = build_tracker("Board", actions, statuses, today=date(2025, 1, 10))
        row = next(r for r in tracker.rows if r.cells[0] == "63")
        assert row.cells[6] == "next meeting (21/03/2025)" and row.status is ActionStatus.in_progress
        _, later = actions_with_status(book, 1, date(2025, 4, 1))  # past that meeting, still open: red
        assert later[by_number[63].id] is ActionStatus.outstanding
        # a meeting put in between is the one "next meeting" means
        create_meeting(book, Meeting(body_id=1, title="Extraordinary meeting", date=date(2025, 2, 7)))
        again = {a.number: a for a in actions_with_status(book, 1, date(2025, 1, 10))[0]}
        assert again[63].due_date == date(2025, 2, 7)
