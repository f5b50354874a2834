"""The words the book uses: categories, statuses, kinds and verbs."""

from __future__ import annotations

from enum import StrEnum




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


STEPPED_OUT = "stepped out"  # the note on a 'left' movement that F4 records: out of the room, coming back


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


class Disposal(StrEnum):
    """What became of an item the meeting did not take, as the clerk recorded it at the close."""

    none = ""
    deferred = "deferred"  # to the next meeting (deferred_to None) or a date
    withdrawn = "withdrawn"
    taken_with = "taken_with"  # discussed under another item
