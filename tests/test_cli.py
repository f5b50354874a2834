"""The command line: listing, creating, and one clear line for every error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import held_open

from secretary import __version__

COMMANDS = ["demo", "bodies", "meetings", "new-meeting"]


def secretary(*args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    env = None
    if home is not None:
        import os

        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    return subprocess.run([sys.executable, "-m", "secretary.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.secretary"
    result = secretary("demo", "--book", str(path), "--no-open")
    assert result.returncode == 0, result.stderr
    assert "Created the demo book" in result.stdout
    return path


def test_version() -> None:
    result = secretary("--version")
    assert result.stdout.strip() == f"secretary {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = secretary(command, "--help")
    assert result.returncode == 0
    assert "--book" in result.stdout


def test_demo_is_reused_not_rebuilt(demo_book: Path) -> None:
    result = secretary("demo", "--book", str(demo_book), "--no-open")
    assert result.returncode == 0 and "Using the demo book" in result.stdout


def test_bodies_and_meetings_listed_with_ids(demo_book: Path) -> None:
    bodies = secretary("bodies", "--book", str(demo_book))
    assert "NICB" in bodies.stdout and "Northbridge Integrated Care Board" in bodies.stdout
    meetings = secretary("meetings", "--book", str(demo_book), "--body", "nicb")
    lines = meetings.stdout.splitlines()
    assert "Friday 21 March 2025" in lines[1] and "planned" in lines[1]
    assert "Friday 13 December 2024" in lines[2] and "closed" in lines[2]


def test_new_meeting_prints_its_id(demo_book: Path) -> None:
    result = secretary("new-meeting", "--book", str(demo_book), "--body", "NICB", "--date", "26/09/2025",
                       "--start", "9.30am", "--end", "12:00", "--venue", "Eastmere", "--private")
    assert result.returncode == 0, result.stderr
    new_id = int(result.stdout.strip())
    listing = secretary("meetings", "--book", str(demo_book)).stdout
    line = next(l for l in listing.splitlines() if l.strip().startswith(str(new_id)))
    assert "Friday 26 September 2025" in line and "09.30 – 12.00" in line and "(private)" in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "Circa 2025"], "date"),
        (["--date", "26/09/2025", "--start", "25.99"], "time"),
        (["--date", "26/09/2025", "--start", "12:00", "--end", "9:00"], "cannot end"),
    ],
)
def test_bad_new_meeting_input_is_one_clear_line(demo_book: Path, args: list[str], message: str) -> None:
    result = secretary("new-meeting", "--book", str(demo_book), "--body", "NICB", *args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_unknown_body_names_the_ones_there_are(demo_book: Path) -> None:
    result = secretary("meetings", "--book", str(demo_book), "--body", "Audit")
    assert result.returncode == 1
    assert "No body 'Audit'" in result.stderr and "NICB" in result.stderr


def test_foreign_file_is_one_line_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(b"PK\x03\x04 not a book")
    result = secretary("bodies", "--book", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith("secretary: ") and result.stderr.count("\n") == 1
    assert path.read_bytes() == b"PK\x03\x04 not a book"


def test_locked_book_is_one_line(demo_book: Path) -> None:
    with held_open(demo_book):
        result = secretary("bodies", "--book", str(demo_book))
        assert result.returncode == 1
        assert "already open in another copy" in result.stderr and "Traceback" not in result.stderr


def test_default_book_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    result = secretary("bodies", home=tmp_path)
    assert result.returncode == 1 and "There is no book at" in result.stderr
    assert str(tmp_path / "data") in result.stderr


def agenda_file(tmp_path: Path) -> Path:
    from importlib import resources

    path = tmp_path / "agenda.tsv"
    path.write_text(resources.files("secretary.data.northbridge").joinpath("agenda-2025-03-21.tsv").read_text())
    return path


def test_import_agenda_previews_and_changes_nothing_without_yes(demo_book: Path, tmp_path: Path) -> None:
    before = demo_book.read_bytes()
    dry = secretary("import", "agenda", str(agenda_file(tmp_path)), "--meeting", "next", "--book", str(demo_book),
                    "--dry-run")
    assert dry.returncode == 0
    assert "16 items, 6 sub-items, 5 sections, 1 break" in dry.stdout and "Dry run" in dry.stdout
    no_tty = secretary("import", "agenda", str(agenda_file(tmp_path)), "--meeting", "next", "--book", str(demo_book))
    assert no_tty.returncode == 1 and "--yes" in no_tty.stderr
    assert demo_book.read_bytes() == before


def test_import_agenda_with_yes(tmp_path: Path) -> None:
    book = tmp_path / "fresh.secretary"
    assert secretary("demo", "--book", str(book), "--no-open").returncode == 0
    new = secretary("new-meeting", "--book", str(book), "--body", "NICB", "--date", "27/06/2025")
    meeting = new.stdout.strip()
    result = secretary("import", "agenda", str(agenda_file(tmp_path)), "--meeting", meeting, "--book", str(book),
                       "--yes")
    assert result.returncode == 0, result.stderr
    assert f"into meeting {meeting}" in result.stdout


def test_import_of_a_binary_file_is_one_clear_line(demo_book: Path, tmp_path: Path) -> None:
    junk = tmp_path / "agenda.tsv"
    junk.write_bytes(b"\x00\x01\x02binary\x00")
    result = secretary("import", "agenda", str(junk), "--meeting", "next", "--book", str(demo_book), "--yes")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_an_import_onto_a_full_disk_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    import resource
    import signal

    book = tmp_path / "fresh.secretary"
    assert secretary("demo", "--book", str(book), "--no-open").returncode == 0
    before = book.read_bytes()

    def no_room() -> None:  # every file the command writes may grow to 8 KB, no more
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = subprocess.run(
        [sys.executable, "-m", "secretary.cli", "import", "agenda", str(agenda_file(tmp_path)), "--meeting", "next",
         "--book", str(book), "--yes"],
        capture_output=True, text=True, timeout=120, preexec_fn=no_room,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "could not be written" in result.stderr
    assert book.read_bytes() == before


def test_the_book_given_before_the_command_is_the_book_the_command_uses(tmp_path: Path) -> None:
    # --book is declared once for every command; a command given none keeps the one before its name
    before = tmp_path / "before.secretary"
    made = secretary("--book", str(before), "demo", "--no-open")
    assert made.returncode == 0 and before.exists(), made.stderr
    listed = secretary("--book", str(before), "bodies")
    after = secretary("bodies", "--book", str(before))
    assert listed.returncode == after.returncode == 0 and listed.stdout == after.stdout
    assert "Northbridge" in listed.stdout


@pytest.mark.parametrize("argv", [[], ["--book", "b.secretary"], ["--book=b.secretary"], ["--book", "~/x y.secretary"],
                                  ["--book="]])
def test_the_app_alone_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    from secretary.cli import build_parser, the_app_alone

    assert the_app_alone(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [["--book", "-x"], ["--version"], ["bodies"], ["--book", "b", "bodies"], ["--bo", "b"],
                                  ["--book"]])
def test_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    from secretary.cli import the_app_alone

    assert the_app_alone(argv) is None


def test_a_command_named_first_is_parsed_by_its_own_parser_exactly_as_by_the_whole_one() -> None:
    """``secretary search …`` builds the search command's parser alone (the 20 others and the
    modules that add them are a sixth of a short command's time): the same commands are named,
    each with the same help, the same defaults and the same errors."""
    import argparse
    import contextlib
    import io

    from secretary.cli import COMMANDS, build_parser, command_named

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices

    whole = commands(build_parser())
    assert set(whole) == set(COMMANDS)
    for name in COMMANDS:
        alone = commands(build_parser(name))
        module = COMMANDS[name]  # the commands another module adds come with the others it adds
        assert set(alone) == ({n for n, m in COMMANDS.items() if m == module} if module else {name})
        assert alone[name].format_help() == whole[name].format_help()

    def outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple:
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err):
                parsed = vars(parser.parse_args(argv))
        except SystemExit as stop:
            return stop.code, err.getvalue()
        return parsed, ""

    assert [command_named(argv) for argv in (["--book", "b", "search", "x"], ["--book=b", "meetings"], ["check"],
                                            ["--book", "search"], ["--version"], ["serach"], [], ["--book"])] == \
        ["search", "meetings", "check", None, None, None, None, None]
    for argv in (["search", "estates", "--limit", "5", "--book", "b"], ["search"], ["search", "x", "--bogus"],
                 ["--book", "b", "search", "estates"], ["--book=b", "bodies", "--book", "c"],
                 ["meetings", "--body", "NICB"], ["export", "minutes"], ["import", "agenda"],
                 ["check"], ["demo", "--years", "two"], ["export", "actions", "--body", "1", "--format", "pdf"]):
        assert outcome(build_parser(command_named(argv)), argv) == outcome(build_parser(), argv), argv
