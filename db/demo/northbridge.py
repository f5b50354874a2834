"""The demo book: Northbridge ICB, from the sample files shipped with the package.

The sample files are read by the same importers a clerk uses; only what no
file carries (the quorum rule, written in prose in quorum.md, and what was
said at the previous meeting) is written here. Every date moves to the demo's day
(``db.demo.calendar``): the upcoming meeting is today.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from db.attendance import add_movement, set_attendance
from db.bodies import create_body, list_bodies
from db.book import Book
from db.demo.calendar import DemoDay
from db.imports import store_actions, store_agenda, store_register, store_roster
from db.meetings import create_meeting, list_items, list_meetings, update_meeting
from db.minutes import add_decision, save_minute
from db.people import roster
from db.planner import store_planner
from secretary.importers.actions import parse_actions
from secretary.importers.agenda import parse_agenda_table, parse_agenda_text
from secretary.importers.planner import parse_planner
from secretary.importers.register import parse_register
from secretary.importers.roster import parse_roster
from secretary.models import (
    AttendanceStatus, Body, Category, Decision, DecisionVerb, Meeting, MeetingMode, MeetingStatus, Minute, Movement,
    MovementKind, Phase, QuorumRequirement, QuorumRule,
)

LONDON = ZoneInfo("Europe/London")
SHORT_NAME = "NICB"

# quorum.md, as data
NORTHBRIDGE_RULE = QuorumRule(
    requirements=(
        QuorumRequirement(label="the Chair or Deputy Chair", categories=(Category.chair, Category.deputy_chair)),
        QuorumRequirement(label="executive member", categories=(Category.executive,)),
        QuorumRequirement(label="non-executive member", categories=(Category.non_executive, Category.deputy_chair)),
        QuorumRequirement(label="partner member", categories=(Category.partner,)),
    ),
    remote_counts=True,
    deputies_count=True,
    conflicted_count=False,
)

# What was said at the previous meeting, by printed item number: (presenters, notes, decisions)
PREVIOUS_MINUTES: dict[str, tuple[str, str, list[tuple[DecisionVerb, str]]]] = {
    "1": ("", "The Chair welcomed everyone to the meeting. Apologies were noted as above.", []),
    "2": ("", "There were no declarations of interest in addition to those on the register.", []),
    "3a": ("", "", [(DecisionVerb.approved, "the minutes of the meeting held on 27 September 2024 as an accurate record")]),
    "3b": ("", "Actions 57 and 58 were closed. Action 59 was deferred to the next meeting.", [(DecisionVerb.noted, "the action log")]),
    "4": ("", "No questions had been received from the public.", []),
    "5": ("Helen Marsh, Chair", "The Chair thanked staff across the system for their work ahead of winter.", []),
    "6": (
        "Catherine Bell, Chief Executive Officer",
        "The specialised commissioning delegation agreement was awaiting signature by NHS England.\n"
        "- Recruitment to the Chief People Officer post had concluded.\n"
        "- The Board development programme would continue in the new year.",
        [(DecisionVerb.noted, "the CEO's update")],
    ),
    "7": (
        "Dr Joanna Price, Chief Medical Director and Sarah Okafor",
        "Ambulance handover delays had improved at both acute sites but remained above the national standard.\n"
        "Members asked for handover times to be shown by site.",
        [(DecisionVerb.noted, "the winter plan and the urgent care update")],
    ),
    "8": ("Femi Adebayo, Chief People Officer", "Uptake of the NHS App varied widely between practices.",
          [(DecisionVerb.supported, "the digital inclusion approach")]),
    "9": ("Neil Foster, Chief Finance Officer",
          "The system was reporting a deficit at month 7 and a recovery plan was in place.",
          [(DecisionVerb.noted, "the finance update")]),
    "10": ("", "There was no other business.", []),
}

PREVIOUS_APOLOGIES = {"DM", "IQ"}


def sample(name: str) -> str:
    return resources.files("secretary.data.northbridge").joinpath(name).read_text(encoding="utf-8")


def build_demo(path: Path, day: DemoDay | None = None) -> tuple[Book, int, bool]:
    """Open the demo book at ``path``, creating it for ``day`` (now, by default) if absent; return it,
    its upcoming meeting's id, and whether it was created now."""
    day = day or DemoDay.current()
    return open_demo(path, day, lambda book: populate(book, day))


def open_demo(path: Path, day: DemoDay, fill: Callable[[Book], object]) -> tuple[Book, int, bool]:
    """The demo book at ``path``, made with ``fill`` if absent. One whose upcoming meeting is of an
    earlier day and was never started is set aside (``demo-2025-03-21.secretary``) and made again."""
    created = not path.exists()
    book = Book.open(path, create=created)
    try:
        if created:
            with book.db.atomic():
                fill(book)
        upcoming = upcoming_meeting(book, path)
    except BaseException:
        book.close()
        if created:  # a half-made book is no use to anyone: the next run makes it again
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    if created or upcoming.date >= day.upcoming or upcoming.status is not MeetingStatus.planned:
        return book, upcoming.id, created
    book.close()
    set_aside(path, upcoming.date)
    return open_demo(path, day, fill)


def set_aside(path: Path, day: date) -> Path:
    """Move an old demo book (and any journal beside it) to a name of its own, never over another file."""
    n = 1
    while (aside := path.with_name(f"{path.stem}-{day.isoformat()}{'' if n == 1 else f'-{n}'}{path.suffix}")).exists():
        n += 1
    for suffix in ("-wal", "-shm"):
        journal = path.with_name(path.name + suffix)
        if journal.exists():
            journal.rename(aside.with_name(aside.name + suffix))
    path.rename(aside)
    return aside


