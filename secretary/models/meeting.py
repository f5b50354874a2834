"""A meeting and its agenda."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from pydantic import Field, model_validator

from secretary.standing import Standing, classify
from secretary.models.base import Model, Name
from secretary.models.vocabulary import MeetingStatus, MeetingMode, Part, ItemKind


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
