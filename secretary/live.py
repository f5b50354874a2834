"""Picking a person by initials or part of a name.

(The meeting's record, its timing and who is where moved to ``secretary.record``,
``secretary.timing`` and ``secretary.room``; the names below stay importable from here until
every caller has moved.)
"""

from __future__ import annotations

from secretary.agenda import current_item_id, neighbour, next_taken_order  # noqa: F401
from secretary.models import Person
from secretary.record import MeetingRecord, collective_name  # noqa: F401
from secretary.room import default_kind, room_lists  # noqa: F401
from secretary.timing import Slot, Timing, elapsed_words, planned_slots, timing  # noqa: F401

LiveState = MeetingRecord


def find_people(query: str, people: list[Person], *, limit: int | None = None) -> list[Person]:
    """People matching what the clerk typed: initials first, then the start of a name, then any part.

    ``MSh`` matches exactly; ``ms`` matches MSh and MSu; ``sha`` finds Marie Shaw; ``dr``
    is not a name and finds nobody by honorific.
    """
    text = query.strip()
    if not text:
        return people[:limit] if limit else list(people)
    folded = text.casefold()
    ranked: list[tuple[int, str, Person]] = []
    for person in people:
        rank = _rank(person, text, folded)
        if rank is not None:
            ranked.append((rank, person.name.casefold(), person))
    ranked.sort(key=lambda r: (r[0], r[1]))
    found = [p for _, _, p in ranked]
    return found[:limit] if limit else found


def _rank(person: Person, text: str, folded: str) -> int | None:
    initials = person.initials or ""
    if initials == text:
        return 0
    if initials.casefold() == folded:
        return 1
    if initials.casefold().startswith(folded):
        return 2
    words = person.name.casefold().replace("-", " ").split()
    if words and words[-1].startswith(folded):
        return 3
    if any(w.startswith(folded) for w in words):
        return 4
    if folded in person.name.casefold():
        return 5
    return None
