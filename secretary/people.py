"""Finding a person from what the clerk typed: initials, any word of the name, or the role.

One answer for every person field (pickers, the presenters line, the roll call), so a name
found in one place is found in all of them, and always spelled as the roster spells it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from secretary.models import Person


def find_people(
    query: str, people: list[Person], *, limit: int | None = None, roles: Mapping[int, str] | None = None
) -> list[Person]:
    """People matching what the clerk typed: initials first, then the surname, then any word of
    the name (a first name, an honorific), then any word of their role, then any part of the name.

    ``MSh`` matches exactly; ``ms`` matches MSh and MSu; ``sha`` finds Marie Shaw; ``joa`` finds
    Dr Joanna Price; ``finance`` finds the Chief Finance Officer when ``roles`` gives roles by person id.
    """
    text = " ".join(query.split())
    if not text:
        return people[:limit] if limit else list(people)
    folded = text.casefold()
    ranked: list[tuple[int, str, Person]] = []
    for person in people:
        role = (roles or {}).get(person.id, "") if person.id is not None else ""
        rank = _rank(person, text, folded, role)
        if rank is not None:
            ranked.append((rank, person.name.casefold(), person))
    ranked.sort(key=lambda r: (r[0], r[1]))
    found = [p for _, _, p in ranked]
    return found[:limit] if limit else found


def _words(text: str) -> list[str]:
    """The words of a name or role, without punctuation: "Chief Finance Officer (CFO)" has "cfo"."""
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.casefold())


def _starts_words(words: list[str], folded: str) -> bool:
    """Every typed word starts a word of ``words``, in order ("dr jo" fits "dr joanna price")."""
    typed = _words(folded)
    at = 0
    for part in typed:
        while at < len(words) and not words[at].startswith(part):
            at += 1
        if at == len(words):
            return False
        at += 1
    return bool(typed)


def _rank(person: Person, text: str, folded: str, role: str) -> int | None:
    initials = person.initials or ""
    if initials == text:
        return 0
    if initials.casefold() == folded:
        return 1
    if initials.casefold().startswith(folded):
        return 2
    names = _words(person.name)
    if names and names[-1].startswith(folded):
        return 3
    if _starts_words(names, folded) or _starts_words(_words(person.full_name), folded):
        return 4
    if role and _starts_words(_words(role), folded):
        return 5
    if folded in person.name.casefold():
        return 6
    return None


def roles_at(state) -> dict[int, str]:
    """Each listed person's role at a meeting (``state`` is the meeting's record), for ``find_people``."""
    return {row.person_id: row.role for row in state.attendance if row.role}
