"""The desk: the one service the app is given for changing the book (DESIGN.md §2, §7).

Its methods are the clerk's verbs. Each names, in the clerk's words, what it does and which
write of ``db/`` does it; the decorator sends it through the pending-writes queue:

- ``held``: a change made during a meeting. In the book at once or, if the book cannot be
  written, held in order and retried — the clerk never loses it. Returns an ``Outcome``.
- ``at_once``: a form's change. In the book at once or ``NotSaved`` raised, the form keeping
  what the clerk typed. Returns what the write returns.
- ``tried``: a small change no form holds. In the book at once, or the clerk is told that
  nothing of it was saved. Returns an ``Outcome``.

The writes a recovery file may ask for are exactly the held verbs' writes (``writes``): a
write no verb names cannot be made, so there is no list to keep by hand.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date, datetime
from functools import cache, wraps
from typing import Any

from db import actions, attendance, bodies, chair, history, imports, live, meetings, minutes, people
from db.book import Book
from db.pending import Change, NotSaved, Outcome, PendingWrites
from secretary.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Declaration,
    Disposal,
    Meeting,
    Membership,
    Movement,
    Person,
    PublicQuestion,
    QuorumRule,
    Seat,
)
from secretary.room import STEPPED_OUT

Words = str | tuple[str, str]  # what the clerk did; with a key, a later change of the same key replaces it


def held(write: Callable[..., Any]) -> Callable:
    def declare(words: Callable[..., Words]) -> Callable[..., Outcome]:
        @wraps(words)
        def verb(desk: Desk, *args: Any, **kwargs: Any) -> Outcome:
            said = words(desk, *args, **kwargs)
            what, key = said if isinstance(said, tuple) else (said, None)
            return desk.hold(Change(what, write, args, kwargs, key))

        verb.write = write  # type: ignore[attr-defined]
        return verb

    return declare


def at_once(write: Callable[..., Any]) -> Callable:
    def declare(words: Callable[..., Words]) -> Callable[..., Any]:
        @wraps(words)
        def verb(desk: Desk, *args: Any, **kwargs: Any) -> Any:
            return desk.now(write, *args, **kwargs)

        return verb

    return declare


def tried(write: Callable[..., Any]) -> Callable:
    accepted = set(inspect.signature(write).parameters)

    def declare(words: Callable[..., str]) -> Callable[..., Outcome]:
        @wraps(words)
        def verb(desk: Desk, *args: Any, **kwargs: Any) -> Outcome:
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


class Desk:
    """The clerk's verbs on one book. ``listener`` hears after every change (the app's saver,
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

    # --- the meeting: held and retried ------------------------------------------------------

    @held(minutes.save_minute_text)
    def type_minute(self, item_id: int, **fields: Any) -> Words:
        field = next(iter(fields))
        return f"{_FIELD_WORDS[field]} on {self._item(item_id)}", _minute_key(item_id, field)

    @held(live.start_meeting)
    def start_meeting(self, meeting_id: int, at: datetime) -> Words:
        return f"meeting started at {at:%H.%M}"

    @held(live.take_item)
    def take_item(self, meeting_id: int, item_id: int, at: datetime) -> Words:
        return f"moved on to {self._item(item_id)}"

    @held(live.close_meeting)
    def close_meeting(self, meeting_id: int, at: datetime) -> Words:
        return f"meeting closed at {at:%H.%M}"

    @held(live.record_movement)
    def record_movement(self, movement: Movement) -> Words:
        kind = "stepped out" if movement.note == STEPPED_OUT else movement.kind.value
        return f"{self._who(movement.person_id)} {kind} at {movement.at:%H.%M}"

    @held(attendance.update_movement)
    def update_movement(self, movement: Movement) -> Words:
        return f"{self._who(movement.person_id)}'s {movement.kind.value} corrected to {movement.at:%H.%M}"

    @held(attendance.delete_movement)
    def delete_movement(self, movement_id: int) -> Words:
        return "an arrival or departure deleted"

    @held(chair.record_chairing)
    def take_the_chair(self, meeting_id: int, person_id: int | None, item_id: int | None, at: datetime) -> Words:
        who = self._who(person_id) if person_id is not None else "no one"
        return f"{who} in the chair from {at:%H.%M}"

    @held(chair.delete_chairing)
    def forget_chairing(self, chairing_id: int) -> Words:
        return "a change of chair deleted"

    @held(live.record_declaration)
    def record_declaration(self, declaration: Declaration, at: datetime) -> Words:
        on = self._item(declaration.item_id) if declaration.item_id else "the meeting"
        return f"{self._who(declaration.person_id)} declared an interest on {on}"

    @held(live.set_public)
    def set_public(self, meeting_id: int, in_person: int, remote: int) -> Words:
        return f"members of the public: {in_person} in person, {remote} remote"

    @held(live.set_register_confirmation)
    def set_register_confirmation(self, meeting_id: int, confirmed: bool, gifts: str) -> Words:
        return "register of interests confirmation"

    @held(live.approve_minutes)
    def approve_minutes(self, meeting_id: int, *, by_meeting_id: int | None, on: date, amendments: str = "") -> Words:
        meeting = meetings.get_meeting(self.book, meeting_id)
        return f"minutes of {meeting.date:%d/%m/%Y} approved" if meeting else "minutes approved"

    @held(live.reopen_for_correction)
    def reopen_for_correction(self, meeting_id: int, reason: str, on: date) -> Words:
        return "approved minutes reopened for a correction"

    @held(minutes.record_disposal)
    def record_disposal(self, item_id: int, disposal: Disposal, *, deferred_to: date | None = None,
                        taken_with_item_id: int | None = None) -> Words:
        return f"{self._item(item_id)}: {disposal.value.replace('_', ' ') or 'not taken'}"

    @held(minutes.record_decision)
    def record_decision(self, decision: Decision) -> Words:
        return f"decision: {decision.verb.value} {_short(decision.text, 40)}"

    @held(minutes.update_decision)
    def update_decision(self, decision: Decision) -> Words:
        return f"decision edited: {decision.verb.value} {_short(decision.text, 40)}"

    @held(minutes.move_decision)
    def move_decision(self, decision_id: int, step: int) -> Words:
        return f"decision moved {'up' if step < 0 else 'down'}"

    @held(minutes.delete_decision)
    def delete_decision(self, decision_id: int) -> Words:
        return "decision deleted"

    @held(minutes.add_public_question)
    def add_public_question(self, question: PublicQuestion) -> Words:
        return f"public question from {question.asker}"

    @held(minutes.update_public_question)
    def update_public_question(self, question: PublicQuestion) -> Words:
        return f"public question from {question.asker} edited"

    @held(minutes.delete_public_question)
    def delete_public_question(self, question_id: int) -> Words:
        return "public question deleted"

    @held(attendance.set_attendance)
    def set_attendance(self, row: Attendance) -> Words:
        return f"{self._who(row.person_id)}: {row.status.value}"

    @held(attendance.add_attendee)
    def add_attendee(self, row: Attendance, new_person: Person | None = None) -> Words:
        name = new_person.name if new_person is not None else self._who(row.person_id)
        return f"{name} added to the list"

    @held(attendance.expect_members_in_post)
    def expect_members_in_post(self, meeting_id: int) -> Words:
        return "members in post expected"

    @held(actions.raise_action)
    def raise_action(self, action: Action) -> Words:
        return f"action: {_short(action.text, 40)}"

    @held(actions.record_update)
    def record_update(self, action: Action, update: ActionUpdate) -> Words:
        return f"update on action {action.number}"

    @held(actions.agree_closure)
    def agree_closure(self, action: Action, meeting_id: int | None, on: date) -> Words:
        return f"closure of action {action.number}"

    @held(actions.update_action)
    def update_action(self, action: Action) -> Words:
        return f"action {action.number} changed"

    @held(actions.delete_action)
    def delete_action(self, action_id: int, reason: str) -> Words:
        return "action deleted"

    @held(history.restore_notes)
    def restore_notes(self, item_id: int, text: str, at: datetime | None = None, *, note: str = "") -> Words:
        when = f" as they were at {at:%H.%M.%S}" if at else ""
        return f"notes on {self._item(item_id)} put back{when}"

    @held(history.undo_deletion)
    def undo_deletion(self, change_id: int, at: datetime | None = None) -> Words:
        from secretary.history import summary

        change = history.get_change(self.book, change_id)
        if change is None or change.meeting_id is None:
            return "deletion undone"
        return f"deletion undone: {summary(change, history.names_for(self.book, change.meeting_id), 50)}"

    # --- preparing: a form's change, at once or not at all ------------------------------------

    @at_once(bodies.create_body)
    def create_body(self, body: Body) -> Words:
        return "a new body"

    @at_once(bodies.set_quorum_rule)
    def set_quorum_rule(self, body_id: int, rule: QuorumRule) -> Words:
        return "the quorum rule"

    @at_once(people.add_seat)
    def add_seat(self, person: Person, membership: Membership) -> Words:
        return f"{person.name} added"

    @at_once(people.save_seat)
    def save_seat(self, seat: Seat) -> Words:
        return f"{seat.person.name}'s seat"

    @at_once(meetings.create_meeting)
    def create_meeting(self, meeting: Meeting) -> Words:
        return "a new meeting"

    @at_once(meetings.create_meeting_from)
    def create_meeting_from(self, meeting: Meeting, previous_id: int) -> Words:
        return "a new meeting from the previous one"

    @at_once(meetings.insert_item)
    def insert_item(self, item: AgendaItem) -> Words:
        return "a new agenda item"

    @at_once(meetings.update_item)
    def update_item(self, item: AgendaItem) -> Words:
        return "an agenda item"

    @tried(meetings.delete_item)
    def delete_item(self, item_id: int) -> str:
        item = meetings.get_item(self.book, item_id)
        return f"deleting item {item.number or item.title}" if item else "deleting an item"

    @tried(meetings.save_agenda_order)
    def save_agenda_order(self, items: list[AgendaItem], *, why: str = "putting the agenda in order") -> str:
        return why

    @tried(imports.store_agenda)
    def store_agenda(self, meeting_id: int, imported: Any, *, append: bool = False, source: str = "") -> str:
        return f"importing {source}" if source else "importing the agenda"


def _minute_key(item_id: int | None, field: str) -> str:
    return f"minute:{item_id}:{field}"


_FIELD_WORDS = {"notes": "notes", "presenters": "presenters", "taken_as_read": "taken as read"}


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@cache
def writes() -> dict[str, Callable[..., Any]]:
    """Every write a held change may make, by name: what a recovery file may ask for, and nothing else."""
    verbs = (getattr(Desk, name) for name in dir(Desk))
    found = (getattr(v, "write") for v in verbs if callable(v) and hasattr(v, "write"))
    return {f"{w.__module__}.{w.__name__}": w for w in found}
