"""The domain: what a clerk's book holds, as validated values.

Every model is frozen; change one with ``model_copy(update=...)`` and hand it
back to ``db/``. Ids are ``None`` until the book has stored the model.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from secretary.standing import Standing, classify


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True, use_enum_values=False, defer_build=True)


# --- vocabularies -----------------------------------------------------------


class Category(StrEnum):
    chair = "chair"
    deputy_chair = "deputy_chair"
    non_executive = "non_executive"
    associate_non_executive = "associate_non_executive"
    partner = "partner"
    executive = "executive"
    participant = "participant"
    attendee = "attendee"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize().replace("on executive", "on-executive")


class Group(StrEnum):
    """Where a person is listed in the minutes' attendance tables."""

    member = "member"
    participant = "participant"
    in_attendance = "in_attendance"

    @property
    def label(self) -> str:
        return {"member": "Members", "participant": "Participants", "in_attendance": "In attendance"}[
            self.value
        ]


class MeetingStatus(StrEnum):
    planned = "planned"
    live = "live"
    closed = "closed"
    approved = "approved"


class MeetingMode(StrEnum):
    in_person = "in_person"
    remote = "remote"
    hybrid = "hybrid"


class Part(StrEnum):
    public = "I"
    confidential = "II"


class ItemKind(StrEnum):
    item = "item"
    break_ = "break"


class AttendanceStatus(StrEnum):
    expected = "expected"
    present = "present"
    remote = "remote"
    apologies = "apologies"
    absent = "absent"


class MovementKind(StrEnum):
    arrived = "arrived"
    left = "left"
    withdrew = "withdrew"
    returned = "returned"


class Phase(StrEnum):
    start = "start"
    during = "during"
    end = "end"


class InterestNature(StrEnum):
    financial = "financial"
    non_financial_professional = "non_financial_professional"
    non_financial_personal = "non_financial_personal"
    indirect = "indirect"


class DeclarationOutcome(StrEnum):
    took_part = "took_part"
    no_part_in_decision = "no_part_in_decision"
    withdrew = "withdrew"


class DecisionVerb(StrEnum):
    noted = "noted"
    approved = "approved"
    agreed = "agreed"
    endorsed = "endorsed"
    supported = "supported"
    ratified = "ratified"
    deferred = "deferred"
    not_approved = "not approved"


class ActionStatus(StrEnum):
    not_yet_due = "not_yet_due"
    in_progress = "in_progress"
    outstanding = "outstanding"
    escalated = "escalated"
    complete = "complete"  # complete: propose closure
    closed = "closed"

    @property
    def label(self) -> str:
        return {
            "not_yet_due": "Not yet due",
            "in_progress": "In progress",
            "outstanding": "Outstanding",
            "escalated": "Escalated",
            "complete": "Complete — propose closure",
            "closed": "Closed",
        }[self.value]


class MinimumKind(StrEnum):
    absolute = "absolute"
    more_than_half = "more_than_half"


# --- shared field checks ----------------------------------------------------

_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,5}$")

Name = Annotated[str, Field(min_length=1, max_length=200)]


def check_initials(value: str) -> str:
    value = value.strip()
    if not _INITIALS.match(value):
        raise ValueError(
            f"initials {value!r} should be 1 to 6 letters starting with a capital, like 'HM' or 'ASh'"
        )
    return value


# --- body, people, seats ----------------------------------------------------


class QuorumRequirement(Model):
    """At least ``count`` of the people present must hold one of ``categories``."""

    label: Name
    categories: tuple[Category, ...] = Field(min_length=1)
    count: int = Field(default=1, ge=1)


class QuorumRule(Model):
    minimum_kind: MinimumKind = MinimumKind.more_than_half
    minimum_number: int | None = Field(default=None, ge=1)
    requirements: tuple[QuorumRequirement, ...] = ()
    remote_counts: bool = True
    deputies_count: bool = True
    conflicted_count: bool = False  # False: excluded from the item's count (the NHS convention)

    @model_validator(mode="after")
    def _absolute_needs_number(self) -> QuorumRule:
        if self.minimum_kind is MinimumKind.absolute and self.minimum_number is None:
            raise ValueError("a fixed quorum needs a number of members")
        return self


class Body(Model):
    id: int | None = None
    name: Name
    short_name: str = Field(default="", max_length=40)
    quorum_rule: QuorumRule = QuorumRule()

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Person(Model):
    id: int | None = None
    body_id: int | None = None
    name: Name
    honorific: str = Field(default="", max_length=20)
    initials: str

    @field_validator("initials")
    @classmethod
    def _initials(cls, value: str) -> str:
        return check_initials(value)

    @property
    def full_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def forename(self) -> str:
        parts = self.name.split()
        return parts[0] if len(parts) > 1 else ""


