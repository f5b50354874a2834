"""Brief step-outs (issue 16): someone who leaves during an item and comes back within the
same item is not minuted — the live screen and the history keep every movement, but
published minutes record arrivals, final departures and withdrawals for an interest.

The exception: a decision taken while they were out. The minutes then say so at the
decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from secretary.models import Movement, MovementKind


@dataclass(frozen=True)
class StepOut:
    person_id: int
    item_id: int
    left: datetime
    back: datetime
    moments: tuple[datetime, ...] = ()  # every movement of it, repeats included ("left" twice)

    def covers(self, moment: datetime | None) -> bool:
        return moment is not None and self.left <= moment < self.back


_ENTRIES = (MovementKind.returned, MovementKind.arrived)


def step_outs(movements: list[Movement]) -> list[StepOut]:
    """Each departure followed by the same person's return within the same item; a departure
    or a return recorded twice in a row belongs to the same step-out."""
    found: list[StepOut] = []
    by_person: dict[int, list[Movement]] = {}
    for movement in sorted(movements, key=lambda m: m.at):
        by_person.setdefault(movement.person_id, []).append(movement)
    for person_id, theirs in by_person.items():
        gone: list[Movement] = []  # the departures since they were last in the room
        withdrawn = False
        for movement in theirs:
            if movement.kind is MovementKind.withdrew:
                gone, withdrawn = [], True
            elif movement.kind is MovementKind.left:
                gone.append(movement)
            elif withdrawn:
                withdrawn = False  # back from a withdrawal for an interest: always minuted
            elif gone and gone[0].item_id is not None and gone[0].item_id == movement.item_id:
                moments = tuple(m.at for m in gone) + (movement.at,)
                found.append(StepOut(person_id, movement.item_id, gone[0].at, movement.at, moments))
                gone = []
            elif not gone and found and found[-1].person_id == person_id and found[-1].item_id == movement.item_id \
                    and _no_departure_since(theirs, found[-1].back, movement.at):
                last = found.pop()  # a return recorded twice
                found.append(StepOut(person_id, last.item_id, last.left, last.back, last.moments + (movement.at,)))
            else:
                gone = []
    return found


def _no_departure_since(theirs: list[Movement], since: datetime, until: datetime) -> bool:
    return not any(since < m.at < until and m.kind not in _ENTRIES for m in theirs)


def without_step_outs(movements: list[Movement], outs: list[StepOut]) -> list[Movement]:
    """The movements the minutes print: the step-outs' departures and returns left out."""
    moments = {(o.person_id, at) for o in outs for at in o.moments}
    return [m for m in movements if (m.person_id, m.at) not in moments or m.kind is MovementKind.withdrew]


def out_at(outs: list[StepOut], item_id: int, moment: datetime | None) -> list[int]:
    """Who was out of the room on a brief step-out from this item at that moment."""
    return [o.person_id for o in outs if o.item_id == item_id and o.covers(moment)]
