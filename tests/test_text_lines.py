"""Lines of text drawn by one widget (screens/text_lines.py): a pane that scrolls under a heading
that stays, wrapped to its width beside a scrollbar only when one is needed; and blocks of lines
one under another, each cut to its own number of rows, an empty one taking no room."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.strip import Strip

from screens.text_lines import TextLines, TextParts


class Headed(TextLines):
    HEADING = 1

    def heading_line(self, y: int, width: int, base_style: Style) -> Strip:
        return self.line_strip(Text("Heading"), width, base_style)


class Blocks(TextParts):
    PARTS = (("first", "", 2), ("second", "", None))


class Host(App):
    CSS = """
    Headed { width: 21; height: 6; padding: 0 0 0 1; }
    Blocks { width: 20; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Headed(wrap=True)
            yield Blocks()


def rows(widget, count: int) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(count)]


async def test_lines_wrap_to_the_pane_and_beside_a_scrollbar_only_when_they_overflow() -> None:
    app = Host()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(Headed)
        assert pane.show([Text("one two three four five six"), Text("seven")])
        await pilot.pause()
        # 20 cells inside the padding: the first line wraps once, and no scrollbar is needed
        assert [row.plain.rstrip() for row in pane.rows] == ["one two three four", "five six", "seven"]
        assert not pane.show([Text("one two three four five six"), Text("seven")])  # the same: nothing to do
        assert rows(pane, 4) == ["Heading", "one two three four", "five six", "seven"]

        many = [Text(f"line {n} of a list abc") for n in range(8)]  # 20 cells each
        pane.show(many)
        await pilot.pause()
        # more rows than the pane's five under its heading: wrapped beside the scrollbar's column,
        # where each of the lines, a cell too wide, takes two rows
        assert pane.show_vertical_scrollbar
        assert [row.plain.rstrip() for row in pane.rows[:2]] == ["line 0 of a list", "abc"]
        assert len(pane.rows) == 16 and pane.virtual_size.height == 1 + 16

        pane.scroll_to(y=3, animate=False)
        await pilot.pause()
        assert rows(pane, 2) == ["Heading", pane.rows[3].plain.rstrip()]  # the heading stays as the lines scroll
        assert pane.plain.splitlines() == [line.plain for line in many]


async def test_a_line_too_wide_is_cut_when_the_pane_does_not_wrap() -> None:
    app = Host()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(Headed)
        pane.wrap = False
        pane.show([Text("a line much longer than the pane is wide")])
        await pilot.pause()
        assert rows(pane, 2)[1] == "a line much longer …"


async def test_blocks_are_cut_to_their_rows_and_an_empty_one_takes_no_room() -> None:
    app = Host()
    async with app.run_test(size=(40, 20)) as pilot:
        blocks = app.query_one(Blocks)
        await pilot.pause()
        assert blocks.size.height == 0  # nothing to say: no room taken

        blocks.show("first", "a\nb\nc")
        await pilot.pause()
        assert blocks.size.height == 2 and rows(blocks, 2) == ["a", "b"]  # at most two rows
        assert blocks.part("first") == "a\nb\nc"  # what it was given, all of it

        blocks.show("second", Text("words that wrap onto a second row"))
        await pilot.pause()
        assert rows(blocks, 4) == ["a", "b", "words that wrap onto", "a second row"]
        assert blocks.size.height == 4

        assert not blocks.show("first", "a\nb\nc")  # the same words: not laid out again
        blocks.show("first", "")
        await pilot.pause()
        assert rows(blocks, 2) == ["words that wrap onto", "a second row"] and blocks.size.height == 2
