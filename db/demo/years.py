"""Ten years of a busy board: a large demo book, generated from a seed (issue 9).

``secretary demo --years 10`` makes about 500 meetings of the Northbridge ICB Board and its
four committees, with some 15,000 agenda items, 10,000 actions and their updates and
100,000 arrivals and departures — the book the speed budgets of DESIGN.md §8 are measured
on. The same seed on the same day always gives the same book; the years end today, with
the Board's upcoming meeting (``db.demo.calendar``).

The Board's roster and register come from the demo's sample files, read by the clerk's own
importers; the board's upcoming meeting has the demo's agenda. Everything else is made up
from ``db.demo.busy_board`` (agendas in ``agendas``, what happened in ``proceedings``, actions
in ``action_history``) and written with bulk inserts in one transaction, as models turned
into rows (``db.rows.to_row``), so every row is one the app could have written.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel

from db.bodies import create_body
from db.book import Book
from db.demo.action_history import record_actions
from db.demo.agendas import board_agenda, committee_agenda
from db.demo import busy_board as words_for
from db.demo.busy_board import COMMITTEES, Committee, Topic, Words, committee_rule
from db.demo.calendar import DemoDay
from db.demo.northbridge import (
    NORTHBRIDGE_RULE, SHORT_NAME, create_upcoming, expect_everyone, open_demo, sample,
)
from db.demo.proceedings import hold
from db.imports import store_register, store_roster
from db.minutes import list_interests
from db.people import add_seat, roster
from db.rows import to_row
from secretary.importers.register import parse_register
from secretary.importers.roster import parse_roster
from secretary.models import (
    AgendaItem, Attendance, Body, Category, ItemKind, Meeting, MeetingMode, MeetingStatus, Membership, Part, Person,
    Seat,
)

SEED = 20250321
BOARD_MONTHS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
COMMITTEE_MONTHS = (1, 2, 3, 4, 5, 6, 7, 9, 10, 11)
EXCLUSION = ("The Board of the Integrated Care Board resolves that representatives of the press, and other "
             "members of the public, be excluded from the remainder of this meeting having regard to the "
             "confidential nature of the business to be transacted, publicity on which would be prejudicial "
             "to the public interest, Section 1(2), Public Bodies (Admission to Meetings) Act 1960.")


@dataclass
class Counts:
    meetings: int = 0
    items: int = 0
    minutes_chars: int = 0
    decisions: int = 0
    actions: int = 0
    updates: int = 0
    movements: int = 0
    declarations: int = 0
    questions: int = 0
    attendance: int = 0

    def line(self) -> str:
        return (f"{self.meetings:,} meetings, {self.items:,} items, {self.actions:,} actions "
                f"({self.updates:,} updates), {self.movements:,} movements, {self.decisions:,} decisions, "
                f"{self.declarations:,} declarations, {self.questions:,} public questions, "
                f"{self.minutes_chars / 1024:,.0f} KB of minutes")


def build_big_demo(path: Path, years: int, *, seed: int = SEED, day: DemoDay | None = None
                   ) -> tuple[Book, int, bool]:
    """Open the large demo book at ``path``, generating it first (up to ``day``, now by default) if
    absent; return it, the Board's upcoming meeting's id, and whether it was generated now."""
    day = day or DemoDay.current()
    if years < 1:
        raise ValueError("--years must be at least 1")
    return open_demo(path, day, lambda book: populate(book, years, seed=seed, day=day))


def populate(book: Book, years: int, *, seed: int = SEED, day: DemoDay | None = None) -> Counts:
    """Fill an empty book with ``years`` years of meetings up to the Board's meeting on ``day``."""
    day = day or DemoDay.current()
    with book.db.atomic():
        # rows refer forward (minutes approved by the next meeting): check references at commit
        book.db.execute("PRAGMA defer_foreign_keys = ON")
        board = create_body(book, Body(name="Northbridge Integrated Care Board", short_name=SHORT_NAME,
                                       quorum_rule=NORTHBRIDGE_RULE))
        store_roster(book, board.id, parse_roster(sample("roster.csv")))
        store_register(book, board.id, parse_register(sample("register.tsv"), body_id=board.id))
        writer = Writer(book, random.Random(seed), years, day.upcoming)
        writer.board(board)
        for committee in COMMITTEES:
            writer.committee(committee, roster(book, board.id))
        writer.flush()
        upcoming = create_upcoming(book, board.id, day)
        expect_everyone(book, board.id, upcoming.id, on=day.upcoming)
        writer.counts.meetings += 1
    return writer.counts


