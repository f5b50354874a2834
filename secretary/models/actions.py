"""Actions, their owners, updates and past deadlines."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from secretary.models.base import Model
from secretary.models.vocabulary import ActionStatus


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
