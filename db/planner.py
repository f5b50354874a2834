"""The decision planner in the book: entries, their moves, their links to agenda items, and
what a recorded decision does to the entry its item carries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from db.book import Book
from db.rows import insert, one, rows, update
from secretary.models import AgendaItem, Decision, Meeting
from secretary.planner import (
    PlannerEntry, PlannerMove, PlannerStatus, best_item, is_deferral, item_for, taken_words,
)

if TYPE_CHECKING:  # the planner file's reader is loaded when the clerk imports one
    from secretary.importers.planner import PlannerImport

_ENTRY_COLUMNS = set(PlannerEntry.model_fields) - {"confidential", "moves"}


def list_entries(book: Book, body_id: int) -> list[PlannerEntry]:
    """The body's planner, each entry with its moves and whether its item is Part II."""
    moves: dict[int, list[PlannerMove]] = defaultdict(list)
    for move in rows(book, PlannerMove, """SELECT v.* FROM planner_move v JOIN planner_entry e ON e.id = v.entry_id
            WHERE e.body_id = ? ORDER BY v.id""", [body_id]):
        moves[move.entry_id].append(move)
    found = []
    for row in book.db.query("""SELECT e.*, coalesce(i.part = 'II', 0) AS confidential FROM planner_entry e
            LEFT JOIN agenda_item i ON i.id = e.item_id WHERE e.body_id = ? ORDER BY e.position, e.id""", [body_id]):
        found.append(PlannerEntry.model_validate({**row, "moves": tuple(moves.get(row["id"], ()))}))
    return found


def get_entry(book: Book, entry_id: int) -> PlannerEntry | None:
    row = one(book, PlannerEntry, "SELECT * FROM planner_entry WHERE id = ?", [entry_id])
    if row is None:
        return None
    return next(e for e in list_entries(book, row.body_id) if e.id == entry_id)


def add_entry(book: Book, entry: PlannerEntry) -> PlannerEntry:
    if not entry.position:
        last = book.db.execute("SELECT coalesce(max(position), -1) FROM planner_entry WHERE body_id = ?",
                               [entry.body_id]).fetchone()[0]
        entry = entry.model_copy(update={"position": last + 1})
    return insert(book, "planner_entry", entry, exclude={"confidential", "moves"})


def save_entry(book: Book, entry: PlannerEntry, *, on: date) -> PlannerEntry:
    """The clerk's edit of an entry; a change of date is kept as a move."""
    with book.db.atomic():
        before = get_entry(book, entry.id)
        update(book, "planner_entry", entry, exclude={"confidential", "moves"})
        if before is not None and (before.date_text, before.due_date) != (entry.date_text, entry.due_date):
            insert(book, "planner_move", PlannerMove(entry_id=entry.id, moved_on=on, from_text=before.date_text,
                                                     from_date=before.due_date, to_text=entry.date_text,
                                                     to_date=entry.due_date))
    return get_entry(book, entry.id)


def delete_entry(book: Book, entry_id: int) -> None:
    book.db.execute("DELETE FROM planner_entry WHERE id = ?", [entry_id])


def store_planner(book: Book, body_id: int, imported: PlannerImport) -> tuple[int, int]:
    """Add the file's entries; one with the same Ref No. and decision as an entry held is updated.
    Each is linked to the item of a meeting on its date that takes it, where one clearly does.
    Returns (added, updated)."""
    held = {(e.ref, e.decision): e for e in list_entries(book, body_id)}
    added = updated = 0
    with book.db.atomic():
        for entry in imported.entries:
            entry = entry.model_copy(update={"body_id": body_id})
            same = held.get((entry.ref, entry.decision))
            if same is not None:
                kept = {"id": same.id, "position": same.position, "item_id": same.item_id, "taken_on": same.taken_on,
                        "taken_decision_id": same.taken_decision_id, "taken_words": same.taken_words}
                if same.status is PlannerStatus.taken:
                    kept["status"] = same.status
                update(book, "planner_entry", entry.model_copy(update=kept), exclude={"confidential", "moves"})
                updated += 1
            else:
                entry = add_entry(book, entry.model_copy(update={"position": 0}))
                added += 1
            _link_on_its_date(book, body_id, entry.id if same is None else same.id)
    return added, updated


def _link_on_its_date(book: Book, body_id: int, entry_id: int) -> None:
    entry = get_entry(book, entry_id)
    if entry.item_id is not None or entry.due_date is None or not entry.open:
        return
    meeting = one(book, Meeting, "SELECT * FROM meeting WHERE body_id = ? AND date = ? ORDER BY id",
                  [body_id, entry.due_date.isoformat()])
    if meeting is None:
        return
    item = best_item(entry, _items(book, meeting.id))
    if item is not None:
        link_entry(book, entry_id, item.id)


