"""The desk's queue (db/desk.py): how a verb's change goes into the book — held and retried,
at once, or tried — and what is held for a minute field the clerk is typing."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from functools import cache, wraps
from typing import TYPE_CHECKING, Any

from db.pending import Change, NotSaved, Outcome, PendingWrites

if TYPE_CHECKING:
    from db.book import Book

Words = str | tuple[str, str]  # what the clerk did; with a key, a later change of the same key replaces it


@cache
def write_named(name: str) -> Callable[..., Any]:
    """The write of db/ a verb names ("db.live.start_meeting"), imported when a verb first makes it:
    the desk names every write of the book, and start-up need import none of them."""
    module, _, function = name.rpartition(".")
    write = getattr(importlib.import_module(module), function)
    where = f"{getattr(write, '__module__', '')}.{getattr(write, '__name__', '')}"
    if where != name:
        raise ValueError(f"{name} is {where!r}: a verb names a write where it is defined")
    return write


def write_of(verb: Callable[..., Any]) -> Callable[..., Any]:
    """The write a verb of the desk makes."""
    return write_named(verb.write_name)  # type: ignore[attr-defined]


def _verb(declare: Callable[[Callable[..., Any]], Callable[..., Any]]) -> Callable[[str], Callable]:
    def naming(write: str) -> Callable:
        def decorate(words: Callable[..., Any]) -> Callable[..., Any]:
            verb = declare(words)
            verb.write_name = f"db.{write}"  # type: ignore[attr-defined]
            return verb

        return decorate

    return naming


@_verb
def held(words: Callable[..., Words]) -> Callable[..., Outcome]:
    """A change made during a meeting: held and retried if the book cannot take it."""
    @wraps(words)
    def verb(desk: DeskQueue, *args: Any, **kwargs: Any) -> Outcome:
        said = words(desk, *args, **kwargs)
        what, key = said if isinstance(said, tuple) else (said, None)
        return desk.hold(Change(what, write_of(verb), args, kwargs, key))

    verb.holds = True  # type: ignore[attr-defined]
    return verb


@_verb
def at_once(words: Callable[..., Words]) -> Callable[..., Any]:
    """A form's change: in the book at once, or NotSaved."""
    @wraps(words)
    def verb(desk: DeskQueue, *args: Any, **kwargs: Any) -> Any:
        return desk.now(write_of(verb), *args, **kwargs)

    return verb


@_verb
def tried(words: Callable[..., str]) -> Callable[..., Outcome]:
    """A small change no form holds: tried once, and the clerk told if it failed."""
    @wraps(words)
    def verb(desk: DeskQueue, *args: Any, **kwargs: Any) -> Outcome:
        what = words(desk, *args, **kwargs)
        write = write_of(verb)
        accepted = _parameters(write)
        passed = {k: v for k, v in kwargs.items() if k in accepted}  # the rest only words the change
        try:
            return Outcome(True, desk.now(write, *args, **passed))
        except NotSaved as failed:
            desk.tell("NOT SAVED", f"Not saved: {what} — {failed.trouble}. Everything saved before is still "
                      "in the book; try again once it can be written.", "error")
            return Outcome(False)

    return verb


@cache
def _parameters(write: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(write).parameters)


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
            if c.key == key or (field == "notes" and c.name == "db.history.restore_notes" and c.args[:1] == (item_id,))
        ]
        return held_values[-1] if held_values else saved

    def holds(self, write_verb: Callable[..., Any], *args: Any) -> bool:
        """Whether a change by this held verb whose arguments begin with ``args`` is waiting."""
        name = write_verb.write_name  # type: ignore[attr-defined]
        return any(c.name == name and c.args[:len(args)] == args for c in self.pending.waiting)

    def holds_notes(self, item_id: int) -> bool:
        """Notes typed on the item that the book has not taken yet."""
        return any(c.name == "db.minutes.save_minute_text" and c.args[:1] == (item_id,) and "notes" in c.kwargs
                   for c in self.pending.waiting)

    # --- words ----------------------------------------------------------------------------

    def _item(self, item_id: int) -> str:
        from db import meetings

        item = meetings.get_item(self.book, item_id) if self.book is not None else None
        if item is None:
            return "an item"
        title = item.title if len(item.title) <= 30 else item.title[:29] + "…"
        return f"item {item.number} ({title})" if item.number else f"“{title}”"

    def _who(self, person_id: int) -> str:
        from db import people

        person = people.get_person(self.book, person_id) if self.book is not None else None
        return person.initials if person is not None else "someone"


def _minute_key(item_id: int | None, field: str) -> str:
    return f"minute:{item_id}:{field}"


_FIELD_WORDS = {"notes": "notes", "presenters": "presenters", "taken_as_read": "taken as read"}


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
