"""Importing an existing action tracker: Action No. | Meeting Date | … | Current Position | RAG.

Columns are found by their headings, so a tracker with columns moved still reads.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from secretary.dates import DateRefused, dates_within, read_date, read_due
from secretary.errors import explain
from secretary.formats import short_date
from secretary.importers.toolkit import CellWarning, Progress, Records, RowReport, decode_text, read_file
from secretary.models import Action, ActionOwner, ActionStatus, PastDeadline

# each column: the words its heading starts with, as trackers write them (first match wins)
HEADINGS = {
    "number": ("action no", "action number", "no.", "no", "number", "ref"),
    "meeting_date": ("meeting date", "date raised", "date of meeting"),
    "item": ("agenda item", "item"),
    "text": ("action",),
    "owner": ("action owner", "action owners", "owner", "owners", "lead"),
    "past_deadlines": ("past deadline", "past deadlines", "previous deadline", "previous deadlines",
                       "original deadline"),
    "deadline": ("current deadline", "deadline", "due"),
    "position": ("current position", "position", "latest update", "update"),
    "status": ("rag", "status"),
}
REQUIRED = ("number", "text")
MAX_ROWS = 20_000  # ten years of a busy board raise about 10,000 actions

# what trackers write, first words first, and the RAG colours of DESIGN.md §3.3
_STATUS_WORDS = (
    ("not yet due", ActionStatus.not_yet_due),
    ("in progress", ActionStatus.in_progress),
    ("outstanding", ActionStatus.outstanding),
    ("escalated", ActionStatus.escalated),
    ("completed", ActionStatus.complete),
    ("complete", ActionStatus.complete),
    ("closed", ActionStatus.closed),
    ("blue", ActionStatus.not_yet_due),
    ("amber", ActionStatus.in_progress),
    ("red", ActionStatus.outstanding),
    ("black", ActionStatus.escalated),
    ("green", ActionStatus.complete),
)
_LABELS = {
    ActionStatus.not_yet_due: "Not Yet Due",
    ActionStatus.in_progress: "In Progress",
    ActionStatus.outstanding: "Outstanding",
    ActionStatus.escalated: "Escalated",
    ActionStatus.complete: "COMPLETE: Propose closure at next meeting",
    ActionStatus.closed: "CLOSED",
}
_NUMBER = re.compile(r"(?:action\s*)?(?:no\.?\s*)?(\d{1,9})\.?", re.IGNORECASE | re.ASCII)
_OWNER_SPLIT = re.compile(r"\s*[/;\n]\s*")  # "Joanna Price / Sarah Okafor"; & and commas live inside titles
_DEADLINE_SPLIT = re.compile(r"\s*[,;\n]\s*")
_DAY = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
_DATE_LIST = re.compile(rf"\s*{_DAY}(?:\s*(?:[,;]|and|then|→|->)?\s*{_DAY})*\s*", re.IGNORECASE | re.ASCII)


class ActionsFormatError(ValueError):
    """The file is not an action tracker this importer can read."""


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class ActionsImport(_Value):
    actions: list[Action]
    rows: list[RowReport]
    warnings: list[CellWarning]
    controls_removed: int = 0

    def summary(self) -> str:
        numbers = sorted(a.number for a in self.actions if a.number is not None)
        closed = sum(a.status is ActionStatus.closed for a in self.actions)
        complete = sum(a.status is ActionStatus.complete for a in self.actions)
        parts = [f"{len(self.actions)} action{'s' * (len(self.actions) != 1)}"
                 + (f" ({numbers[0]}–{numbers[-1]})" if numbers else "")
                 + f": {len(self.actions) - closed - complete} open, {complete} complete, {closed} closed"]
        if problems := sum(bool(r.problem) for r in self.rows):
            parts.append(f"{problems} row{'s' * (problems != 1)} could not be read")
        if self.warnings:
            parts.append(f"{len(self.warnings)} cell{'s' * (len(self.warnings) != 1)} to check")
        return "; ".join(parts)


# --- statuses -------------------------------------------------------------------


def status_from_text(text: str) -> ActionStatus:
    """The status a tracker's RAG cell means: "In Progress", "CLOSED (13/12/2024)", "Amber"…"""
    said = " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
    said = said.removeprefix("status ")
    for words, status in _STATUS_WORDS:
        if said == words or said.startswith(words + " "):
            return status
    accepted = ", ".join(_LABELS.values()) + ", or a RAG colour (Red, Amber, Green, Blue, Black)"
    raise ValueError(f"could not read {text.strip()!r} as a status; write one of: {accepted}")


def status_label(status: ActionStatus, closed_on: dt.date | None = None) -> str:
    """The status as trackers print it; a closure shows its date: "CLOSED (13/12/2024)"."""
    status = ActionStatus(status)
    label = _LABELS[status]
    return f"{label} ({short_date(closed_on)})" if status is ActionStatus.closed and closed_on else label


# --- reading the file -------------------------------------------------------------


def read_actions_file(path: str | Path) -> str:
    """The text of an action tracker file, ready for parse_actions."""
    return decode_text(read_file(path, ActionsFormatError), ActionsFormatError)


def _heading_words(text: str) -> list[str]:
    return re.sub(r"[^\w]", " ", text.casefold()).split()


def _columns(line: int, cells: list[str]) -> dict[str, int]:
    """Which column holds what, from the header's headings; the longest matching start wins."""
    found: dict[str, int] = {}
    for index, heading in enumerate(cells):
        said = _heading_words(heading)
        fits = [
            (len(start_words), name)
            for name, starts in HEADINGS.items()
            for start_words in map(_heading_words, starts)
            if name not in found and said[: len(start_words)] == start_words
        ]
        if fits:
            found[max(fits)[1]] = index
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise ActionsFormatError(
            f"line {line} should be the tracker's header (Action No. | Meeting Date | Agenda Item | Action | "
            "Action Owner | Past deadlines | Current Deadline | Current Position | RAG); "
            f"no column is headed {' or '.join(repr(HEADINGS[m][0].title()) for m in missing)}"
        )
    return found