class DemoMissing(Exception):
    pass


def upcoming_meeting(book: Book, path: Path) -> Meeting:
    """The demo board's latest meeting: the one the demo opens."""
    body = next((b for b in list_bodies(book) if b.short_name == SHORT_NAME), None)
    meetings = list_meetings(book, body.id) if body else []
    if not meetings:
        raise DemoMissing(f"{path} is a book, but not a demo book: it holds no {SHORT_NAME}.")
    return max(meetings, key=lambda m: (m.date, m.id))


def populate(book: Book, day: DemoDay) -> None:
    body = create_body(book, Body(name="Northbridge Integrated Care Board", short_name=SHORT_NAME,
                                  quorum_rule=NORTHBRIDGE_RULE))
    store_roster(book, body.id, parse_roster(sample("roster.csv")))
    store_register(book, body.id, parse_register(sample("register.tsv"), body_id=body.id))

    previous = create_meeting(book, Meeting(
        body_id=body.id, title="Meeting of the Board in public", date=day.previous,
        planned_start=time(9, 30), planned_end=time(12), venue="Via Microsoft Teams", mode=MeetingMode.remote,
    ))
    store_agenda(book, previous.id, parse_agenda_text(day.shift_text(sample("agenda-2024-12-13.txt"))))

    upcoming = create_upcoming(book, body.id, day)
    hold_previous(book, body.id, previous, day)
    actions = parse_actions(day.shift_text(sample("actions.csv")), body_id=body.id, today=day.upcoming)
    store_actions(book, body.id, actions)
    expect_everyone(book, body.id, upcoming.id, on=day.upcoming)
    # after the agendas: entries find their items
    store_planner(book, body.id, parse_planner(day.shift_text(sample("planner.tsv"))))


def create_upcoming(book: Book, body_id: int, day: DemoDay) -> Meeting:
    """Today's meeting with the sample agenda, its times moved to the demo's start."""
    meeting = create_meeting(book, Meeting(
        body_id=body_id, title="Meeting of the Board of the ICB in public", date=day.upcoming,
        planned_start=day.start, planned_end=day.end, venue="Council Chamber, Eastmere Civic Centre",
        mode=MeetingMode.hybrid,
    ))
    for name, append in (("agenda-2025-03-21.tsv", False), ("agenda-2025-03-21-private.tsv", True)):
        agenda = parse_agenda_table(day.shift_text(sample(name)))
        items = tuple(item.model_copy(update={"planned_start": day.shift_time(item.planned_start)})
                      for item in agenda.items)
        store_agenda(book, meeting.id, agenda.model_copy(update={"items": items}), append=append)
    return meeting


def expect_everyone(book: Book, body_id: int, meeting_id: int, *, on: date,
                    apologies: set[str] = frozenset()) -> None:
    from secretary.models import Attendance

    for seat in roster(book, body_id, on=on):
        status = AttendanceStatus.apologies if seat.person.initials in apologies else AttendanceStatus.expected
        set_attendance(book, Attendance(meeting_id=meeting_id, person_id=seat.person.id,
                                        group=seat.membership.group, role=seat.membership.role, status=status))


def hold_previous(book: Book, body_id: int, meeting: Meeting, day: DemoDay) -> None:
    """The previous meeting as it happened: attendance, a late arrival, minutes and decisions."""
    from secretary.models import Attendance

    opened = datetime.combine(day.previous, time(9, 30), LONDON)
    items = list_items(book, meeting.id)
    by_number = {item.number: item for item in items}
    people = {seat.person.initials: seat for seat in roster(book, body_id, on=day.previous)}
    for initials, seat in people.items():
        status = AttendanceStatus.apologies if initials in PREVIOUS_APOLOGIES else AttendanceStatus.remote
        if initials == "OC":
            status = AttendanceStatus.present  # arrived during item 6 (the movement says when)
        note = "minutes" if initials == "KA" else ""
        set_attendance(book, Attendance(meeting_id=meeting.id, person_id=seat.person.id, group=seat.membership.group,
                                        role=seat.membership.role, status=status, note=note))
    clock = opened
    for order, item in enumerate(i for i in items if i.number in PREVIOUS_MINUTES):
        presenters, notes, decisions = PREVIOUS_MINUTES[item.number]
        started = clock
        clock += timedelta(minutes=12)
        save_minute(book, Minute(item_id=item.id, presenters=presenters, notes=notes, started_at=started,
                                 ended_at=clock, taken_order=order + 1))
        for position, (verb, text) in enumerate(decisions):
            add_decision(book, Decision(item_id=item.id, position=position, verb=verb, text=day.shift_text(text),
                                        recorded_at=clock))
    add_movement(book, Movement(meeting_id=meeting.id, person_id=people["OC"].person.id, kind=MovementKind.arrived,
                                at=opened + timedelta(minutes=65), item_id=by_number["6"].id, phase=Phase.during))
    add_movement(book, Movement(meeting_id=meeting.id, person_id=people["MK"].person.id, kind=MovementKind.left,
                                at=opened + timedelta(minutes=110), item_id=by_number["9"].id, phase=Phase.end))
    update_meeting(book, meeting.model_copy(update={
        "status": MeetingStatus.closed, "opened_at": opened, "closed_at": clock,
        "public_in_person": 0, "public_remote": 4, "next_meeting_date": day.upcoming,
        "next_meeting_time": day.start_words, "next_meeting_venue": "Council Chamber, Eastmere Civic Centre",
        "register_confirmed": True,
    }))
