"""The history of the current item (or the whole meeting): every change, newest first, a
chosen version of the notes shown in full and put back after asking, and deleted things
brought back. Opened with F11 (or Alt+H) from the live screen and h from the meeting's overview."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static
from screens.title_bar import TitleBar

from db.history import is_undone, item_history, meeting_history, names_for
from db.meetings import get_item, get_meeting
from db.minutes import get_minute
from db.rows import Refused
from secretary.history import Change, ChangeKind, Names, details, summary, what
from secretary.models import MeetingStatus
from screens.confirm import ConfirmScreen
from screens.text import plain
from screens.footer import Footer


SUMMARY_WIDTH = 32


class HistoryScreen(Screen[bool]):
    """Dismisses with True if anything was restored or brought back."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("enter,r", "restore", "Restore", tooltip="Put back this version of the notes, or bring back "
                                                          "what was deleted (asks first)"),
        Binding("m", "scope", "Item / meeting", tooltip="Show the whole meeting's history, or this item's"),
    ]

    def __init__(self, meeting_id: int, item_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.item_id = item_id
        self.whole_meeting = item_id is None
        self.changes: list[Change] = []
        self.names = Names()
        self.changed = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="history-title", markup=False)
        with Horizontal(id="history-body"):
            yield DataTable(id="changes", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="preview-pane"):
                yield Static("", id="preview", markup=False)
        yield Static("Enter: restore this version or bring back what was deleted · m: whole meeting / this item "
                     "· Escape: back", id="history-hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#changes", DataTable)
        for label, width in (("Time", 8), ("What", 21), ("Before → after", SUMMARY_WIDTH), ("", 7)):
            table.add_column(label, width=width)
        self.load()
        table.focus()

    def load(self, keep_row: bool = True) -> None:
        book = self.app.book
        self.names = names_for(book, self.meeting_id, tz=self.app.now().tzinfo)
        meeting = get_meeting(book, self.meeting_id)
        if self.whole_meeting or self.item_id is None:
            self.changes = meeting_history(book, self.meeting_id)
            title = f"History of the meeting: {meeting.title}"
        else:
            self.changes = item_history(book, self.item_id)
            item = get_item(book, self.item_id)
            label = f"{item.number}. {item.title}" if item and item.number else (item.title if item else "")
            title = f"History of item {label}"
        self.sub_title = "history"
        self.query_one("#history-title", Static).update(
            f"{title} — {len(self.changes)} change{'s' if len(self.changes) != 1 else ''}, newest first")
        table = self.query_one("#changes", DataTable)
        row = table.cursor_row if keep_row else 0
        table.clear()
        tz = self.names.tz
        for change in self.changes:
            table.add_row(
                f"{change.at.astimezone(tz):%H:%M:%S}", plain(what(change, self.names)),
                plain(summary(change, self.names, width=SUMMARY_WIDTH)), plain(self._offer(change)),
                key=str(change.id),
            )
        if self.changes:
            table.move_cursor(row=max(0, min(row, len(self.changes) - 1)))
        self.show_preview()

    def _offer(self, change: Change) -> str:
        if change.is_deletion:
            if self.app.desk.holds(self.app.desk.undo_deletion, change.id):
                return "held"
            return "undone" if is_undone(self.app.book, change) else "undo"
        if self._notes_of(change) is not None:
            return "restore"
        return ""

    def _notes_of(self, change: Change) -> str | None:
        """The version of the notes this entry holds, if it holds one with words in it."""
        if change.table != "minute" or change.kind is ChangeKind.delete:
            return None
        row = change.after if change.kind is ChangeKind.insert else change.before
        return (row or {}).get("notes") or None  # empty notes are no version worth putting back

    def selected(self) -> Change | None:
        row = self.query_one("#changes", DataTable).cursor_row
        return self.changes[row] if 0 <= row < len(self.changes) else None

    @on(DataTable.RowHighlighted, "#changes")
    def _highlighted(self) -> None:
        self.show_preview()

    @on(DataTable.RowSelected, "#changes")
    def _chosen(self) -> None:
        self.action_restore()  # Enter on a row

    def show_preview(self) -> None:
        preview = self.query_one("#preview", Static)
        change = self.selected()
        if change is None:
            preview.update("Nothing has changed here yet." if not self.changes else "")
            return
        notes = self._notes_of(change)
        if notes is None:
            preview.update(details(change, self.names))
            return
        when = change.at.astimezone(self.names.tz)
        row = (change.after if change.kind is ChangeKind.insert else change.before) or {}
        lines = [f"The notes as they were at {when:%H:%M:%S} on {when:%d/%m/%Y}"
                 + (f" ({change.note})" if change.note else "") + ":", ""]
        lines.append(notes if notes else "(no notes)")
        if row.get("presenters"):
            lines += ["", f"Presented by: {row['presenters']}"]
        preview.update("\n".join(lines))

    def _editable(self) -> bool:
        if get_meeting(self.app.book, self.meeting_id).status is MeetingStatus.approved:
            self.notify("These minutes are approved and read-only; reopen them for a correction from the "
                        "meeting's overview first.", severity="warning", markup=False)
            return False
        return True

    @work
    async def action_restore(self) -> None:
        change = self.selected()
        if change is None:
            return
        if change.is_deletion:
            await self.bring_back(change)
        elif (notes := self._notes_of(change)) is not None:
            await self.restore(change, notes)
        else:
            self.notify("This change has nothing to put back: choose a version of the notes or a deletion.",
                        markup=False)

    async def restore(self, change: Change, notes: str) -> None:
        book = self.app.book
        if get_minute(book, change.row_id).notes == notes:
            self.notify("The notes read like this now.", markup=False)
            return
        if not self._editable():
            return
        if self._notes_held(change.row_id):
            self.notify("The notes typed last on this item are not in the book yet (they are held and retried); "
                        "put back an earlier version once they are saved.", severity="warning", markup=False)
            return
        when = change.at.astimezone(self.names.tz)
        sure = await self.app.push_screen_wait(ConfirmScreen(
            f"Put back the notes as they were at {when:%H:%M:%S}?\n\n"
            "The notes as they are now are kept in the history, so this can be undone the same way.",
            yes="Restore these notes", no="Keep the notes as they are"))
        if not sure:
            return
        try:
            put_back = self.app.desk.restore_notes(change.row_id, text=notes, at=self.app.now())
        except Refused as e:
            self.notify(e.message, severity="error", markup=False)
            return
        self.changed = True  # held or not: the editor shows these notes now
        if put_back.saved:
            self.notify(f"The notes as they were at {when:%H:%M:%S} are back.", title="Restored", markup=False)
        self.load(keep_row=False)

    async def bring_back(self, change: Change) -> None:
        if self.app.desk.holds(self.app.desk.undo_deletion, change.id):
            self.notify("That is being brought back already: it is held until the book can be written.",
                        markup=False)
            return
        if is_undone(self.app.book, change):
            self.notify("That has already been brought back.", markup=False)
            return
        if not self._editable():
            return
        sure = await self.app.push_screen_wait(ConfirmScreen(
            f"Bring back what was deleted?\n\n{what(change, self.names)}: {summary(change, self.names, 70)}",
            yes="Bring it back", no="Leave it deleted"))
        if not sure:
            return
        try:
            said = self.app.desk.undo_deletion(change.id, at=self.app.now())
        except Refused as e:
            self.notify(e.message, severity="error", markup=False)
            return
        self.changed = True
        if said.saved:
            self.notify(said.value, title="Brought back", markup=False)
        self.load(keep_row=False)

    def _notes_held(self, item_id: int) -> bool:
        """Notes typed on the item that the book could not take yet: a restore would go after
        them, and typing after the restore before it."""
        return self.app.desk.holds_notes(item_id)

    def action_scope(self) -> None:
        if self.item_id is None:
            self.notify("There is no item in progress; this is the whole meeting's history.", markup=False)
            return
        self.whole_meeting = not self.whole_meeting
        self.load(keep_row=False)

    def action_close(self) -> None:
        self.dismiss(self.changed)
