"""What every form does the same way: build a model from its fields, say what is wrong in the
clerk's words (pydantic's messages through ``secretary.errors.explain``), and ask before
Escape drops what the clerk typed."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import ValidationError
from textual import work
from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioSet, Select, Static, Switch, TextArea

from db import BookError
from db.pending import not_saved
from secretary.errors import explain
from screens.confirm import ConfirmScreen

R = TypeVar("R")

# Tab and Enter move between fields before the next key is read: a clerk typing fast would
# otherwise put the next field's words into this one. Priority bindings run before Textual
# hands the key to the focused field; an Enter that does not move on falls through to the field.
FIELD_KEYS = [
    Binding("tab", "next_field", show=False, priority=True),
    Binding("shift+tab", "previous_field", show=False, priority=True),
    Binding("enter", "enter_field", show=False, priority=True),
]


def nothing_saved(book: Any, error: Exception) -> str | None:
    """What a form says when ``error`` kept its change out of the book (the form stays open,
    the clerk's typing in it); None if ``error`` is a bug, to be raised."""
    failed = not_saved(book, error)
    if failed is not None:
        return f"{failed.message} What you typed is still here: save again once the book can be written."
    if isinstance(error, BookError):  # the book refused it on its merits
        return f"Nothing was saved: {error.message}"
    return None


class FormMixin:
    """For a screen with an ``#error`` Static, a ``build()`` that returns the model or raises, and
    ``#save`` / ``#cancel`` buttons. Escape asks before dropping what was typed, in every form."""

    ask_before_discarding = True
    discard_question = "Discard your changes?"

    def build(self) -> Any:
        raise NotImplementedError

    def next_after(self, field: Input) -> Widget | None:
        """Where Enter in ``field`` moves on to; None where Enter saves (or the field decides)."""
        return None

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    def action_enter_field(self) -> None:
        field = self.focused
        target = self.next_after(field) if isinstance(field, Input) else None
        if target is None:
            raise SkipAction()
        self.set_focus(target)  # at once: the keys after Enter belong to the next field
        field.call_later(field.action_submit)  # the field's own Enter, after the keys typed before it

    def extra_state(self) -> Any:
        """State the form holds outside its widgets (a list edited in place), for ``changed``."""
        return None

    def typed(self) -> tuple:
        values = []
        for widget in self.query("Input, Checkbox, Switch, Select, RadioSet, TextArea"):
            if isinstance(widget, TextArea):
                values.append((widget.id, widget.text))
            elif isinstance(widget, RadioSet):
                values.append((widget.id, widget.pressed_index))
            elif isinstance(widget, (Input, Checkbox, Switch, Select)):
                values.append((widget.id, widget.value))
        return tuple(values), self.extra_state()

    def on_mount(self) -> None:
        self.mark_saved()

    def scroll_to_center(self, widget: Widget, *args: Any, **kwargs: Any) -> None:
        """Textual centres a newly focused field that is out of sight; in a dialog taller than a small
        screen that scrolled the first field to the middle and the title away. Just enough, instead."""
        self.call_after_refresh(lambda: widget.is_attached and widget.scroll_visible(animate=False))

    def mark_saved(self) -> None:
        self._saved_state = self.typed()

    @property
    def changed(self) -> bool:
        return self.typed() != getattr(self, "_saved_state", None)

    def show_error(self, text: str) -> None:
        self.query_one("#error", Static).update(text)

    def attempt(self) -> Any | None:
        """The built model, or None with the problem shown."""
        try:
            built = self.build()
        except ValidationError as e:
            self.show_error(explain(e))
            return None
        except ValueError as e:
            self.show_error(str(e))
            return None
        self.show_error("")
        return built

    def store(self, built: Any) -> Any:
        """Write what was built, for a form that saves itself; the result is what the form hands back."""
        return built

    def action_save(self) -> None:
        built = self.attempt()
        if built is None:
            return
        try:
            stored = self.store(built)
        except Exception as e:  # noqa: BLE001 — the book refused, or the disk did: the typing stays here
            words = nothing_saved(self.app.book, e)
            if words is None:
                raise
            self.show_error(words)
            return
        self.mark_saved()
        self.dismiss(stored)

    @work(exclusive=True, group="form-cancel")
    async def action_cancel(self) -> None:
        if self.ask_before_discarding and self.changed:
            if not await self.app.push_screen_wait(
                ConfirmScreen(self.discard_question, yes="Discard", no="Keep editing")
            ):
                return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()
        elif event.button.id == "cancel":
            event.stop()
            self.action_cancel()


class FormScreen(FormMixin, ModalScreen[R]):
    """A dialog form: Ctrl+S (or Enter in the last field, as the form decides) saves, Escape cancels."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save"), *FIELD_KEYS]
