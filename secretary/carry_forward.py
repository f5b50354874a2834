"""What a new meeting carries forward from the previous one (DESIGN.md §1, "before"):
who is expected, the standing opening items, their times moved to the new start, and a
minutes item that names the meeting whose minutes it now approves."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from secretary.agenda import in_order
from secretary.models import AgendaItem, Attendance, AttendanceStatus, Disposal, Minute, Seat
from secretary.standing import OPENING_RUN, Standing

_OPENING_SECTION = re.compile(r"opening\b", re.IGNORECASE)
_SEARCHED = 8  # an agenda's opening never runs further than this


def expected_attendance(previous: list[Attendance], seats: list[Seat], meeting_id: int) -> list[Attendance]:
    """Who the new meeting expects: everyone on the previous list who still holds a seat, listed as
    they were (a deputy comes as themselves, the deputising is not carried); then everyone else in
    post, from their seat. People without a seat (invited guests, deputies) are not carried."""
    by_person: dict[int, Seat] = {}
    for seat in seats:
        by_person.setdefault(seat.person.id, seat)  # the roster lists the senior seat first
    expected: list[Attendance] = []
    listed: set[int] = set()
    for was in previous:
        if was.person_id in by_person and was.person_id not in listed:
            listed.add(was.person_id)
            expected.append(Attendance(meeting_id=meeting_id, person_id=was.person_id, group=was.group,
                                       role=was.role, note=was.note, status=AttendanceStatus.expected))
    for person_id, seat in by_person.items():
        if person_id not in listed:
            expected.append(Attendance(meeting_id=meeting_id, person_id=person_id, group=seat.membership.group,
                                       role=seat.membership.role, status=AttendanceStatus.expected))
    return expected


def opening_items(items: list[AgendaItem]) -> list[AgendaItem]:
    """The standing items that open every meeting, in printed order.

    When the agenda has a section whose name starts "Opening" (the usual "Opening Items"), it is
    every item in that section. Otherwise it is the items from the top down to the last one that
    is the previous minutes, the action tracker or matters arising (itself or a sub-item), with
    its sub-items. Only the first eight items are searched, and the search stops at the second
    item in a row that is none of them, so a committee's minutes further down do not pull the
    whole agenda in. No such item: nothing is copied.
    """
    ordered = in_order(items)
    sectioned = [i for i in ordered if _OPENING_SECTION.match(i.section.strip())]
    if sectioned:
        return sectioned
    top = [i for i in ordered if i.parent_id is None]
    end, misses = None, 0
    for n, item in enumerate(top[:_SEARCHED]):
        kinds = [item.standing] + [i.standing for i in ordered if i.parent_id == item.id]
        if any(kind in OPENING_RUN for kind in kinds):
            end, misses = n, 0
        elif end is not None:
            misses += 1
            if misses == 2:
                break
    if end is None:
        return []
    kept = {i.id for i in top[: end + 1]}
    return [i for i in ordered if i.id in kept or i.parent_id in kept]


def carried_item(item: AgendaItem, *, meeting_id: int, position: int, parent_id: int | None,
                 old_start: time | None, new_start: time | None, minutes_of: tuple[date, date] | None
                 ) -> AgendaItem:
    """An opening item as the new meeting has it: its time moved with the meeting's start and, for
    the minutes item, the date it names moved from the meeting before (``minutes_of``: old, new)."""
    title = item.title
    if minutes_of is not None and item.standing is Standing.previous_minutes:
        title = name_new_date(title, *minutes_of)
    return item.model_copy(update={
        "id": None, "meeting_id": meeting_id, "position": position, "title": title, "parent_id": parent_id,
        "planned_start": shifted(item.planned_start, old_start, new_start),
    })


def shifted(moment: time | None, old_start: time | None, new_start: time | None) -> time | None:
    """An item's time when the meeting now starts at ``new_start`` rather than ``old_start``."""
    if moment is None or old_start is None or new_start is None:
        return moment
    day = date(2000, 1, 1)
    moved = datetime.combine(day, moment) + (datetime.combine(day, new_start) - datetime.combine(day, old_start))
    return moved.time() if moved.date() == day else moment


def name_new_date(title: str, old: date, new: date) -> str:
    """'Minutes from meeting held on 13 December' → '… 21 March', in whichever form the date was written."""
    for form in ("{d.day} {d:%B %Y}", "{d:%d/%m/%Y}", "{d.day} {d:%B}", "{d.day} {d:%b}"):
        written = form.format(d=old)
        match = re.search(rf"(?<!\d){re.escape(written)}(?![\w/])", title, re.IGNORECASE)
        if match:
            return title[: match.start()] + form.format(d=new) + title[match.end():]
    return title


def deferred_items(items: list[AgendaItem], minutes: list[Minute], new_date: date) -> list[AgendaItem]:
    """The items the previous meeting deferred to the next meeting, or to a date this one has
    reached, in agenda order: offered again on the new agenda."""
    deferred = {m.item_id for m in minutes if m.disposal is Disposal.deferred
                and (m.deferred_to is None or m.deferred_to <= new_date)}
    return [i for i in in_order(items) if i.id in deferred]
