"""A recovery file was found beside the book: changes an earlier session could not save.
Apply them, read them first, or leave them for later (they are offered again)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from db.recovery import Recovery, RecoveryError, apply_recovery, recovery_text, set_aside


class RecoveryScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "later", "Later"), Binding("a", "apply", "Apply"), Binding("s", "show", "Show")]

    def __init__(self, found: list[Recovery]) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        count = sum(len(r.entries) for r in self.found)
        files = "\n".join(f"  {r.path}  ({len(r.entries)} change(s), {r.written_at:%d/%m/%Y %H.%M})"
                          for r in self.found)
        with Vertical(classes="dialog wide"):
            yield Static("Recovery file found", classes="title")
            yield Static(
                f"An earlier session could not save {count} change(s) to this book and wrote them to:\n"
                f"{files}\n\nApply them to the book now? Notes never overwrite what the book holds: "
                "recovered notes that differ are added after them.",
                markup=False, classes="question", id="recovery-question")
            yield TextArea("\n\n".join(recovery_text(r) for r in self.found), read_only=True, id="recovery-text",
                           classes="short-text")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Show", id="show")
                yield Button("Later", id="later")

    def on_mount(self) -> None:
        self.query_one("#recovery-text").display = False
        self.query_one("#apply", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.run_action(event.button.id)

    def action_show(self) -> None:
        shown = self.query_one("#recovery-text", TextArea)
        shown.display = True
        shown.styles.height = 10

    def action_apply(self) -> None:
        applied = []
        for recovery in self.found:
            try:
                report = apply_recovery(self.app.book, recovery)
            except RecoveryError as error:
                self.query_one("#error", Static).update(error.message)
                return
            kept = set_aside(recovery)
            applied.append(f"{kept.name}: " + "; ".join(report))
        self.app.notify("\n".join(applied), title="Recovery file applied", timeout=20, markup=False)
        self.dismiss(None)

    def action_later(self) -> None:
        self.app.notify("The recovery file is kept; it is offered again the next time the book is opened.",
                        markup=False)
        self.dismiss(None)
