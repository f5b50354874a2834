"""How an import reports each row of the file, shared by the command line and the app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from secretary.formats import long_date
from secretary.importers.toolkit import controls_note


class ReportedRow(Protocol):
    line: int
    text: str
    became: str
    problem: str


def not_read(row: ReportedRow) -> bool:
    """The row was dropped: it has a problem and became nothing."""
    return bool(row.problem) and not row.became


def row_outcome(row: ReportedRow) -> str:
    """What the row became, or why it was not read: 'item 3', 'NOT READ: …', 'item 4 (check: …)'."""
    if not_read(row):
        return f"NOT READ: {row.problem}"
    if row.problem:
        return f"{row.became} (check: {row.problem})"
    return row.became


def report_lines(rows: Iterable[ReportedRow]) -> list[str]:
    """One line per row of the file: its line number, what it became, and the start of its text."""
    return [f"{row.line:>4}  {row_outcome(row):<40}  {row.text[:60]}" for row in rows]


def agenda_details(imported) -> list[str]:
    """What an agenda file says of the meeting itself, beyond its items: the resolution to
    exclude the press and public, and the next meeting. Takes an AgendaImport."""
    lines = []
    if imported.exclusion_resolution:
        lines.append(f"Resolution to exclude the press and public: {_clip(imported.exclusion_resolution, 90)}")
    else:
        lines.append("No resolution to exclude the press and public.")
    when = [long_date(imported.next_meeting_date) if imported.next_meeting_date else "",
            imported.next_meeting_time, imported.next_meeting_venue]
    said = ", ".join(part for part in when if part)
    lines.append(f"Next meeting: {said}" if said else "No next meeting given.")
    return lines + controls_note(imported.controls_removed)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
