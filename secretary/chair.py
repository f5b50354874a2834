"""Who is in the chair (DESIGN.md §3.1, §3.2): the Chair by default; whoever the clerk recorded
taking the chair, from that moment until the Chair comes back or someone else is recorded.

The quorum rule's "the Chair or Deputy Chair" asks who is in the chair (``in_the_chair``);
the minutes say "PN took the chair for items 9 to 11." and "HM resumed the chair."
(``chair_lines``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, field_validator

from secretary.models import Attendance, AttendanceStatus, Category, Movement, MovementKind, Phase, Seat
from secretary.quorum import Presiding, movements_in_room

_ATTENDING = (AttendanceStatus.present, AttendanceStatus.remote)
_IN = (MovementKind.arrived, MovementKind.returned)
_OUT = (MovementKind.left, MovementKind.withdrew)


class Chairing(BaseModel):
    """From ``at`` (during item ``item_id``), ``person_id`` is in the chair; None: no one took it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: int | None = None
    meeting_id: int
    person_id: int | None = None
    item_id: int | None = None
    at: datetime

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("when the chair changed must carry its timezone")
        return value


def holder_of(seats: list[Seat], category: Category, on: date) -> int | None:
    """The person holding the body's seat of this category on the day (the Chair, the Deputy Chair)."""
    return next((s.person.id for s in seats
                 if s.membership.category is category and s.membership.in_post_on(on)), None)


def presiding_at_start(seats: list[Seat], attendance: list[Attendance], on: date) -> int | None:
    """Who chairs unless the clerk records otherwise: the Chair; the Deputy Chair when the Chair
    is not attending and the Deputy is; None when neither is on the list at all."""
    chair = holder_of(seats, Category.chair, on)
    deputy = holder_of(seats, Category.deputy_chair, on)
    status = {a.person_id: a.status for a in attendance}
    if chair is not None and status.get(chair) not in _ATTENDING and status.get(deputy) in _ATTENDING:
        return deputy
    return chair if chair in status else deputy if deputy in status else None


@dataclass(frozen=True)
class _Event:
    at: datetime
    person_id: int | None
    item_id: int | None
    phase: Phase  # a recorded change counts as during its item
    recorded: bool  # the clerk recorded it (else: the Chair came back into the room)


def _events(default: int | None, movements: list[Movement], chairing: list[Chairing]) -> list[_Event]:
    """The moments the chair changed hands: each recorded change, and each return of the one
    who chairs by default (the Chair resumes the chair on coming back)."""
    events = [_Event(c.at, c.person_id, c.item_id, Phase.during, True) for c in chairing]
    if chairing and default is not None:
        events += [_Event(m.at, default, m.item_id, m.phase, False) for m in movements
                   if m.person_id == default and m.kind in _IN and m.at > min(c.at for c in chairing)]
    # a return at the same moment as a recorded change comes first: the record has the last word
    return sorted(events, key=lambda e: (e.at, e.recorded))


def in_the_chair(
    seats: list[Seat], attendance: list[Attendance], movements: list[Movement], chairing: list[Chairing],
    *, on: date, until: datetime | None = None,
) -> Presiding | None:
    """Who is in the chair at ``until`` (now when None): the holder when they are in the room,
    ``Presiding(None)`` when the chair is empty, None when the meeting has no one to chair it."""
    default = presiding_at_start(seats, attendance, on)
    holder = default
    for event in _events(default, movements, chairing):
        if until is not None and event.at > until:
            break
        holder = event.person_id
    if holder is None and default is None and not chairing:
        return None
    room = movements_in_room(attendance, movements, until)
    if holder not in room and not chairing and not _went_out(movements, holder, until):
        return None  # the Chair not here yet (the roll not ticked): the rule asks for the Chair or Deputy in the room
    return Presiding(holder if holder in room else None)


def _went_out(movements: list[Movement], person_id: int | None, until: datetime | None) -> bool:
    return any(m.person_id == person_id and m.kind in _OUT and (until is None or m.at <= until) for m in movements)


def offered_the_chair(seats: list[Seat], in_room: set[int], *, on: date, leaving: int | None = None) -> list[int]:
    """Who the clerk is offered to take the chair, in the room: the Deputy Chair first, then the
    Chair, then the other voting members, then everyone else (the order they are listed)."""
    rank = {Category.deputy_chair: 0, Category.chair: 1}
    seated = sorted((s for s in seats if s.membership.in_post_on(on) and s.person.id in in_room),
                    key=lambda s: (rank.get(s.membership.category, 2 if s.membership.voting else 3)))
    offered = [s.person.id for s in seated]
    offered += sorted(p for p in in_room if p not in offered)
    return [p for i, p in enumerate(offered) if p != leaving and p not in offered[:i]]


