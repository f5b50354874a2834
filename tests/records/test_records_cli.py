"""The records' commands: import planner (preview, summary, --dry-run, --yes) and the three
exports (public planner, attendance by financial year, register), written whole, mode 0600."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from db import Book
from db.demo import build_demo
from db.planner import list_entries
from secretary.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "planner.tsv"


@pytest.fixture
def demo_book(tmp_path: Path) -> Path:
    path = tmp_path / "demo.secretary"
    build_demo(path)[0].close()
    return path


def entries(path: Path) -> int:
    book = Book.open(path)
    try:
        return len(list_entries(book, 1))
    finally:
        book.close()


def test_import_planner_previews_each_line_and_changes_nothing_on_a_dry_run(demo_book: Path, capsys) -> None:
    held = entries(demo_book)
    assert main(["import", "planner", str(FIXTURE), "--body", "NICB", "--book", str(demo_book), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "  19  entry 2060, TBC" in out and "  14  skipped: repeated header" in out
    assert "check Date of Decision: 'Sep 2025' gives a month, not a meeting day" in out
    assert "12 entries (11 future, 1 complete or withdrawn);" in out and "Dry run: nothing was changed." in out
    assert entries(demo_book) == held


def test_import_planner_again_updates_the_entries_it_holds(demo_book: Path, capsys) -> None:
    assert main(["import", "planner", str(FIXTURE), "--body", "NICB", "--book", str(demo_book), "--yes"]) == 0
    assert "0 entries added, 12 updated." in capsys.readouterr().out
    assert entries(demo_book) == 12


@pytest.mark.parametrize("kind, extra, expect, absent", [
    ("planner", [], "Joint Forward Plan", "Old Mill"),
    ("register", [], "Adeyemi Consulting", None),
    ("attendance", ["--year", "2024/25"], "Dev Mistry,Partner Member, Local Authorities,0 of 1", None),
])
def test_exports_write_a_whole_private_file(demo_book: Path, tmp_path: Path, kind: str, extra: list[str],
                                            expect: str, absent: str | None, capsys) -> None:
    out = tmp_path / f"{kind}.csv"
    assert main(["export", kind, "--body", "NICB", "--format", "csv", "-o", str(out), "--book", str(demo_book),
                 *extra]) == 0
    text = out.read_text(encoding="utf-8-sig").replace('"', "")
    assert expect in text and (absent is None or absent not in text)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert f"to {out}" in capsys.readouterr().out
    assert main(["export", kind, "--body", "NICB", "--format", "md", "-o", str(out), "--book", str(demo_book),
                 *extra]) == 1  # exists: refused without --force


def test_attendance_period_is_a_year_or_from_and_to(demo_book: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.md"
    assert main(["export", "attendance", "--body", "NICB", "--format", "md", "-o", str(out), "--book",
                 str(demo_book), "--from", "01/12/2024", "--to", "31/12/2024"]) == 0
    assert "attendance 01/12/2024 to 31/12/2024" in out.read_text()
    assert main(["export", "attendance", "--body", "NICB", "--format", "md", "-o", str(tmp_path / "b.md"),
                 "--book", str(demo_book), "--year", "2024/25", "--from", "01/12/2024", "--to", "31/12/2024"]) == 1
    assert "either --year or --from/--to" in capsys.readouterr().err
