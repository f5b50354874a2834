"""A tick box that looks and answers as Textual's compact Checkbox does ("▐X▌ label": Space,
Enter or a click ticks it, ``Changed`` says so), with a few style rules of its own.

The live screen's "taken as read" was a Checkbox. Textual matches every Checkbox against the
toggle buttons' many nested rules (terminal colours, compact, focus, hover, on) for itself and
its two parts as the screen opens: 1-2 ms of every opening of the minutes (issue 18)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

LEFT, INNER, RIGHT = "▐", "X", "▌"  # as ToggleButton draws its button


class TickBox(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "toggle", "Toggle", show=False)]
    COMPONENT_CLASSES = {"tick-box--button", "tick-box--label"}
    DEFAULT_CSS = """
    TickBox { width: auto; height: 1; background: $surface; pointer: pointer; }
    TickBox > .tick-box--button { color: $panel-darken-2; background: $panel; }
    TickBox.-on > .tick-box--button { color: $text-success; }
    TickBox:focus { background-tint: $foreground 5%; }
    TickBox:focus > .tick-box--label {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    TickBox:blur:hover > .tick-box--label { background: $block-hover-background; }
    """

    value: reactive[bool] = reactive(False, init=False)

    class Changed(Message):
        """The box was ticked or unticked."""

        def __init__(self, tick_box: TickBox, value: bool) -> None:
            super().__init__()
            self.tick_box = tick_box
            self.value = value

        @property
        def control(self) -> TickBox:
            return self.tick_box

    def __init__(self, label: str, value: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label = label
        if value:
            self.set_reactive(TickBox.value, True)
            self.add_class("-on")

    def watch_value(self, value: bool) -> None:
        self.set_class(value, "-on")
        self.post_message(self.Changed(self, value))

    def action_toggle(self) -> None:
        self.value = not self.value

    async def _on_click(self, _event: events.Click) -> None:
        self.value = not self.value

    def render(self) -> Content:
        button = self.get_visual_style("tick-box--button")
        side = Style(foreground=button.background, background=self.background_colors[1])
        label = Content(self.label).pad(1, 1).stylize_before(self.get_visual_style("tick-box--label"))
        return Content.assemble((LEFT, side), (INNER, button), (RIGHT, side), label)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 3 + 2 + Content(self.label).cell_length

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1
