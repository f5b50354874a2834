"""What changed in the book and when, in the clerk's words.

The book keeps every change to minutes, decisions, declarations, actions, attendance and
movements (``db/history.py``); this module turns those changes into lines a clerk can
read ("Decision deleted — APPROVED the agenda") and a minute's history into the versions
of its notes that can be restored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

# A minute's text is kept as it was before a change whenever its last snapshot is at least
# this old (db/schema.py m002 says the same in SQL): text that stood longer is never lost.
SNAPSHOT_SECONDS = 5

TEXT_FIELDS = ("notes", "presenters", "taken_as_read")


class ChangeKind(StrEnum):
    insert = "insert"
    update = "update"
    delete = "delete"


class Change(BaseModel):
    """One entry of the history: a row of a table before and after a change. For a
    minute's text (``part == "text"``) the book keeps only the version replaced; ``after``
    is then the next version kept (or the notes as they are now)."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # text is kept exactly, spaces and all

    id: int
    at: datetime
    table: str
    row_id: int
    kind: ChangeKind
    part: str = "row"
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    meeting_id: int | None = None
    item_id: int | None = None
    note: str = ""
    undoes: int | None = None  # the deletion this change undid

    @property
    def is_text(self) -> bool:
        return self.table == "minute" and self.part == "text"

    @property
    def is_deletion(self) -> bool:
        """A row deleted, or an action retired (actions are never deleted, only retired)."""
        if self.kind is ChangeKind.delete:
            return True
        return (self.table == "action" and self.kind is ChangeKind.update
                and not (self.before or {}).get("deleted_reason") and bool((self.after or {}).get("deleted_reason")))


class NoteVersion(BaseModel):
    """The notes of a minute as they stood at ``at``; ``change_id`` is the history entry
    holding them (None for the notes as they are now)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    at: datetime | None
    change_id: int | None = None

    @property
    def current(self) -> bool:
        return self.change_id is None


@dataclass(frozen=True)
class Names:
    """What the history's ids mean to the clerk: initials, action numbers, item numbers."""

    people: Mapping[int, str] = field(default_factory=dict)
    actions: Mapping[int, int] = field(default_factory=dict)
    items: Mapping[int, str] = field(default_factory=dict)
    tz: tzinfo | None = None  # times shown in this zone (None: the machine's)


def with_text_after(changes: Iterable[Change], current: Mapping[int, Mapping[str, Any]]) -> list[Change]:
    """Give each snapshot of a minute's text its ``after``: the next version kept for that
    minute, or (for the last) its text now (``current``, by item id) or at its deletion."""
    ordered = sorted(changes, key=lambda c: c.id)
    following: dict[int, dict[str, Any] | None] = {}
    filled: list[Change] = []
    for change in reversed(ordered):
        if change.table != "minute":
            filled.append(change)
            continue
        if change.is_text:
            after = following.get(change.row_id, _text(current.get(change.row_id)))
            filled.append(change.model_copy(update={"after": after}))
            following[change.row_id] = _text(change.before)
        else:
            if change.kind is ChangeKind.delete:
                following[change.row_id] = _text(change.before)
            filled.append(change)
    filled.reverse()
    return filled


def _text(row: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: row[k] for k in TEXT_FIELDS if k in row}


def note_versions(changes: Iterable[Change], current_notes: str | None) -> list[NoteVersion]:
    """Every distinct text a minute's notes have had, newest first; the notes as they are
    now come first (when the minute still exists)."""
    found: list[NoteVersion] = []
    deleted = False
    for change in sorted(changes, key=lambda c: c.id):
        if change.table != "minute":
            continue
        if change.kind is ChangeKind.insert and deleted:
            found = []  # a new minute under a reused item id: the old one's notes are in its deletion
        deleted = change.kind is ChangeKind.delete
        row = change.after if change.kind is ChangeKind.insert else change.before
        if row and "notes" in row:
            found.append(NoteVersion(text=row["notes"], at=change.at, change_id=change.id))
    if current_notes is not None:
        found.append(NoteVersion(text=current_notes, at=None))
    seen: set[str] = set()
    versions = []
    for version in reversed(found):
        if version.text in seen:
            continue
        seen.add(version.text)
        versions.append(version)
    return versions


# --- in words ------------------------------------------------------------------------------

_TABLES = {
    "minute": "Minute", "decision": "Decision", "declaration": "Declaration", "action": "Action",
    "action_update": "Action update", "attendance": "Attendance", "movement": "Movement",
    "public_question": "Public question",
}
_DONE = {ChangeKind.insert: "added", ChangeKind.update: "changed", ChangeKind.delete: "deleted"}
_QUIET = {"id", "position", "item_id", "meeting_id", "body_id", "action_id", "person_id", "number"}
_YES_NO = {"inquorate", "taken_as_read"}


def what(change: Change, names: Names = Names()) -> str:
    """A few words: which thing, and what happened to it."""
    table, kind = change.table, change.kind
    row = change.after if kind is not ChangeKind.delete else change.before
    row = row or {}
    if change.is_text:
        changed = [f for f in TEXT_FIELDS if (change.before or {}).get(f) != (change.after or {}).get(f)]
        words = {"notes": "Notes", "presenters": "Presenters", "taken_as_read": "Taken as read"}
        label = ", ".join(words[f] for f in changed) if changed else "Notes"
        label = label.capitalize() if len(changed) > 1 else label
        return f"{label} restored" if change.note else label
    if table == "minute":
        if kind is ChangeKind.update:
            return "Item times"
        return "Minute started" if kind is ChangeKind.insert else "Minute deleted"
    if table == "action":
        number = row.get("number") or "?"
        if change.is_deletion:
            return f"Action {number} deleted"
        if (kind is ChangeKind.update and (change.before or {}).get("deleted_reason")
                and not (change.after or {}).get("deleted_reason")):
            return f"Action {number} brought back"
        return f"Action {number} " + ("raised" if kind is ChangeKind.insert else _DONE[kind])
    if table == "action_update":
        number = names.actions.get(row.get("action_id"), "?")
        return f"Update on action {number} " + _DONE[kind]
    if table == "decision" and kind is ChangeKind.update and _changed(change) == ["position"]:
        return "Decision moved"
    if change.undoes is not None and kind is ChangeKind.insert:
        return f"{_TABLES.get(table, table)} brought back"
    return f"{_TABLES.get(table, table)} {_DONE[kind]}"


