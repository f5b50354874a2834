"""The meeting's record: one read model of a meeting, read from the book in one go.

The live screen, every dialog, the exports and the command line read a ``MeetingRecord``,
and the questions about a meeting — which item is shown, can it still be edited, what kind
of standing item is this, is it quorate at a moment — are answered here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from secretary.agenda import current_item_id, in_order, untaken
from secretary.annotations import RunningOrder
from secretary.chair import Chairing, Spell, holder_of, in_the_chair, offered_the_chair, presiding_at_start, spells
from secretary.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    Category,
    Decision,
    Declaration,
    Interest,
    Meeting,
    MeetingStatus,
    Minute,
    Movement,
    Person,
    PublicQuestion,
    Seat,
)
from secretary.movement_lines import MovementLine
from secretary.planner import PlannerEntry
from secretary.quorum import Presiding, QuorumResult, movements_in_room, quorum_for_item
from secretary.register_record import reminder_at_item
from secretary.standard import date_in_title, disagreements, standard_text
from secretary.standing import Standing


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting as the book holds it at one moment: planned, live, closed or approved."""

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
    planner: list[PlannerEntry] = field(default_factory=list)  # the body's decision planner
    confirmations: dict[int, date] = field(default_factory=dict)  # each member's last register confirmation
    movement_lines: list[MovementLine] = field(default_factory=list)  # lines put into the notes for movements
    chairing: list[Chairing] = field(default_factory=list)  # who took the chair when (secretary/chair.py)
    # answers worked out once: the record never changes, and every view of the live screen asks
    _answers: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _once(self, key: tuple, work: Callable[[], Any]) -> Any:
        """``work()``, worked out the first time ``key`` is asked for and kept."""
        if key not in self._answers:
            self._answers[key] = work()
        return self._answers[key]

    # --- the meeting's state ---------------------------------------------------------------

    @property
    def status(self) -> MeetingStatus:
        return self.meeting.status

    @property
    def live(self) -> bool:
        return self.meeting.status is MeetingStatus.live

    @property
    def held(self) -> bool:
        """The meeting has happened: closed, or its minutes approved."""
        return self.meeting.status in (MeetingStatus.closed, MeetingStatus.approved)

    @property
    def editable(self) -> bool:
        """The minutes can be written: while live, and once closed until they are approved."""
        return self.meeting.status in (MeetingStatus.live, MeetingStatus.closed)

    def why_not_editable(self) -> str | None:
        """The clerk's words for why the minutes cannot be written now, or None if they can."""
        if self.meeting.status is MeetingStatus.approved:
            return ("These minutes are approved and read-only; reopen them for a correction from the "
                    "meeting's overview.")
        if self.meeting.status is MeetingStatus.planned:
            return "Start the meeting first."
        return None

    @property
    def noun(self) -> str:
        """How the minutes name the body deciding: "The Board"."""
        return collective_name(self.body)

    # --- the agenda --------------------------------------------------------------------------

    @property
    def ordered(self) -> list[AgendaItem]:
        return in_order(self.items)

    def item(self, item_id: int | None) -> AgendaItem | None:
        return next((i for i in self.items if i.id == item_id), None) if item_id is not None else None

    @property
    def current_item_id(self) -> int | None:
        return current_item_id(self.minutes)

    @property
    def current_item(self) -> AgendaItem | None:
        return self.item(self.current_item_id)

    def item_shown(self, viewing: int | None = None) -> AgendaItem | None:
        """The item in the centre of the live screen: the one in progress while live; before
        and after, the one the clerk has moved to (``viewing``), else the first."""
        if self.live or not self.items:
            return self.current_item
        return self.item(viewing) or self.ordered[0]

    def standing_item(self, kind: Standing) -> AgendaItem | None:
        """The first item of this standing kind on the agenda (the public questions item, say)."""
        return next((i for i in self.ordered if i.standing is kind), None)

    def item_words(self, item_id: int | None) -> str:
        """'item 5 (Finance report)' — how the clerk's messages name an item."""
        item = self.item(item_id)
        if item is None:
            return "an item"
        title = _short(item.title, 30)
        return f"item {item.number} ({title})" if item.number else f"“{title}”"

    @property
    def untaken(self) -> list[AgendaItem]:
        """The items the meeting did not take, in agenda order."""
        return untaken(self.items, self.minutes)

    def running_order(self) -> RunningOrder:
        return RunningOrder.from_minutes(self.items, list(self.minutes.values()))

    # --- what happened -----------------------------------------------------------------------

    def attendance_of(self, person_id: int) -> Attendance | None:
        return next((a for a in self.attendance if a.person_id == person_id), None)

    def decisions_on(self, item_id: int) -> list[Decision]:
        return [d for d in self.decisions if d.item_id == item_id]

    def actions_on(self, item_id: int) -> list[Action]:
        return [a for a in self.actions if a.item_id == item_id]

    def declarations_on(self, item_id: int) -> list[Declaration]:
        return [d for d in self.declarations if d.item_id == item_id]

    def lines_in_notes(self) -> frozenset[int]:
        """The movements whose line is in the clerk's notes: the minutes do not print them again."""
        return frozenset(x.movement_id for x in self.movement_lines if x.movement_id is not None)

    def quorum(self, item_id: int | None = None, until: datetime | None = None) -> QuorumResult:
        """The quorum for the meeting (``item_id`` None) or for one item, now or at ``until``."""
        return self._once(("quorum", item_id, until), lambda: quorum_for_item(
            self.body.quorum_rule, self.seats, self.attendance, self.movements, self.declarations,
            on=self.meeting.date, item_id=item_id, until=until, presiding=self.in_the_chair(until),
        ))

    # --- the chair ---------------------------------------------------------------------------

    def in_the_chair(self, until: datetime | None = None) -> Presiding | None:
        """Who is in the chair now or at ``until`` (``Presiding(None)``: no one; None: no one to chair)."""
        return self._once(("chair", until), lambda: in_the_chair(
            self.seats, self.attendance, self.movements, self.chairing, on=self.meeting.date, until=until))

    @property
    def presiding_by_default(self) -> int | None:
        """Who chairs unless the clerk records otherwise: the Chair (the Deputy when the Chair is away)."""
        return presiding_at_start(self.seats, self.attendance, self.meeting.date)

    def chair_words(self) -> str:
        """For the live screen, when someone other than the Chair chairs: "PN in the chair",
        "no one in the chair"; empty while the Chair is chairing."""
        now = self.in_the_chair()
        if now is None or now.person_id == holder_of(self.seats, Category.chair, self.meeting.date):
            return ""
        if now.person_id is None:
            return "no one in the chair"
        who = self.people.get(now.person_id)
        return f"{who.initials if who else '?'} in the chair"

    def offered_the_chair(self, leaving: int | None = None) -> list[Person]:
        """Who may take the chair now, the Deputy Chair first; ``leaving`` is left out."""
        offered = offered_the_chair(self.seats, self.in_room(), on=self.meeting.date, leaving=leaving)
        return [self.people[p] for p in offered if p in self.people]

    def chair_spells(self) -> list[Spell]:
        """Each time someone other than the Chair took the chair, with the items they chaired."""
        return spells(self.seats, self.attendance, self.movements, self.chairing,
                      self.running_order().taken, on=self.meeting.date)

    def in_room(self) -> set[int]:
        """Person ids in the room now (present or remote, net of arrivals and departures)."""
        return set(self._once(("in room",), lambda: frozenset(movements_in_room(self.attendance, self.movements))))

    def taken_at(self, item_id: int) -> datetime | None:
        """When the item was taken (first started); None if it never was."""
        minute = self.minutes.get(item_id)
        return minute.started_at if minute is not None else None

    def quorum_when_taken(self, item_id: int) -> QuorumResult:
        """The quorum for the item as it stood when the item was taken (now, if not yet taken)."""
        return self.quorum(item_id, until=self.taken_at(item_id))

    def standard_text(self, item: AgendaItem, amendments: str = "") -> str | None:
        """The usual sentence(s) for a standing item, worked out from the record for the moment
        the item was taken (who was in the room then), not the end of the meeting."""
        return standard_text(
            item, meeting=self.meeting, noun=self.noun, quorum=self.quorum_when_taken(item.id),
            declarations=self.declarations, initials={p: person.initials for p, person in self.people.items()},
            previous_date=self.previous_date or date_in_title(item.title), amendments=amendments,
            planner=self.planner, next_date=self.next_date,
        )

    def register_reminder(self, item: AgendaItem) -> str | None:
        """On the interests item: register entries not confirmed in a year, members with none."""
        return reminder_at_item(item, self.interests, self.seats, self.confirmations, on=self.meeting.date)

    def disagreements(self, item: AgendaItem, notes: str) -> list[str]:
        """Where the clerk's text for this item states a fact the record contradicts."""
        return disagreements(self, item, notes)


def collective_name(body: Body) -> str:
    """How the minutes name the body deciding: "The Board", "The Committee"."""
    words = body.name.casefold().split()
    for noun in ("committee", "board", "council", "trustees", "panel", "group", "forum", "cabinet"):
        if noun in words:
            return "The Trustees" if noun == "trustees" else f"The {noun.capitalize()}"
    return "The Board"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