def check_unique_initials(people: list[Person]) -> None:
    """Raise ValueError naming both people when two share initials in a body."""
    seen: dict[str, Person] = {}
    for person in people:
        key = person.initials
        if key in seen:
            raise ValueError(
                f"initials {key!r} are used by both {seen[key].name} and {person.name}; "
                "initials must be unique within a body"
            )
        seen[key] = person


class Membership(Model):
    id: int | None = None
    person_id: int
    category: Category
    role: str = Field(default="", max_length=300)
    voting: bool = False
    group: Group = Group.member
    start_date: date | None = None
    end_date: date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(
                f"a seat cannot end ({self.end_date:%d/%m/%Y}) before it starts ({self.start_date:%d/%m/%Y})"
            )
        if self.voting and self.category in (Category.participant, Category.attendee):
            raise ValueError(f"{self.category.label.lower()}s never hold a voting seat")
        return self

    def in_post_on(self, day: date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )


# --- meetings and their agenda ---------------------------------------------


class Meeting(Model):
    id: int | None = None
    body_id: int
    title: Name
    date: date
    planned_start: time | None = None
    planned_end: time | None = None
    venue: str = Field(default="", max_length=300)
    mode: MeetingMode = MeetingMode.in_person
    public: bool = True
    status: MeetingStatus = MeetingStatus.planned
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    public_in_person: int = Field(default=0, ge=0)
    public_remote: int = Field(default=0, ge=0)
    next_meeting_date: date | None = None
    next_meeting_time: str = ""
    next_meeting_venue: str = ""
    exclusion_resolution: str = ""
    register_confirmed: bool = False
    gifts_hospitality: str = ""
    approved_on: date | None = None
    approved_by_meeting_id: int | None = None
    approval_amendments: str = ""

    @model_validator(mode="after")
    def _times_in_order(self) -> Meeting:
        if self.planned_start and self.planned_end and self.planned_end <= self.planned_start:
            raise ValueError(
                f"the meeting cannot end ({self.planned_end:%H:%M}) at or before it starts "
                f"({self.planned_start:%H:%M})"
            )
        if self.opened_at and self.closed_at and self.closed_at < self.opened_at:
            raise ValueError("the meeting cannot close before it opened")
        if self.next_meeting_date and self.next_meeting_date <= self.date:
            raise ValueError("the next meeting must come after this one")
        return self


class AgendaItem(Model):
    id: int | None = None
    meeting_id: int
    parent_id: int | None = None
    position: int = 0
    number: str = Field(default="", max_length=12)
    title: Name
    kind: ItemKind = ItemKind.item
    section: str = Field(default="", max_length=200)
    purpose: str = Field(default="", max_length=200)
    lead: str = Field(default="", max_length=500)
    planned_start: time | None = None
    paper_ref: str = Field(default="", max_length=100)
    verbal: bool = False
    part: Part = Part.public
    standing: Standing = Standing.none  # decided once, from the title, when the item is made

    @model_validator(mode="before")
    @classmethod
    def _standing_from_title(cls, data: Any) -> Any:
        if isinstance(data, dict) and "standing" not in data and isinstance(data.get("title"), str):
            return {**data, "standing": classify(data["title"])}
        return data

    @model_validator(mode="after")
    def _not_own_parent(self) -> AgendaItem:
        if self.id is not None and self.parent_id == self.id:
            raise ValueError("an item cannot be its own sub-item")
        return self


def check_agenda(items: list[AgendaItem]) -> None:
    """Every sub-item's parent is an item of the same meeting."""
    by_id = {item.id: item for item in items if item.id is not None}
    for item in items:
        if item.parent_id is None:
            continue
        parent = by_id.get(item.parent_id)
        if parent is None or parent.meeting_id != item.meeting_id:
            raise ValueError(
                f"item {item.number or item.title!r} is a sub-item of an item that is not on this meeting's agenda"
            )


# --- at the meeting ----------------------------------------------------------


class Attendance(Model):
    id: int | None = None
    meeting_id: int
    person_id: int
    group: Group = Group.member
    status: AttendanceStatus = AttendanceStatus.expected
    deputy_for_id: int | None = None
    role: str = Field(default="", max_length=300)
    note: str = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _not_own_deputy(self) -> Attendance:
        if self.deputy_for_id is not None and self.deputy_for_id == self.person_id:
            raise ValueError("a person cannot deputise for themselves")
        return self


