"""The quorum rule editor on the body's settings: what the rule means for today's membership,
shown as it is edited; saved in one go; Escape asks, and cancelling changes nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from db.bodies import get_body, list_bodies
from db.demo import NORTHBRIDGE_RULE, build_demo
from screens.app import SecretaryApp
from screens.home import HomeScreen
from screens.quorum_rule import QuorumRuleScreen
from screens.requirement_form import RequirementFormScreen
from screens.roster import RosterScreen
from secretary.models import Category, MinimumKind, QuorumRequirement

MARCH = datetime(2025, 3, 20, 17, 0, tzinfo=ZoneInfo("Europe/London"))
NORTHBRIDGE_MEANS = (
    "14 voting members in post: 8 needed, including the Chair or Deputy Chair, 1 executive member, "
    "1 non-executive member and 1 partner member. Remote attendance counts; deputies count; "
    "members with a conflict are excluded from the item's count."
)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    yield book, upcoming
    book.close()


def the_rule(book):
    return get_body(book, list_bodies(book)[0].id).quorum_rule


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def meaning(screen) -> str:
    return " ".join(text_of(screen, "#meaning").split())


async def open_editor(pilot, app) -> QuorumRuleScreen:
    await pilot.pause()
    await pilot.press("q")
    await pilot.pause()
    assert isinstance(app.screen, QuorumRuleScreen)
    return app.screen


async def test_the_meaning_follows_the_rule_as_it_is_edited_and_the_rule_is_stored(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    app.now = lambda: MARCH
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        assert text_of(editor, "#meaning-title") == "What it means on Thursday 20 March 2025"
        assert meaning(editor) == NORTHBRIDGE_MEANS
        assert "• partner member: 6 in post (MK, SO, RD, DM, ASh, ASa)" in text_of(editor, "#holders")
        # a fixed number instead of more than half
        editor.query_one("#minimum-kind", Select).value = MinimumKind.absolute
        await pilot.pause()
        assert meaning(editor) == "The rule is not complete: a fixed quorum needs a number of members."
        editor.query_one("#minimum-number", Input).focus()
        await pilot.press("6")
        await pilot.pause()
        assert meaning(editor).startswith("14 voting members in post: 6 needed (a fixed number), including")
        # remote attendance no longer counts; conflicted members are deemed present
        editor.query_one("#remote", Checkbox).focus()
        await pilot.press("space")
        editor.query_one("#conflicted", Select).value = "counted"
        await pilot.pause()
        assert "Remote attendance does not count; deputies count; members with a conflict are deemed present" in (
            meaning(editor))
        # two executives, not one: Enter on the row, the count, Enter
        table = editor.query_one("#requirements", DataTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RequirementFormScreen)
        app.screen.query_one("#count", Input).focus()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.screen is editor
        assert "2 executive members" in meaning(editor)
        # and the partner member requirement goes
        table.move_cursor(row=3)
        await pilot.press("delete")
        await pilot.pause()
        assert "partner" not in meaning(editor)
        assert table.row_count == 3
        assert the_rule(book) == NORTHBRIDGE_RULE  # nothing stored until saved
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    rule = the_rule(book)
    assert (rule.minimum_kind, rule.minimum_number) == (MinimumKind.absolute, 6)
    assert (rule.remote_counts, rule.deputies_count, rule.conflicted_count) == (False, True, True)
    assert rule.requirements == (
        NORTHBRIDGE_RULE.requirements[0],
        NORTHBRIDGE_RULE.requirements[1].model_copy(update={"count": 2}),
        NORTHBRIDGE_RULE.requirements[2],
    )


async def test_a_new_requirement_is_named_from_its_seats(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    app.now = lambda: MARCH
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        editor.query_one("#requirements", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RequirementFormScreen)
        await pilot.press("ctrl+s")  # nothing ticked
        await pilot.pause()
        assert "Tick at least one kind of seat." in text_of(form, "#error")
        form.query_one("#cat-associate_non_executive", Checkbox).value = True
        await pilot.pause()
        assert form.query_one("#label", Input).value == "associate non-executive member"
        form.query_one("#label", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        assert "and 1 associate non-executive member." in meaning(editor)
        # Tom Whitlock's seat does not vote: no meeting could meet it, and the editor says so
        assert "• associate non-executive member: 0 in post (nobody)" in text_of(editor, "#holders")
        assert "1 associate non-executive member needed but 0 in post: no meeting could be quorate" in (
            " ".join(text_of(editor, "#warnings").split()))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert the_rule(book).requirements[-1] == QuorumRequirement(
        label="associate non-executive member", categories=(Category.associate_non_executive,))


async def test_escape_asks_and_cancelling_changes_nothing(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.press("escape")  # nothing changed: leaves without asking
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        editor = await open_editor(pilot, app)
        editor.query_one("#deputies", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert "deputies do not count" in meaning(editor)
        await pilot.press("escape")
        await pilot.pause()
        assert "Leave without saving the changes to the quorum rule?" in text_of(app.screen, ".question")
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is editor
        assert editor.query_one("#deputies", Checkbox).value is False
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # opened again, it shows the rule as stored
        editor = await open_editor(pilot, app)
        assert editor.query_one("#deputies", Checkbox).value is True
    assert the_rule(book) == NORTHBRIDGE_RULE


async def test_the_roster_opens_the_rule_and_the_meaning_counts_todays_members(demo) -> None:
    book, _ = demo
    app = SecretaryApp(book)
    app.now = lambda: MARCH
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        await pilot.press("q")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, QuorumRuleScreen)
        assert meaning(editor) == NORTHBRIDGE_MEANS
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        # Neil Foster leaves at the end of March: 13 in post from April, so 7 needed
        roster_screen = app.screen
        table = roster_screen.query_one("#roster", DataTable)
        table.move_cursor(row=[str(table.get_row_at(r)[1]) for r in range(table.row_count)].index("NF"))
        await pilot.press("x")
        await pilot.pause()
        end = app.screen.query_one("#end", Input)
        end.value = "31/03/2025"
        await pilot.press("enter")
        await pilot.pause()
        app.now = lambda: datetime(2025, 4, 2, 9, 0, tzinfo=ZoneInfo("Europe/London"))
        await pilot.press("q")
        await pilot.pause()
        assert meaning(app.screen).startswith("13 voting members in post: 7 needed, including")
        assert "• executive member: 3 in post (CB, JP, MP)" in text_of(app.screen, "#holders")
