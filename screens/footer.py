"""The footer every screen shows: the screen's keys on one line, drawn by one widget.

Textual's Footer is a container of one FooterKey widget per key. It composes empty, then again
once the screen's bindings are known, and again whenever they may have changed: each screen
opened paid for a second compose and layout pass and for 7–15 widgets, each with its styles,
watchers and render. ``FooterLine`` draws the same line itself — the same keys in the same
order, with the styles of Textual's FooterKey (its component classes ``footer-key--key`` and
``footer-key--description`` and its colours), the command palette's key at the right — and
draws it again only when the keys it shows, or the one under the mouse, change. A click on a key
runs that key's action where the key is bound; the key under the mouse is highlighted, and
shows its tooltip.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.css.styles import StylesBase
from textual.reactive import reactive
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from screens.footer_parts import Cell, Shown, State, background_only, keys_shown, layer, rich_style, state_of

# What this leans on that Textual may change: the signal a screen sends when its bindings may have
# changed (made in Screen.__init__; Textual's Footer listens to it too) and the names below.
# Textual is pinned to the minor version they were checked against; if a later Textual drops
# one, Textual's own footer is used as it is.
LEANS_ON = {Screen: ("active_bindings", "update_pointer_shape"),
            App: ("COMMAND_PALETTE_BINDING", "ENABLE_COMMAND_PALETTE", "get_key_display")}
MISSING = [f"{owner.__name__}.{name}" for owner, names in LEANS_ON.items() for name in names
           if not hasattr(owner, name)]
if "bindings_updated_signal" not in Screen.__init__.__code__.co_names:
    MISSING.append("Screen.bindings_updated_signal")
USABLE = not MISSING

# the widgets a screen keeps in view when one of its fields is maximized (App's is "Footer")
IN_MAXIMIZED_VIEW = "Footer, FooterLine"

# left edges of Textual's borders (the palette's key has a vkey one)
LEFT_EDGES = {"vkey": "▏", "tall": "▊", "outer": "▌", "inner": "▐", "thick": "█", "wide": "▁"}
NO_EDGE = ("", "none", "hidden", "blank")


class FooterLine(Widget, can_focus=False):
    """The screen's keys on one line, as Textual's Footer shows them."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key",  # a key as a whole (Textual's FooterKey)
        "footer-key--hover",  # FooterKey:hover
        "footer-key--disabled",  # FooterKey.-disabled
        "footer-key--key",
        "footer-key--description",
        "footer-key--key-compact",  # their paddings in a compact footer (FooterKey.-compact)
        "footer-key--description-compact",
        "footer-key--palette",  # FooterKey.-command-palette
        "footer-label",  # a group's description (Textual's FooterLabel)
    }
    # The colours, paddings and margins of Textual's Footer, FooterKey, KeyGroup and FooterLabel.
    # The palette's key is drawn compact whatever the footer (Textual's is not bound to the
    # footer's compact), and keeps a cell of its own at the right in the compact footer too (in
    # Textual's that cell showed whatever key lay under it: "^p palettee").
    DEFAULT_CSS = """
    FooterLine {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key {
            background: $footer-item-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .footer-key--disabled {
            text-style: dim;
        }
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--key-compact {
            padding: 0;
        }
        .footer-key--description-compact {
            padding: 0 0 0 1;
        }
        .footer-key--palette {
            padding: 0 1 0 0;
            border-left: vkey $foreground 20%;
        }
        .footer-label {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    compact = reactive(False, toggle_class="-compact")
    """Display in compact style."""
    show_command_palette = reactive(True)
    """Show the key to invoke the command palette, on the right."""

    def __init__(self, *children: Widget, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False, show_command_palette: bool = True,
                 compact: bool = False) -> None:
        super().__init__(*children, name=name, id=id, classes=classes, disabled=disabled)
        self.set_reactive(FooterLine.show_command_palette, show_command_palette)
        self.set_reactive(FooterLine.compact, compact)
        self.set_class(compact, "-compact", update=False)
        self._shown: tuple[Shown, ...] | None = None  # the keys on the line (None: not read yet)
        self._pending = False  # a reading of the keys waits for the next refresh
        self._hover: int | None = None  # the key under the mouse
        self._scroll = 0  # cells scrolled out at the left (the mouse wheel, when the keys overflow)
        self._styles: dict[tuple[str, ...], StylesBase] = {}
        self._cells: tuple[tuple, tuple[list[Cell], list[Cell]]] | None = None  # and what they were made for
        self._line: tuple[tuple, Strip] | None = None  # the line drawn, and what it was drawn for

    # --- which keys -------------------------------------------------------------------------

    @property
    def shown(self) -> tuple[Shown, ...]:
        """The keys on the line, from the left (the palette's key last)."""
        if self._shown is None:
            self._shown = keys_shown(self.screen, self.show_command_palette)
        return self._shown

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)  # the focus may have settled before this was listening

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """The screen's keys may have changed (the focus moved, a key was enabled): read them
        once the screen is next drawn, however often this is called meanwhile."""
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._read_keys)

    def _read_keys(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = keys_shown(self.screen, self.show_command_palette)
        if shown != self._shown:  # drawn again only if what it shows changed
            self._shown = shown
            self._hover, self._scroll = None, 0
            self.tooltip = None
            self.refresh()

    def _watch_show_command_palette(self) -> None:
        if self._shown is not None:
            self._read_keys()

    # --- the mouse --------------------------------------------------------------------------

    def _key_at(self, x: int) -> int | None:
        """The key drawn at ``x`` (the palette's key lies over the others), if any."""
        keys, palette = self._placed()
        start = self.size.width - _width(palette)
        cells, x = (palette, x - start) if palette and x >= start else (keys, x + self._scroll)
        for cell in cells:
            if x < len(cell.text):
                return cell.key
            x -= len(cell.text)
        return None

    def _hover_over(self, key: int | None) -> None:
        if key == self._hover:
            return
        self._hover = key
        self.tooltip = (self.shown[key].tooltip or None) if key is not None else None
        self.styles.pointer = "default" if key is None else "pointer"
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_over(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """The key's action, run where the key is bound, as if the key were pressed (a disabled
        key rings the bell)."""
        index = self._key_at(event.x)
        if index is None:
            return
        event.stop()
        entry = self.shown[index]
        found = self.screen.active_bindings.get(entry.key)
        if not entry.enabled or (found is not None and not found.enabled):
            self.app.bell()
        elif found is None or found.binding.action != entry.action:
            self.app.simulate_key(entry.key)  # the keys changed since the line was drawn
        else:
            self.app.call_next(self.app.run_action, entry.action, found.node)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(event, round(self.app.scroll_sensitivity_x))

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(event, -round(self.app.scroll_sensitivity_x))

    def _scroll_by(self, event: events.MouseEvent, cells: int) -> None:
        """Keys cut at the right come into view under the wheel, as in Textual's footer."""
        keys, palette = self._placed()
        most = max(0, _width(keys) - (self.size.width - _width(palette)))
        scroll = min(max(0, self._scroll + cells), most)
        if scroll != self._scroll:
            self._scroll = scroll
            self._hover_over(None)
            self.refresh()
            event.stop()
            event.prevent_default()

    # --- drawing ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cells = self._line = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y:  # one line high, unless a screen's styles say otherwise
            return Strip.blank(width, background_only(state_of(self)[0]))
        self._placed()  # made again if the keys, the one under the mouse or compact changed
        if self._line is None or self._line[0] != (width, self._scroll):
            self._line = ((width, self._scroll), self._draw(width))
        return self._line[1]

    def _draw(self, width: int) -> Strip:
        """The keys from the left edge, cut at the right, and the palette's key over them there."""
        keys, palette = self._placed()
        blank = background_only(state_of(self)[0])  # as the footer draws where it has no key
        line = Strip([Segment(cell.text, cell.style) for cell in keys])
        line = line.crop(self._scroll, self._scroll + width).adjust_cell_length(width, blank)
        if palette:
            start = max(0, width - _width(palette))
            over = Strip([Segment(cell.text, cell.style) for cell in palette]).crop(0, width - start)
            line = Strip.join([line.crop(0, start), over])
        return line.simplify()

    def _placed(self) -> tuple[list[Cell], list[Cell]]:
        """The cells of the keys, from the left edge, and those of the palette's key (docked right)."""
        made_for = (self.shown, self._hover, self.compact)
        if self._cells is None or self._cells[0] != made_for:
            keys: list[Cell] = []
            palette: list[Cell] = []
            for cell in self._make_cells():
                (palette if cell.key is not None and self.shown[cell.key].palette else keys).append(cell)
            self._cells, self._line = (made_for, (keys, palette)), None
        return self._cells[1]

    def _make_cells(self) -> list[Cell]:
        footer = state_of(self)
        blank = background_only(footer[0])
        shown, compact = self.shown, self.compact
        cells: list[Cell] = []
        for index, entry in enumerate(shown):
            if entry.grouped:
                # KeyGroup: a cell before the group's keys and after each (their margins, collapsing),
                # or, in a compact group, keys side by side between its padding and its margin
                if index == 0 or not shown[index - 1].grouped:
                    cells.append(Cell(" ", blank))
                cells.extend(self._key_cells(index, footer))
                if not entry.compact_group or not shown[index + 1].grouped:
                    cells.append(Cell(" ", blank))
            elif entry.group_end:  # FooterLabel
                cells.append(Cell(entry.display, rich_style(layer(footer, self._component("footer-label")))))
                if not compact:
                    cells.append(Cell(" ", blank))
            elif entry.palette:
                cells.extend(self._palette_cells(index, footer))
            else:
                cells.extend(self._key_cells(index, footer))
                if compact:
                    cells.append(Cell(" ", blank))
        return cells

    def _component(self, *names: str) -> StylesBase:
        if names not in self._styles:
            self._styles[names] = self.get_component_styles(*names)
        return self._styles[names]

    def _key_state(self, index: int, footer: State) -> State:
        names = ["footer-key"]
        if index == self._hover:
            names.append("footer-key--hover")
        if not self.shown[index].enabled:
            names.append("footer-key--disabled")
        return layer(footer, self._component(*names))

    def _key_cells(self, index: int, footer: State) -> list[Cell]:
        """A key as FooterKey renders it: the key, then its description, each in its own style
        over the key's."""
        entry = self.shown[index]
        state = self._key_state(index, footer)
        under = rich_style(state)
        compact = ("-compact",) if self.compact or entry.palette else ()
        key_styles = self._component("footer-key--key", *(f"footer-key--key{c}" for c in compact))
        key_style = under + rich_style(layer(state, key_styles))
        if not entry.description:
            return [Cell(entry.display, key_style, index)]
        description_styles = self._component("footer-key--description",
                                             *(f"footer-key--description{c}" for c in compact))
        description_style = under + rich_style(layer(state, description_styles))
        key, description = key_styles.padding, description_styles.padding
        return [Cell(" " * key.left + entry.display + " " * key.right, key_style, index),
                Cell(" " * description.left + entry.description + " " * description.right, description_style,
                     index)]

    def _palette_cells(self, index: int, footer: State) -> list[Cell]:
        """The palette's key: an edge on its left, the key, padding on its right."""
        styles = self._component("footer-key--palette")
        inner = self._key_state(index, footer)[0]  # the key's background, over the footer's
        cells = []
        edge, edge_colour = styles.border.left
        if edge not in NO_EDGE:
            # as Textual draws a border: its colour over the footer's background, on the key's
            edge_style = Style.from_color((footer[0] + edge_colour).rich_color, inner.rich_color)
            cells.append(Cell(LEFT_EDGES.get(edge, "▏"), edge_style, index))
        cells.extend(self._key_cells(index, footer))
        if styles.padding.right:
            cells.append(Cell(" " * styles.padding.right, background_only(inner), index))
        return cells


def _width(cells: list[Cell]) -> int:
    return sum(len(cell.text) for cell in cells)


if USABLE:
    Footer = FooterLine
else:
    from textual.widgets import Footer  # noqa: F401 — imported only then: it is not needed otherwise


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
