"""The clerk imports a messy agenda from inside the app: a pipe named by mistake is refused at
once, control codes are taken out and said, and the resolution after a blank line is kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from db.demo import build_demo
from db.meetings import get_meeting, list_items
from screens.agenda_editor import AgendaEditorScreen
from screens.app import SecretaryApp
from screens.import_preview import AgendaFileScreen, ImportPreviewScreen

FIXTURE = Path(__file__).parent / "fixtures" / "agenda-blank-after-resolution.tsv"


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming
    book.close()


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def ask_for(pilot, app, path: Path) -> None:
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, AgendaEditorScreen)
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, AgendaFileScreen)
    app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_pipe_is_refused_and_the_dialog_keeps_asking(demo, tmp_path: Path) -> None:
    book, upcoming = demo
    fifo = tmp_path / "agenda.tsv"
    os.mkfifo(fifo)
    before = list_items(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await ask_for(pilot, app, fifo)
        assert isinstance(app.screen, AgendaFileScreen)
        assert "agenda.tsv is a pipe (FIFO), not a file" in text_of(app.screen, "#error")
    assert list_items(book, upcoming) == before


async def test_control_codes_are_removed_said_and_the_resolution_kept(demo, tmp_path: Path) -> None:
    book, upcoming = demo
    messy = tmp_path / "agenda.tsv"
    messy.write_text(FIXTURE.read_text().replace("Finance Report", "Finance\x1b[2J Report\x1b]0;owned\x07"))
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await ask_for(pilot, app, messy)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        details = text_of(preview, "#details")
        assert "2 control codes were removed from the file" in details
        assert "Resolution to exclude the press and public: The Board resolves that" in details
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    titles = [item.title for item in list_items(book, upcoming)]
    assert titles == ["Welcome and Apologies", "Finance Report", "Any Other Business"]
    assert get_meeting(book, upcoming).exclusion_resolution.startswith("The Board resolves that representatives")
