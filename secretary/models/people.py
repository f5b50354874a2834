"""The body, its quorum rule, the people and their seats."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator, model_validator

from secretary.models.base import Model, Name, check_initials
from secretary.models.vocabulary import Category, Group, MinimumKind


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
    quorum_rule: QuorumRule = Field(default_factory=QuorumRule)

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


class Seat(Model):
    """A person with their seat on the body: one row of the roster."""

    person: Person
    membership: Membership
