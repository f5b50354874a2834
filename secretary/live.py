"""The live meeting (DESIGN.md §4) as pure functions: where the meeting is on its agenda,
how it is running against the planned times, who is in the room, the quorum now, and
picking a person by initials or part of a name.

Everything here works on a ``LiveState`` read from the book in one go; the screen asks
these functions and shows their answers, so the rules are tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from secretary.agenda import in_order
from secretary.annotations import RunningOrder
from secretary.models import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    Decision,
    Declaration,
    Interest,
    Meeting,
    Minute,
    Movement,
    MovementKind,
    Person,
    PublicQuestion,
    Seat,
)
from secretary.quorum import QuorumResult, movements_in_room, quorum_for_item
from secretary.standard import standard_text
from secretary.people import find_people  # noqa: F401 — moved; kept here for callers not yet updated


@dataclass(frozen=True)
class LiveState:
    """Everything the live screen shows, as read from the book at one moment."""

    meeting: Meeting
    body: Body
    seats: list[Seat]
    people: dict[int, Person]
    items: list[AgendaItem]
    minutes: dict[int, Minute]
    attendance: list[Attendance]
    movements: list[Movement]
    declarations: list[Declaration] = field(default_factory=list)
    interests: list[Interest] = field(default_factory=list)
    previous_date: date | None = None  # the meeting before this one, whose minutes it approves
    next_date: date | None = None  # the next meeting: as this one's minutes give it, or the next in the book
    actions: list[Action] = field(default_factory=list)  # raised at this meeting
    decisions: list[Decision] = field(default_factory=list)
    questions: list[PublicQuestion] = field(default_factory=list)

    @property
    def ordered(self) -> list[AgendaItem]:
        return in_order(self.items)

    @property
    def current_item_id(self) -> int | None:
        return current_item_id(self.minutes)

    @property
    def current_item(self) -> AgendaItem | None:
        current = self.current_item_id
        return next((i for i in self.items if i.id == current), None)

    def attendance_of(self, person_id: int) -> Attendance | None:
        return next((a for a in self.attendance if a.person_id == person_id), None)

    def quorum(self, item_id: int | None = None, until: datetime | None = None) -> QuorumResult:
        """The quorum for the meeting (``item_id`` None) or for one item, now or at ``until``."""
        return quorum_for_item(
            self.body.quorum_rule, self.seats, self.attendance, self.movements, self.declarations,
            on=self.meeting.date, item_id=item_id, until=until,
        )

    def in_room(self) -> set[int]:
        """Person ids in the room now (present or remote, net of arrivals and departures)."""
        return movements_in_room(self.attendance, self.movements)

    def standard_text(self, item: AgendaItem, amendments: str = "") -> str | None:
        """The usual sentence(s) for an opening item, from what has been recorded so far."""
        return standard_text(
            item, meeting=self.meeting, noun=collective_name(self.body), quorum=self.quorum(item.id),
            declarations=self.declarations, initials={p: person.initials for p, person in self.people.items()},
            previous_date=self.previous_date, amendments=amendments,
        )

    def running_order(self) -> RunningOrder:
        return RunningOrder.from_minutes(self.items, list(self.minutes.values()))


def collective_name(body: Body) -> str:
    """How the minutes name the body deciding: "The Board", "The Committee"."""
    words = body.name.casefold().split()
    for noun in ("committee", "board", "council", "trustees", "panel", "group", "forum", "cabinet"):
        if noun in words:
            return "The Trustees" if noun == "trustees" else f"The {noun.capitalize()}"
    return "The Board"


# --- where the meeting is ----------------------------------------------------------------


def current_item_id(minutes: dict[int, Minute] | list[Minute]) -> int | None:
    """The item being taken: started and not yet ended (the latest taken, if the book holds several)."""
    values = minutes.values() if isinstance(minutes, dict) else minutes
    open_items = [m for m in values if m.started_at is not None and m.ended_at is None]
    if not open_items:
        return None
    latest = max(open_items, key=lambda m: (m.taken_order or 0, m.started_at))
    return latest.item_id


def neighbour(items: list[AgendaItem], item_id: int | None, step: int) -> AgendaItem | None:
    """The item ``step`` places after (or before, when negative) this one in agenda order."""
    ordered = in_order(items)
    if not ordered:
        return None
    if item_id is None:
        return ordered[0] if step > 0 else None
    ids = [i.id for i in ordered]
    if item_id not in ids:
        return None
    index = ids.index(item_id) + step
    return ordered[index] if 0 <= index < len(ordered) else None


def next_taken_order(minutes: dict[int, Minute] | list[Minute]) -> int:
    values = minutes.values() if isinstance(minutes, dict) else minutes
    return max((m.taken_order or 0 for m in values), default=0) + 1


# --- planned against actual times --------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """An item's planned slot: from its planned start to the next timed item (or the meeting's end)."""

    start: time | None
    end: time | None

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return _minutes_between(self.start, self.end)


def planned_slots(items: list[AgendaItem], meeting_end: time | None = None) -> dict[int, Slot]:
    """Each item's planned slot. Items printed without a time (sub-items, mostly) have none."""
    ordered = [i for i in in_order(items) if i.id is not None]
    slots: dict[int, Slot] = {}
    for index, item in enumerate(ordered):
        if item.planned_start is None:
            slots[item.id] = Slot(None, None)
            continue
        later = (i.planned_start for i in ordered[index + 1:] if i.planned_start is not None)
        end = next((t for t in later if t > item.planned_start), None)
        if end is None and meeting_end is not None and meeting_end > item.planned_start:
            end = meeting_end
        slots[item.id] = Slot(item.planned_start, end)
    return slots


