"""The agenda editor: add, edit, delete, reorder and number items and sub-items."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Static
from screens.title_bar import TitleBar

from db.meetings import get_meeting, list_items
from db.planner import offer_for_meeting
from db.rows import Refused
from secretary import agenda
from secretary.models import AgendaItem, ItemKind, Part
from secretary.times import format_time
from screens.confirm import ConfirmScreen
from screens.import_preview import AgendaFileScreen, ImportPreviewScreen
from screens.item_form import ItemFormScreen
from screens.text import plain
from screens.footer import Footer


class AgendaEditorScreen(Screen):
    CSS_PATH = "agenda_editor.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "add_item", "Add item"),
        Binding("s", "add_sub_item", "Sub-item"),
        Binding("e", "edit_item", "Edit"),
        Binding("delete,d", "delete_item", "Delete"),
        Binding("i", "import_agenda", "Import file"),
        Binding("ctrl+up,K", "move(-1)", "Up"),
        Binding("ctrl+down,J", "move(1)", "Down"),
        Binding("greater_than_sign", "indent", "Make sub-item", show=False),
        Binding("less_than_sign", "outdent", "Make item", show=False),
        Binding("N", "renumber", "Renumber"),
        Binding("A", "toggle_auto", "Auto-number", show=False),
        Binding("p", "planner", "Planned decisions"),
    ]

    auto_number: var[bool] = var(False)

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: list[AgendaItem] = []

    @property
    def book(self):
        return self.app.book

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="agenda-title", classes="pane-title", markup=False)
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agenda-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        meeting = get_meeting(self.book, self.meeting_id)
        self.query_one("#agenda-title", Static).update(f"Agenda — {meeting.title}, {meeting.date:%d/%m/%Y}")
        table = self.query_one("#agenda", DataTable)
        for label, width in (("No.", 4), ("Item", 46), ("Purpose", 16), ("Lead", 24), ("Time", 7), ("Paper", 9),
                             ("Part", 4)):
            table.add_column(label, width=width)
        self.reload()
        table.focus()

    def reload(self, select: int | None = None) -> None:
        self.items = agenda.in_order(list_items(self.book, self.meeting_id))
        table = self.query_one("#agenda", DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            title = item.title if item.kind is ItemKind.item else f"— {item.title} —"
            table.add_row(
                plain(item.number),
                plain(("    " if item.parent_id else "") + title),
                plain(item.purpose),
                plain(item.lead.replace("\n", " / ")),
                plain(format_time(item.planned_start) if item.planned_start else ""),
                plain(item.paper_ref),
                "II" if item.part is Part.confidential else "I",
                key=str(item.id),
            )
        if select is not None:
            row = next((n for n, i in enumerate(self.items) if i.id == select), row)
        if self.items:
            table.move_cursor(row=min(row or 0, len(self.items) - 1))
        numbering = "numbers follow the order automatically" if self.auto_number else "numbers kept as typed"
        count = sum(1 for i in self.items if i.kind is ItemKind.item)
        planned = len(offer_for_meeting(self.book, self.meeting_id))
        offer = f"\n{planned} decision planner entr{'y' if planned == 1 else 'ies'} planned for this meeting: p to " \
                "put them on the agenda." if planned else ""
        self.query_one("#agenda-status", Static).update(
            f"{count} items; {numbering} (A to switch, N to renumber now); > makes a sub-item, < an item.{offer}"
        )

    @property
    def current(self) -> AgendaItem | None:
        row = self.query_one("#agenda", DataTable).cursor_row
        return self.items[row] if self.items and row is not None and row < len(self.items) else None

    def _after_current(self, *, as_sub_item: bool) -> AgendaItem:
        current = self.current
        if current is None:
            return AgendaItem(meeting_id=self.meeting_id, position=0, title="New item")
        if as_sub_item:
            parent = current if current.parent_id is None else next(i for i in self.items if i.id == current.parent_id)
            last = max((i.position for i in self.items if i.parent_id == parent.id), default=parent.position)
            return AgendaItem(meeting_id=self.meeting_id, parent_id=parent.id, position=last + 1, title="New item",
                              section=parent.section, part=parent.part)
        if current.parent_id is None:
            end = max((i.position for i in self.items if i.parent_id == current.id), default=current.position)
        else:
            end = current.position
        return AgendaItem(meeting_id=self.meeting_id, parent_id=current.parent_id, position=end + 1, title="New item",
                          section=current.section, part=current.part)

    @work
    async def action_add_item(self, as_sub_item: bool = False) -> None:
        draft = self._after_current(as_sub_item=as_sub_item)
        stored = await self.app.push_screen_wait(ItemFormScreen(
            draft, "New sub-item" if as_sub_item else "New item", save=lambda item: self.app.desk.insert_item(item)))
        if stored is None:
            return
        self._after_change(stored.id)

    def action_add_sub_item(self) -> None:
        self.action_add_item(as_sub_item=True)

    @on(DataTable.RowSelected, "#agenda")
    @work
    async def action_edit_item(self) -> None:
        current = self.current
        if current is None:
            return
        def store(edited: AgendaItem) -> AgendaItem:
            if edited != current:
                self.app.desk.update_item(edited)
            return edited

        edited = await self.app.push_screen_wait(ItemFormScreen(current, f"Edit item {current.number}".strip(),
                                                                save=store))
        if edited is not None and edited != current:
            self._after_change(edited.id)

    @work
    async def action_delete_item(self) -> None:
        current = self.current
        if current is None:
            return
        subs = sum(1 for i in self.items if i.parent_id == current.id)
        extra = f" and its {subs} sub-item{'s' if subs > 1 else ''}" if subs else ""
        label = f"{current.number} {current.title}".strip()
        if await self.app.push_screen_wait(ConfirmScreen(f"Delete item {label}{extra} from the agenda?")):
            if self.app.desk.delete_item(current.id).saved:
                self._after_change(None)

    def _restructure(self, change) -> None:
        current = self.current
        if current is None:
            return
        try:
            items = change(self.items, current.id)
        except ValueError as e:
            self.notify(str(e), severity="warning", markup=False)
            return
        self.app.desk.save_agenda_order(agenda.renumber(items) if self.auto_number else items, why=f"moving item {current.number or current.title}")
        self.reload(select=current.id)

    def action_move(self, step: int) -> None:
        self._restructure(lambda items, item_id: agenda.move(items, item_id, step))

    def action_indent(self) -> None:
        self._restructure(agenda.indent)

    def action_outdent(self) -> None:
        self._restructure(agenda.outdent)

    def action_renumber(self) -> None:
        renumbered = self.app.desk.save_agenda_order(agenda.renumber(list_items(self.book, self.meeting_id)), why="renumbering the agenda")
        self.reload()
        if renumbered.saved:
            self.notify("Agenda renumbered.")

    def action_toggle_auto(self) -> None:
        self.auto_number = not self.auto_number
        if self.auto_number:
            self.action_renumber()
        else:
            self.reload()

    def _after_change(self, select: int | None) -> None:
        items = list_items(self.book, self.meeting_id)
        items = agenda.renumber(items) if self.auto_number else agenda.reposition(items)
        self.app.desk.save_agenda_order(items)
        self.reload(select=select)

    @work
    async def action_planner(self) -> None:
        from screens.planner_offer import PlannerOfferScreen

        if await self.app.push_screen_wait(PlannerOfferScreen(self.meeting_id)):
            self.reload()

    @work
    async def action_import_agenda(self) -> None:
        """Read an agenda file, show what it became, and store it only if the clerk accepts."""
        chosen = await self.app.push_screen_wait(AgendaFileScreen())
        if chosen is None:
            return
        path, imported = chosen
        meeting = get_meeting(self.book, self.meeting_id)
        choice = await self.app.push_screen_wait(ImportPreviewScreen(imported, path.name, meeting, len(self.items)))
        if choice is None:
            self.notify("Import cancelled: the agenda is unchanged.")
            return
        try:
            imported_now = self.app.desk.store_agenda(self.meeting_id, imported, append=choice == "append", source=path.name)
        except (Refused, ValueError) as e:
            self.notify(f"Nothing was imported: {e}", severity="error", markup=False)
            return
        if not imported_now.saved:
            return  # told: nothing was imported, and the file can be imported again
        stored = imported_now.value
        self._after_change(stored[0].id if stored else None)
        done = "added to" if choice == "append" else "now make up"
        self.notify(f"{len(stored)} entries from {path.name} {done} the agenda.", markup=False)
