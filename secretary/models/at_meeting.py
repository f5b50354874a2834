"""What happens at a meeting: attendance, movements, interests and declarations, minutes,
decisions and questions from the public."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, field_validator, model_validator

from secretary.models.base import Model, Typed
from secretary.models.vocabulary import Group, AttendanceStatus, MovementKind, Phase, InterestNature, DeclarationOutcome, DecisionVerb, Disposal


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


class PublicQuestion(Model):
    id: int | None = None
    meeting_id: int
    item_id: int | None = None
    position: int = 0
    asker: str = Field(min_length=1)
    question: str = Field(min_length=1)
    response: str = ""
    responder: str = ""
