"""The footer every screen shows: Textual's, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys each time the screen says its bindings may have changed:
on every change of focus, and several times while a screen opens (six times for the live
screen, some 110 widgets made, styled and thrown away). Rebuilt here at most once per refresh,
and not at all when the keys, their descriptions and whether they are enabled are what the
footer already shows.
"""

from __future__ import annotations

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


# private names this relies on (Textual is pinned to the minor version they were checked against);
# if a later Textual drops them, Textual's own footer is used as it is
PRIVATE_NAMES = ("_bindings_ready", "bindings_changed")
USABLE = all(hasattr(TextualFooter, name) for name in PRIVATE_NAMES)


class QuietFooter(TextualFooter):
    # the palette key is docked right: with the compact footer's margin, the cell after it showed
    # whatever key lay under it ("^p palettee")
    DEFAULT_CSS = """
    QuietFooter.-compact FooterKey.-command-palette { margin-right: 0; padding-right: 1; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pending = False  # a rebuild is waiting for the next refresh
        self._showing: tuple | None = None  # the keys as last composed

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if self.is_attached and self._keys() != self._showing:
            await self.recompose()

    def compose(self):
        self._showing = self._keys()
        yield from super().compose()

    def _keys(self) -> tuple | None:
        if not self._bindings_ready:
            return None
        app = self.app
        return tuple(  # only the keys it shows: a field's hidden keys coming and going change nothing here
            (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip,
             binding.group)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values() if binding.show
        )


Footer = QuietFooter if USABLE else TextualFooter


class KeysInOrder:
    """For a screen: its own keys come first, in the order of its BINDINGS (the footer, F1 and the
    palette show them in that order). Without this a key the focused field also binds (the text
    editor's F6 and F7) is listed where the field lists it, before the screen's first key."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        found = super().active_bindings
        place = {binding.action: index for index, binding in enumerate(Binding.make_bindings(self.BINDINGS))}
        ordered = sorted(found.items(), key=lambda pair: (pair[1].node is not self,
                                                          place.get(pair[1].binding.action, len(place))))
        return dict(ordered)
