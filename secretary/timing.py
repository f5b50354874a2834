"""How the meeting runs against its planned times: each item's planned slot, the time on the
current item, how late the meeting is, and the elapsed time in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from secretary.agenda import in_order
from secretary.models import AgendaItem, MeetingStatus

if TYPE_CHECKING:
    from secretary.record import MeetingRecord


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


def timing(state: MeetingRecord, now: datetime) -> Timing:
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
        if meeting.status is MeetingStatus.planned and meeting.planned_start and now.date() == meeting.date:
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
