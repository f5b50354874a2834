"""The centre of the live screen: the item in hand and its minute.

Above the editor, the item (title, lead, purpose, paper), how long it has run against its
slot, and its quorum when it differs from the meeting's; the presenters and taken-as-read;
the notes; below, its decisions and actions, its declarations (and registered interests that
may touch it) and the movement lines the minutes will print.

The editor shows; it does not save. What the clerk types goes up as ``MinuteEditor.Typed``
and the screen hands it to the desk. ``typed`` (the desk's) says what the clerk last typed
for a field, held or in the book, so a minute loaded while the book refuses writes shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static, TextArea

from secretary.actions import minute_line
from secretary.agenda import resumed
from secretary.annotations import inline_notes
from secretary.declarations import interest_hints, wording
from secretary.formats import minutes_time
from secretary.models import AgendaItem, Part
from secretary.movement_lines import Edit, place_line
from secretary.record import MeetingRecord
from secretary.timing import timing
from screens.live_view import LiveView, Showing, show_text
from screens.suggest import PeopleInput, PeopleSuggester
from screens.text_lines import TextParts
from screens.tick_box import TickBox

TypedLookup = Callable[[int | None, str, Any], Any]


class ItemLines(TextParts):
    """Under the notes, one widget: what the notes say that the record contradicts, the item's
    actions and decisions, its declarations (and registered interests that may touch it), and the
    movement lines the minutes will print."""

    COMPONENT_CLASSES = {"item-lines--check", "item-lines--notes"}
    DEFAULT_CSS = """
    ItemLines > .item-lines--check { color: $warning; text-style: bold; }
    ItemLines > .item-lines--notes { color: $text-muted; }
    """
    PARTS = (("item-check", "item-lines--check", None), ("decisions", "", 8), ("declarations", "", 8),
             ("item-notes", "item-lines--notes", None))


class MinuteEditor(LiveView, Vertical):
    @dataclass
    class Typed(Message):
        """The clerk changed a field of an item's minute: ``notes``, ``presenters`` or ``taken_as_read``."""

        item_id: int
        field: str
        value: Any

    def __init__(self, typed: TypedLookup, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.typed = typed
        self.item_id: int | None = None  # the item whose minute the fields hold
        # the heading's parts: title, meta (lead, purpose…), timing, the item's quorum (None: as the meeting's)
        self._head: list[Text | None] = [Text(), Text(), Text(), None]

    def compose(self) -> ComposeResult:
        # the item's title, lead, purpose, paper and section, how long it has run, and its quorum when
        # that differs from the meeting's: one widget of lines (four took a tenth of opening the screen)
        yield Static("", id="item-title", markup=False)
        with Horizontal(id="presenters-row"):
            yield PeopleInput(id="presenters", placeholder="Presented by… (names complete with →)", compact=True)
            yield TickBox("taken as read", id="as-read")
        yield TextArea(id="notes", soft_wrap=True, tab_behavior="focus",
                       placeholder="Notes for this item — saved as you type")
        yield ItemLines(id="item-lines")

    @property
    def lines(self) -> ItemLines:
        return self.query_one(ItemLines)

    @property
    def notes(self) -> TextArea:
        return self.query_one("#notes", TextArea)

    # --- drawing ------------------------------------------------------------------------

    def draw(self, showing: Showing) -> None:
        record, item = showing.record, showing.item
        self.query_one("#presenters", Input).suggester = PeopleSuggester.for_attendance(record)
        self._heading(record, item)
        self._item_quorum(record, item)
        self.tick(showing.now)
        self._decisions(record, item)
        self._declarations(record, item)
        self._load(record, item)
        self.check()

    def _heading(self, record: MeetingRecord, item: AgendaItem | None) -> None:
        if item is None:
            if record.held:
                self._head[:2] = [self._title(f"The meeting is {record.status.value}."),
                                  Text("Escape goes back to the overview.")]
            else:
                self._head[:2] = [self._title("No item in progress."),
                                  Text("Ctrl+N takes the first item; Ctrl+G goes to any item.")]
            self.lines.show("item-notes", "")
            return
        heading = f"{item.number}. {item.title}" if item.number else item.title
        if record.live and item.id == record.current_item_id and resumed(record.minutes, item.id):
            heading = "RESUMED  " + heading
        if item.part is Part.confidential:
            heading += "   (Part II — confidential)"
        lines = []
        if item.lead:
            lines.append(f"Lead: {item.lead}")
        if item.purpose:
            lines.append(f"Purpose: {item.purpose}")
        if item.paper_ref or item.verbal:
            lines.append(f"Paper: {item.paper_ref}" if item.paper_ref else "Verbal item")
        if item.section:
            lines.append(f"Section: {item.section}")
        self._head[:2] = [self._title(heading), Text("\n".join(lines))]
        lines = inline_notes(item.id, record.movements, record.people, record.running_order(), record.lines_in_notes())
        self.lines.show("item-notes", "\n".join(str(n) for n in lines))

    def _title(self, words: str) -> Text:
        return Text(words, style="bold")

    def _item_quorum(self, record: MeetingRecord, item: AgendaItem | None) -> None:
        quorum = None
        if item is not None:
            meeting_q, item_q = record.quorum(), record.quorum(item.id)
            if item_q.counted != meeting_q.counted or item_q.quorate != meeting_q.quorate:
                quorum = Text(f"For this item: {item_q.summary()}",
                              style="" if item_q.quorate else self.themed("bold $error"))
        self._head[3] = quorum

    def _show_head(self) -> None:
        """The heading's lines in one: each part on its own line(s), an empty one as a blank line."""
        show_text(self.query_one("#item-title", Static),
                  Text("\n").join(part for part in self._head if part is not None))

    def tick(self, now) -> None:
        """How long the item has run, against its slot."""
        text = Text()
        if self.showing is not None and self.showing.item is not None:
            record, item = self.showing.record, self.showing.item
            minute = record.minutes.get(item.id)
            if minute and minute.started_at:
                run = timing(record, now)
                text.append(f"Started {minutes_time(minute.started_at.astimezone(now.tzinfo).time())}")
                words = run.item_words()
                if words:
                    text.append(" · ")
                    text.append(words, style=self.themed("bold $error") if run.item_over else "")
        self._head[2] = text
        self._show_head()

    def _decisions(self, record: MeetingRecord, item: AgendaItem | None) -> None:
        text = Text()
        if item is not None:
            for action in record.actions_on(item.id):
                text.append(minute_line(action) + "\n", style="bold")
            decisions = record.decisions_on(item.id)
            if decisions:
                text.append(f"{record.noun}:\n", style="bold")
            for decision in decisions:
                text.append("  ")
                text.append(decision.verb.value.upper(), style="bold")
                text.append(f" {decision.text}")
                if decision.inquorate:
                    text.append("  (while inquorate)", style=self.themed("bold $error"))
                text.append("\n")
        self.lines.show("decisions", text)

    def _declarations(self, record: MeetingRecord, item: AgendaItem | None) -> None:
        """This item's declarations in the minutes' words, and registered interests of people in
        the room that may touch it (a hint only)."""
        text = Text()
        if item is not None:
            declared = record.declarations_on(item.id)
            for declaration in declared:
                text.append(wording(declaration, record.people[declaration.person_id].initials) + "\n",
                            style="italic")
            already = {d.person_id for d in declared}
            hints = [(i, w) for i, w in interest_hints(item, record.interests, record.in_room())
                     if i.person_id not in already]
            if hints:
                text.append("Registered interests that may touch this item (F8 to declare):\n", style=self.themed("bold $warning"))
                for interest, _shared in hints[:4]:
                    initials = record.people[interest.person_id].initials
                    text.append(f"  {initials} — {interest.details[:60]}\n", style=self.themed("$warning"))
            if reminder := record.register_reminder(item):  # stale entries, members with none
                text.append(reminder + "\n", style=self.themed("bold $warning"))
        self.lines.show("declarations", text)

    def forget(self) -> None:
        """The fields are filled from the book again when next shown, even for the same item (the
        screen was made ready, unseen, and the book has changed since)."""
        self.item_id = None

    def _load(self, record: MeetingRecord, item: AgendaItem | None) -> None:
        """Put the item's minute in the fields — only when the item has changed, so a redraw after
        an arrival never moves the clerk's cursor."""
        notes, presenters = self.notes, self.query_one("#presenters", Input)
        as_read = self.query_one("#as-read", TickBox)
        editable = item is not None and record.editable
        for widget in (notes, presenters, as_read):
            widget.disabled = not editable
        item_id = item.id if item else None
        if item_id == self.item_id:
            return
        self.item_id = item_id
        minute = record.minutes.get(item_id) if item_id else None
        saved = lambda field, empty: getattr(minute, field) if minute else empty  # noqa: E731
        with self.prevent(TextArea.Changed, Input.Changed, TickBox.Changed):
            notes.load_text(self.typed(item_id, "notes", saved("notes", "")))
            presenters.value = self.typed(item_id, "presenters", saved("presenters", ""))
            as_read.value = self.typed(item_id, "taken_as_read", saved("taken_as_read", False))
        if editable:
            notes.move_cursor(notes.document.end)
            notes.focus()

    def insert(self, text: str, *, at_end: bool = False) -> None:
        """Text written for the clerk (a standard sentence) into the notes, as if typed."""
        notes = self.notes
        if at_end:
            notes.move_cursor(notes.document.end)
            text = ("\n" if notes.text and not notes.text.endswith("\n") else "") + text
        else:
            text = ("" if not notes.text or notes.text.endswith(("\n", " ")) else " ") + text
        notes.insert(text)
        notes.focus()

    def put_line(self, line: str) -> None:
        """A movement's line into the notes where the clerk had reached (secretary/movement_lines.py),
        as if typed; the cursor just after it."""
        notes = self.notes
        document = notes.document
        cursor = document.get_index_from_location(notes.cursor_location)
        edit, after = place_line(notes.text, cursor, line)
        notes.insert(edit.new, document.get_location_from_index(edit.start), maintain_selection_offset=False)
        notes.move_cursor(notes.document.get_location_from_index(after))

    def make_edits(self, edits: list[Edit]) -> None:
        """Rewrite or take out lines in the notes, as if typed; the cursor keeps its place in the text."""
        notes = self.notes
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            document = notes.document
            notes.replace(edit.new, document.get_location_from_index(edit.start),
                          document.get_location_from_index(edit.end))

    # --- typing ------------------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    def _notes_typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._typed("notes", event.text_area.text)

    @on(Input.Changed, "#presenters")
    def _presenters_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed("presenters", event.value)

    @on(TickBox.Changed, "#as-read")
    def _as_read(self, event: TickBox.Changed) -> None:
        event.stop()
        self._typed("taken_as_read", event.value)

    def check(self) -> None:
        """Say so when the notes state a fact the record contradicts ("no declarations of interest"
        written at the opening items, and a declaration recorded since)."""
        showing = self.showing
        found = showing.record.disagreements(showing.item, self.notes.text) if showing and showing.item else []
        self.lines.show("item-check", "\n".join(f"⚠ {words}" for words in found))

    def _typed(self, field: str, value: Any) -> None:
        if field == "notes":
            self.check()
        if self.item_id is not None:
            self.post_message(self.Typed(self.item_id, field, value))
