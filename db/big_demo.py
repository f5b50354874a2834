"""Ten years of a busy board: a large demo book, generated from a seed (issue 9).

``secretary demo --years 10`` makes about 500 meetings of the Northbridge ICB Board and its
four committees, with some 15,000 agenda items, 10,000 actions and their updates and
100,000 arrivals and departures — the book the speed budgets of DESIGN.md §8 are measured
on. The same seed always gives the same book.

The Board's roster and register come from the demo's sample files, read by the clerk's own
importers; the board's next meeting (21 March 2025) has the demo's agenda. Everything
else is made up by ``secretary.busy_board`` and written with bulk inserts in one
transaction, as models turned into rows (``db.rows.to_row``), so every row is one the app
could have written.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from db.bodies import create_body, list_bodies
from db.book import Book
from db.demo import LONDON, NORTHBRIDGE_RULE, SHORT_NAME, UPCOMING, DemoMissing, expect_everyone, sample
from db.imports import store_agenda, store_register, store_roster
from db.meetings import create_meeting, list_meetings
from db.minutes import list_interests
from db.people import add_seat, roster
from db.rows import to_row
from secretary import busy_board as words_for
from secretary.actions import tracker_minute
from secretary.busy_board import COMMITTEES, Committee, Topic, Words
from secretary.importers.agenda import parse_agenda_table
from secretary.importers.register import parse_register
from secretary.importers.roster import parse_roster
from secretary.models import (
    Action, ActionOwner, ActionStatus, ActionUpdate, AgendaItem, Attendance, AttendanceStatus, Body, Category,
    Decision, DecisionVerb, Declaration, DeclarationOutcome, ItemKind, Meeting, MeetingMode, MeetingStatus,
    Membership, Minute, Movement, MovementKind, Part, Person, Phase, PublicQuestion, Seat,
)
from secretary.standard import standard_text

SEED = 20250321
STEPPED_OUT = "stepped out"  # as the live screen's F4 records it
BOARD_MONTHS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
COMMITTEE_MONTHS = (1, 2, 3, 4, 5, 6, 7, 9, 10, 11)
EXCLUSION = ("The Board of the Integrated Care Board resolves that representatives of the press, and other "
             "members of the public, be excluded from the remainder of this meeting having regard to the "
             "confidential nature of the business to be transacted, publicity on which would be prejudicial "
             "to the public interest, Section 1(2), Public Bodies (Admission to Meetings) Act 1960.")
COMMITTEE_INTERESTS = ("Trustee of Eastmere Hospice", "Spouse employed by Northbridge General Hospital",
                       "Partner in a GP practice in Eastmere", "Shareholder in Riverside Health Ltd",
                       "Governor of Northbridge College", "Member of the Riverside Primary Care Network board")


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


def build_big_demo(path: Path, years: int, *, seed: int = SEED) -> tuple[Book, int, bool]:
    """Open the large demo book at ``path``, generating it first if absent; return it, the Board's
    next meeting's id, and whether it was generated now."""
    if years < 1:
        raise ValueError("--years must be at least 1")
    created = not path.exists()
    book = Book.open(path, create=created)
    try:
        if created:
            populate(book, years, seed=seed)
        board = next((b for b in list_bodies(book) if b.short_name == SHORT_NAME), None)
        if board is None:
            raise DemoMissing(f"{path} is a book, but not a demo book: it holds no {SHORT_NAME}.")
        upcoming = next(m for m in list_meetings(book, board.id) if m.date == UPCOMING)
    except BaseException:
        book.close()
        if created:  # a half-made book is no use to anyone: the next run makes it again
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    return book, upcoming.id, created


