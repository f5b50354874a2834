"""What the footer line is made of: the keys it shows, picked as Textual's Footer picks them, and
their styles, worked out as Textual works out a FooterKey's (screens/footer.py draws them)."""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.style import Style
from textual.binding import ActiveBinding
from textual.color import Color
from textual.css.styles import StylesBase
from textual.dom import DOMNode
from textual.screen import Screen


class Shown(NamedTuple):
    """One thing on the line: a key (with its description, unless it is one of a group), or a
    group's description."""

    key: str  # the key to press ("" for a group's description)
    display: str  # the key as the footer shows it ("^n"), or the group's description
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""
    grouped: bool = False  # one key of a group: no description of its own
    compact_group: bool = False  # one key of a group drawn compact (Binding.Group(compact=True))
    group_end: bool = False  # the group's description, after its keys
    palette: bool = False  # the command palette's key, at the right edge


class Cell(NamedTuple):
    """A run of cells on the line: its text, its style, and the key it belongs to (if any)."""

    text: str
    style: Style
    key: int | None = None  # where the key is in the keys shown


def keys_shown(screen: Screen, palette: bool = True) -> tuple[Shown, ...]:
    """The keys a footer shows on ``screen``, in Textual's Footer's order: one key an action (the
    first bound), the keys of a group side by side followed by the group's description, the
    command palette's key last."""
    app = screen.app
    active = screen.active_bindings
    by_action: dict[str, ActiveBinding] = {}
    for found in active.values():
        if found.binding.show:
            by_action.setdefault(found.binding.action, found)
    shown: list[Shown] = []
    for group, run in groupby(by_action.values(), lambda found: found.binding.group):
        members = list(run)
        if group is not None and len(members) > 1:
            for _node, binding, enabled, tooltip in members:
                shown.append(Shown(binding.key, app.get_key_display(binding), "", binding.action, enabled,
                                   tooltip or binding.description, grouped=True, compact_group=group.compact))
            shown.append(Shown("", group.description, "", "", group_end=True))
        else:
            shown.extend(Shown(binding.key, app.get_key_display(binding), binding.description, binding.action,
                               enabled, tooltip)
                         for _node, binding, enabled, tooltip in members)
    if palette and app.ENABLE_COMMAND_PALETTE:
        found = active.get(app.COMMAND_PALETTE_BINDING)
        if found is not None:
            _node, binding, enabled, _tooltip = found
            shown.append(Shown(binding.key, app.get_key_display(binding), binding.description, binding.action,
                               enabled, binding.tooltip or binding.description, palette=True))
    return tuple(shown)


# --- styles, as DOMNode.rich_style works them out from the screen down ----------------------
# A state is (background, colour, text style, opacity) so far; a FooterKey's part is the footer's
# state with the key's own styles over it, then the part's (its component class) over those.

State = tuple[Color, Color, Style, float]


def state_of(node: DOMNode) -> State:
    """The state at ``node``: the styles of each of its ancestors, then its own."""
    state: State = (Color(0, 0, 0, 0), Color(255, 255, 255, 0), Style(), 1.0)
    for ancestor in reversed(node.ancestors_with_self):
        state = layer(state, ancestor.styles)
    return state


def layer(state: State, styles: StylesBase) -> State:
    """One more node's styles over ``state``."""
    background, color, style, opacity = state
    opacity *= styles.opacity
    if styles.has_rule("background"):
        tinted = styles.background.tint(styles.background_tint)
        text_background = background + tinted
        background = background + tinted.multiply_alpha(opacity)
    else:
        text_background = background
    if styles.has_rule("color"):
        color = styles.color
    style = style + styles.text_style
    if styles.has_rule("auto_color") and styles.auto_color:
        color = text_background.get_contrast_text(color.a)
    return background, color, style, opacity


def rich_style(state: State) -> Style:
    """The Rich style of text drawn in ``state``."""
    background, color, style, _opacity = state
    return style + Style.from_color(
        (background + color).rich_color if (background.a or color.a) else None,
        background.rich_color if background.a else None,
    )


def background_only(background: Color) -> Style:
    """The style of a cell of padding or margin: a background, no colour of its own."""
    return Style.from_color(None, background.rich_color if background.a else None)