def parse_actions(
    text: str, *, body_id: int, today: dt.date, next_meeting: dt.date | None = None,
    progress: Progress | None = None,
) -> ActionsImport:
    """Read an action tracker; raise ActionsFormatError if it is not one."""
    actions: list[Action] = []
    rows: list[RowReport] = []
    warnings: list[CellWarning] = []
    columns: dict[str, int] | None = None
    header: list[str] = []
    first_line: dict[int, int] = {}
    records = Records(text, ActionsFormatError, limit=MAX_ROWS,
                      what=f"a tracker holds at most {MAX_ROWS:,} actions", progress=progress)
    for line, cells, problem in records:
        shown = " | ".join(cells)
        if problem:
            rows.append(RowReport(line=line, text=shown, problem=problem))
            continue
        if not cells:
            rows.append(RowReport(line=line, text=shown, became="skipped: blank"))
            continue
        if columns is None:
            columns, header = _columns(line, cells), cells
            rows.append(RowReport(line=line, text=shown, became="header"))
            continue
        if [c.casefold() for c in cells] == [c.casefold() for c in header]:
            rows.append(RowReport(line=line, text=shown, became="skipped: repeated header"))
            continue
        cell = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
        headings = {name: header[i] for name, i in columns.items()}
        try:
            action, cell_warnings = _action(
                cell, headings, line=line, body_id=body_id, today=today, next_meeting=next_meeting
            )
        except (ValueError, ValidationError) as why:
            problem = explain(why) if isinstance(why, ValidationError) else str(why)
            rows.append(RowReport(line=line, text=shown, problem=problem))
            continue
        if action.number in first_line:
            rows.append(RowReport(line=line, text=shown, problem=(
                f"action {action.number} is already on line {first_line[action.number]}; numbers are never reused"
            )))
            continue
        first_line[action.number] = line
        actions.append(action)
        warnings += cell_warnings
        rows.append(RowReport(line=line, text=shown, became=f"action {action.number}"))
    if columns is None:
        raise ActionsFormatError("the file holds no rows, only empty cells")
    return ActionsImport(actions=actions, rows=rows, warnings=warnings, controls_removed=records.removed)


def _action(
    cell: dict[str, str],
    headings: dict[str, str],
    *,
    line: int,
    body_id: int,
    today: dt.date,
    next_meeting: dt.date | None,
) -> tuple[Action, list[CellWarning]]:
    warnings: list[CellWarning] = []

    def warn(column: str, message: str) -> None:
        warnings.append(CellWarning(line=line, column=headings.get(column, column), text=cell.get(column, ""),
                                    message=message))

    number = _NUMBER.fullmatch(cell["number"])
    if number is None:
        raise ValueError(f"the action number {cell['number']!r} is not a whole number")
    if not cell["text"]:
        raise ValueError(f"action {number[1]} has no text")
    status_text = cell.get("status", "")
    status = status_from_text(status_text) if status_text else ActionStatus.not_yet_due
    closed_on = None
    if status is ActionStatus.closed:
        closed_on = _closure_date(status_text)  # the date in brackets: when a meeting agreed closure
    meeting_date = None
    if cell.get("meeting_date"):
        try:
            meeting_date = read_date(cell["meeting_date"])
        except DateRefused as why:
            warn("meeting_date", str(why))
    due_text, due_date = cell.get("deadline", ""), None
    if due_text:
        try:
            due = read_due(due_text, today=today, next_meeting=next_meeting)
            due_text, due_date = due.text, due.date
        except DateRefused as why:
            warn("deadline", str(why))
    past = _past_deadlines(cell.get("past_deadlines", ""), today=today, warn=warn)
    if not status_text:
        warn("status", "no status given; taken as Not Yet Due")
    action = Action(
        body_id=body_id,
        number=int(number[1]),
        meeting_date=meeting_date,
        item_title=cell.get("item", ""),
        text=cell["text"],
        owners=tuple(ActionOwner(name=name) for name in _OWNER_SPLIT.split(cell.get("owner", "")) if name),
        due_text=due_text,
        due_date=due_date,
        status=status,
        position_text=cell.get("position", ""),
        closed_on=closed_on,
        past_deadlines=past,
    )
    return action, warnings


def _closure_date(status_text: str) -> dt.date:
    found = [day for _, day in dates_within(status_text) if day is not None]
    if len(found) != 1:
        raise ValueError(
            f"{status_text.strip()!r}: a closed action needs the one date its closure was agreed, "
            "like CLOSED (13/12/2024)"
        )
    return found[0]


def _past_deadlines(text: str, *, today: dt.date, warn) -> tuple[PastDeadline, ...]:
    """Earlier deadlines, oldest first as written: "13/12/2024", "31/10/2024, 13/12/2024"…"""
    if _DATE_LIST.fullmatch(text):
        pieces = [written for written, _ in dates_within(text)]  # dates may be parted by spaces alone
    else:
        pieces = [piece for piece in _DEADLINE_SPLIT.split(text.strip()) if piece]
    past = []
    for piece in pieces:
        try:
            day = read_due(piece, today=today).date
        except DateRefused:
            day = None
            warn("past_deadlines", f"could not read {piece!r} as a date; kept as written")
        past.append(PastDeadline(due_text=piece, due_date=day))
    return tuple(past)
