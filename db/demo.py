"""The demo book: Northbridge ICB, from the sample files shipped with the package.

The sample files are read by the same importers a clerk uses; only what no
file carries (the quorum rule, written in prose in quorum.md, and what was
said at the December meeting) is written here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from db.attendance import add_movement, set_attendance
from db.bodies import create_body, list_bodies
from db.book import Book
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
UPCOMING = date(2025, 3, 21)
PREVIOUS = date(2024, 12, 13)

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

# What was said in December, by printed item number: (presenters, notes, decisions)
DECEMBER_MINUTES: dict[str, tuple[str, str, list[tuple[DecisionVerb, str]]]] = {
    "1": ("", "The Chair welcomed everyone to the meeting. Apologies were noted as above.", []),
    "2": ("", "There were no declarations of interest in addition to those on the register.", []),
    "3a": ("", "", [(DecisionVerb.approved, "the minutes of the meeting held on 27 September 2024 as an accurate record")]),
    "3b": ("", "Actions 57 and 58 were closed. Action 59 was deferred to March.", [(DecisionVerb.noted, "the action log")]),
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

DECEMBER_APOLOGIES = {"DM", "IQ"}


def sample(name: str) -> str:
    return resources.files("secretary.data.northbridge").joinpath(name).read_text(encoding="utf-8")


def build_demo(path: Path) -> tuple[Book, int, bool]:
    """Open the demo book at ``path``, creating it if absent; return it, its upcoming meeting's id,
    and whether it was created now."""
    created = not path.exists()
    book = Book.open(path, create=created)
    try:
        if created:
            with book.db.atomic():
                populate(book)
        body = next((b for b in list_bodies(book) if b.short_name == SHORT_NAME), None)
        if body is None:
            raise DemoMissing(f"{path} is a book, but not the demo book: it holds no {SHORT_NAME}.")
        upcoming = next(m for m in list_meetings(book, body.id) if m.date == UPCOMING)
    except BaseException:
        book.close()
        raise
    return book, upcoming.id, created


class DemoMissing(Exception):
    pass


def populate(book: Book) -> None:
    body = create_body(book, Body(name="Northbridge Integrated Care Board", short_name=SHORT_NAME,
                                  quorum_rule=NORTHBRIDGE_RULE))
    store_roster(book, body.id, parse_roster(sample("roster.csv")))
    store_register(book, body.id, parse_register(sample("register.tsv"), body_id=body.id))

    december = create_meeting(book, Meeting(
        body_id=body.id, title="Meeting of the Board in public", date=PREVIOUS,
        planned_start=time(9, 30), planned_end=time(12), venue="Via Microsoft Teams", mode=MeetingMode.remote,
    ))
    store_agenda(book, december.id, parse_agenda_text(sample("agenda-2024-12-13.txt")))

    march = create_meeting(book, Meeting(
        body_id=body.id, title="Meeting of the Board of the ICB in public", date=UPCOMING,
        planned_start=time(9), planned_end=time(12, 30), venue="Council Chamber, Eastmere Civic Centre",
        mode=MeetingMode.hybrid,
    ))
    store_agenda(book, march.id, parse_agenda_table(sample("agenda-2025-03-21.tsv")))
    store_agenda(book, march.id, parse_agenda_table(sample("agenda-2025-03-21-private.tsv")), append=True)

    hold_december(book, body.id, december)
    store_actions(book, body.id, parse_actions(sample("actions.csv"), body_id=body.id, today=UPCOMING))
    expect_everyone(book, body.id, march.id)
    store_planner(book, body.id, parse_planner(sample("planner.tsv")))  # after the agendas: entries find their items


def expect_everyone(book: Book, body_id: int, meeting_id: int, apologies: set[str] = frozenset()) -> None:
    from secretary.models import Attendance

    for seat in roster(book, body_id, on=UPCOMING):
        status = AttendanceStatus.apologies if seat.person.initials in apologies else AttendanceStatus.expected
        set_attendance(book, Attendance(meeting_id=meeting_id, person_id=seat.person.id,
                                        group=seat.membership.group, role=seat.membership.role, status=status))


def hold_december(book: Book, body_id: int, meeting: Meeting) -> None:
    """The December meeting as it happened: attendance, a late arrival, minutes and decisions."""
    from secretary.models import Attendance

    opened = datetime.combine(PREVIOUS, time(9, 30), LONDON)
    items = list_items(book, meeting.id)
    by_number = {item.number: item for item in items}
    people = {seat.person.initials: seat for seat in roster(book, body_id, on=PREVIOUS)}
    for initials, seat in people.items():
        status = AttendanceStatus.apologies if initials in DECEMBER_APOLOGIES else AttendanceStatus.remote
        if initials == "OC":
            status = AttendanceStatus.present  # arrived during item 6 (the movement says when)
        note = "minutes" if initials == "KA" else ""
        set_attendance(book, Attendance(meeting_id=meeting.id, person_id=seat.person.id, group=seat.membership.group,
                                        role=seat.membership.role, status=status, note=note))
    clock = opened
    for order, item in enumerate(i for i in items if i.number in DECEMBER_MINUTES):
        presenters, notes, decisions = DECEMBER_MINUTES[item.number]
        started = clock
        clock += timedelta(minutes=12)
        save_minute(book, Minute(item_id=item.id, presenters=presenters, notes=notes, started_at=started,
                                 ended_at=clock, taken_order=order + 1))
        for position, (verb, text) in enumerate(decisions):
            add_decision(book, Decision(item_id=item.id, position=position, verb=verb, text=text, recorded_at=clock))
    add_movement(book, Movement(meeting_id=meeting.id, person_id=people["OC"].person.id, kind=MovementKind.arrived,
                                at=opened + timedelta(minutes=65), item_id=by_number["6"].id, phase=Phase.during))
    add_movement(book, Movement(meeting_id=meeting.id, person_id=people["MK"].person.id, kind=MovementKind.left,
                                at=opened + timedelta(minutes=110), item_id=by_number["9"].id, phase=Phase.end))
    update_meeting(book, meeting.model_copy(update={
        "status": MeetingStatus.closed, "opened_at": opened, "closed_at": clock,
        "public_in_person": 0, "public_remote": 4, "next_meeting_date": UPCOMING, "next_meeting_time": "9am",
        "next_meeting_venue": "Council Chamber, Eastmere Civic Centre", "register_confirmed": True,
    }))
