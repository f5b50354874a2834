"""What the clerk sees of saving (DESIGN.md §7). Every change goes through the desk
(db/desk.py): in the book at once, or — if the book cannot be written — held in order,
retried every two seconds and on the next change. The saver tells the clerk plainly, then
again when it is saved; leaving the app with changes still held asks first and offers a
recovery file beside the book; a signal writes one without asking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.signal import Signal
from textual.widgets import Button, Static

from db.pending import Change, Outcome, PendingWrites

RETRY_SECONDS = 2.0


class Saver:
    """What the clerk sees of the desk's queue (db/desk.py): the NOT SAVED badge and messages,
    the recovery file, and the question before leaving with changes held."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.changed: Signal[Saver] = Signal(app, "saving")
        self.failing = False
        self.recovery: Path | None = None  # a recovery file holding what is still waiting
        self._recovered: list = []  # what it holds, to notice when that changes
        self._shown: tuple[bool, int] = (False, 0)
        app.desk.listener = self._heard
        app.desk.tell = lambda title, message, severity: app.notify(
            message, title=title, severity=severity, timeout=20, markup=False)

    @property
    def pending(self) -> PendingWrites:
        return self.app.desk.pending

    @property
    def waiting(self) -> list[Change]:
        return self.pending.waiting

    @property
    def trouble(self) -> str | None:
        return self.pending.trouble

    def _heard(self, change: Change | None, outcome: Outcome | None) -> None:
        """After every change the desk made or tried: each discrete change held while the book is
        already failing is told, not just the first; then the state is shown."""
        if change is not None and outcome is not None and self.failing and not outcome.saved and change.key is None:
            self.app.notify(f"Not saved yet: {change.what}. It is held and will be saved with the rest.",
                            title="NOT SAVED", severity="warning", timeout=8, markup=False)
        self._after()

    def retry(self) -> bool:
        """Try again what is held (the app calls this every two seconds); True if all is saved."""
        return self.app.desk.retry()

    def _after(self) -> None:
        app = self.app
        for news in self.pending.news:
            app.notify(news, title="Book file written back", severity="warning", timeout=30, markup=False)
        self.pending.news.clear()
        for change, reason in self.pending.refused:
            app.notify(f"{change.what}: {reason}", title="Not recorded", severity="error", timeout=30,
                       markup=False)
        self.pending.refused.clear()
        failing = bool(self.waiting) or self.trouble is not None
        already_failing = self.failing
        if failing and not self.failing:
            app.notify(f"Your last change could not be saved: {self.trouble}. It is kept here and tried "
                       f"again every {RETRY_SECONDS:.0f} seconds; you will be told when it is saved.",
                       title="NOT SAVED", severity="error", timeout=30, markup=False)
        self.failing = failing
        removed = self._tidy_recovery()
        if already_failing and not failing:
            extra = f" The recovery file {removed} is no longer needed and was removed." if removed else ""
            app.notify(f"Saved again: everything is in the book.{extra}", title="Saved", timeout=10, markup=False)
        shown = (failing, len(self.waiting))
        if shown != self._shown:
            self._shown = shown
            self.changed.publish(self)

    def _tidy_recovery(self) -> Path | None:
        """Keep a recovery file written earlier holding exactly what is still waiting: rewritten
        as that changes, removed (and returned) once everything is in the book."""
        if self.recovery is None or self._fingerprint() == self._recovered:
            return None
        old = self.recovery
        if not self.waiting:
            old.unlink(missing_ok=True)
            self.recovery, self._recovered = None, []
            return old
        from db.recovery import RecoveryError

        try:
            self.write_recovery_file("held when the recovery file was last brought up to date")
        except RecoveryError:
            pass  # the old one is better than none
        return None

    def _fingerprint(self) -> list:
        return [(id(c), repr(c.args), repr(c.kwargs)) for c in self.waiting]

    def write_recovery_file(self, reason: str) -> Path:
        """What is waiting, to a recovery file beside the book (replacing one written earlier, so
        that nothing is offered twice); raises RecoveryError, keeping the earlier one."""
        from db.recovery import write_recovery

        why = f"{reason} ({self.trouble})" if self.trouble else reason
        old, self.recovery = self.recovery, write_recovery(self.app.book, list(self.waiting), why)
        if old is not None and old != self.recovery:
            old.unlink(missing_ok=True)
        self._recovered = self._fingerprint()
        return self.recovery

    def held_words(self) -> str:
        count = len(self.waiting)
        return f"{count} change{'s' if count != 1 else ''} not saved to the book ({self.trouble})"

    def ask_before_leaving(self, leave: Callable[[Path | None], None], *, quitting: bool) -> None:
        """Changes are held: warn, and offer a recovery file, before ``leave`` (given the file)."""
        if isinstance(self.app.screen, UnsavedScreen):
            return  # already asking
        lines = [f"{self.held_words()}:"]
        lines += [f"  · {change.what}" for change in self.waiting[:6]]
        if len(self.waiting) > 6:
            lines.append(f"  · and {len(self.waiting) - 6} more")
        if quitting:
            lines.append("\nThey are lost if the app closes without writing them somewhere.")
            choices = [("recovery", "Write a recovery file and quit"), ("stay", "Stay (keep retrying)")]
        else:
            lines.append("\nThey stay held and retried while the app is open.")
            choices = [("recovery", "Write a recovery file too"), ("leave", "Go back"),
                       ("stay", "Stay here")]
        self._ask("\n".join(lines), choices, leave, quitting)

    def _ask(self, question: str, choices: list[tuple[str, str]], leave: Callable[[Path | None], None],
             quitting: bool) -> None:
        from db.recovery import RecoveryError

        def answered(choice: str | None) -> None:
            if choice == "leave":
                leave(None)
            elif choice == "lose":
                leave(None)
            elif choice == "recovery":
                try:
                    path = self.write_recovery_file("the clerk left with changes not saved")
                except RecoveryError as error:
                    retry = [("recovery", "Try again"), ("stay", "Stay (keep retrying)")]
                    if quitting:
                        retry.append(("lose", "Quit and lose them"))
                    self._ask(f"{error.message}\n\n{self.held_words()}.", retry, leave, quitting)
                    return
                self.app.notify(f"Written to {path}; the app offers to apply it when the book is next opened.",
                                title="Recovery file", timeout=20, markup=False)
                leave(path)

        self.app.push_screen(UnsavedScreen(question, choices), answered)


class UnsavedScreen(ModalScreen[str]):
    """Changes are not saved: what now? Escape stays."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss('stay')", "Stay")]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("NOT SAVED", classes="title")
            yield Static(self.question, markup=False, classes="question")
            with Horizontal(classes="buttons"):
                for n, (choice, label) in enumerate(self.choices):
                    yield Button(label, id=choice, variant="primary" if n == 0 else "default")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)
