"""The history of the book: every change to minutes, decisions, declarations, actions (and
their updates), attendance and movements, kept by the m002 triggers in an append-only
table in the same transaction as the change. Reading it; restoring an earlier version of a
minute's notes; bringing back what was deleted. Restores and undos are changes too, and
are recorded like any other.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone, tzinfo
from typing import Any
from weakref import WeakKeyDictionary

from db.book import Book
from db.rows import Refused, explain_integrity
from secretary.history import (
    TEXT_FIELDS,
    Change,
    ChangeKind,
    Names,
    NoteVersion,
    note_versions,
    with_text_after,
)
from secretary.models import (
    Action,
    ActionUpdate,
    Attendance,
    Declaration,
    Decision,
    Minute,
    Movement,
    PublicQuestion,
)

# what a deleted row is checked against before it is put back
_MODELS = {
    "decision": Decision, "declaration": Declaration, "action": Action, "action_update": ActionUpdate,
    "attendance": Attendance, "movement": Movement, "public_question": PublicQuestion, "minute": Minute,
}
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', coalesce((SELECT at FROM history_stamp WHERE id = 1), 'now'))"


def stamp(at: datetime) -> str:
    """A time as the history keeps it: UTC to the millisecond (so times compare as text)."""
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


_clocks: WeakKeyDictionary[Book, Callable[[], datetime]] = WeakKeyDictionary()


def keep_time_with(book: Book, clock: Callable[[], datetime] | None) -> None:
    """Time the snapshots of typing by ``clock`` (the app's, which tests replace) rather than
    the machine's; None goes back to the machine's."""
    if clock is None:
        _clocks.pop(book, None)
    else:
        _clocks[book] = clock


def typing_time(book: Book) -> datetime | None:
    """Now, by the clock the book keeps time with (None: SQLite's own)."""
    clock = _clocks.get(book)
    return clock() if clock is not None else None


@contextmanager
def stamped(book: Book, at: datetime | None = None, note: str = "", undoes: int | None = None) -> Iterator[None]:
    """Changes written inside, in one transaction, are recorded at ``at`` (the app's clock,
    which tests replace), with ``note`` (why: a restore, an undone deletion) and the entry
    they undo. Without a stamp the history uses SQLite's clock."""
    if at is None and not note and undoes is None:
        yield
        return
    with book.db.atomic():
        previous = book.db.execute("SELECT at, note, undoes FROM history_stamp WHERE id = 1").fetchone()
        book.db.execute(
            "INSERT INTO history_stamp (id, at, note, undoes) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET at = excluded.at, note = excluded.note, undoes = excluded.undoes",
            [stamp(at) if at else None, note, undoes],
        )
        yield
        if previous is None:
            book.db.execute("DELETE FROM history_stamp WHERE id = 1")
        else:
            book.db.execute("UPDATE history_stamp SET at = ?, note = ?, undoes = ? WHERE id = 1", list(previous))


# --- reading -------------------------------------------------------------------------------


def item_history(book: Book, item_id: int) -> list[Change]:
    """What happened on an item, newest first: its minute, decisions, declarations, the
    actions raised on it (and their updates), and movements during it."""
    return _changes(book, "item_id = ?", [item_id])


def meeting_history(book: Book, meeting_id: int) -> list[Change]:
    """Everything recorded for a meeting, newest first, attendance included."""
    return _changes(book, "meeting_id = ? OR item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)",
                    [meeting_id, meeting_id])


def row_history(book: Book, table: str, row_id: int) -> list[Change]:
    """Every change to one row, newest first."""
    return _changes(book, "table_name = ? AND row_id = ?", [table, row_id])


def get_change(book: Book, change_id: int) -> Change | None:
    found = _changes(book, "id = ?", [change_id], fill=False)
    return found[0] if found else None


def _changes(book: Book, where: str, params: list[Any], *, fill: bool = True) -> list[Change]:
    rows = list(book.db.query(f"SELECT * FROM history WHERE {where} ORDER BY id", params))
    changes = _as_inserted(book, _whole_notes(book, [_change(row) for row in rows]))
    if fill:
        minutes = sorted({c.row_id for c in changes if c.is_text})
        current = {}
        if minutes:
            marks = ",".join("?" * len(minutes))
            current = {row["item_id"]: row for row in book.db.query(
                f"SELECT item_id, {', '.join(TEXT_FIELDS)} FROM minute WHERE item_id IN ({marks})", minutes)}
        changes = with_text_after(changes, current)
    changes.reverse()
    return changes


def _as_inserted(book: Book, changes: list[Change]) -> list[Change]:
    """An insert is kept without the row (m002): the row as inserted is the ``before`` of the
    row's next change, or the row as it is now."""
    following: dict[tuple[str, int], Change] = {}
    filled = []
    for change in reversed(changes):  # oldest last: each sees the next change to its row
        key = (change.table, change.row_id)
        if change.kind is ChangeKind.insert and change.after is None and change.table in _MODELS:
            after = following[key].before if key in following else _next_before(book, change)
            change = change.model_copy(update={"after": after})
        following[key] = change
        filled.append(change)
    filled.reverse()
    return filled


def _next_before(book: Book, change: Change) -> dict[str, Any] | None:
    row = book.db.execute(
        "SELECT before FROM history WHERE table_name = ? AND row_id = ? AND id > ? AND part = 'row' "
        "ORDER BY id LIMIT 1", [change.table, change.row_id, change.id]).fetchone()
    if row is not None:
        return json.loads(row[0]) if row[0] is not None else None
    pk = "item_id" if change.table == "minute" else "id"
    for current in book.db.query(f"SELECT * FROM {_table(change.table)} WHERE {pk} = ?", [change.row_id]):
        return current
    return None


def _whole_notes(book: Book, changes: list[Change]) -> list[Change]:
    """A snapshot of notes that had only grown is kept as the full snapshot it grew from and
    what was added (m002): give it its whole text again."""
    full = {c.id: c.before["notes"] for c in changes if c.is_text and "notes" in (c.before or {})}
    whole = []
    for change in changes:
        before = change.before or {}
        if change.is_text and "notes_from" in before:
            base = before["notes_from"]
            if base not in full:
                row = book.db.execute("SELECT json_extract(before, '$.notes') FROM history WHERE id = ?",
                                      [base]).fetchone()
                full[base] = row[0] if row else ""
            rest = {k: v for k, v in before.items() if k not in ("notes_from", "notes_more")}
            change = change.model_copy(update={"before": {"notes": full[base] + before["notes_more"], **rest}})
        whole.append(change)
    return whole


def _change(row: dict[str, Any]) -> Change:
    return Change(
        id=row["id"], at=datetime.fromisoformat(row["at"]), table=row["table_name"], row_id=row["row_id"],
        kind=row["change"], part=row["part"],
        before=json.loads(row["before"]) if row["before"] is not None else None,
        after=json.loads(row["after"]) if row["after"] is not None else None,
        meeting_id=row["meeting_id"], item_id=row["item_id"], note=row["note"], undoes=row["undoes"],
    )


def versions_of_notes(book: Book, item_id: int) -> list[NoteVersion]:
    """Every text the item's notes have had, newest first, the notes as they are now first."""
    current = book.db.execute("SELECT notes FROM minute WHERE item_id = ?", [item_id]).fetchone()
    return note_versions(row_history(book, "minute", item_id), current[0] if current else None)


def names_for(book: Book, meeting_id: int, tz: tzinfo | None = None) -> Names:
    """Initials, action numbers and item numbers the meeting's history refers to."""
    people = {row["id"]: row["initials"] for row in book.db.query(
        """SELECT id, initials FROM person WHERE body_id = (SELECT body_id FROM meeting WHERE id = :m)
           OR id IN (SELECT person_id FROM attendance WHERE meeting_id = :m)""", {"m": meeting_id})}
    actions = {row["id"]: row["number"] for row in book.db.query(
        "SELECT id, number FROM action WHERE body_id = (SELECT body_id FROM meeting WHERE id = ?)", [meeting_id])}
    items = {row["id"]: row["number"] or row["title"][:12] for row in book.db.query(
        "SELECT id, number, title FROM agenda_item WHERE meeting_id = ?", [meeting_id])}
    return Names(people=people, actions=actions, items=items, tz=tz)


def history_bytes(book: Book) -> int:
    """How much the history holds (its text), for keeping an eye on its size."""
    return book.db.execute(
        "SELECT coalesce(sum(length(at) + length(table_name) + coalesce(length(before), 0) "
        "+ coalesce(length(after), 0) + length(note) + 24), 0) FROM history"
    ).fetchone()[0]


# --- restoring -----------------------------------------------------------------------------


def restore_notes(book: Book, item_id: int, text: str, at: datetime | None = None, *, note: str = "") -> bool:
    """Put an earlier version of an item's notes back. The notes it replaces are kept in
    the history first, whatever the coalescing of typing would say. False if the notes
    already read so."""
    with stamped(book, at, note or "restored an earlier version"):
        row = book.db.execute("SELECT notes FROM minute WHERE item_id = ?", [item_id]).fetchone()
        if row is not None and row[0] == text:
            return False
        if row is None:
            if not book.db.execute("SELECT 1 FROM agenda_item WHERE id = ?", [item_id]).fetchone():
                raise Refused("That item is no longer on the agenda, so its notes cannot be put back.")
            book.db.execute("INSERT INTO minute (item_id, notes) VALUES (?, ?)", [item_id, text])
            return True
        book.db.execute(
            f"""INSERT INTO history (at, table_name, row_id, change, part, before, meeting_id, item_id, note)
                SELECT {_NOW}, 'minute', m.item_id, 'update', 'text',
                       json_object('notes', m.notes, 'presenters', m.presenters, 'taken_as_read', m.taken_as_read),
                       i.meeting_id, m.item_id, 'replaced by a restored version'
                FROM minute m JOIN agenda_item i ON i.id = m.item_id WHERE m.item_id = ?""",
            [item_id],
        )
        book.db.execute("UPDATE minute SET notes = ? WHERE item_id = ?", [text, item_id])
    return True


def is_undone(book: Book, change: Change) -> bool:
    """Whether what this deletion removed has been brought back."""
    if book.db.execute("SELECT 1 FROM history WHERE undoes = ?", [change.id]).fetchone():
        return True
    if change.table == "action" and change.kind is not ChangeKind.delete:  # retired, perhaps since reinstated
        row = book.db.execute("SELECT deleted_reason FROM action WHERE id = ?", [change.row_id]).fetchone()
        return row is not None and row[0] == ""
    return False


def undo_deletion(book: Book, change_id: int, at: datetime | None = None) -> str:
    """Bring back what a deletion removed, as it was. It keeps its own id unless another
    row has taken it since. A retired action is reinstated under its own number; an action
    deleted outright keeps its number only while no other action has it (numbers are never
    shared or reused). Returns what came back, in words."""
    change = get_change(book, change_id)
    if change is None or not change.is_deletion:
        raise Refused("That entry of the history is not a deletion.")
    if change.table == "minute":
        raise Refused("That minute went with its agenda item; its notes are shown in full here to copy back.")
    if is_undone(book, change):
        raise Refused("That has already been brought back.")
    words = {
        "decision": "The decision is back.", "declaration": "The declaration is back.",
        "action_update": "The action update is back.", "attendance": "The attendance entry is back.",
        "movement": "The movement is back.", "public_question": "The question is back.",
    }
    when = change.at.astimezone()
    with stamped(book, at, f"deletion of {when:%d/%m/%Y %H:%M:%S} undone", undoes=change.id):
        if change.table == "action" and change.kind is ChangeKind.update:
            book.db.execute("UPDATE action SET deleted_reason = '' WHERE id = ?", [change.row_id])
            return f"Action {change.before['number']} is back on the tracker, with its own number."
        row = dict(change.before)
        _MODELS[change.table].model_validate(row)  # still a valid row of its kind
        if change.table == "action":
            _keep_number(book, row)
        if change.table == "attendance":
            taken = book.db.execute("SELECT 1 FROM attendance WHERE meeting_id = ? AND person_id = ?",
                                    [row["meeting_id"], row["person_id"]]).fetchone()
            if taken:
                raise Refused("That person is on the meeting's list again already; change their attendance there.")
        if book.db.execute(f"SELECT 1 FROM {_table(change.table)} WHERE id = ?", [row["id"]]).fetchone():
            del row["id"]  # another row has its id now (SQLite reuses the highest id): it takes a new one
        columns = [c for c in row if c in _columns(book, change.table)]
        try:
            book.db.execute(
                f"INSERT INTO {_table(change.table)} ({', '.join(_quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [row[c] for c in columns],
            )
        except sqlite3.IntegrityError as e:
            raise Refused(explain_integrity(change.table, e)) from e
    return words.get(change.table) or f"Action {row['number']} is back, with its own number."


def _keep_number(book: Book, row: dict[str, Any]) -> None:
    """A deleted action keeps its number only if no other action has it: numbers are never
    reused, so it may not come back as a duplicate."""
    holder = book.db.execute("SELECT id FROM action WHERE body_id = ? AND number = ?",
                             [row["body_id"], row["number"]]).fetchone()
    if holder is not None:
        raise Refused(f"Action {row['number']} cannot come back: another action now has that number, "
                      "and numbers are never shared.")
    book.db.execute(
        """INSERT INTO action_counter (body_id, last_number) VALUES (?, ?)
           ON CONFLICT (body_id) DO UPDATE SET last_number = max(last_number, excluded.last_number)""",
        [row["body_id"], row["number"]],
    )


def _table(name: str) -> str:
    if name not in _MODELS:
        raise Refused(f"The history cannot bring back a {name.replace('_', ' ')}.")
    return name


def _columns(book: Book, table: str) -> set[str]:
    return {row[1] for row in book.db.execute(f"PRAGMA table_info({_table(table)})")}


def _quote(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'
