"""Editing an agenda through the screens, as a clerk the day before the meeting."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from textual.widgets import DataTable

from db.demo import build_demo
from db.meetings import list_items
from screens.agenda_editor import AgendaEditorScreen
from screens.app import SecretaryApp
from secretary.agenda import in_order


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def printed(book, meeting_id: int) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in in_order(list_items(book, meeting_id))]


async def open_editor(pilot, app) -> AgendaEditorScreen:
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, AgendaEditorScreen)
    return app.screen


async def test_add_edit_move_and_delete_items(demo) -> None:
    book, upcoming = demo
    before = printed(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(140, 45)) as pilot:
        editor = await open_editor(pilot, app)
        table = editor.query_one("#agenda", DataTable)
        # after item 2 (Questions from the Public): a new item
        row = next(n for n, i in enumerate(editor.items) if i.number == "2")
        table.move_cursor(row=row)
        await pilot.press("a")
        await pilot.pause()
        title = app.screen.query_one("#title")
        title.value = ""
        await pilot.press(*"Freedom to Speak Up report", "tab")
        app.screen.query_one("#start").value = "9.08am"
        app.screen.query_one("#number").value = "2b"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        after = printed(book, upcoming)
        assert after[after.index(("2", "Questions from the Public")) + 1] == ("2b", "Freedom to Speak Up report")
        added = next(i for i in list_items(book, upcoming) if i.number == "2b")
        assert added.planned_start == time(9, 8)
        # move it up above item 2, then delete it
        await pilot.press("K")
        await pilot.pause()
        after = printed(book, upcoming)
        assert after.index(("2b", "Freedom to Speak Up report")) < after.index(("2", "Questions from the Public"))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert printed(book, upcoming) == before


async def test_renumber_and_sub_items(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(140, 45)) as pilot:
        editor = await open_editor(pilot, app)
        table = editor.query_one("#agenda", DataTable)
        table.move_cursor(row=next(n for n, i in enumerate(editor.items) if i.number == "4"))
        await pilot.press("greater_than_sign")  # item 4 becomes a sub-item of item 3
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
    numbers = printed(book, upcoming)
    at = numbers.index(("3", "Resident's Story"))
    assert numbers[at + 1 : at + 3] == [("3a", "Chair's report - verbal"), ("4", "CEO report")]


async def test_bad_time_is_explained_and_nothing_changes(demo) -> None:
    book, upcoming = demo
    before = printed(book, upcoming)
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(140, 45)) as pilot:
        await open_editor(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#start").value = "half nine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "half nine" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
    assert printed(book, upcoming) == before


async def test_the_clerk_says_which_standing_item_an_item_is_and_f12_follows(demo) -> None:
    # a board whose 'Resident's Story' slot is where apologies are taken: the kind is the clerk's to say
    from textual.widgets import Select, TextArea

    from db.meetings import get_item
    from screens.live import LiveScreen
    from secretary.standing import Standing

    book, upcoming = demo
    story = next(i for i in list_items(book, upcoming) if i.number == "3")
    assert story.standing is Standing.none
    app = SecretaryApp(book, open_meeting=upcoming)
    async with app.run_test(size=(140, 45)) as pilot:
        editor = await open_editor(pilot, app)
        editor.query_one("#agenda", DataTable).move_cursor(row=next(n for n, i in enumerate(editor.items)
                                                                    if i.id == story.id))
        await pilot.press("e")
        await pilot.pause()
        kind = app.screen.query_one("#standing", Select)
        kind.focus()
        await pilot.press("enter")  # open the list …
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # … An ordinary item, Welcome, Apologies
        await pilot.pause()
        assert kind.value is Standing.apologies
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert get_item(book, story.id).standing is Standing.apologies
        await pilot.press("escape")  # back to the overview, then live, and F12 on item 3
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("ctrl+g", "3", "enter")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause(0.3)
        assert app.screen.query_one("#notes", TextArea).text == "Apologies were noted as above."
