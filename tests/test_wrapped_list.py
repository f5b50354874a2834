"""The list of entries wrapped to its width under a title (screens/wrapped_list.py), driven by
keys and the mouse as the home screen's clerk drives its bodies: what is drawn, where the
cursor is, what it tells, and that it looks as the OptionList it replaced."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import OptionList

from screens.wrapped_list import WrappedList
from tests.pilot import drawn_cells

NAMES = [
    "Audit & Risk Assurance Committee",
    "Board",
    "Primary Care Commissioning & Assurance Committee",
    "[bold]Trustees[/bold]",  # the clerk's words, never read as markup
    "Quality Committee",
]


class Listing(App):
    CSS = "WrappedList { width: 30; height: 1fr; border: none; }"

    def __init__(self) -> None:
        super().__init__()
        self.told: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield WrappedList("Bodies", id="bodies")

    def on_wrapped_list_row_highlighted(self, event: WrappedList.RowHighlighted) -> None:
        self.told.append(("highlighted", event.row))

    def on_wrapped_list_row_selected(self, event: WrappedList.RowSelected) -> None:
        self.told.append(("selected", event.row))


async def listing(pilot, names: list[str] = NAMES) -> WrappedList:
    """The list, given ``names`` and the focus, drawn."""
    bodies = pilot.app.query_one(WrappedList)
    bodies.load(names, lambda name: name)
    bodies.focus()
    await pilot.pause()
    return bodies


def screen_lines(app: App, width: int = 30) -> list[str]:
    return [strip.text[:width].rstrip() for strip in app.screen._compositor.render_strips()]


def backgrounds(app: App, widget: WrappedList) -> list[set[str]]:
    """Each line's background colours between the margins."""
    region = widget.content_region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return [{segment.style.bgcolor.triplet.hex for segment in strip.crop(region.x + 1, region.x + 27)}
            for strip in strips]


async def test_each_entry_takes_the_lines_its_words_need_under_the_title() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        bodies = await listing(pilot)
        assert screen_lines(app)[:9] == [
            " Bodies",
            " Audit & Risk Assurance",  # 28 cells for the words: a margin each side
            " Committee",
            " Board",
            " Primary Care Commissioning &",  # 28 cells: just fits
            " Assurance Committee",
            " [bold]Trustees[/bold]",
            " Quality Committee",
            "",
        ]
        assert [line.plain for line in bodies.get_row_at(2)] == ["Primary Care Commissioning &", "Assurance Committee"]
        highlight = {app.theme_variables["block-cursor-background"].lower()}
        colours = backgrounds(app, bodies)
        assert colours[1] == colours[2] == highlight  # both lines of the first entry
        assert colours[3] != highlight

        await pilot.press("down", "down")
        await pilot.pause()
        colours = backgrounds(app, bodies)
        assert colours[4] == colours[5] == highlight and colours[1] != highlight and colours[3] != highlight
        await pilot.press("enter")
        await pilot.pause()
        assert app.told == [("highlighted", 1), ("highlighted", 2), ("selected", 2)]
        bodies.title = "Boards and committees"
        await pilot.pause()
        assert screen_lines(app)[:2] == [" Boards and committees", " Audit & Risk Assurance"]


async def test_a_click_on_any_line_of_an_entry_selects_that_entry() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        bodies = app.query_one(WrappedList)
        bodies.load(NAMES, lambda name: name)
        await pilot.pause()
        await pilot.click(WrappedList, offset=(5, 5))  # the second line of "Primary Care…"
        await pilot.pause()
        assert bodies.cursor_row == 2 and app.told == [("highlighted", 2), ("selected", 2)]
        await pilot.click(WrappedList, offset=(5, 0))  # the title: nothing
        await pilot.pause()
        assert bodies.cursor_row == 2 and len(app.told) == 2


async def test_a_narrower_list_wraps_again_and_keeps_the_cursor_in_view() -> None:
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        bodies = await listing(pilot)
        await pilot.press("end")
        await pilot.pause()
        bodies.styles.width = 14
        await pilot.pause()
        await pilot.pause()
        shown = screen_lines(app, 14)
        assert shown[0] == " Bodies"
        assert bodies.virtual_size.height == 1 + sum(len(bodies.get_row_at(n)) for n in range(len(NAMES)))
        assert bodies.virtual_size.height > 12 and bodies.scroll_y > 0  # more than it holds: it scrolls
        assert " Committee" in shown and " Quality" in shown  # the last entry, in view, cursor on it
        assert all(len(line) <= 14 for line in shown)


