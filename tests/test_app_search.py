"""The search screen as a clerk uses it: one key from anywhere, type, see the results with
their date, item and the words found, Enter — and be at the meeting, on that item."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from db.demo import DemoDay, build_demo
from db.meetings import list_items, list_meetings
from screens.app import SecretaryApp
from screens.line_list import LineList
from screens.line_table import LineTable
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.meeting import MeetingScreen
from screens.search import SearchScreen, hit_text

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def results(screen: SearchScreen) -> list[str]:
    found = screen.query_one("#search-results", LineList)
    return ["\n".join(str(line) for line in found.get_row_at(n)) for n in range(found.row_count)]


async def search_for(pilot, words: str) -> SearchScreen:
    await pilot.press("ctrl+underscore")  # what a terminal sends for Ctrl+/
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    assert screen.query_one("#search-query", Input).has_focus
    await pilot.press(*words)
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def test_search_from_home_opens_the_meeting_at_the_item(demo) -> None:
    book, _ = demo
    december = next(m for m in list_meetings(book) if m.date == DemoDay.current().previous)
    urgent = next(i for i in list_items(book, december.id) if i.number == "7")
    app = SecretaryApp(book)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        screen = await search_for(pilot, "handover")
        found = results(screen)
        assert len(found) == 2  # the item's minute first, then the action raised on it
        assert found[0].startswith("Fri 13 Dec 2024  NICB  7. ") and "· minutes" in found[0]
        assert "Ambulance handover delays" in found[0]
        assert "· action" in found[1] and "Action 61" in found[1]
        assert "2 results for 'handover'" in shown(screen, "#search-status")
        # the words found are highlighted by style, not by markup in the text
        _, snippet = screen.query_one("#search-results", LineList).get_row_at(0)
        marked = [snippet.plain[s.start:s.end] for s in snippet.spans if "reverse" in str(s.style)]
        assert marked and set(marked) == {"handover"}
        assert screen.query_one("#search-results", LineList).has_focus
        await pilot.press("enter")
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen) and live.meeting_id == december.id
        assert live.item_shown().id == urgent.id
        assert "7. " in shown(live, "#item-title")
        assert "Ambulance handover delays" in live.query_one("#notes", TextArea).text
        await pilot.press("escape")  # back to the overview, the item highlighted
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, MeetingScreen) and overview.meeting_id == december.id
        table = overview.query_one("#agenda", LineTable)
        assert table.cursor_key == str(urgent.id)
        row = table.cursor_row + 1  # under the heading, in view
        assert table.scroll_y < row < table.scroll_y + table.scrollable_content_region.height


async def test_a_minute_typed_in_the_live_screen_is_found_at_once(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book, open_meeting=upcoming)
    app.now = lambda: START
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # start the meeting now
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        await pilot.press(*"Tenancy ends.")
        screen = await search_for(pilot, "tenancy")
        found = results(screen)
        assert len(found) == 1 and "1. Welcome and Introductions" in found[0] and "Tenancy ends." in found[0]
        # Enter goes back to the live screen already open, not a second one on the same minute
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is live
        assert [type(s) for s in app.screen_stack].count(LiveScreen) == 1
        assert live.query_one("#notes", TextArea).text == "Tenancy ends."  # nothing typed was lost


async def test_part_ii_marked_and_a_query_it_cannot_read(demo) -> None:
    book, upcoming = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, '"estates')
        assert "a double quote is not closed" in shown(screen, "#search-status")
        assert results(screen) == []
        field = screen.query_one("#search-query", Input)
        assert field.has_focus  # nothing to go down to: still typing
        field.value = ""
        await pilot.press(*"Old Mill")  # a Part II item of the March meeting
        await pilot.press("enter")
        await pilot.pause()
        found = results(screen)
        assert found and any("PART II" in line for line in found)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_many_results_come_a_page_at_a_time(tmp_path: Path) -> None:
    from db.demo.years import build_big_demo

    book, _, _ = build_big_demo(tmp_path / "year.secretary", 1)
    app = SecretaryApp(book)
    try:
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            screen = await search_for(pilot, "board")
            total = screen.page.total
            assert total > 150 and len(results(screen)) == 50
            assert f"{total:,} results" in shown(screen, "#search-status") and "more as you scroll" in shown(
                screen, "#search-status")
            await pilot.press("end")  # near the end of what is loaded: the next page comes
            await pilot.pause()
            assert len(results(screen)) == 100
            dates = [h.meeting_date for h in screen.hits]
            assert dates == sorted(dates, reverse=True)
    finally:
        book.close()


async def test_search_is_in_the_command_palette_and_the_footer(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Search every meeting" in titles
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


def screen_text(app) -> list[str]:
    """The terminal as the clerk sees it, line by line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def opened(app) -> tuple[int, int | None]:
    """The meeting on screen, and the item it shows (its minute) or has selected (its overview)."""
    screen = app.screen
    if isinstance(screen, LiveScreen):
        return screen.meeting_id, screen.item_shown().id
    assert isinstance(screen, MeetingScreen)
    key = screen.query_one("#agenda", LineTable).cursor_key
    return screen.meeting_id, int(key) if key else None


async def test_down_past_the_first_page_reads_the_next_and_enter_opens_the_result(tmp_path: Path) -> None:
    from db.demo.years import build_big_demo

    book, _, _ = build_big_demo(tmp_path / "year.secretary", 1)
    app = SecretaryApp(book)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = await search_for(pilot, "board")
            found = screen.query_one("#search-results", LineList)
            assert found.has_focus and len(results(screen)) == 50
            await pilot.press(*["down"] * 44)
            await pilot.pause()
            assert found.cursor_row == 44 and len(results(screen)) == 50  # not near the end yet
            await pilot.press("down")  # five from the end of what is loaded: the next page comes
            await pilot.pause()
            assert found.cursor_row == 45 and len(results(screen)) == 100
            assert "showing 100 (more as you scroll)" in shown(screen, "#search-status")
            await pilot.press("down")
            await pilot.pause()
            hit = screen.hits[46]
            where, words = (line.plain for line in hit_text(hit))
            lines = screen_text(app)
            # the cursor's result is on screen, both its lines, each cut to fit 80 columns
            at = next(n for n, line in enumerate(lines) if line.strip().startswith(where[:60].strip()))
            assert lines[at + 1].strip().startswith(words.strip()[:60])
            assert all(len(line.rstrip()) <= 77 for line in lines[at:at + 2])
            assert any(line.rstrip().endswith("…") for line in lines)  # the long ones cut with an ellipsis
            await pilot.press("enter")
            await pilot.pause()
            assert opened(app) == (hit.meeting_id, hit.item_id)
    finally:
        book.close()


async def test_escape_and_down_between_the_words_and_the_results_and_a_click_opens_one(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        screen = await search_for(pilot, "board")
        found = screen.query_one("#search-results", LineList)
        assert found.row_count > 3 and found.has_focus
        await pilot.press("down")
        await pilot.press("escape")  # back to the words typed, as they were
        await pilot.pause()
        assert screen.query_one("#search-query", Input).has_focus and isinstance(app.screen, SearchScreen)
        await pilot.press("down")  # and down to the results again, the cursor where it was
        await pilot.pause()
        assert found.has_focus and found.cursor_row == 1
        hit = screen.hits[2]
        await pilot.click("#search-results", offset=(20, 5))  # the words found of the third result
        await pilot.pause()
        assert opened(app) == (hit.meeting_id, hit.item_id)