@dataclass(frozen=True)
class Timing:
    """How the meeting is running at ``now``."""

    item_minutes: int | None  # how long the current item has run
    item_planned: int | None  # its planned length
    late_minutes: int  # positive: behind the planned times; negative: ahead
    elapsed_minutes: int | None  # since the meeting opened

    @property
    def item_over(self) -> int:
        if self.item_minutes is None or self.item_planned is None:
            return 0
        return max(0, self.item_minutes - self.item_planned)

    def item_words(self) -> str:
        if self.item_minutes is None:
            return ""
        if self.item_planned is None:
            return f"{self.item_minutes} min on this item"
        if self.item_over:
            return f"{self.item_minutes} min of {self.item_planned} planned — {self.item_over} min over"
        return f"{self.item_minutes} min of {self.item_planned} planned"

    def late_words(self) -> str:
        if self.late_minutes >= 1:
            return f"running {self.late_minutes} min late"
        if -60 <= self.late_minutes <= -1:  # much earlier than planned is not a meeting "ahead"
            return f"{-self.late_minutes} min ahead"
        return "on time"


def timing(state: LiveState, now: datetime) -> Timing:
    """Elapsed time, the current item's time against its slot, and how late the meeting runs.

    Lateness is the later of: the current item started after its planned start, and the
    current item has run past the end of its slot (so an overrunning item makes the
    meeting later minute by minute). With no planned times there is no lateness.
    """
    meeting = state.meeting
    slots = planned_slots(state.items, meeting.planned_end)
    elapsed = _minutes(now - meeting.opened_at) if meeting.opened_at else None
    current = state.current_item_id
    if current is None:
        late = 0
        if meeting.status.value == "planned" and meeting.planned_start and now.date() == meeting.date:
            late = max(0, _minutes_between(meeting.planned_start, now.time()))
        return Timing(None, None, late, elapsed)
    minute = state.minutes[current]
    slot = slots.get(current, Slot(None, None))
    ran = _minutes(now - minute.started_at) if minute.started_at else None
    late = 0
    if slot.start is not None and minute.started_at is not None:
        late = _minutes_between(slot.start, _local(minute.started_at, now).time())
    # an item printed without a time (a sub-item) runs inside the slot of the timed item above it
    paced_by = slot if slot.start is not None else _enclosing_slot(state.items, current, slots)
    if paced_by.end is not None:
        late = max(late, _minutes_between(paced_by.end, _local(now, now).time()))
    return Timing(ran, slot.minutes, late, elapsed)


def _enclosing_slot(items: list[AgendaItem], item_id: int, slots: dict[int, Slot]) -> Slot:
    """The slot of the nearest timed item at or before ``item_id`` in printed order."""
    found = Slot(None, None)
    for item in in_order(items):
        if slots.get(item.id, found).start is not None:
            found = slots[item.id]
        if item.id == item_id:
            return found
    return Slot(None, None)


def _local(at: datetime, like: datetime) -> datetime:
    return at.astimezone(like.tzinfo) if like.tzinfo else at


def _minutes(delta) -> int:
    return int(delta.total_seconds() // 60)


def _minutes_between(start: time, end: time) -> int:
    """Whole minutes from one clock time to another on the same day (negative when earlier)."""
    day = date(2000, 1, 1)
    return _minutes(datetime.combine(day, end) - datetime.combine(day, start))


def elapsed_words(minutes: int | None) -> str:
    if minutes is None:
        return ""
    hours, mins = divmod(max(0, minutes), 60)
    return f"{hours}h {mins:02d}m" if hours else f"{mins} min"


# --- who is where -------------------------------------------------------------------------


_IN = (AttendanceStatus.present, AttendanceStatus.remote)


def room_lists(state: LiveState) -> tuple[list[Attendance], list[Attendance], list[Attendance]]:
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


def default_kind(state: LiveState, person_id: int) -> MovementKind:
    """What a movement for this person most likely is: out if they are in, in if they are out."""
    if person_id in state.in_room():
        return MovementKind.left
    earlier = [m for m in state.movements if m.person_id == person_id]
    if earlier and earlier[-1].kind in (MovementKind.left, MovementKind.withdrew):
        return MovementKind.returned
    return MovementKind.arrived
