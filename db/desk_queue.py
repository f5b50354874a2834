"""The desk's queue (db/desk.py): how a verb's change goes into the book — held and retried,
at once, or tried — and what is held for a minute field the clerk is typing."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any

from db import history, meetings, minutes, people
from db.book import Book
from db.pending import Change, NotSaved, Outcome, PendingWrites

Words = str | tuple[str, str]  # what the clerk did; with a key, a later change of the same key replaces it

def held(write: Callable[..., Any]) -> Callable:
    def declare(words: Callable[..., Words]) -> Callable[..., Outcome]:
        @wraps(words)
        def verb(desk: DeskQueue, *args: Any, **kwargs: Any) -> Outcome:
            said = words(desk, *args, **kwargs)
            what, key = said if isinstance(said, tuple) else (said, None)
            return desk.hold(Change(what, write, args, kwargs, key))

        verb.write = write  # type: ignore[attr-defined]
        return verb

    return declare


def at_once(write: Callable[..., Any]) -> Callable:
    def declare(words: Callable[..., Words]) -> Callable[..., Any]:
        @wraps(words)
        def verb(desk: DeskQueue, *args: Any, **kwargs: Any) -> Any:
            return desk.now(write, *args, **kwargs)

        return verb

    return declare


def tried(write: Callable[..., Any]) -> Callable:
    accepted = set(inspect.signature(write).parameters)

    def declare(words: Callable[..., str]) -> Callable[..., Outcome]:
        @wraps(words)
        def verb(desk: DeskQueue, *args: Any, **kwargs: Any) -> Outcome:
            what = words(desk, *args, **kwargs)
            passed = {k: v for k, v in kwargs.items() if k in accepted}  # the rest only words the change
            try:
                return Outcome(True, desk.now(write, *args, **passed))
            except NotSaved as failed:
                desk.tell("NOT SAVED", f"Not saved: {what} — {failed.trouble}. Everything saved before is still "
                          "in the book; try again once it can be written.", "error")
                return Outcome(False)

        return verb

    return declare

class DeskQueue:
    """The queue a desk's verbs go through, and what it holds. ``listener`` hears after every change (the app's saver,
    which shows the state); ``tell(title, message, severity)`` says something to the clerk."""

    def __init__(self, book: Book | None) -> None:
        self.book = book
        self.pending = PendingWrites()
        self.listener: Callable[[Change | None, Outcome | None], None] = lambda change, outcome: None
        self.tell: Callable[[str, str, str], None] = lambda title, message, severity: None

    # --- the queue ------------------------------------------------------------------------

    def hold(self, change: Change) -> Outcome:
        outcome = None
        try:
            outcome = self.pending.write(self.book, change)
            return outcome
        finally:
            self.listener(change, outcome)

    def now(self, write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return self.pending.write_now(self.book, write, *args, **kwargs)
        finally:
            self.listener(None, None)

    def retry(self) -> bool:
        """Try again what is held; True if everything is in the book."""
        if self.book is None:
            return True
        self.pending.retry(self.book)
        self.listener(None, None)
        return not self.pending.waiting

    @property
    def waiting(self) -> list[Change]:
        return self.pending.waiting

    @property
    def all_saved(self) -> bool:
        """Nothing is held: every change made is in the book."""
        return not self.pending.waiting

    def typed(self, item_id: int | None, field: str, saved: Any) -> Any:
        """A minute field as the clerk last typed it: what is held for it, if the book has not
        taken it yet (an earlier version put back from the history counts), else ``saved``."""
        key = _minute_key(item_id, field)
        held_values = [
            c.kwargs[field] if c.key == key else c.kwargs["text"] for c in self.pending.waiting
            if c.key == key or (field == "notes" and c.write is history.restore_notes and c.args[:1] == (item_id,))
        ]
        return held_values[-1] if held_values else saved

    def holds(self, write_verb: Callable[..., Any], *args: Any) -> bool:
        """Whether a change by this held verb whose arguments begin with ``args`` is waiting."""
        write = getattr(write_verb, "write", write_verb)
        return any(c.write is write and c.args[:len(args)] == args for c in self.pending.waiting)

    def holds_notes(self, item_id: int) -> bool:
        """Notes typed on the item that the book has not taken yet."""
        return any(c.write is minutes.save_minute_text and c.args[:1] == (item_id,) and "notes" in c.kwargs
                   for c in self.pending.waiting)

    # --- words ----------------------------------------------------------------------------

    def _item(self, item_id: int) -> str:
        item = meetings.get_item(self.book, item_id) if self.book is not None else None
        if item is None:
            return "an item"
        title = item.title if len(item.title) <= 30 else item.title[:29] + "…"
        return f"item {item.number} ({title})" if item.number else f"“{title}”"

    def _who(self, person_id: int) -> str:
        person = people.get_person(self.book, person_id) if self.book is not None else None
        return person.initials if person is not None else "someone"


def _minute_key(item_id: int | None, field: str) -> str:
    return f"minute:{item_id}:{field}"


_FIELD_WORDS = {"notes": "notes", "presenters": "presenters", "taken_as_read": "taken as read"}


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
