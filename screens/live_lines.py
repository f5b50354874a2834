"""Movement lines in place (secretary/movement_lines.py) on the live screen: a movement recorded
during the item in the editor gets its line where the clerk's cursor was, and every line follows
its movement when the movement is corrected or deleted. The notes change through the editor (or,
for an item not in it, through the desk's ``type_minute``), exactly as typing does."""

from __future__ import annotations

from secretary.movement_lines import MovementLine, applied, lines_wanted, sync_lines
from secretary.room import STEPPED_OUT


class LiveLines:
    """Mixed into LiveScreen: ``self.record``, ``self.editor``, ``reload``, ``self.app.desk``."""

    def movement_ids(self) -> set[int]:
        return {m.id for m in self.record.movements} if self.record is not None else set()

    def lines_after(self, before: set[int]) -> None:
        """After a verb: lines for the movements it recorded on the item in the editor, then every
        line brought into line with its movement."""
        record = self.record
        if record is None or not record.editable:
            return
        item_id = self.editor.item_id
        new = [m for m in record.movements if item_id is not None and m.item_id == item_id
               and m.id not in before and m.note != STEPPED_OUT]  # a step-out called brief is not minuted
        wanted = lines_wanted(item_id, record.movements, record.people, record.running_order()) if new else {}
        placed = False
        for movement in new:
            if (line := wanted.get(movement.id)) is not None:
                self.editor.put_line(line)
                self.app.desk.link_movement_line(MovementLine(movement_id=movement.id, item_id=item_id, text=line))
                placed = True
        if placed:
            self.reload_meeting()  # the links are the meeting's own rows
        self.sync_lines()

    def sync_lines(self) -> None:
        """Rewrite the lines of corrected movements and take out those of deleted ones (or of a
        departure that became a brief step-out); an edited line is left and the clerk told."""
        record = self.record
        if record is None or not record.editable or not record.movement_lines:
            return
        order = record.running_order()
        changed = False
        for item_id in sorted({x.item_id for x in record.movement_lines}):
            links = [x for x in record.movement_lines if x.item_id == item_id]
            shown = item_id == self.editor.item_id
            minute = record.minutes.get(item_id)
            notes = self.editor.notes.text if shown else self.app.desk.typed(
                item_id, "notes", minute.notes if minute else "")
            sync = sync_lines(notes, links, lines_wanted(item_id, record.movements, record.people, order))
            if sync.edits and shown:
                self.editor.make_edits(sync.edits)
            elif sync.edits:
                self.app.desk.type_minute(item_id, notes=applied(notes, sync.edits))
            for link, text in sync.rewritten:
                self.app.desk.rewrite_movement_line(link.id, text)
            for link in sync.dropped:
                self.app.desk.forget_movement_line(link.id)
            for link, should in sync.edited:
                self._tell_edited(link, should, record.item_words(item_id))
            changed = changed or sync.changes
        if changed:
            self.reload()

    def _tell_edited(self, link: MovementLine, should: str, where: str) -> None:
        then = f"it would now read “{should}”" if should else "its movement is no longer minuted there"
        self.notify(f"“{link.text}” in the notes of {where} was edited, so it is left as you wrote it; "
                    f"{then}. Check it.", title="Movement line edited", severity="warning", timeout=12,
                    markup=False)

    def unlink_lines_not_in_notes(self) -> None:
        """After notes are put back from the history: lines the restored notes do not hold are no
        longer in the notes, so their movements go back to being printed by the minutes."""
        record, item_id = self.record, self.editor.item_id
        if record is None or item_id is None or not record.editable:
            return
        notes = self.editor.notes.text
        gone = [x for x in record.movement_lines if x.item_id == item_id and x.text not in notes]
        for link in gone:
            self.app.desk.forget_movement_line(link.id)
        if gone:
            self.reload()
