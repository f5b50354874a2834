"""A screen whose widgets are styled once when it is first shown, not twice.

Textual restyles every widget of a screen each time the screen is resumed, in case the theme or
the styles changed while it was covered. The first time a screen is shown its widgets were styled
as they were mounted, a moment before: styling them all again (35 widgets for the live screen, the
minute editor's text area among them) is a good part of opening it (issue 18). Later resumes,
after a dialog or a screen above it, restyle as Textual does.

A screen made ready before it is shown (screens/prepared.py) was styled a while before: if the
theme or the styles changed meanwhile (Textual counts such changes), it is restyled as usual.
"""

from __future__ import annotations

from textual import events


class StyledOnce:
    """Mixed into a Screen, before Screen: ScreenResume's handlers run in the class order."""

    _shown_before = False
    _styled_at: int | None = None  # Textual's count of style changes when the widgets were styled

    def _on_mount(self, event: events.Mount) -> None:
        self._styled_at = _style_changes(self.app)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            if self._styled_at is not None and self._styled_at == _style_changes(self.app):
                event.refresh_styles = False


def _style_changes(app) -> int | None:
    return getattr(app, "_css_update_count", None)  # private (Textual pinned: pyproject.toml); None: restyle
