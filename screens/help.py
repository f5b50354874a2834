"""F1: the keys that work where the clerk is, and what the app is for."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

ABOUT = (
    "secretary keeps the clerk's book: every change is saved the moment it is made — "
    "there is no Save command. Ctrl+P opens the command palette; Ctrl+Q quits."
)


def keys_text(screen: Screen) -> Text:
    """Each key that does something here, with what it does: the screen's own keys (the clerk's)
    first, then the app's, then the field's own (moving the text cursor and the like)."""
    text = Text()
    seen = set()
    for heading, bindings in _key_groups(screen):
        shown = [b for b in bindings if b.description and b.description not in seen]
        if not shown:
            continue
        if heading:
            text.append(f"\n{heading}\n", style="bold")
        for binding in shown:
            seen.add(binding.description)
            text.append(f"{screen.app.get_key_display(binding):>12}  ", style="bold")
            text.append(f"{binding.tooltip or binding.description}\n")
    return text


def _key_groups(screen: Screen) -> list[tuple[str, list[Binding]]]:
    own, app, field = [], [], []
    for active in screen.active_bindings.values():
        if not active.enabled:
            continue
        group = own if active.node is screen else app if active.node is screen.app else field
        group.append(active.binding)
    return [("", own), ("Anywhere", app), ("In the field being typed in", field)]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def __init__(self, for_screen: Screen) -> None:
        super().__init__()
        self.for_screen = for_screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(f"Help — {self.for_screen.__class__.__name__.removesuffix('Screen')}", classes="title")
            yield Static(ABOUT, classes="question")
            yield Static(keys_text(self.for_screen), id="keys")
