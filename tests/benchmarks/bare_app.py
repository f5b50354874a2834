"""The baseline: a bare Textual app that shows one label. ``x`` pushes a second screen with one
label (the baseline for opening a screen), Escape goes back, Ctrl+Q quits."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label


class Pushed(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Label("pushed-screen-label")


class Bare(App):
    BINDINGS = [Binding("x", "push", "Push")]

    def compose(self) -> ComposeResult:
        yield Label("bare-app-label")

    def action_push(self) -> None:
        self.push_screen(Pushed())


if __name__ == "__main__":
    Bare().run()
