"""The private Textual names the app leans on are still there. Textual is pinned to the minor
version they were checked against (pyproject.toml); when an upgrade removes one, this fails,
so the upgrade is a conscious act — and the app still starts, without that workaround."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import textual
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal

from screens import footer, leaks


def test_the_names_the_footer_leans_on_are_there() -> None:
    assert footer.USABLE, footer.MISSING
    assert footer.Footer is footer.FooterLine
    assert isinstance(Screen().bindings_updated_signal, Signal)  # made by each screen, not on the class


async def test_the_theme_has_the_colours_the_footer_is_drawn_in() -> None:
    """The footer's styles name Textual's footer colours ($footer-key-foreground…): a theme
    without one would stop the app at its first screen."""
    used = set(re.findall(r"\$([\w-]+)", footer.FooterLine.DEFAULT_CSS))
    app = App()
    async with app.run_test():
        assert used - set(app.get_css_variables()) == set()
    assert {"footer-key-foreground", "footer-item-background", "block-hover-background"} <= used


def test_the_styles_cache_the_leak_workaround_clears_is_there() -> None:
    assert leaks.StylesCache is not None
    assert callable(getattr(leaks.StylesCache.get_inner_outer, "cache_clear", None))


def test_the_app_s_last_safety_net_overrides_a_method_textual_still_calls() -> None:
    assert callable(getattr(App, "_handle_exception", None))


def test_the_frame_after_a_batch_of_updates_is_drawn_whole_through_names_textual_still_has() -> None:
    """SecretaryApp._display: Textual calls it with each frame, and a frame not written (during a
    batch) marks the screen's compositor as wholly to be drawn again."""
    assert callable(getattr(App, "_display", None))
    compositor = Screen()._compositor
    assert isinstance(compositor._dirty_regions, set) and compositor.size is not None


def test_textual_is_pinned_to_the_minor_version_checked() -> None:
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    pin = next(d for d in project["project"]["dependencies"] if d.startswith("textual"))
    major, minor = textual.__version__.split(".")[:2]
    assert f">={major}.{minor}" in pin and f"<{major}.{int(minor) + 1}" in pin


def test_the_app_still_starts_when_the_private_names_are_gone() -> None:
    code = ("import sys, textual.screen as s, textual.widgets as w\n"
            "sys.modules['textual._styles_cache'] = None\n"
            "del s.Screen.update_pointer_shape\n"
            "from screens import footer, leaks\n"
            "assert leaks.StylesCache is None and footer.Footer is w.Footer\n"
            "from screens.app import SecretaryApp\n"
            "leaks.forget_removed_widgets(SecretaryApp(None))\n"
            "print('started')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "started", out.stderr


async def test_a_widget_is_styled_as_it_is_mounted_not_as_it_is_made(book) -> None:
    """The app does not restyle a widget whose classes change before it is in a screen (a compact
    Input did, as it was made); it is styled, classes and all, as it is mounted, and restyled on
    every change after that, as Textual does."""
    from textual.widgets import Input

    from screens.app import SecretaryApp

    app = SecretaryApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        styled: list = []
        update_nodes = app.stylesheet.update_nodes

        def counting(nodes, animate: bool = False) -> None:
            nodes = list(nodes)
            styled.extend(nodes)
            update_nodes(nodes, animate=animate)

        app.stylesheet.update_nodes = counting
        field = Input(compact=True, id="made")
        field.add_class("-invalid")
        assert styled == []  # not in a screen: nothing to style yet
        await app.screen.mount(field)
        await pilot.pause()
        assert field.styles.height.value == 1 and field.styles.border_top[0] in ("", "none")  # compact
        assert field.styles.background_tint.a > 0  # and -invalid's tint: the classes it was made with
        field.remove_class("-invalid")
        assert field in styled  # mounted: a change of class restyles it at once
        assert field.styles.background_tint.a == 0