def summary(change: Change, names: Names = Names(), width: int = 60) -> str:
    """A short "before → after" (or just the thing, when it was added or deleted)."""
    if change.is_text:
        return _text_summary(change, width)
    if change.kind is ChangeKind.insert:
        return _short(_thing(change.table, change.after or {}, names), width)
    if change.kind is ChangeKind.delete:
        return _short(_thing(change.table, change.before or {}, names), width)
    before, after = change.before or {}, change.after or {}

    def was(key: str) -> str:
        return f"{_value(before.get(key), tz=names.tz)} → {_value(after.get(key), tz=names.tz)}"

    if change.table == "minute":
        return _short("; ".join(f"{_field(k)} {was(k)}" for k in _changed(change)), width)
    if change.table == "attendance":
        who = names.people.get(after.get("person_id"), "?")
        return _short(f"{who}: " + "; ".join(was(k) for k in _changed(change)), width)
    changes = "; ".join(f"{_field(k)}: {was(k)}" for k in _changed(change) if k not in _QUIET or k == "position")
    head = _thing(change.table, after, names, brief=True)
    return _short(f"{head} — {changes}" if head else changes, width)


def details(change: Change, names: Names = Names()) -> str:
    """Everything the entry holds, in full, for the preview pane."""
    lines = [f"{what(change, names)} — {change.at.astimezone(names.tz):%d/%m/%Y %H:%M:%S}"]
    if change.note:
        lines.append(f"({change.note})")
    for label, row in (("Before", change.before), ("After", change.after)):
        if row is None:
            continue
        lines.append("")
        lines.append(f"{label}:")
        for key, value in row.items():
            if key in _QUIET and key != "position":
                continue
            shown = ("yes" if value else "no") if key in _YES_NO else _value(value, full=True, tz=names.tz)
            lines.append(f"  {_field(key)}: {shown}")
    return "\n".join(lines)


def _changed(change: Change) -> list[str]:
    before, after = change.before or {}, change.after or {}
    return [k for k in after if before.get(k) != after.get(k)]


def _thing(table: str, row: Mapping[str, Any], names: Names, brief: bool = False) -> str:
    who = names.people.get(row.get("person_id"), "?")
    if table == "decision":
        return "" if brief else f"{str(row.get('verb', '')).upper()} {row.get('text', '')}"
    if table == "declaration":
        return f"{who}: {row.get('interest', '')}" + ("" if brief else f" ({_value(row.get('outcome'))})")
    if table == "action":
        return "" if brief else str(row.get("text", ""))
    if table == "action_update":
        return "" if brief else f"{_value(row.get('status'))}: {row.get('text', '')}"
    if table == "attendance":
        return f"{who}" if brief else f"{who}: {_value(row.get('status'))}"
    if table == "movement":
        at = _time(row.get("at"), names.tz)
        item = names.items.get(row.get("item_id"))
        return f"{who} {row.get('kind', '')} {at}" + (f" (item {item})" if item and not brief else "")
    if table == "public_question":
        return f"{row.get('asker', '')}" if brief else f"{row.get('asker', '')}: {row.get('question', '')}"
    if table == "minute":
        notes = row.get("notes") or ""
        return f"notes: {_one_line(notes)}" if notes else "item taken"
    return ""


def _text_summary(change: Change, width: int) -> str:
    before, after = change.before or {}, change.after or {}
    for key in TEXT_FIELDS:
        if before.get(key) != after.get(key):
            if key == "taken_as_read":
                return f"{_value(before.get(key))} → {_value(after.get(key))}"
            old, new = short_change(str(before.get(key) or ""), str(after.get(key) or ""), width // 2 - 2)
            return f"{old} → {new}"
    return _short(_one_line(str(before.get("notes") or "")), width) or "(empty)"


def short_change(old: str, new: str, width: int = 28) -> tuple[str, str]:
    """The part of ``old`` that became ``new``, with a little of what is around it."""
    old, new = _one_line(old), _one_line(new)
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1

    def clip(text: str) -> str:
        if not text:
            return "(empty)"
        first, last = max(0, start - 6), min(len(text), len(text) - end + 4)
        piece = text[first:last]
        if len(piece) > width:
            piece, last = piece[: width - 1], len(text) + 1
        return ("…" if first else "") + piece + ("…" if last != len(text) else "")

    return clip(old), clip(new)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, width: int) -> str:
    text = _one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _field(key: str) -> str:
    return key.replace("_", " ")


def _value(value: Any, full: bool = False, tz: tzinfo | None = None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        if len(value) >= 16 and value[4:5] == "-" and value[10:11] == "T":
            return _time(value, tz)
        return value.replace("_", " ") if value.isidentifier() else (value if full else _one_line(value))
    return str(value)


def _time(value: Any, tz: tzinfo | None = None) -> str:
    if not value:
        return ""
    try:
        return f"{datetime.fromisoformat(str(value)).astimezone(tz):%H.%M}"
    except ValueError:
        return str(value)
