"""A screen made ready while the clerk reads the one below it (issue 18).

Opening a meeting's minutes (the live screen) is composing, styling and mounting its widgets,
reading the meeting and drawing its views, then laying out and drawing the frame. The meeting's
overview starts the first part a moment after it is drawn, while the clerk reads it: when ``s`` is
pressed the screen is pushed as it is, and only what changed since (the book, the item
highlighted, the time) is shown again.

Textual has no public way to start a screen that is not shown: pushing one loads its CSS, then
registers it with the app (which composes and mounts it). Both are private methods of ``App``;
Textual is pinned to the minor version they were checked against (pyproject.toml), and if a later
one drops either, nothing is prepared and the screen is built when pushed, as before.
"""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from screens.leaks import forget_removed_widgets

LEANS_ON = ("_load_screen_css", "_get_screen")
USABLE = all(callable(getattr(App, name, None)) for name in LEANS_ON)


def prepare(app: App, screen: Screen) -> Screen | None:
    """Start ``screen`` off the stack: its CSS loaded, its widgets composed and mounted as the app's
    messages allow. It is returned, or None where this Textual cannot."""
    if not USABLE:
        return None
    app._load_screen_css(screen)
    app._get_screen(screen)  # registers the screen with the app: it composes and mounts itself
    return screen


def discard(app: App, screen: Screen | None) -> None:
    """A screen prepared and not shown after all: removed with its widgets (a screen that was shown
    is Textual's to remove, when it is popped)."""
    if screen is not None and screen.is_attached and screen not in app.screen_stack \
            and not app.is_screen_installed(screen):
        removed = screen.remove()

        async def forget() -> None:  # and what Textual holds of its widgets let go (screens/leaks.py)
            await removed
            forget_removed_widgets(app)

        app.call_next(forget)
