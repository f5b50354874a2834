"""Attendance in the minutes (DESIGN.md §3.2), written from the movements as clerks write it.

Two outputs:

* the annotation after a name in the attendance tables — ``(from item 2)``,
  ``(remotely, until end of item 9)``, ``(deputy for John Roe)``, ``(member)`` for
  apologies;
* the short notes inside an item's minute — "VM arrived.", "MSh, NB and LT
  arrived.", "RP withdrew for this item and returned at the end."

Wording, in full:

=====================  ===========================  ===========================
movement               first arrival / last exit    in between
=====================  ===========================  ===========================
arrived, start of 2    ``from item 2``              ``returned from item 2``
arrived, during 5      ``from during item 5``       ``returned during item 5``
arrived, end of 2      ``from end of item 2``       ``returned at end of item 2``
left, start of 4       ``until item 4``             ``left at start of item 4``
left, during 11        ``left during item 11``      ``left during item 11``
left, end of 9         ``until end of item 9``      ``left at end of item 9``
no item recorded       ``from 14.20`` / ``until``   ``returned at`` / ``left at``
=====================  ===========================  ===========================

A person who left and came back reads "(left during item 6, returned from item 8)".
An arrival at the start of the first item taken, or a departure at the end of the
last, is no annotation: the person was there throughout.

Items are named by their PRINTED number, whatever order they were taken in:
"from item 4" means "from when item 4 was taken". When item 4 was taken before
item 2, a person arriving at the start of item 4 was there for item 2 as well;
the minutes show the order taken (they print items as taken, or say so), and
"first" and "last" above follow the order taken, not the numbering.

Withdrawals for an interest are not attendance: they appear only in the item's
minute, and a ``returned`` that ends a withdrawal is not an attendance return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from secretary.agenda import in_order
from secretary.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Group,
    Minute,
    Movement,
    MovementKind,
    Person,
    Phase,
)
from secretary.quorum import join_words

# --- the agenda as printed and as taken ------------------------------------------


@dataclass(frozen=True)
class RunningOrder:
    """The agenda's items (printed numbers) and the ids of those taken, in the order taken."""

    items: tuple[AgendaItem, ...]
    taken: tuple[int, ...]

    @classmethod
    def as_printed(cls, items: list[AgendaItem]) -> RunningOrder:
        ordered = in_order(items)
        return cls(tuple(ordered), tuple(i.id for i in ordered if i.id is not None))

    @classmethod
    def as_taken(cls, items: list[AgendaItem], taken: list[int]) -> RunningOrder:
        return cls(tuple(in_order(items)), tuple(taken))

    @classmethod
    def from_minutes(cls, items: list[AgendaItem], minutes: list[Minute]) -> RunningOrder:
        """The order taken: by ``taken_order``, else by start time; items never started are left out."""
        started = [m for m in minutes if m.taken_order is not None or m.started_at is not None]
        printed = {item.id: n for n, item in enumerate(in_order(items))}

        def when(minute: Minute) -> tuple[int, float, int]:
            order = minute.taken_order if minute.taken_order is not None else 1 << 30
            at = minute.started_at.timestamp() if minute.started_at else 0.0
            return (order, at, printed.get(minute.item_id, 0))

        return cls(tuple(in_order(items)), tuple(m.item_id for m in sorted(started, key=when)))

    def name(self, item_id: int | None) -> str:
        """'item 4' for a numbered item; 'the break' for one printed without a number."""
        item = next((i for i in self.items if i.id == item_id), None)
        if item is None:
            return "an item not on the agenda"
        return f"item {item.number}" if item.number else f"the {item.title.lower()}"

    def is_first(self, item_id: int | None) -> bool:
        return bool(self.taken) and item_id == self.taken[0]

    def is_last(self, item_id: int | None) -> bool:
        return bool(self.taken) and item_id == self.taken[-1]

    def taken_after(self, item_id: int | None) -> int | None:
        """The item taken next after this one, if any."""
        if item_id not in self.taken:
            return None
        index = self.taken.index(item_id)
        return self.taken[index + 1] if index + 1 < len(self.taken) else None


# --- the attendance tables -----------------------------------------------------------


def attendance_annotation(
    attendance: Attendance,
    movements: list[Movement],
    order: RunningOrder,
    *,
    deputy_for: Person | None = None,
) -> str:
    """The bracket after a name: '(deputy for John Roe, remotely, from item 3)', or ''.

    ``movements`` may hold everyone's; only this person's are read.
    """
    if attendance.status is AttendanceStatus.apologies:
        return _bracket([_apologies_group(attendance.group)])
    parts = []
    if deputy_for is not None:
        parts.append(f"deputy for {deputy_for.full_name}")
    if attendance.status is AttendanceStatus.remote:
        parts.append("remotely")
    if attendance.note:
        parts.append(attendance.note)
    if attendance.status is not AttendanceStatus.absent:
        parts.extend(_comings_and_goings(attendance.person_id, movements, order))
    return _bracket(parts)


