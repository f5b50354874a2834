"""Completing a list of people as the clerk types it: "Catherine Bell, Chief Executive Officer
and Neil Foster, Chief Finance Officer" — each name after "and", "&" or ";" is completed.

A completion is always the roster's spelling of the whole entry, found the way every person
field finds people (initials, any word of the name, the role); the field shows it as it will
be stored, even where it does not simply continue what was typed ("joa → Dr Joanna Price")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.strip import Strip
from textual.suggester import Suggester
from textual.widgets import Input

from secretary.models import Person
from secretary.people import find_people

if TYPE_CHECKING:
    from secretary.record import MeetingRecord

_JOINS = re.compile(r"(.*(?:\band\b|&|;)\s*)(.*)$", re.IGNORECASE)


def split_last(value: str) -> tuple[str, str]:
    """The names already given (with their joining word) and the one being typed."""
    match = _JOINS.match(value)
    return (match.group(1), match.group(2)) if match else ("", value)


def presenter_entry(person: Person, role: str) -> str:
    """"Name, role", as the minutes print presenters."""
    return f"{person.full_name}, {role}" if role else person.full_name


class PeopleSuggester(Suggester):
    def __init__(self, people: list[Person], roles: Mapping[int, str] | None = None) -> None:
        # case-sensitive: Textual would otherwise hand us (and keep) a lower-cased copy of the typing
        super().__init__(use_cache=False, case_sensitive=True)
        self.people = people
        self.roles = dict(roles or {})

    @classmethod
    def for_attendance(cls, state: MeetingRecord) -> PeopleSuggester:
        """Everyone on the meeting's list, with the role printed for them there."""
        people = [state.people[row.person_id] for row in state.attendance]
        return cls(people, {row.person_id: row.role for row in state.attendance if row.role})

    def entry(self, person: Person) -> str:
        return presenter_entry(person, self.roles.get(person.id, ""))

    def complete(self, value: str) -> str | None:
        """The whole field once the name being typed is completed, or None if nothing fits."""
        head, tail = split_last(value)
        typed = tail.strip()
        if len(typed) < 2:
            return None
        found = find_people(typed, self.people, roles=self.roles, limit=1)
        if not found:
            return None
        completed = head + self.entry(found[0])
        return completed if completed != value else None

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)


class PeopleInput(Input):
    """An Input whose completion may replace what was typed: "joa" shows "joa → Dr Joanna Price"
    (→ accepts), so the clerk sees exactly what the field will hold."""

    def render_line(self, y: int) -> Strip:
        real = self._suggestion
        if real and self.has_focus and not real.startswith(self.value):
            # drawn as "typed → completion"; the completion itself is what → puts in the field
            self.set_reactive(Input._suggestion, f"{self.value}  → {real}")
            try:
                return super().render_line(y)
            finally:
                self.set_reactive(Input._suggestion, real)
        return super().render_line(y)