def _items(book: Book, meeting_id: int) -> list[AgendaItem]:
    return list(rows(book, AgendaItem, "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id",
                     [meeting_id]))


def link_entry(book: Book, entry_id: int, item_id: int | None) -> None:
    book.db.execute("UPDATE planner_entry SET item_id = ? WHERE id = ?", [item_id, entry_id])


def entry_for_item(book: Book, item_id: int) -> PlannerEntry | None:
    row = one(book, PlannerEntry, "SELECT * FROM planner_entry WHERE item_id = ? ORDER BY id", [item_id])
    return get_entry(book, row.id) if row else None


# --- at agenda time --------------------------------------------------------------------


def offer_for_meeting(book: Book, meeting_id: int) -> list[tuple[PlannerEntry, AgendaItem | None]]:
    """Open entries planned for this meeting's date and not yet on an agenda, each with the
    item already on the agenda that seems to take it (None: a new item would be added)."""
    meeting = one(book, Meeting, "SELECT * FROM meeting WHERE id = ?", [meeting_id])
    items = _items(book, meeting_id)
    linked = {e.item_id for e in list_entries(book, meeting.body_id) if e.item_id is not None}
    free = [i for i in items if i.id not in linked]
    return [(e, best_item(e, free)) for e in list_entries(book, meeting.body_id)
            if e.open and e.item_id is None and e.due_date == meeting.date]


def accept_offer(book: Book, meeting_id: int, entry: PlannerEntry, item: AgendaItem | None) -> AgendaItem:
    """The clerk took the entry onto the agenda: linked to ``item``, or to a new item at the end."""
    with book.db.atomic():
        if item is None:
            position = book.db.execute("SELECT coalesce(max(position), -1) + 1 FROM agenda_item WHERE meeting_id = ?",
                                       [meeting_id]).fetchone()[0]
            item = insert(book, "agenda_item", item_for(entry, meeting_id, position))
        link_entry(book, entry.id, item.id)
    return item


# --- when the decision is recorded --------------------------------------------------------


def note_decision(book: Book, decision: Decision) -> None:
    """A decision recorded on an item that carries an open planner entry: the entry is taken,
    with the date and the decision's words; a deferral moves it to the next meeting instead."""
    if not _has_planner(book):
        return
    entry = one(book, PlannerEntry, "SELECT * FROM planner_entry WHERE item_id = ? AND status = 'future'",
                [decision.item_id])
    if entry is None:
        return
    meeting = one(book, Meeting, """SELECT m.* FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id
        WHERE i.id = ?""", [decision.item_id])
    if is_deferral(decision):
        _defer(book, entry, meeting)
        return
    book.db.execute("UPDATE planner_entry SET status = 'taken', taken_on = ?, taken_decision_id = ?, "
                    "taken_words = ? WHERE id = ?",
                    [meeting.date.isoformat(), decision.id, taken_words(decision), entry.id])


def _defer(book: Book, entry: PlannerEntry, meeting: Meeting) -> None:
    after = meeting.next_meeting_date or book.db.execute(
        "SELECT min(date) FROM meeting WHERE body_id = ? AND date > ?",
        [meeting.body_id, meeting.date.isoformat()]).fetchone()[0]
    to_date = date.fromisoformat(after) if isinstance(after, str) else after
    to_text = to_date.strftime("%-d %b %Y") if to_date else "TBC"
    insert(book, "planner_move", PlannerMove(entry_id=entry.id, moved_on=meeting.date, from_text=entry.date_text,
                                             from_date=entry.due_date, to_text=to_text, to_date=to_date,
                                             deferred=True, meeting_id=meeting.id))
    book.db.execute("UPDATE planner_entry SET date_text = ?, due_date = ?, item_id = NULL WHERE id = ?",
                    [to_text, to_date.isoformat() if to_date else None, entry.id])


def decision_withdrawn(book: Book, decision_id: int) -> None:
    """The decision that took an entry was deleted (recorded in error): the entry is open again."""
    if not _has_planner(book):
        return
    book.db.execute("UPDATE planner_entry SET status = 'future', taken_on = NULL, taken_decision_id = NULL, "
                    "taken_words = '' WHERE taken_decision_id = ? AND status = 'taken'", [decision_id])


def _has_planner(book: Book) -> bool:
    """The app always migrates a book it opens; the migration tests write decisions into a book
    held at an earlier version, before m006 made the planner."""
    return book.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'planner_entry'").fetchone() \
        is not None
