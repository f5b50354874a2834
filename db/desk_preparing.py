"""The desk's verbs before and after a meeting: a form's change written at once or not at all,
and the small changes no form holds, tried once and told."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from db.desk_queue import DeskQueue, Words, at_once, tried

if TYPE_CHECKING:  # the verbs name their writes; what they are given is only read
    from secretary.models import (
        AgendaItem,
        Body,
        Meeting,
        Membership,
        Person,
        QuorumRule,
        Seat,
    )


class PreparingVerbs(DeskQueue):

    @at_once("bodies.create_body")
    def create_body(self, body: Body) -> Words:
        return "a new body"

    @at_once("bodies.set_quorum_rule")
    def set_quorum_rule(self, body_id: int, rule: QuorumRule) -> Words:
        return "the quorum rule"

    @at_once("people.add_seat")
    def add_seat(self, person: Person, membership: Membership) -> Words:
        return f"{person.name} added"

    @at_once("people.save_seat")
    def save_seat(self, seat: Seat) -> Words:
        return f"{seat.person.name}'s seat"

    @at_once("meetings.create_meeting")
    def create_meeting(self, meeting: Meeting) -> Words:
        return "a new meeting"

    @at_once("meetings.create_meeting_from")
    def create_meeting_from(self, meeting: Meeting, previous_id: int) -> Words:
        return "a new meeting from the previous one"

    @at_once("meetings.insert_item")
    def insert_item(self, item: AgendaItem) -> Words:
        return "a new agenda item"

    @at_once("meetings.update_item")
    def update_item(self, item: AgendaItem) -> Words:
        return "an agenda item"

    @tried("meetings.delete_item")
    def delete_item(self, item_id: int) -> str:
        from db import meetings

        item = meetings.get_item(self.book, item_id)
        return f"deleting item {item.number or item.title}" if item else "deleting an item"

    @tried("meetings.save_agenda_order")
    def save_agenda_order(self, items: list[AgendaItem], *, why: str = "putting the agenda in order") -> str:
        return why

    @tried("imports.store_agenda")
    def store_agenda(self, meeting_id: int, imported: Any, *, append: bool = False, source: str = "") -> str:
        return f"importing {source}" if source else "importing the agenda"

    @tried("register.confirm_entry")
    def confirm_register_entry(self, body_id: int, person_id: int, on: date, meeting_id: int | None = None) -> str:
        return f"register confirmation of {self._who(person_id)}"

    @tried("register.add_to_register")
    def add_to_register(self, body_id: int, offered: Any) -> str:
        return "register entry from a declaration"

    @tried("planner.accept_offer")
    def accept_planner_offer(self, meeting_id: int, entry: Any, item: AgendaItem | None) -> str:
        return f"planner entry {entry.ref} onto the agenda"

    @at_once("planner.add_entry")
    def add_planner_entry(self, entry: Any) -> Words:
        return "a new planner entry"

    @at_once("planner.save_entry")
    def save_planner_entry(self, entry: Any, *, on: date) -> Words:
        return f"planner entry {entry.ref}"

    @tried("exports.save_export_settings")
    def save_export_settings(self, body_id: int, settings: Any) -> str:
        return "the export settings"
