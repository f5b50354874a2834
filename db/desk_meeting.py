"""The desk's verbs during a meeting: each held and retried if the book cannot take it."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from db.desk_queue import _FIELD_WORDS, DeskQueue, Words, _minute_key, _short, held

if TYPE_CHECKING:  # the verbs name their writes; what they are given is only read
    from secretary.models import (
        Action,
        ActionUpdate,
        Attendance,
        Decision,
        Declaration,
        Disposal,
        Movement,
        Person,
        PublicQuestion,
    )
    from secretary.movement_lines import MovementLine


class MeetingVerbs(DeskQueue):

    @held("minutes.save_minute_text")
    def type_minute(self, item_id: int, **fields: Any) -> Words:
        field = next(iter(fields))
        return f"{_FIELD_WORDS[field]} on {self._item(item_id)}", _minute_key(item_id, field)

    @held("live.start_meeting")
    def start_meeting(self, meeting_id: int, at: datetime) -> Words:
        return f"meeting started at {at:%H.%M}"

    @held("live.take_item")
    def take_item(self, meeting_id: int, item_id: int, at: datetime) -> Words:
        return f"moved on to {self._item(item_id)}"

    @held("live.close_meeting")
    def close_meeting(self, meeting_id: int, at: datetime) -> Words:
        return f"meeting closed at {at:%H.%M}"

    @held("live.record_movement")
    def record_movement(self, movement: Movement) -> Words:
        from secretary.room import STEPPED_OUT

        kind = "stepped out" if movement.note == STEPPED_OUT else movement.kind.value
        return f"{self._who(movement.person_id)} {kind} at {movement.at:%H.%M}"

    @held("attendance.update_movement")
    def update_movement(self, movement: Movement) -> Words:
        return f"{self._who(movement.person_id)}'s {movement.kind.value} corrected to {movement.at:%H.%M}"

    @held("attendance.delete_movement")
    def delete_movement(self, movement_id: int) -> Words:
        return "an arrival or departure deleted"

    @held("live.record_declaration")
    def record_declaration(self, declaration: Declaration, at: datetime) -> Words:
        on = self._item(declaration.item_id) if declaration.item_id else "the meeting"
        return f"{self._who(declaration.person_id)} declared an interest on {on}"

    @held("live.set_public")
    def set_public(self, meeting_id: int, in_person: int, remote: int) -> Words:
        return f"members of the public: {in_person} in person, {remote} remote"

    @held("live.set_register_confirmation")
    def set_register_confirmation(self, meeting_id: int, confirmed: bool, gifts: str) -> Words:
        return "register of interests confirmation"

    @held("live.approve_minutes")
    def approve_minutes(self, meeting_id: int, *, by_meeting_id: int | None, on: date, amendments: str = "") -> Words:
        from db import meetings

        meeting = meetings.get_meeting(self.book, meeting_id)
        return f"minutes of {meeting.date:%d/%m/%Y} approved" if meeting else "minutes approved"

    @held("live.reopen_for_correction")
    def reopen_for_correction(self, meeting_id: int, reason: str, on: date) -> Words:
        return "approved minutes reopened for a correction"

    @held("minutes.record_disposal")
    def record_disposal(self, item_id: int, disposal: Disposal, *, deferred_to: date | None = None,
                        taken_with_item_id: int | None = None) -> Words:
        return f"{self._item(item_id)}: {disposal.value.replace('_', ' ') or 'not taken'}"

    @held("minutes.record_decision")
    def record_decision(self, decision: Decision) -> Words:
        return f"decision: {decision.verb.value} {_short(decision.text, 40)}"

    @held("minutes.update_decision")
    def update_decision(self, decision: Decision) -> Words:
        return f"decision edited: {decision.verb.value} {_short(decision.text, 40)}"

    @held("minutes.move_decision")
    def move_decision(self, decision_id: int, step: int) -> Words:
        return f"decision moved {'up' if step < 0 else 'down'}"

    @held("minutes.delete_decision")
    def delete_decision(self, decision_id: int) -> Words:
        return "decision deleted"

    @held("minutes.add_public_question")
    def add_public_question(self, question: PublicQuestion) -> Words:
        return f"public question from {question.asker}"

    @held("minutes.update_public_question")
    def update_public_question(self, question: PublicQuestion) -> Words:
        return f"public question from {question.asker} edited"

    @held("minutes.delete_public_question")
    def delete_public_question(self, question_id: int) -> Words:
        return "public question deleted"

    @held("attendance.set_attendance")
    def set_attendance(self, row: Attendance) -> Words:
        return f"{self._who(row.person_id)} marked {row.status.value}" + (f" ({row.note})" if row.note else "")

    @held("attendance.add_attendee")
    def add_attendee(self, row: Attendance, new_person: Person | None = None) -> Words:
        name = new_person.name if new_person is not None else self._who(row.person_id)
        return f"{name} added to the list"

    @held("attendance.expect_members_in_post")
    def expect_members_in_post(self, meeting_id: int) -> Words:
        return "members in post expected"

    @held("actions.raise_action")
    def raise_action(self, action: Action) -> Words:
        return f"action: {_short(action.text, 40)}"

    @held("actions.record_update")
    def record_update(self, action: Action, update: ActionUpdate) -> Words:
        return f"update on action {action.number}"

    @held("actions.agree_closure")
    def agree_closure(self, action: Action, meeting_id: int | None, on: date) -> Words:
        return f"closure of action {action.number}"

    @held("actions.update_action")
    def update_action(self, action: Action) -> Words:
        return f"action {action.number} changed"

    @held("actions.delete_action")
    def delete_action(self, action_id: int, reason: str) -> Words:
        return "action deleted"

    @held("history.restore_notes")
    def restore_notes(self, item_id: int, text: str, at: datetime | None = None, *, note: str = "") -> Words:
        when = f" as they were at {at:%H.%M.%S}" if at else ""
        return f"notes on {self._item(item_id)} put back{when}"

    @held("history.undo_deletion")
    def undo_deletion(self, change_id: int, at: datetime | None = None) -> Words:
        from db import history
        from secretary.history import summary

        change = history.get_change(self.book, change_id)
        if change is None or change.meeting_id is None:
            return "deletion undone"
        return f"deletion undone: {summary(change, history.names_for(self.book, change.meeting_id), 50)}"

    @held("live.correct_movement")
    def correct_movement(self, movement: Movement) -> Words:
        return f"{movement.kind.value} corrected: {self._who(movement.person_id)} at {movement.at:%H.%M}"

    @held("movement_lines.link_line")
    def link_movement_line(self, line: MovementLine) -> Words:
        return f"“{_short(line.text, 40)}” linked to its movement"

    @held("movement_lines.rewrite_line")
    def rewrite_movement_line(self, line_id: int, text: str) -> Words:
        return f"movement line now reads “{_short(text, 40)}”"

    @held("movement_lines.forget_line")
    def forget_movement_line(self, line_id: int) -> Words:
        return "a movement line taken out of the notes"

    @held("chair.record_chairing")
    def take_the_chair(self, meeting_id: int, person_id: int | None, item_id: int | None, at: datetime) -> Words:
        who = self._who(person_id) if person_id is not None else "no one"
        return f"{who} in the chair from {at:%H.%M}"

    @held("chair.delete_chairing")
    def forget_chairing(self, chairing_id: int) -> Words:
        return "a change of chair deleted"
