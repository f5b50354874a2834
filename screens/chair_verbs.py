"""The live screen's verbs for the chair: asking who takes it when the one chairing leaves or
withdraws, and Alt+C to record who is chairing now (secretary/chair.py)."""

from __future__ import annotations

from datetime import datetime

from textual import work

from screens.key_hold import opens_screen


class ChairVerbs:
    """Mixed into LiveScreen with LiveVerbs: ``self.record``, ``self.app.desk``, ``reload``."""

    def chairing_at(self, at: datetime) -> int | None:
        """Who was in the chair at ``at`` (None: no one, or no one to chair)."""
        presiding = self.record.in_the_chair(at)
        return presiding.person_id if presiding is not None else None

    async def ask_who_takes_the_chair(self, leaving: int, at: datetime, what: str) -> None:
        """``leaving`` was in the chair and has gone (``what``: "left the meeting"): ask who takes it."""
        from screens.chair_picker import ChairPicker

        who = self.record.people.get(leaving)
        initials = who.initials if who else "The one chairing"
        offered = self.record.offered_the_chair(leaving=leaving)
        if not offered:
            self.notify(f"{initials} {what}: no one is in the chair.", severity="warning", markup=False)
            return
        chosen = await self.app.push_screen_wait(ChairPicker(
            self.record, f"{initials} {what}. Who takes the chair?", offered, "no one yet"))
        if chosen is None:
            self.notify("No one is in the chair. Alt+C records who takes it.", severity="warning", markup=False)
            self.editor.notes.focus()
            return
        self._take_the_chair(chosen, at)

    def _take_the_chair(self, person_id: int, at: datetime) -> None:
        self._recorded(self.app.desk.take_the_chair, self.meeting_id, person_id, self.record.current_item_id, at)

    @opens_screen
    @work
    async def action_chair(self) -> None:
        """Record who is in the chair from now; once the meeting is over, correct what was recorded."""
        if self.record.held:
            if self._require_editable():
                from screens.chair_list import ChairingList

                await self.app.push_screen_wait(ChairingList(self.record))
                self.reload()
            return
        if not self._require_live():
            return
        from screens.chair_picker import ChairPicker

        now = self.record.in_the_chair()
        current = now.person_id if now is not None else None
        holder = self.record.people.get(current) if current is not None else None
        question = f"{holder.initials} is in the chair. Who takes it now?" if holder else \
            "No one is in the chair. Who takes it?"
        chosen = await self.app.push_screen_wait(ChairPicker(
            self.record, question, self.record.offered_the_chair(leaving=current), "no change"))
        if chosen is None:
            self.editor.notes.focus()
            return
        self._take_the_chair(chosen, self.now())
