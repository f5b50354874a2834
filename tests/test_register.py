"""The register of interests: imported from the command line (preview, replace, refusals)
and looked through in the app, filtered by member."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from db import Book
from db.demo import build_demo
from db.minutes import list_interests
from screens.app import SecretaryApp
from screens.register import RegisterScreen
from tests.test_cli import secretary

SAMPLE = Path(__file__).resolve().parents[1] / "secretary" / "data" / "northbridge" / "register.tsv"


@pytest.fixture
def demo_path(demo_copy, tmp_path: Path) -> Path:
    path = tmp_path / "demo.secretary"
    book, _, _ = build_demo(demo_copy(path))
    book.close()
    return path


def held(path: Path) -> list:
    with Book.open(path) as book:
        return list_interests(book, 1)


def test_import_register_previews_then_replaces_the_register(demo_path: Path) -> None:
    before = held(demo_path)
    dry = secretary("import", "register", str(SAMPLE), "--body", "NICB", "--book", str(demo_path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "38 declarations from 22 people; 2 header repeats and 2 blank rows skipped" in dry.stdout
    assert "could not read 'Feburary 20023' as a date" in dry.stdout
    assert "This register replaces the 38 entries held now" in dry.stdout
    assert held(demo_path) == before  # a dry run changes nothing

    done = secretary("import", "register", str(SAMPLE), "--body", "NICB", "--book", str(demo_path), "--yes")
    assert done.returncode == 0, done.stderr
    assert "Imported 38 register entries" in done.stdout
    after = held(demo_path)
    assert len(after) == 38  # replaced, not doubled
    assert [(i.surname, i.details, i.date_from_text) for i in after] == [
        (i.surname, i.details, i.date_from_text) for i in before]

    appended = secretary("import", "register", str(SAMPLE), "--body", "NICB", "--book", str(demo_path),
                         "--yes", "--append")
    assert appended.returncode == 0 and len(held(demo_path)) == 76


def test_a_bad_register_file_is_refused_and_nothing_changes(demo_path: Path, tmp_path: Path) -> None:
    before = held(demo_path)
    binary = tmp_path / "register.tsv"
    binary.write_bytes(b"\x00\x01PK\x03\x04 not a register")
    result = secretary("import", "register", str(binary), "--body", "NICB", "--book", str(demo_path), "--yes")
    assert result.returncode == 1
    assert "binary" in result.stderr and "Traceback" not in result.stderr
    missing = secretary("import", "register", str(tmp_path / "nope.tsv"), "--body", "NICB",
                        "--book", str(demo_path), "--yes")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    wrong_columns = tmp_path / "columns.csv"
    shutil.copy(Path(__file__).resolve().parents[1] / "secretary" / "data" / "northbridge" / "roster.csv",
                wrong_columns)
    result = secretary("import", "register", str(wrong_columns), "--body", "NICB", "--book", str(demo_path),
                       "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert held(demo_path) == before


async def test_register_screen_filters_by_member(demo_path: Path) -> None:
    book = Book.open(demo_path)
    try:
        app = SecretaryApp(book, open_meeting=2)
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            await pilot.press("i")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RegisterScreen)
            table = screen.query_one("#register-table", DataTable)
            assert table.row_count == 38
            await pilot.press("slash")
            for key in "ASa":
                await pilot.press(key)
            await pilot.pause()
            assert screen.query_one("#register-filter", Input).value == "ASa"
            rows = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
            assert {r[0] for r in rows} == {"ASa"}
            assert any("Trustee, Northbridge Urgent Care Centre" in r[3] for r in rows)
            assert "3 of 38 entries, 1 person." in str(screen.query_one("#register-counts", Static).content)
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert not isinstance(app.screen, RegisterScreen)
    finally:
        book.close()
