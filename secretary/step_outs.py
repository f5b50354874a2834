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

    def covers(self, moment: datetime | None) -> bool:
        return moment is not None and self.left <= moment < self.back


def step_outs(movements: list[Movement]) -> list[StepOut]:
    """Each departure followed by the same person's return within the same item."""
    found = []
    by_person: dict[int, list[Movement]] = {}
    for movement in sorted(movements, key=lambda m: m.at):
        by_person.setdefault(movement.person_id, []).append(movement)
    for person_id, theirs in by_person.items():
        for went, came in zip(theirs, theirs[1:]):
            if went.kind is not MovementKind.left or came.kind not in (MovementKind.returned, MovementKind.arrived):
                continue
            if went.item_id is not None and went.item_id == came.item_id:
                found.append(StepOut(person_id, went.item_id, went.at, came.at))
    return found


def without_step_outs(movements: list[Movement], outs: list[StepOut]) -> list[Movement]:
    """The movements the minutes print: the step-outs' departures and returns left out."""
    moments = {(o.person_id, o.left) for o in outs} | {(o.person_id, o.back) for o in outs}
    return [m for m in movements if (m.person_id, m.at) not in moments
            or m.kind not in (MovementKind.left, MovementKind.returned, MovementKind.arrived)]


def out_at(outs: list[StepOut], item_id: int, moment: datetime | None) -> list[int]:
    """Who was out of the room on a brief step-out from this item at that moment."""
    return [o.person_id for o in outs if o.item_id == item_id and o.covers(moment)]
