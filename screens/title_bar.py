"""The line at the top of every screen: the palette's icon, then the screen's title and what it
shows, centred. It looks as Textual's Header does, drawn as one widget rather than four (the
Header's icon, title and clock space are each a widget with its own styles, layout and watches):
the first screen is up sooner (issue 18), and every screen opens with less to build.

A click on the icon opens the command palette, as on the Header.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8  # the Header's icon: one cell of padding, the icon, the rest blank
RIGHT = 10  # the Header's clock space, kept blank so the title sits where it always has


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def _on_mount(self, _event: events.Mount) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._retitle, init=False)
            self.watch(owner, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def title_content(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render(self) -> RenderResult:
        width = self.content_region.width or self.size.width
        middle = max(0, width - ICON_WIDTH - RIGHT)
        title = self.title_content().rstrip().truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2  # centred as the Header's content-align does
        return Content.assemble(f" {ICON}".ljust(ICON_WIDTH + left), title)

    async def _on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