@dataclass
class Held:
    """One meeting as generated, with what later meetings need of it."""

    meeting: Meeting
    items: list[AgendaItem]
    minutes: dict[int, dict[str, Any]]  # item id -> minute row (the tracker item's is written later)
    tracker_item: int | None
    topic_items: list[tuple[AgendaItem, str, Topic]] = field(default_factory=list)  # with its phrase
    present: list[int] = field(default_factory=list)


class Writer:
    """Makes the rows of every body's meetings, then writes them table by table."""

    ORDER = ("meeting", "agenda_item", "minute", "attendance", "movement", "declaration", "decision", "action",
             "action_owner", "action_deadline", "action_update", "public_question", "action_counter")

    def __init__(self, book: Book, rng: random.Random, years: int, upcoming: date) -> None:
        self.book = book
        self.rng = rng
        self.upcoming = upcoming
        self.first_day = upcoming - relativedelta(years=years)
        self.last_day = upcoming + timedelta(days=45)  # the committees' next meetings are planned
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.next_id: dict[str, int] = {}
        self.counts = Counts()
        for table in ("meeting", "agenda_item", "attendance", "movement", "declaration", "decision", "action",
                      "action_update", "public_question"):
            self.next_id[table] = book.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]

    # --- writing -------------------------------------------------------------------------

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def add(self, table: str, model: BaseModel, **extra: Any) -> None:
        self.rows[table].append({**to_row(model), **extra})

    def flush(self) -> None:
        conn = self.book.conn
        for table in self.ORDER:
            rows = self.rows.pop(table, [])
            if not rows:
                continue
            columns = list(rows[0])
            sql = (f'INSERT INTO {table} ({", ".join(f"{c!r}".replace(chr(39), chr(34)) for c in columns)}) '
                   f'VALUES ({", ".join("?" * len(columns))})')
            conn.executemany(sql, ([row[c] for c in columns] for row in rows))

    # --- the schedule --------------------------------------------------------------------

    def dates(self, months: tuple[int, ...], weekday: int, nth: int) -> list[date]:
        found = []
        year, month = self.first_day.year, self.first_day.month
        while date(year, month, 1) <= self.last_day:
            if month in months:
                day = _nth_weekday(year, month, weekday, 2 if month == 12 else nth)
                if self.first_day <= day <= self.last_day:
                    found.append(day)
            month += 1
            if month == 13:
                year, month = year + 1, 1
        return found

    # --- the Board -----------------------------------------------------------------------

    def board(self, body: Body) -> None:
        seats = roster(self.book, body.id)
        interests = defaultdict(list)
        for interest in list_interests(self.book, body.id):
            if interest.person_id is not None and interest.details:
                interests[interest.person_id].append(interest)
        # up to the meeting of 21 March 2025, which has the demo's own agenda
        days = [d for d in self.dates(BOARD_MONTHS, 4, 3) if d < self.upcoming]
        agenda = lambda w, m, p: board_agenda(self.rng, w, m, p)  # noqa: E731
        self.body_meetings(body, seats, days, agenda, interests, noun="Board",
                           start=time(9, 30), end=time(12, 30), venue="Council Chamber, Eastmere Civic Centre",
                           mode=MeetingMode.hybrid, next_after=self.upcoming)

    # --- the committees ------------------------------------------------------------------

    def committee(self, committee: Committee, board_seats: list[Seat]) -> None:
        body = create_body(self.book, Body(name=committee.name, short_name=committee.short_name,
                                           quorum_rule=committee_rule(committee)))
        by_initials = {seat.person.initials: seat for seat in board_seats}
        for initials in committee.members:
            seat = by_initials[initials]
            category = Category.chair if initials == committee.chair else seat.membership.category
            if category is Category.deputy_chair:
                category = Category.non_executive
            voting = category not in (Category.participant, Category.attendee)
            role = f"Chair of the Committee ({seat.membership.role})" if category is Category.chair else \
                seat.membership.role
            add_seat(self.book, Person(body_id=body.id, name=seat.person.name, honorific=seat.person.honorific,
                                       initials=initials),
                     Membership(person_id=0, category=category, role=role, voting=voting,
                                group=seat.membership.group))
        add_seat(self.book, Person(body_id=body.id, name="Kim Archer", initials="KA"),
                 Membership(person_id=0, category=Category.attendee, role="Corporate Governance Officer",
                            group="in_attendance"))
        seats = roster(self.book, body.id)
        days = self.dates(COMMITTEE_MONTHS, committee.weekday, 2)
        start = time(committee.start_hour)
        agenda = lambda w, m, p: committee_agenda(self.rng, committee, w, m, p)  # noqa: E731
        self.body_meetings(body, seats, days, agenda, {},
                           noun="Committee", start=start, end=time(committee.start_hour + 2, 30),
                           venue="Via Microsoft Teams", mode=MeetingMode.remote, next_after=None)

    # --- one body's meetings -------------------------------------------------------------

    def body_meetings(self, body: Body, seats: list[Seat], days: list[date], agenda, interests: dict,
                      *, noun: str, start: time, end: time, venue: str, mode: MeetingMode,
                      next_after: date | None) -> None:
        title = ("Meeting of the Board of the ICB in public" if noun == "Board" else f"Meeting of the {body.name}")
        held: list[Held] = []
        previous: Meeting | None = None
        meetings = []
        for n, day in enumerate(days):
            following = days[n + 1] if n + 1 < len(days) else next_after
            meetings.append(Meeting(
                id=self.new_id("meeting"), body_id=body.id, date=day, planned_start=start, planned_end=end,
                title="Annual General Meeting of the ICB" if noun == "Board" and day.month == 8 else title,
                venue=venue, mode=mode, next_meeting_date=following,
                next_meeting_time=f"{start:%H.%M}" if following else "", next_meeting_venue=venue if following else "",
            ))
        for n, meeting in enumerate(meetings):
            words = Words(self.rng, meeting.date, noun, self.rng.choice(COMMITTEES).name)
            is_held = meeting.date < self.upcoming
            if is_held:
                later = meetings[n + 1] if n + 1 < len(meetings) and meetings[n + 1].date < self.upcoming else None
                update = {"status": MeetingStatus.approved if later else MeetingStatus.closed,
                          "public_in_person": self.rng.randint(0, 6) if mode is not MeetingMode.remote else 0,
                          "public_remote": self.rng.randint(0, 12) if noun == "Board" else 0,
                          "register_confirmed": True}
                if later:
                    update.update(approved_on=later.date, approved_by_meeting_id=later.id)
                meeting = meeting.model_copy(update=update)
            plan = agenda(words, meeting, previous)
            if any(len(row) > 6 for row in plan):
                meeting = meeting.model_copy(update={"exclusion_resolution": EXCLUSION})
            one = self.meeting(meeting, plan, words, seats, interests, previous, is_held, noun)
            meetings[n] = one.meeting
            if is_held:
                held.append(one)
            previous = one.meeting
        for one in meetings:
            self.add("meeting", one)
        self.counts.meetings += len(meetings)
        record_actions(self, body, seats, held, noun)

    def meeting(self, meeting: Meeting, plan: list[tuple], words: Words, seats: list[Seat], interests: dict,
                previous: Meeting | None, is_held: bool, noun: str) -> Held:
        rng = self.rng
        items: list[AgendaItem] = []
        kinds: dict[int, object] = {}
        parent: AgendaItem | None = None
        clock = datetime.combine(meeting.date, meeting.planned_start)
        for position, row in enumerate(plan):
            number, title, section, purpose, lead, kind = row[:6]
            part = row[6] if len(row) > 6 else Part.public
            sub = number.endswith(")")
            if isinstance(kind, Topic):
                title = title or words_for.topic_title(words, kind)
            item = AgendaItem(
                id=self.new_id("agenda_item"), meeting_id=meeting.id, parent_id=parent.id if sub and parent else None,
                position=position, number=number, title=title, section=section, purpose=purpose, lead=lead,
                kind=ItemKind.break_ if kind == "break" else ItemKind.item, part=part,
                planned_start=None if sub else clock.time(),
                paper_ref="" if kind in ("break", "chair") or sub else f"{meeting.date:%y%m}/{number}",
                verbal=kind == "chair",
            )
            if not sub:
                parent = item
                clock += timedelta(minutes=15 if kind == "break" else rng.choice((5, 10, 10, 15, 20)))
            items.append(item)
            kinds[item.id] = kind
            self.add("agenda_item", item)
        self.counts.items += len(items)
        one = Held(meeting=meeting, items=items, minutes={}, tracker_item=None)
        expected = [s for s in seats]
        if not is_held:
            for seat in expected:
                self.add("attendance", Attendance(id=self.new_id("attendance"), meeting_id=meeting.id,
                                                  person_id=seat.person.id, group=seat.membership.group,
                                                  role=seat.membership.role))
            self.counts.attendance += len(expected)
            return one
        hold(self, one, kinds, words, expected, interests, previous, noun)
        return one

def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