class Movement(Model):
    id: int | None = None
    meeting_id: int
    person_id: int
    kind: MovementKind
    at: datetime
    item_id: int | None = None
    phase: Phase = Phase.during
    note: str = ""

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("a movement's time must carry its timezone")
        return value


class Interest(Model):
    """One row of the register of interests, kept as written."""

    id: int | None = None
    body_id: int
    person_id: int | None = None
    surname: str = ""
    forename: str = ""
    position: str = ""
    declares: str = ""  # the "Interests to Declare" cell: Yes / No
    financial: bool = False
    non_financial_professional: bool = False
    non_financial_personal: bool = False
    indirect: bool = False
    details: str = ""
    date_from_text: str = ""
    date_from: date | None = None
    date_to_text: str = ""
    date_to: date | None = None
    ongoing: bool = False
    approx_year: int | None = None
    mitigation: str = ""
    date_declared_text: str = ""
    date_declared: date | None = None
    row_number: int | None = None

    @property
    def natures(self) -> list[InterestNature]:
        flags = [
            (self.financial, InterestNature.financial),
            (self.non_financial_professional, InterestNature.non_financial_professional),
            (self.non_financial_personal, InterestNature.non_financial_personal),
            (self.indirect, InterestNature.indirect),
        ]
        return [nature for on, nature in flags if on]


class Declaration(Model):
    id: int | None = None
    meeting_id: int
    item_id: int | None = None  # None: a general declaration at the opening
    person_id: int
    interest_id: int | None = None
    interest: str = Field(min_length=1)
    nature: InterestNature | None = None
    outcome: DeclarationOutcome = DeclarationOutcome.took_part
    wording: str = ""  # the clerk's own words for the minute, when given


# what the clerk is typing, kept to the last space: stripping it would run the next word on
Typed = Annotated[str, StringConstraints(strip_whitespace=False)]


class Disposal(StrEnum):
    """What became of an item the meeting did not take, as the clerk recorded it at the close."""

    none = ""
    deferred = "deferred"  # to the next meeting (deferred_to None) or a date
    withdrawn = "withdrawn"
    taken_with = "taken_with"  # discussed under another item


class Minute(Model):
    item_id: int
    presenters: Typed = ""
    taken_as_read: bool = False
    notes: Typed = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    taken_order: int | None = None
    disposal: Disposal = Disposal.none
    deferred_to: date | None = None
    taken_with_item_id: int | None = None

    @model_validator(mode="after")
    def _times_in_order(self) -> Minute:
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            raise ValueError("an item cannot end before it started")
        return self


class Decision(Model):
    id: int | None = None
    item_id: int
    position: int = 0
    verb: DecisionVerb
    text: str = Field(min_length=1)
    inquorate: bool = False
    recorded_at: datetime | None = None


class ActionOwner(Model):
    person_id: int | None = None
    name: str = Field(min_length=1)  # initials of a person, or free text such as "VCSE lead"


class ActionUpdate(Model):
    id: int | None = None
    action_id: int | None = None
    meeting_id: int | None = None
    given_on: date
    text: str = ""
    status: ActionStatus


class PastDeadline(Model):
    due_text: str
    due_date: date | None = None
    replaced_on: date | None = None


class Action(Model):
    id: int | None = None
    body_id: int
    number: int | None = Field(default=None, ge=1)
    meeting_id: int | None = None
    item_id: int | None = None
    meeting_date: date | None = None
    item_title: str = ""
    text: str = Field(min_length=1)
    owners: tuple[ActionOwner, ...] = ()
    due_text: str = ""
    due_date: date | None = None
    status: ActionStatus = ActionStatus.not_yet_due
    position_text: str = ""  # "Current position (latest update)" as last written
    closed_on: date | None = None
    closed_by_meeting_id: int | None = None
    deleted_reason: str = ""
    past_deadlines: tuple[PastDeadline, ...] = ()

    @model_validator(mode="after")
    def _closed_has_date(self) -> Action:
        if self.status is ActionStatus.closed and self.closed_on is None:
            raise ValueError("a closed action needs the date its closure was agreed")
        return self


class PublicQuestion(Model):
    id: int | None = None
    meeting_id: int
    item_id: int | None = None
    position: int = 0
    asker: str = Field(min_length=1)
    question: str = Field(min_length=1)
    response: str = ""
    responder: str = ""


class Seat(Model):
    """A person with their seat on the body: one row of the roster."""

    person: Person
    membership: Membership
