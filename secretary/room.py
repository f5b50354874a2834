"""Who is where during the meeting: in the room, stepped out or gone, not yet arrived — and
the movements the rules make on the clerk's behalf (a member who withdrew for an item
returns when the item ends)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from secretary.models import STEPPED_OUT, Attendance, AttendanceStatus, Movement, MovementKind, Phase  # noqa: F401

if TYPE_CHECKING:
    from secretary.record import MeetingRecord


_IN = (AttendanceStatus.present, AttendanceStatus.remote)


def room_lists(state: MeetingRecord) -> tuple[list[Attendance], list[Attendance], list[Attendance]]:
    """(in the room, stepped out or left, not arrived) — each as attendance rows, in list order."""
    room = state.in_room()
    moved = {m.person_id for m in state.movements}
    inside, out, waiting = [], [], []
    for row in state.attendance:
        if row.person_id in room:
            inside.append(row)
        elif row.person_id in moved:
            out.append(row)
        elif row.status in (AttendanceStatus.expected,):
            waiting.append(row)
    return inside, out, waiting


def default_kind(state: MeetingRecord, person_id: int) -> MovementKind:
    """What a movement for this person most likely is: out if they are in, in if they are out."""
    if person_id in state.in_room():
        return MovementKind.left
    earlier = [m for m in state.movements if m.person_id == person_id]
    if earlier and earlier[-1].kind in (MovementKind.left, MovementKind.withdrew):
        return MovementKind.returned
    return MovementKind.arrived


def returns_when_item_ends(movements: list[Movement], meeting_id: int, item_id: int, at: datetime) -> list[Movement]:
    """Everyone still out after withdrawing for this item comes back as it ends (DESIGN.md §3.2)."""
    last: dict[int, Movement] = {}
    for movement in movements:
        last[movement.person_id] = movement
    return [
        Movement(meeting_id=meeting_id, person_id=person_id, kind=MovementKind.returned, at=max(at, movement.at),
                 item_id=item_id, phase=Phase.end)
        for person_id, movement in last.items()
        if movement.kind is MovementKind.withdrew and movement.item_id == item_id
    ]
