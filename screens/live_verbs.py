"""What the live screen's keys do: open the short form for the verb (a movement, a decision,
an action, a declaration …), hand what the clerk confirmed to the desk, and show the record
as it now stands. The screen (screens/live.py) holds the keys and the views."""

from __future__ import annotations

from textual import work

from db.actions import next_action_number
from db.rows import Refused
from secretary.actions import minute_line
from secretary.models import MeetingStatus, MovementKind
from secretary.room import STEPPED_OUT
from secretary.standing import Standing
from screens.chair_verbs import ChairVerbs
from screens.confirm import ConfirmScreen
from screens.key_hold import opens_screen
from screens.movement_form import MovementForm


# how the question of the chair names what the one chairing did
_GONE = {MovementKind.left: "left the meeting", MovementKind.withdrew: "withdrew"}


class LiveVerbs(ChairVerbs):
    """Mixed into LiveScreen: ``self.record``, ``self.meeting_id``, ``self.editor``, ``reload``."""

    def _require_editable(self) -> bool:
        why = self.record.why_not_editable()
        if why is not None:
            self.notify(why, severity="warning", markup=False)
        return why is None

    def _require_live(self) -> bool:
        if not self.record.live:
            self.notify(f"The meeting is {self.record.status.value}.", severity="warning")
        return self.record.live

    def _item_in_hand(self):
        """The item the verb is for, once the minutes can be written; the clerk told if not."""
        if not self._require_editable():
            return None
        item = self.item_shown()
        if item is None:
            self.notify("Take an item first (Ctrl+N).", severity="warning")
        return item

    def _recorded(self, verb, *args, reread=None, **kwargs):
        """``verb`` of the desk, the clerk told if the book refuses it; the record shown afresh (by
        ``reread``, when the verb changes only the meeting's own rows), with the lines of the movements
        it recorded in the notes (screens/live_lines.py)."""
        before = self.movement_ids()
        try:
            return verb(*args, **kwargs)
        except Refused as e:
            self.notify(e.message, severity="error", markup=False)
            return None
        finally:
            (reread or self.reload)()
            self.lines_after(before)
            self.editor.notes.focus()

    @opens_screen
    @work
    async def action_go_to(self) -> None:
        if self.record.status is MeetingStatus.planned and not self._require_live():
            return
        from screens.live_dialogs import ItemPicker

        chosen = await self.app.push_screen_wait(ItemPicker(self.record))
        if chosen is not None:
            self.take(chosen)

    @opens_screen
    @work
    async def action_move(self, kind: str) -> None:
        note = ""
        if kind == "stepped_out":
            kind, note = "left", STEPPED_OUT
        movement = await self.app.push_screen_wait(
            MovementForm(self.record, kind=MovementKind(kind), now=self.now(), note=note))
        if movement is None:
            return
        chairing = self.chairing_at(movement.at) if self.record.live else None
        written = self._recorded(self.app.desk.record_movement, movement, reread=self.reload_meeting)
        if written is not None and written.saved and movement.kind in (MovementKind.left, MovementKind.withdrew) \
                and chairing == movement.person_id:
            await self.ask_who_takes_the_chair(movement.person_id, movement.at, _GONE[movement.kind])

    @opens_screen
    @work
    async def action_decide(self) -> None:
        item = self._item_in_hand()
        if item is None:
            return
        from screens.decision_form import DecisionForm

        decision = await self.app.push_screen_wait(DecisionForm(item.id))
        if decision is None:
            return
        quorum = self.record.quorum(item.id)
        if not quorum.quorate:
            sure = await self.app.push_screen_wait(ConfirmScreen(
                f"Item {item.number or item.title} is inquorate: {'; '.join(quorum.missing)}.\n\n"
                "Record this decision as taken while inquorate? The minutes will say so.",
                yes="Record as inquorate", no="Don't record"))
            if not sure:
                self.editor.notes.focus()
                return
        self._recorded(self.app.desk.record_decision,
                       decision.model_copy(update={"inquorate": not quorum.quorate, "recorded_at": self.now()}))

    @opens_screen
    @work
    async def action_raise_action(self) -> None:
        item = self._item_in_hand()
        if item is None:
            return
        from screens.action_form import ActionForm

        number = next_action_number(self.app.book, self.record.body.id)
        action = await self.app.push_screen_wait(ActionForm(self.record, item.id, number))
        if action is None:
            return
        written = self._recorded(self.app.desk.raise_action, action)
        if written is not None and written.saved:
            self.notify(minute_line(written.value), title="Action raised", markup=False)

    @opens_screen
    @work
    async def action_declare(self) -> None:
        item = self._item_in_hand()
        if item is None:
            return
        from screens.declaration_form import DeclarationForm

        declaration = await self.app.push_screen_wait(DeclarationForm(self.record, item.id))
        if declaration is None:
            return
        now = self.now()
        chairing = self.chairing_at(now) if self.record.live else None
        written = self._recorded(self.app.desk.record_declaration, declaration, now)
        if written is not None and written.saved and chairing == declaration.person_id \
                and declaration.person_id not in self.record.in_room():
            await self.ask_who_takes_the_chair(declaration.person_id, now, "withdrew for this item")

    @opens_screen
    @work
    async def action_decisions(self) -> None:
        item = self.item_shown()
        if item is None:
            return
        from screens.decision_form import DecisionsScreen

        await self.app.push_screen_wait(DecisionsScreen(item.id))
        self.reload()

    @opens_screen
    @work
    async def action_standard(self) -> None:
        """The standing item's usual sentences into the notes (screens/opening_items.py)."""
        item = self._item_in_hand()
        if item is None:
            return
        from screens.opening_items import usual_text

        said = await usual_text(self, item)
        if said is not None:
            text, at_end = said
            self.editor.insert(text, at_end=at_end)
        self.editor.notes.focus()

    @opens_screen
    @work
    async def action_history(self) -> None:
        from screens.history import HistoryScreen

        self.flush()
        item = self.item_shown()
        if await self.app.push_screen_wait(HistoryScreen(self.meeting_id, item.id if item else None)):
            self.editor.item_id = None  # the notes may have been put back: load them into the editor again
            self.reload()
            self.unlink_lines_not_in_notes()  # a version from before a line: the minutes print it again

    @opens_screen
    def action_attendance(self) -> None:
        from screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    @opens_screen
    @work
    async def action_movements(self) -> None:
        from screens.live_dialogs import MovementsScreen

        await self.app.push_screen_wait(MovementsScreen(self.meeting_id, self.now))
        self.reload()
        self.sync_lines()  # corrected or deleted movements: their lines follow

    @opens_screen
    @work
    async def action_questions(self) -> None:
        from screens.public_questions import QuestionsScreen

        item = self.record.standing_item(Standing.public_questions) or self.item_shown()
        await self.app.push_screen_wait(QuestionsScreen(self.meeting_id, item.id if item else None))
        self.reload()

    @opens_screen
    @work
    async def action_public(self) -> None:
        from screens.live_dialogs import PublicForm

        meeting = self.record.meeting
        counts = await self.app.push_screen_wait(PublicForm(meeting.public_in_person, meeting.public_remote))
        if counts is not None:
            self._recorded(self.app.desk.set_public, self.meeting_id, *counts)

    @opens_screen
    @work
    async def action_finish(self) -> None:
        if not self._require_live():
            return
        now = self.now()
        sure = await self.app.push_screen_wait(ConfirmScreen(
            f"Close the meeting at {now:%H.%M}? The item in progress ends and the finishing time is kept.",
            yes="Close meeting", no="Carry on"))
        if not sure:
            return
        if self.record.untaken:  # say what became of the items not taken before the meeting closes
            from screens.untaken import UntakenScreen

            if not await self.app.push_screen_wait(UntakenScreen(self.record)):
                self.reload()
                return
        self.flush()
        before = self.movement_ids()
        if self.app.desk.close_meeting(self.meeting_id, now).saved:
            self.app.backup("closed")
            self.notify(f"Meeting closed at {now:%H.%M}; a backup was made.")
        self.reload()
        self.lines_after(before)  # a withdrawal's line says the return at the end