def attendance_line(
    person: Person,
    attendance: Attendance,
    movements: list[Movement],
    order: RunningOrder,
    people_by_id: dict[int, Person],
) -> str:
    """The name as printed in the attendance table: 'Jane Doe (deputy for John Roe, from item 3)'."""
    stood_in_for = people_by_id.get(attendance.deputy_for_id) if attendance.deputy_for_id else None
    annotation = attendance_annotation(attendance, movements, order, deputy_for=stood_in_for)
    return f"{person.full_name} {annotation}".rstrip()


def _apologies_group(group: Group) -> str:
    return "participant" if group is Group.participant else "member" if group is Group.member else "in attendance"


def _bracket(parts: list[str]) -> str:
    return f"({', '.join(parts)})" if parts else ""


def _comings_and_goings(person_id: int, movements: list[Movement], order: RunningOrder) -> list[str]:
    """Arrivals, departures and returns in words; withdrawals for an interest left out."""
    events = _attendance_events(person_id, movements)
    phrases = []
    been_in = bool(events) and events[0].kind is not MovementKind.arrived
    for index, event in enumerate(events):
        is_entry = event.kind in (MovementKind.arrived, MovementKind.returned)
        if is_entry and not been_in:
            been_in = True
            if not (event.phase is Phase.start and order.is_first(event.item_id)):
                phrases.append(_arrival(event, order))
        elif is_entry:
            phrases.append(_return(event, order))
        elif index == len(events) - 1:
            if not (event.phase is Phase.end and order.is_last(event.item_id)):
                phrases.append(_final_departure(event, order))
        else:
            phrases.append(_departure(event, order))
    return phrases


def _attendance_events(person_id: int, movements: list[Movement]) -> list[Movement]:
    """The person's arrivals, departures and returns from a departure, in time order."""
    events = []
    in_room: bool | None = None  # unknown until the first event
    withdrawn = False
    for movement in sorted((m for m in movements if m.person_id == person_id), key=lambda m: m.at):
        kind = movement.kind
        if kind is MovementKind.withdrew:
            withdrawn = True
            continue
        if kind is MovementKind.returned and withdrawn:
            withdrawn = False  # back from a withdrawal: the item's minute says so
            continue
        entering = kind in (MovementKind.arrived, MovementKind.returned)
        if in_room is entering:
            continue  # a repeat (arrived twice) adds nothing
        withdrawn = False
        in_room = entering
        events.append(movement)
    return events


def _where(movement: Movement, order: RunningOrder, *, start: str, during: str, end: str, clock: str) -> str:
    if movement.item_id is None:
        return f"{clock} {_clock(movement.at)}"
    name = order.name(movement.item_id)
    return {Phase.start: start, Phase.during: during, Phase.end: end}[movement.phase].format(name)


def _arrival(m: Movement, order: RunningOrder) -> str:
    return _where(m, order, start="from {}", during="from during {}", end="from end of {}", clock="from")


def _return(m: Movement, order: RunningOrder) -> str:
    return _where(
        m,
        order,
        start="returned from {}",
        during="returned during {}",
        end="returned at end of {}",
        clock="returned at",
    )


def _departure(m: Movement, order: RunningOrder) -> str:
    return _where(
        m, order, start="left at start of {}", during="left during {}", end="left at end of {}", clock="left at"
    )


def _final_departure(m: Movement, order: RunningOrder) -> str:
    return _where(m, order, start="until {}", during="left during {}", end="until end of {}", clock="until")


def _clock(at: datetime) -> str:
    # the minutes' own style: "The meeting finished at 12.15."
    return at.strftime("%H.%M")


# --- notes inside an item's minute ----------------------------------------------------