# --- the minutes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Spell:
    """Someone other than the Chair in the chair, from one item to another (None: to the end)."""

    person_id: int
    first_item: int | None
    last_item: int | None  # None: for the remainder of the meeting
    resumed_at: int | None = None  # the item at which the Chair resumed the chair
    # where in its item each is said: beside the movement that made it ("HM left the meeting.")
    took_phase: Phase = Phase.during
    resumed_phase: Phase = Phase.during


def spells(seats: list[Seat], attendance: list[Attendance], movements: list[Movement],
           chairing: list[Chairing], taken: tuple[int, ...] | list[int], *, on: date) -> list[Spell]:
    """Each time someone other than the one chairing by default took the chair, and the items
    they chaired (in the order taken)."""
    default = presiding_at_start(seats, attendance, on)
    order = list(taken)
    found: list[Spell] = []
    holder, started = default, None  # started: the event that put someone else in the chair
    took_phase = Phase.during
    for event in _events(default, movements, chairing):
        if event.person_id == holder:
            continue
        if started is not None:
            found.append(_spell(started, _end(started, event, movements), order, default, took_phase))
        took_phase = _phase_left(movements, holder, event)
        holder = event.person_id
        started = event if holder is not None and holder != default else None
    if started is not None:
        found.append(_spell(started, _end(started, None, movements), order, default, took_phase))
    return found


def _end(started: _Event, following: _Event | None, movements: list[Movement]) -> _Event | None:
    """What ended a spell in the chair: the one chairing going out (their last item is the one they
    left in), else the next change of hands; None: it lasted to the end of the meeting."""
    leaving = next((m for m in sorted(movements, key=lambda m: m.at)
                    if m.person_id == started.person_id and m.kind in _OUT and m.at > started.at
                    and (following is None or m.at < following.at)), None)
    return _Event(leaving.at, None, leaving.item_id, Phase.end, False) if leaving else following


def _phase_left(movements: list[Movement], holder: int | None, event: _Event) -> Phase:
    """The phase in which the one chairing went out just before someone took the chair."""
    gone = [m for m in movements if m.person_id == holder and m.kind in _OUT
            and m.item_id == event.item_id and m.at <= event.at]
    return max(gone, key=lambda m: m.at).phase if gone else Phase.during


def _spell(started: _Event, end: _Event | None, order: list[int], default: int | None,
           took_phase: Phase = Phase.during) -> Spell:
    first = started.item_id
    if end is None:
        return Spell(started.person_id, first, None, took_phase=took_phase)
    last = end.item_id
    resumed_at = end.item_id if end.person_id == default and default is not None else None
    resumed_phase = end.phase
    if end.phase is not Phase.end and end.item_id in order and first in order:
        # the chair changed during (or at the start of) that item: the one before was the last chaired
        at = order.index(end.item_id)
        last = order[at - 1] if at > order.index(first) else first
    elif end.phase is Phase.end and resumed_at is not None and end.item_id in order:
        at = order.index(end.item_id)
        resumed_at = order[at + 1] if at + 1 < len(order) else None
        resumed_phase = Phase.start
    return Spell(started.person_id, first, last, resumed_at, took_phase, resumed_phase)


def chair_lines(item_id: int, spells_: list[Spell], initials: dict[int, str], numbers: dict[int, str],
                default: int | None, taken: tuple[int, ...] | list[int] = (), phase: Phase | None = None) -> list[str]:
    """What the minutes say of the chair at this item: "PN took the chair for items 9 to 11."
    at the first item chaired, "HM resumed the chair." where the Chair came back; with ``phase``,
    only what is said in that part of the item."""
    lines = []
    for spell in spells_:
        if spell.first_item == item_id and phase in (None, spell.took_phase):
            items = _items(spell, numbers, list(taken))
            lines.append(f"{initials.get(spell.person_id, '?')} took the chair for {items}.")
        if spell.resumed_at == item_id and default is not None and phase in (None, spell.resumed_phase):
            lines.append(f"{initials.get(default, '?')} resumed the chair.")
    return lines


def _items(spell: Spell, numbers: dict[int, str], taken: list[int]) -> str:
    if spell.last_item is None:
        return "the remainder of the meeting"
    first, last = numbers.get(spell.first_item, "?"), numbers.get(spell.last_item, "?")
    if spell.first_item == spell.last_item:
        return f"item {first}"
    next_to = spell.first_item in taken and taken.index(spell.first_item) + 1 < len(taken) and \
        taken[taken.index(spell.first_item) + 1] == spell.last_item
    return f"items {first} and {last}" if next_to else f"items {first} to {last}"