def populate(book: Book, years: int, *, seed: int = SEED) -> Counts:
    """Fill an empty book with ``years`` years of meetings up to the Board's meeting of 21 March 2025."""
    with book.db.atomic():
        # rows refer forward (minutes approved by the next meeting): check references at commit
        book.db.execute("PRAGMA defer_foreign_keys = ON")
        board = create_body(book, Body(name="Northbridge Integrated Care Board", short_name=SHORT_NAME,
                                       quorum_rule=NORTHBRIDGE_RULE))
        store_roster(book, board.id, parse_roster(sample("roster.csv")))
        store_register(book, board.id, parse_register(sample("register.tsv"), body_id=board.id))
        writer = Writer(book, random.Random(seed), years)
        writer.board(board)
        for committee in COMMITTEES:
            writer.committee(committee, roster(book, board.id))
        writer.flush()
        upcoming = create_meeting(book, Meeting(
            body_id=board.id, title="Meeting of the Board of the ICB in public", date=UPCOMING,
            planned_start=time(9), planned_end=time(12, 30), venue="Council Chamber, Eastmere Civic Centre",
            mode=MeetingMode.hybrid,
        ))
        store_agenda(book, upcoming.id, parse_agenda_table(sample("agenda-2025-03-21.tsv")))
        store_agenda(book, upcoming.id, parse_agenda_table(sample("agenda-2025-03-21-private.tsv")), append=True)
        expect_everyone(book, board.id, upcoming.id)
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

    def __init__(self, book: Book, rng: random.Random, years: int) -> None:
        self.book = book
        self.rng = rng
        self.first_day = UPCOMING.replace(year=UPCOMING.year - years)
        self.last_day = UPCOMING + timedelta(days=45)  # the committees' next meetings are planned
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
        days = [d for d in self.dates(BOARD_MONTHS, 4, 3) if d < UPCOMING]
        self.body_meetings(body, seats, days, self.board_agenda, interests, noun="Board",
                           start=time(9, 30), end=time(12, 30), venue="Council Chamber, Eastmere Civic Centre",
                           mode=MeetingMode.hybrid, next_after=UPCOMING)

    def board_agenda(self, words: Words, meeting: Meeting, previous: Meeting | None) -> list[tuple]:
        rng = self.rng
        agm = meeting.date.month == 8
        rows: list[tuple] = [
            ("1", "Welcome and Introductions", "Opening Items", "", "Chair", "welcome"),
            ("a)", "Apologies", "Opening Items", "Note", "", "apologies"),
            ("b)", "Quoracy", "Opening Items", "Note", "", "quoracy"),
            ("c)", "Declarations of Interest", "Opening Items", "Note", "", "interests"),
            ("d)", _minutes_title(previous), "Opening Items", "Approve", "", "minutes"),
            ("e)", "Action Tracker", "Opening Items", "Approve", "", "tracker"),
            ("f)", "Board Decision Planner", "Opening Items", "Update", "", "planner"),
            ("2", "Questions from the Public", "Opening Items", "", "Chair", "questions"),
            ("3", f"Resident's Story: {words_for.story(words)}", "Opening Items", "", "Chief Nursing Director",
             "story"),
            ("4", "Chair's report - verbal", "Opening Items", "Note", "Chair", "chair"),
            ("5", "CEO report", "Opening Items", "Note", "Chief Executive", "ceo"),
        ]
        number = 6
        strategy = rng.sample(words_for.BOARD_TOPICS, k=3 if not agm else 2)
        if agm:
            rows.append((str(number), "Annual Report and Accounts – presentation", "Annual General Meeting",
                         "Note", "Chief Finance Officer", words_for.ARAC_TOPICS[4]))
            number += 1
        for topic in strategy:
            rows.append((str(number), None, "System Strategy", topic.purpose, topic.lead, topic))
            number += 1
        rows.append(("", "Refreshment Break", "", "", "", "break"))
        rows.append((str(number), None, "System Assurance", "Note", "Chief Finance Officer", words_for.FIC_TOPICS[0]))
        number += 1
        for committee in COMMITTEES:
            rows.append((str(number), f"{committee.name} – Chair's update", "System Assurance", "Note",
                         f"Chair, {committee.name}", rng.choice(committee.topics)))
            if rng.random() < 0.6:
                rows.append(("a)", None, "System Assurance", "Note", "", rng.choice(committee.topics)))
            number += 1
        rows.append((str(number), "Board Assurance Framework and System Risks", "System Assurance",
                     "Note & Agree", "Chief of Strategy & Assurance", words_for.ARAC_TOPICS[3]))
        number += 1
        rows.append((str(number), "Reports from the Place Partnerships", "System Assurance", "Note", "Chief Executive",
                     rng.choice(words_for.BOARD_TOPICS)))
        for letter in "ab":
            rows.append((f"{letter})", None, "System Assurance", "Note", "", rng.choice(words_for.BOARD_TOPICS)))
        number += 1
        rows.append((str(number), "Corporate Governance Update", "ICB Organisational Decisions, Governance and "
                     "Assurance", "Note, Approve & Agree", "Chief of Strategy & Assurance",
                     rng.choice(words_for.BOARD_TOPICS)))
        number += 1
        for title, kind in (("Communication from the Meeting", "communication"), ("Meeting Evaluation", "evaluation"),
                            ("Any Other Business", "aob")):
            rows.append((str(number), title, "Closing Items", "", "Chair", kind))
            number += 1
        for topic in rng.sample(words_for.PRIVATE_TOPICS, k=rng.randint(1, 3)):
            rows.append((str(number), None, "Part II — Confidential", topic.purpose, topic.lead, topic, Part.confidential))
            number += 1
        return rows

    # --- the committees ------------------------------------------------------------------

    def committee(self, committee: Committee, board_seats: list[Seat]) -> None:
        body = create_body(self.book, Body(name=committee.name, short_name=committee.short_name,
                                           quorum_rule=words_for.committee_rule(committee)))
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
        self.body_meetings(body, seats, days, lambda w, m, p: self.committee_agenda(committee, w, m, p), {},
                           noun="Committee", start=start, end=time(committee.start_hour + 2, 30),
                           venue="Via Microsoft Teams", mode=MeetingMode.remote, next_after=None)

    def committee_agenda(self, committee: Committee, words: Words, meeting: Meeting,
                         previous: Meeting | None) -> list[tuple]:
        rng = self.rng
        rows: list[tuple] = [
            ("1", "Welcome and Introductions", "Opening Items", "", "Chair", "welcome"),
            ("a)", "Apologies", "Opening Items", "Note", "", "apologies"),
            ("b)", "Quoracy", "Opening Items", "Note", "", "quoracy"),
            ("c)", "Declarations of Interest", "Opening Items", "Note", "", "interests"),
            ("d)", _minutes_title(previous), "Opening Items", "Approve", "", "minutes"),
            ("e)", "Action Log", "Opening Items", "Note", "", "tracker"),
        ]
        number = 2
        for topic in rng.sample(committee.topics, k=min(len(committee.topics), rng.randint(5, 6))):
            rows.append((str(number), None, "Items for Assurance", topic.purpose, topic.lead, topic))
            if rng.random() < 0.6:
                for letter in "ab"[: rng.randint(1, 2)]:
                    rows.append((f"{letter})", None, "Items for Assurance", "Note", topic.lead,
                                 rng.choice(committee.topics)))
            number += 1
        for topic in rng.sample(words_for.BOARD_TOPICS, k=rng.randint(3, 5)):
            rows.append((str(number), None, "Items for Discussion", topic.purpose, topic.lead, topic))
            number += 1
        rows.append((str(number), "Committee Work Plan", "Governance", "Note", "Head of Governance", "workplan"))
        number += 1
        rows.append((str(number), "Policies for approval", "Governance", "Approve", "Head of Governance", "policies"))
        for letter in "abcd"[: rng.randint(2, 4)]:
            rows.append((f"{letter})", words_for.policy(words), "Governance", "Approve", "", "policy"))
        number += 1
        rows.append((str(number), "Risk Register", "Governance", "Approve", "Chief of Strategy & Assurance",
                     words_for.ARAC_TOPICS[3]))
        number += 1
        for title, kind in (("Items to escalate to the Board", "communication"), ("Any Other Business", "aob"),
                            ("Date of the next meeting", "next")):
            rows.append((str(number), title, "Closing Items", "", "Chair", kind))
            number += 1
        if rng.random() < 0.3:
            topic = rng.choice(words_for.PRIVATE_TOPICS)
            rows.append((str(number), None, "Part II — Confidential", topic.purpose, topic.lead, topic,
                         Part.confidential))
        return rows

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
            is_held = meeting.date < UPCOMING
            if is_held:
                later = meetings[n + 1] if n + 1 < len(meetings) and meetings[n + 1].date < UPCOMING else None
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
        self.actions(body, seats, held, noun)

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
        self.hold(one, kinds, words, expected, interests, previous, noun)
        return one

    def hold(self, one: Held, kinds: dict, words: Words, seats: list[Seat], interests: dict,
             previous: Meeting | None, noun: str) -> None:
        """What happened at a meeting held: the roll, the times, minutes, decisions,
        declarations, public questions, and people stepping out and back."""
        rng = self.rng
        meeting = one.meeting
        tz_start = datetime.combine(meeting.date, meeting.planned_start, LONDON)
        opened = tz_start + timedelta(minutes=rng.randint(0, 6))
        initials = {s.person.id: s.person.initials for s in seats}
        present = []
        for seat in seats:
            roll = rng.random()
            if roll < 0.12:
                status = AttendanceStatus.apologies
            elif meeting.mode is MeetingMode.remote or roll > 0.85:
                status = AttendanceStatus.remote
            else:
                status = AttendanceStatus.present
            note = "minutes" if seat.person.initials == "KA" else ""
            self.add("attendance", Attendance(id=self.new_id("attendance"), meeting_id=meeting.id,
                                              person_id=seat.person.id, group=seat.membership.group,
                                              role=seat.membership.role, status=status, note=note))
            if status is not AttendanceStatus.apologies:
                present.append(seat)
        self.counts.attendance += len(seats)
        one.present = [s.person.id for s in present]
        who = [s.person.initials for s in present if s.membership.voting] or ["the Chair"]
        leads = {s.membership.role: s for s in present}

        # declarations first: the opening item's minute and the withdrawals depend on them
        topic_items = [i for i in one.items if isinstance(kinds[i.id], Topic)]
        declarations: list[Declaration] = []
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            if not topic_items:
                break
            seat = rng.choice(present)
            item = rng.choice(topic_items) if rng.random() < 0.8 else None
            registered = interests.get(seat.person.id)
            if registered:
                interest = rng.choice(registered)
                text, nature, interest_id = interest.details[:160], (interest.natures or [None])[0], interest.id
            else:
                text, nature, interest_id = rng.choice(COMMITTEE_INTERESTS), None, None
            outcome = DeclarationOutcome.took_part
            if item is not None:
                outcome = rng.choice((DeclarationOutcome.took_part, DeclarationOutcome.no_part_in_decision,
                                      DeclarationOutcome.withdrew))
            declaration = Declaration(id=self.new_id("declaration"), meeting_id=meeting.id,
                                      item_id=item.id if item else None, person_id=seat.person.id,
                                      interest_id=interest_id, interest=text, nature=nature, outcome=outcome)
            declarations.append(declaration)
            self.add("declaration", declaration)
        self.counts.declarations += len(declarations)

        clock = opened
        windows: dict[int, tuple[datetime, datetime]] = {}
        for order, item in enumerate(one.items, start=1):
            kind = kinds[item.id]
            length = 15 if kind == "break" else (rng.randint(1, 3) if item.parent_id or kind in (None,) else
                                                   rng.randint(4, 18))
            started, clock = clock, clock + timedelta(minutes=length, seconds=rng.randint(0, 59))
            windows[item.id] = (started, clock)
            presenters, notes = "", ""
            if isinstance(kind, Topic):
                phrase = words_for.topic_phrase(words, kind)
                one.topic_items.append((item, phrase, kind))
                lead = leads.get(next((r for r in leads if kind.lead.split(",")[0] in r), ""), None)
                presenter = f"{lead.person.full_name}, {lead.membership.role}" if lead else kind.lead
                presenters = presenter if rng.random() < 0.9 else ""
                notes = words_for.item_notes(words, kind, phrase=phrase, presenter=presenter, who=who,
                                             lead_title=kind.lead)
                self.decisions(item, kind, phrase, words, clock, noun)
            elif kind == "questions":
                notes = self.questions(meeting, item, words) or "No questions had been received from the public."
            elif kind == "story":
                notes = (f"The Board heard {item.title.split(': ', 1)[-1]}. Members thanked the resident for "
                         "sharing their experience and asked that the learning be shared with providers.")
            elif kind == "chair":
                notes = words.fill("The Chair reported on the meetings attended since the last meeting, including "
                                   "a visit to {site} in {month}.")
            elif kind == "ceo":
                notes = words.fill("The Chief Executive updated the Board on the system's operational position, "
                                   "including pressures at {site}, and on the national planning guidance.")
            elif kind == "communication":
                notes = f"The {noun} agreed the key messages from the meeting."
            elif kind == "workplan":
                notes = f"The {noun} noted its work plan and the items planned for the next meeting."
            elif kind == "policy":
                notes = f"The {noun} approved the policy, subject to the amendments discussed."
            elif kind == "next":
                following = meeting.next_meeting_date
                notes = f"The next meeting would be held on {following:%A} {following.day} {following:%B %Y}." \
                    if following else ""
            elif kind == "evaluation":
                notes = "Members agreed that the meeting had been well chaired and the papers clear."
            elif kind == "tracker":
                one.tracker_item = item.id
            elif kind not in ("break", None):
                notes = standard_text(item, meeting=meeting, noun=f"The {noun}", declarations=declarations,
                                      initials=initials, previous_date=previous.date if previous else None) or ""
            minute = Minute(item_id=item.id, presenters=presenters, notes=notes, started_at=started,
                            ended_at=clock, taken_order=order)
            one.minutes[item.id] = to_row(minute)
            self.counts.minutes_chars += len(notes)
        self.movements(one, present, windows, declarations)

    def decisions(self, item: AgendaItem, topic: Topic, phrase: str, words: Words, at: datetime,
                  noun: str) -> None:
        rng = self.rng
        count = rng.choices((0, 1, 2), weights=(25, 60, 15))[0]
        for position in range(count):
            verb = rng.choice(topic.verbs) if position == 0 else DecisionVerb.noted
            self.add("decision", Decision(id=self.new_id("decision"), item_id=item.id, position=position, verb=verb,
                                          text=words_for.decision_text(words, verb, phrase), recorded_at=at))
        self.counts.decisions += count

    def questions(self, meeting: Meeting, item: AgendaItem, words: Words) -> str:
        rng = self.rng
        asked = rng.choice((0, 0, 1, 1, 2, 3))
        for position in range(asked):
            phrase = words_for.topic_phrase(words, rng.choice(words_for.BOARD_TOPICS))
            asker, question, response = words_for.public_question(words, phrase)
            self.add("public_question", PublicQuestion(
                id=self.new_id("public_question"), meeting_id=meeting.id, item_id=item.id, position=position,
                asker=asker, question=question, response=response, responder="Chair"))
        self.counts.questions += asked
        if asked:
            return f"{asked} question{'s' if asked > 1 else ''} had been received; the responses are appended."
        return ""

    def movements(self, one: Held, present: list[Seat], windows: dict[int, tuple[datetime, datetime]],
                  declarations: list[Declaration]) -> None:
        """Late arrivals and early departures, withdrawals for an interest, and — most of all — people
        stepping out of a long meeting and coming back (F4, F5)."""
        rng = self.rng
        meeting = one.meeting
        items = [i for i in one.items if i.kind is ItemKind.item]
        if not items or not present:
            return
        made: list[Movement] = []

        def move(person_id: int, kind: MovementKind, item: AgendaItem, phase: Phase, at: datetime,
                 note: str = "") -> None:
            made.append(Movement(id=self.new_id("movement"), meeting_id=meeting.id, person_id=person_id, kind=kind,
                                 at=at, item_id=item.id, phase=phase, note=note))

        busy = {d.person_id for d in declarations if d.outcome is DeclarationOutcome.withdrew}
        for declaration in declarations:
            if declaration.outcome is DeclarationOutcome.withdrew and declaration.item_id is not None:
                item = next(i for i in items if i.id == declaration.item_id)
                begun, ended = windows[item.id]
                move(declaration.person_id, MovementKind.withdrew, item, Phase.start, begun, "declared an interest")
                move(declaration.person_id, MovementKind.returned, item, Phase.end, ended)
        others = [s.person.id for s in present if s.person.id not in busy]
        if others and rng.random() < 0.5:
            late = rng.choice(others)
            item = rng.choice(items[1:4] or items)
            begun, ended = windows[item.id]
            move(late, MovementKind.arrived, item, Phase.during, begun + (ended - begun) / 2)
        target = (300 if len(present) > 12 else 170) + rng.randint(-40, 40) - len(made)
        stepped = [i for i in items if windows[i.id][1] - windows[i.id][0] >= timedelta(minutes=4)] or items
        while target > 1 and others:
            person_id = rng.choice(others)
            item = rng.choice(stepped)
            begun, ended = windows[item.id]
            span = (ended - begun).total_seconds()
            out = begun + timedelta(seconds=span * rng.uniform(0.1, 0.5))
            back = out + timedelta(seconds=span * rng.uniform(0.1, 0.4))
            move(person_id, MovementKind.left, item, Phase.during, out, STEPPED_OUT)
            move(person_id, MovementKind.returned, item, Phase.during, min(back, ended))
            target -= 2
        for movement in made:
            self.add("movement", movement)
        self.counts.movements += len(made)

    # --- actions, across a body's meetings -----------------------------------------------

    def actions(self, body: Body, seats: list[Seat], held: list[Held], noun: str) -> None:
        """About twenty actions a meeting, numbered on from 1 across the body's meetings; each is updated
        at the meetings after it and closed once complete — except those raised lately, still open."""
        rng = self.rng
        voting = [s for s in seats if s.membership.group.value != "in_attendance"] or seats
        number = 0
        closing: dict[int, list[Action]] = defaultdict(list)  # meeting index -> actions closed there
        reviewed: dict[int, list[tuple[Action, ActionStatus]]] = defaultdict(list)
        for index, one in enumerate(held):
            words = Words(rng, one.meeting.date, noun, "")
            candidates = one.topic_items
            for _ in range(rng.randint(14, 26) if candidates else 0):
                item, phrase, topic = rng.choice(candidates)
                number += 1
                owners = rng.sample(voting, k=rng.choice((1, 1, 1, 2)))
                # complete at the meeting ``lasting`` after this one, closed at the next
                lasting = rng.choices((1, 2, 3, 4, 6), weights=(35, 30, 20, 10, 5))[0]
                later = held[index + 1:index + 2 + lasting]
                due_meeting = later[min(len(later) - 1, rng.randint(0, 2))].meeting if later else None
                due = due_meeting.date if due_meeting else one.meeting.date + timedelta(days=60)
                action_id = self.new_id("action")
                updates: list[ActionUpdate] = []
                status, closed_on, closed_by = ActionStatus.not_yet_due, None, None
                for step, meeting in enumerate(m.meeting for m in later):
                    if step + 1 < lasting:
                        status = ActionStatus.outstanding if meeting.date > due else ActionStatus.in_progress
                    elif step + 1 == lasting:
                        status = ActionStatus.complete
                    else:
                        status, closed_on, closed_by = ActionStatus.closed, meeting.date, meeting.id
                    text = "Closure agreed." if status is ActionStatus.closed else \
                        words_for.update_text(Words(rng, meeting.date, noun, ""), status.value)
                    updates.append(ActionUpdate(id=self.new_id("action_update"), action_id=action_id,
                                                meeting_id=meeting.id, given_on=meeting.date, text=text,
                                                status=status))
                position_text = next((u.text for u in reversed(updates) if u.status is not ActionStatus.closed), "")
                past = ()
                if rng.random() < 0.1 and updates:
                    past = ({"due_text": f"{one.meeting.date + timedelta(days=30):%d/%m/%Y}",
                             "due_date": one.meeting.date + timedelta(days=30), "replaced_on": updates[0].given_on},)
                action = Action(
                    id=action_id, body_id=body.id, number=number, meeting_id=one.meeting.id, item_id=item.id,
                    meeting_date=one.meeting.date, item_title=item.title, text=words_for.action_text(words, phrase),
                    owners=tuple(ActionOwner(person_id=s.person.id, name=s.person.initials) for s in owners),
                    due_text=f"{due:%d/%m/%Y}", due_date=due, status=status, position_text=position_text,
                    closed_on=closed_on, closed_by_meeting_id=closed_by, past_deadlines=past,
                )
                self.rows["action"].append(to_row(action, exclude={"owners", "past_deadlines"}))
                for position, owner in enumerate(action.owners):
                    self.rows["action_owner"].append({"action_id": action_id, "position": position, **to_row(owner)})
                for position, deadline in enumerate(action.past_deadlines):
                    self.rows["action_deadline"].append({"action_id": action_id, "position": position,
                                                         **to_row(deadline)})
                for where, update in enumerate(updates, start=index + 1):
                    self.add("action_update", update)
                    if update.status is ActionStatus.closed:
                        closing[where].append(action)
                    else:
                        reviewed[where].append((action, update.status))
                self.counts.actions += 1
                self.counts.updates += len(updates)
        if number:
            self.rows["action_counter"].append({"body_id": body.id, "last_number": number})
        # the tracker item's minute at each meeting, from what it recorded
        for index, one in enumerate(held):
            if one.tracker_item is None:
                continue
            closed = closing.get(index, [])
            open_ones = reviewed.get(index, [])
            actions = [a for a in closed] + [a for a, _ in open_ones]
            statuses = {a.id: s for a, s in open_ones}
            notes = f"The {noun} noted the action tracker. " + tracker_minute(actions, statuses,
                                                                               {a.id for a in closed})
            one.minutes[one.tracker_item]["notes"] = notes
            self.counts.minutes_chars += len(notes)
        for one in held:
            self.rows["minute"].extend(one.minutes.values())


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _minutes_title(previous: Meeting | None) -> str:
    if previous is None:
        return "Minutes of the previous meeting and Matters Arising"
    return f"Minutes from meeting held on {previous.date.day} {previous.date:%B %Y} and Matters Arising"