async def test_many_entries_scroll_under_the_title_and_page_by_what_is_in_view() -> None:
    names = [f"Committee number {n} of the board of trustees" if n % 3 == 0 else f"Panel {n}" for n in range(60)]
    app = Listing()
    async with app.run_test(size=(60, 12)) as pilot:
        bodies = await listing(pilot, names)
        tall = sum(len(bodies.get_row_at(n)) for n in range(60))
        assert tall > 60 and bodies.virtual_size.height == 1 + tall  # the long names take two lines
        await pilot.press("pagedown")
        await pilot.pause()
        first = bodies.cursor_row
        assert 0 < first < 60 and screen_lines(app)[0] == " Bodies"  # the title stays as the entries scroll
        assert any(line.startswith(f" {names[first].split(' of ')[0]}") for line in screen_lines(app)[1:])
        await pilot.press("pagedown")
        await pilot.pause()
        assert bodies.cursor_row > first
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert bodies.cursor_row == 0 and bodies.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert bodies.cursor_row == 59 and screen_lines(app)[-1] == " Panel 59"
        assert screen_lines(app)[0] == " Bodies"
        await pilot.press("up")
        await pilot.pause()
        assert bodies.cursor_row == 58


class Both(App):
    """The same names in an OptionList (the look the list copies) and in a WrappedList."""

    CSS = "OptionList, WrappedList { height: 8; width: 30; border: none; }"

    def compose(self) -> ComposeResult:
        yield OptionList(*NAMES, id="options", markup=False)
        yield WrappedList(None, id="bodies")


async def test_the_list_looks_as_an_option_list_does() -> None:
    """Cell for cell the same words, colours and styles, focused and not, with the highlight on
    an entry of two lines."""
    app = Both()
    async with app.run_test(size=(80, 20)) as pilot:
        options, bodies = app.query_one(OptionList), app.query_one(WrappedList)
        bodies.load(NAMES, lambda name: name)
        options.highlighted = 2
        bodies.move_cursor(row=2)
        await pilot.pause()

        def same(drawn: list[list[tuple]], other: list[list[tuple]]) -> bool:
            """The same entries' lines; below them, the same blank (spaces whose colour is nobody's)."""
            return drawn[:7] == other[:7] and [{c[2] for c in line} for line in drawn[7:]] == \
                [{c[2] for c in line} for line in other[7:]]

        app.set_focus(None)
        await pilot.pause()
        assert same(drawn_cells(app, options), drawn_cells(app, bodies))
        options.focus()
        await pilot.pause()
        focused = drawn_cells(app, options)
        bodies.focus()
        await pilot.pause()
        assert same(drawn_cells(app, bodies), focused)
        words = ["".join(cell[0] for cell in line).rstrip() for line in focused]
        assert words[3:5] == [" Primary Care Commissioning &", " Assurance Committee"]
        assert len({line[3][2] for line in focused}) == 2  # the highlight's background and the others'


async def test_page_down_leaves_an_entry_taller_than_the_list() -> None:
    names = [" ".join(["word"] * 80), "Board", "Panel"]
    app = Listing()
    async with app.run_test(size=(60, 8)) as pilot:
        bodies = await listing(pilot, names)
        assert len(bodies.get_row_at(0)) > 8  # taller than the list
        await pilot.press("pagedown")
        await pilot.pause()
        assert bodies.cursor_row == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert bodies.cursor_row == 2
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert bodies.cursor_row == 0


async def test_the_first_drawing_is_wrapped_at_the_width_the_list_is_given(monkeypatch) -> None:
    """Before it is laid out the list wraps at the width its styles give (here 30, which half of a
    40-column screen is not): it is drawn wrapped at the width it has, from the first frame."""
    drawn_at: list[int] = []
    render_lines = WrappedList.render_lines

    def recording(widget, crop):
        strips = render_lines(widget, crop)
        drawn_at.append(widget._wrapped_at)
        return strips

    monkeypatch.setattr(WrappedList, "render_lines", recording)

    class Half(Listing):
        CSS = "WrappedList { width: 30; max-width: 50%; height: 1fr; border: none; }"

    app = Half()
    async with app.run_test(size=(40, 12)) as pilot:
        await listing(pilot)
        await pilot.pause()
        assert drawn_at and set(drawn_at) == {18}  # 20 less a margin each side, every time drawn
        assert screen_lines(app, 20)[1:4] == [" Audit & Risk", " Assurance", " Committee"]