class InlineNote(BaseModel):
    """One generated line in an item's minute, placed by the phase it happened in."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    phase: Phase
    person_ids: tuple[int, ...]

    def __str__(self) -> str:
        return self.text


def inline_notes(
    item_id: int,
    movements: list[Movement],
    people_by_id: dict[int, Person],
    order: RunningOrder,
    in_notes: frozenset[int] | set[int] = frozenset(),
) -> list[InlineNote]:
    """The lines for one item's minute, by initials: 'VM arrived.', 'MSh, NB and LT arrived.'

    A return at the start of the item taken next closes a withdrawal "at the end" of
    this item, and is not repeated in the next item's minute. Movements whose line is already
    in the clerk's notes (``in_notes``: their ids, secretary/movement_lines.py) are left out.
    """
    notes: list[InlineNote] = []
    previous: tuple[str, Phase] | None = None
    for verb, phase, person_id, movement_id in _sentences_for_item(item_id, movements, order):
        if movement_id in in_notes:
            previous = None
            continue
        if (verb, phase) == previous and person_id not in notes[-1].person_ids:
            # several people at once: "MSh, NB and LT arrived."
            notes[-1] = _note(verb, phase, notes[-1].person_ids + (person_id,), people_by_id)
        else:
            notes.append(_note(verb, phase, (person_id,), people_by_id))
        previous = (verb, phase)
    return notes


_VERBS = {
    "arrived": "arrived.",
    "left": "left the meeting.",
    "withdrew": "withdrew for this item.",
    "withdrew_returned": "withdrew for this item and returned at the end.",
    "withdrew_back": "withdrew for part of this item and returned.",
    "returned": "returned.",
}


def movement_sentences(item_id: int, movements: list[Movement], people_by_id: dict[int, Person],
                       order: RunningOrder) -> dict[int, str]:
    """Each movement's own line in this item's minute, one person a line: {movement id: 'VM arrived.'}.
    A return told with its withdrawal ('… withdrew for this item and returned at the end.') has none."""
    return {movement_id: _note(verb, phase, (person_id,), people_by_id).text
            for verb, phase, person_id, movement_id in _sentences_for_item(item_id, movements, order)
            if movement_id is not None}


def _sentences_for_item(item_id: int, movements: list[Movement],
                        order: RunningOrder) -> list[tuple[str, Phase, int, int | None]]:
    ordered = sorted(movements, key=lambda m: m.at)
    next_item = order.taken_after(item_id)
    sentences: list[tuple[str, Phase, int, int | None]] = []
    closed: set[int] = set()  # indexes of returns already told with their withdrawal
    for index, movement in enumerate(ordered):
        if index in closed:
            continue
        if movement.kind is MovementKind.withdrew:
            if movement.item_id != item_id:
                continue
            back = _return_after(ordered, index)
            if back is None:
                sentences.append(("withdrew", movement.phase, movement.person_id, movement.id))
                continue
            comeback = ordered[back]
            if comeback.item_id == item_id and comeback.phase is not Phase.end:
                sentences.append(("withdrew_back", movement.phase, movement.person_id, movement.id))
                closed.add(back)
            elif comeback.item_id == item_id or (comeback.item_id == next_item and comeback.phase is Phase.start):
                sentences.append(("withdrew_returned", movement.phase, movement.person_id, movement.id))
                closed.add(back)
            else:
                sentences.append(("withdrew", movement.phase, movement.person_id, movement.id))
            continue
        if movement.item_id != item_id or _closes_previous_withdrawal(ordered, index, item_id, order):
            continue
        verb = movement.kind.value
        if movement.kind is MovementKind.arrived and _had_left(ordered, index):
            verb = "returned"  # recorded as an arrival after leaving: the attendance table reads it so too
        sentences.append((verb, movement.phase, movement.person_id, movement.id))
    return sentences


def _had_left(ordered: list[Movement], index: int) -> bool:
    """The person's movement before this one took them out of the meeting."""
    person_id = ordered[index].person_id
    earlier = [m for m in ordered[:index] if m.person_id == person_id]
    return bool(earlier) and earlier[-1].kind is MovementKind.left


def _return_after(ordered: list[Movement], index: int) -> int | None:
    """The index of the person's next movement, when it is their return."""
    person_id = ordered[index].person_id
    for later in range(index + 1, len(ordered)):
        if ordered[later].person_id == person_id:
            return later if ordered[later].kind is MovementKind.returned else None
    return None


def _closes_previous_withdrawal(ordered: list[Movement], index: int, item_id: int, order: RunningOrder) -> bool:
    """A return at the start of this item that ends a withdrawal from the item taken just before."""
    movement = ordered[index]
    if movement.kind is not MovementKind.returned or movement.phase is not Phase.start:
        return False
    earlier = [m for m in ordered[:index] if m.person_id == movement.person_id]
    if not earlier or earlier[-1].kind is not MovementKind.withdrew:
        return False
    return order.taken_after(earlier[-1].item_id) == item_id


def _note(verb: str, phase: Phase, ids: tuple[int, ...], people_by_id: dict[int, Person]) -> InlineNote:
    names = [people_by_id[i].initials if i in people_by_id else f"person {i}" for i in ids]
    return InlineNote(text=f"{join_words(names)} {_VERBS[verb]}", phase=phase, person_ids=ids)

