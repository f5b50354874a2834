"""The first screen is drawn from plain rows: the app's start imports neither pydantic nor
sqlite-utils (issue 18), and what is put off is there when a screen asks for it."""

from __future__ import annotations

import fcntl
import importlib
import inspect
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import secretary.models as models
from db import Book
from db.overview import body_lines, meeting_lines


@pytest.fixture
def demo(demo_copy, tmp_path: Path) -> Path:
    return demo_copy(tmp_path / "demo.secretary")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}; import sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_first_screen_and_the_book_it_opens_import_neither_pydantic_nor_sqlite_utils(demo: Path) -> None:
    loaded = _loaded_after(f"import screens.app; from db import Book; from db.overview import body_lines, "
                           f"meeting_lines; b = Book.open({str(demo)!r}); "
                           "[meeting_lines(b, x.id) for x in body_lines(b)]; b.close()")
    assert "textual.app" in loaded and "screens.home" in loaded
    assert not loaded & {"pydantic", "sqlite_utils", "numpy", "db.migrations", "db.meetings", "screens.live"}


def test_a_write_brings_sqlite_utils_without_numpy(demo: Path) -> None:
    loaded = _loaded_after(f"from db import Book; b = Book.open({str(demo)!r}); b.db['body'].count; b.close()")
    assert "sqlite_utils" in loaded and "numpy" not in loaded


def test_every_model_is_named_where_the_package_finds_it() -> None:
    """``secretary.models`` imports its modules when a name is asked for: it must know every name."""
    for module in ("actions", "at_meeting", "base", "meeting", "people", "vocabulary"):
        defined = importlib.import_module(f"secretary.models.{module}")
        public = [name for name, value in vars(defined).items() if not name.startswith("_")
                  and (inspect.isclass(value) or inspect.isfunction(value)) and value.__module__ == defined.__name__]
        for name in public:
            assert getattr(models, name) is getattr(defined, name), f"secretary.models.{name}"
    assert models.STEPPED_OUT == "stepped out"
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018


def test_the_home_screen_rows_agree_with_the_models(demo: Path) -> None:
    from db.bodies import list_bodies
    from db.meetings import list_meetings

    with Book.open(demo) as book:
        assert [(b.id, b.name) for b in body_lines(book)] == [(b.id, b.name) for b in list_bodies(book)]
        for body in list_bodies(book):
            lines = meeting_lines(book, body.id)
            assert lines, body.name
            assert [(m.id, m.date, m.planned_start, m.planned_end, m.status, m.title, m.public) for m in lines] == [
                (m.id, m.date, m.planned_start, m.planned_end, m.status, m.title, m.public)
                for m in list_meetings(book, body.id)]


_ESCAPE = re.compile(rb"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def test_the_first_screen_reaches_the_terminal_whole_not_a_pane_at_a_time(demo: Path) -> None:
    """Textual draws the first screen while the app starts and throws that drawing away; the panes
    then came to the terminal a frame (16 ms) apart, as each next changed: the bodies, then the
    meetings. In a real pseudo-terminal, whatever first shows "Bodies" shows the meetings too."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "secretary.cli", "--book", str(demo)], stdin=slave,
                               stdout=slave, stderr=slave, env={**os.environ, "TERM": "xterm-256color"},
                               start_new_session=True)
    os.close(slave)
    written = b""
    try:
        deadline = time.monotonic() + 30
        while b"Bodies" not in _ESCAPE.sub(b"", written) and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                written += os.read(master, 1 << 20)  # read as soon as anything is written: a frame at a time
    finally:
        process.kill()
        process.wait()
        os.close(master)
    shown = _ESCAPE.sub(b"", written).decode(errors="replace")
    assert "Bodies" in shown
    assert "Northbridge Integrated Care Board — meetings" in shown and "Date" in shown
