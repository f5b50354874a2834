"""The tick box (screens/tick_box.py): it looks as Textual's compact Checkbox does, and Space,
Enter and a click tick and untick it, each saying so."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Checkbox

from screens.tick_box import TickBox


class Host(App):
    AUTO_FOCUS = None  # neither focused until a test says

    def __init__(self) -> None:
        super().__init__()
        self.told: list[bool] = []

    def compose(self) -> ComposeResult:
        yield TickBox("taken as read", id="tick")
        yield Checkbox("taken as read", id="check", compact=True)

    def on_tick_box_changed(self, event: TickBox.Changed) -> None:
        assert event.control is self.query_one(TickBox)
        self.told.append(event.value)


def drawn(widget) -> list[tuple[str, object, object]]:
    """Each cell's character and colours as the widget draws its line."""
    cells = []
    for segment in widget.render_line(0):
        for character in segment.text:
            cells.append((character, segment.style.color, segment.style.bgcolor))
    return cells


async def test_space_enter_and_a_click_tick_and_untick_it() -> None:
    app = Host()
    async with app.run_test(size=(40, 6)) as pilot:
        box = app.query_one(TickBox)
        box.focus()
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert box.value is True and box.has_class("-on")
        await pilot.press("enter")
        await pilot.click("#tick")
        await pilot.pause()
        assert app.told == [True, False, True]


async def test_it_looks_as_the_compact_checkbox_does_ticked_or_not_focused_or_not() -> None:
    app = Host()
    async with app.run_test(size=(40, 6)) as pilot:
        box, check = app.query_one(TickBox), app.query_one(Checkbox)
        await pilot.pause()
        assert box.size.width == check.size.width == len("▐X▌ taken as read ")
        assert drawn(box) == drawn(check)
        box.value = check.value = True
        await pilot.pause()
        assert drawn(box) == drawn(check)
        box.focus()
        await pilot.pause()
        box_focused = drawn(box)
        assert box_focused != drawn(check)  # the focus shows
        check.focus()
        await pilot.pause()
        assert drawn(check) == box_focused
        box.disabled = check.disabled = True  # a meeting that cannot be edited
        await pilot.pause()
        assert drawn(box) == drawn(check)
        await pilot.press("space")
        assert box.value is True
