"""`secretary import …` on messy files: a FIFO refused at once, an import of nothing fails naming
the rows and why, control codes removed and said, semicolon files, and the limits."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import Book
from db.people import list_people
from secretary.cli.progress import DelayedProgress
from tests.test_cli import secretary

ROSTER = "name,initials,category,voting\n"
REGISTER_HEADER = ("Surname\tForename\tPosition\tInterests to Declare\tFinancial Interest\t"
                   "Non-Financial Professional\tNon-Financial Personal\tIndirect\tDetails of Interest\tDate From\t"
                   "Date To\tActions to be taken to mitigate risk\tDate Declared\n")
KINDS = {
    "agenda": ["--meeting", "next"],
    "roster": ["--new-body", "Audit Committee"],
    "register": ["--body", "1"],
    "actions": ["--body", "1"],
}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """A book with one body (ID 1) of two people and one meeting."""
    folder = tmp_path_factory.mktemp("imports")
    roster = folder / "roster.csv"
    roster.write_text(ROSTER + "Helen Marsh,HM,chair,yes\nJo Ward,JW,executive,yes\n")
    path = folder / "book.secretary"
    made = secretary("import", "roster", str(roster), "--new-body", "Board", "--book", str(path), "--yes")
    assert made.returncode == 0, made.stderr
    meeting = secretary("new-meeting", "--book", str(path), "--body", "1", "--date", "27/06/2030")
    assert meeting.returncode == 0, meeting.stderr
    return path


def timed(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    began = time.monotonic()
    result = secretary(*args)
    return result, time.monotonic() - began


@pytest.mark.parametrize("kind", KINDS)
def test_a_fifo_is_refused_within_a_second(kind: str, tmp_path: Path) -> None:
    fifo = tmp_path / "file.csv"
    os.mkfifo(fifo)
    book = str(tmp_path / "book.secretary")
    missing, baseline = timed("import", kind, str(tmp_path / "missing.csv"), *KINDS[kind], "--book", book, "--yes")
    assert missing.returncode == 1  # how long the command takes to start and refuse a file: the baseline
    result, took = timed("import", kind, str(fifo), *KINDS[kind], "--book", book, "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is a pipe (FIFO), not a file" in result.stderr and result.stderr.count("\n") == 1
    assert took < baseline + 1.0
    assert not Path(book).exists()


def test_a_roster_of_refused_rows_fails_and_says_which_and_why(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER + f"{'x' * 100_000},XX,chair,yes\n\"Jo Ward,JW,chair,yes\nAl Bell,AB,chair,maybe\n")
    book = tmp_path / "book.secretary"
    result = secretary("import", "roster", str(roster), "--new-body", "Board", "--book", str(book), "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Added" not in result.stdout
    assert "nothing was imported: all 3 rows were refused" in result.stderr
    assert "line 2: cell 1 holds 100,000 characters" in result.stderr
    assert "line 3: a quote mark (\") opens a cell on this line and is never closed" in result.stderr
    assert "NOT READ: cell 1 holds 100,000 characters" in result.stdout  # the preview is still shown
    assert "0 people, 0 voting; 3 rows not read" in result.stdout
    assert not book.exists()  # refused before the book was opened, so not even created


def test_a_roster_with_only_a_header_fails(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    result = secretary("import", "roster", str(roster), "--new-body", "Board", "--book", str(tmp_path / "b"), "--yes")
    assert result.returncode == 1 and "no rows to import" in result.stderr


def test_some_rows_refused_still_imports_the_rest_and_says_so(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER + "Helen Marsh,HM,chair,yes\nAl Bell,AB,chair,maybe\n")
    book = tmp_path / "book.secretary"
    result = secretary("import", "roster", str(roster), "--new-body", "Board", "--book", str(book), "--yes")
    assert result.returncode == 0, result.stderr
    assert "NOT READ: voting 'maybe' should be yes or no" in result.stdout
    assert "Added 1 people to Board" in result.stdout


def test_control_codes_are_removed_and_the_preview_says_how_many(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER + "\x1b]0;pwned\x07Helen\x1b[2J Marsh\x0b,HM,chair,yes\n", newline="")
    book = tmp_path / "book.secretary"
    result = secretary("import", "roster", str(roster), "--new-body", "Board", "--book", str(book), "--yes")
    assert result.returncode == 0, result.stderr
    assert "3 control codes were removed from the file" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    with Book.open(book) as opened:
        assert [p.name for p in list_people(opened, 1)] == ["Helen Marsh"]


def test_a_semicolon_roster_from_excel(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes("name;initials;category;voting\r\nZoë Brontë;ZB;chair;yes\r\n".encode("cp1252"))
    result = secretary("import", "roster", str(roster), "--new-body", "Board", "--book", str(tmp_path / "b"),
                       "--yes")
    assert result.returncode == 0, result.stderr
    assert "ZB: Zoë Brontë, chair (voting)" in result.stdout


def test_a_register_of_refused_rows_fails(book: Path, tmp_path: Path) -> None:
    register = tmp_path / "register.tsv"
    register.write_text(REGISTER_HEADER + "\tHelen\tChair\n" + "Marsh\tHelen\t" + "x" * 20_000 + "\n")
    result = secretary("import", "register", str(register), "--body", "1", "--book", str(book), "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "line 2: no surname" in result.stderr and "line 3: cell 3 holds 20,000 characters" in result.stderr
    assert "Imported" not in result.stdout


def test_a_tracker_of_refused_rows_fails(book: Path, tmp_path: Path) -> None:
    tracker = tmp_path / "actions.csv"
    tracker.write_text("Action No.,Action,RAG\nninety,Report,Amber\n94,,Amber\n")
    result = secretary("import", "actions", str(tracker), "--body", "1", "--book", str(book), "--dry-run")
    assert result.returncode == 1
    assert "line 2: the action number 'ninety' is not a whole number" in result.stderr
    assert "line 3: action 94 has no text" in result.stderr


def test_an_agenda_whose_items_are_all_refused_fails(book: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.tsv"
    agenda.write_text("Item No.\tItem\tPurpose\tExecutive\tTiming\n1\t" + "Long title " * 30 + "\tNote\tChair\t9.00\n")
    result = secretary("import", "agenda", str(agenda), "--meeting", "next", "--book", str(book), "--yes")
    assert result.returncode == 1 and "nothing was imported: the only row was refused (line 2:" in result.stderr


def test_a_good_agenda_with_a_blank_after_the_resolution_imports(book: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "agenda-blank-after-resolution.tsv"
    result = secretary("import", "agenda", str(fixture), "--meeting", "next", "--book", str(book), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Resolution to exclude the press and public: The Board resolves that" in result.stdout
    assert "3 items" in result.stdout and "Dry run: nothing was changed." in result.stdout


def test_a_file_over_20_mb_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "roster.csv"
    with big.open("wb") as file:
        file.truncate(21 * 1024 * 1024)
    result = secretary("import", "roster", str(big), "--new-body", "Board", "--book", str(tmp_path / "b"), "--yes")
    assert result.returncode == 1 and "is 21 MB; a file to import may be at most 20 MB" in result.stderr


def test_the_progress_bar_stays_off_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER + "Helen Marsh,HM,chair,yes\n")
    result = subprocess.run([sys.executable, "-m", "secretary.cli", "import", "roster", str(roster), "--new-body",
                             "Board", "--book", str(tmp_path / "b"), "--yes"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stderr == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_shows_only_once_the_delay_has_passed_and_then_follows_the_job() -> None:
    stream = Terminal()
    with DelayedProgress("Reading [big].csv", delay=3600, stream=stream) as progress:
        progress(10, 100)
        assert progress.bar is None and stream.getvalue() == ""  # quick jobs print nothing
        progress.show()  # what the timer does once the delay has passed
        progress(50, 100)
        (task,) = progress.bar.tasks
        assert (task.completed, task.total) == (50, 100)
    assert "Reading [big].csv" in stream.getvalue()  # the file's name, not read as markup
    assert not progress.bar.live.is_started


def test_no_bar_and_no_timer_when_the_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with DelayedProgress("Reading", delay=0, stream=stream) as progress:
        progress(1, 2)
    assert progress.timer is None and progress.bar is None and stream.getvalue() == ""
