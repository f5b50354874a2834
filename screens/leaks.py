"""Two places where Textual 8 keeps widgets after they are removed, worked around here.

Every widget kept makes each full pass of Python's collector slower, and the clerk opens and
leaves screens all day: kept, they turned opening the live screen into a 100-200 ms pause
every few times (DESIGN.md §8).

- A widget's watch on another object's reactive (the title line on the app's title, a TextArea
  on its theme; Textual's FooterKey on its Footer, where that footer is used) stays until that
  value next changes, holding the widget (Textualize/textual#6666).
- ``StylesCache.get_inner_outer`` is an ``lru_cache`` on a method, so it keeps the style caches
  of up to 1,024 widgets, each with its rendered lines (Textualize/textual#6665).

If Textual fixes either, the code here finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import App
from textual.dom import DOMNode

try:  # a private module (Textual pinned to the minor version this was checked against: pyproject.toml)
    from textual._styles_cache import StylesCache
except ImportError:  # gone in a later Textual: that workaround is skipped, the app still starts
    StylesCache = None


def forget_removed_widgets(app: App) -> None:
    """Drop what Textual still holds of widgets removed from the screens (cheap: a walk of the
    widgets on the screen stack)."""
    for node in _nodes(app):
        watches = node.__dict__.get("__watchers")  # where DOMNode.watch keeps them
        for watchers in (watches or {}).values():
            # the test Textual itself applies when the value changes
            watchers[:] = [(watcher, callback) for watcher, callback in watchers if not watcher._closing]
    clear = getattr(getattr(StylesCache, "get_inner_outer", None), "cache_clear", None)
    if clear is not None:
        clear()  # a handful of colour pairs, computed again at once


def _nodes(app: App) -> Iterator[DOMNode]:
    yield app
    for screen in app.screen_stack:
        yield from screen.walk_children(with_self=True)
