"""The action tracker as organisations publish it: the columns of DESIGN.md §5, open actions
then closed ones in their own section, a RAG key, and three renderers — CSV (safe to open
in a spreadsheet), Markdown, and Word in the organisation's template if it has one.

The published tracker is the one for the meeting in PUBLIC: an action raised on a Part II
item (and its updates) is left out of it by construction; the confidential tracker keeps
them, marked, with CONFIDENTIAL on every page."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretary.actions import RAG, due_display
from secretary.exports.text import cleaned, one_line
from secretary.formats import long_date, short_date
from secretary.models import Action, ActionStatus, Person

COLUMNS = ("Action No.", "Meeting Date", "Agenda Item", "Action", "Action Owner", "Past deadlines",
           "Current Deadline", "Current Position", "RAG")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PART_TWO = "PART II – "

# RAG cell colours for the Word table (fill, text)
_DOCX_COLOURS = {
    ActionStatus.not_yet_due: ("2E75B6", "FFFFFF"),
    ActionStatus.in_progress: ("FFC000", "000000"),
    ActionStatus.outstanding: ("C00000", "FFFFFF"),
    ActionStatus.escalated: ("000000", "FFFFFF"),
    ActionStatus.complete: ("00B050", "000000"),
    ActionStatus.closed: ("D9D9D9", "000000"),
}
RAG_KEY = (
    (ActionStatus.not_yet_due, "Blue", "Not yet due"),
    (ActionStatus.in_progress, "Amber", "In progress: on track"),
    (ActionStatus.outstanding, "Red", "Outstanding: not on track or past its deadline"),
    (ActionStatus.escalated, "Black", "Escalated: red at three successive meetings"),
    (ActionStatus.complete, "Green", "Complete – propose closure at the next meeting"),
)


@dataclass(frozen=True)
class TrackerRow:
    status: ActionStatus
    cells: tuple[str, ...]
    confidential: bool = False


@dataclass(frozen=True)
class Tracker:
    body: str
    today: date
    rows: tuple[TrackerRow, ...]
    meeting: str = ""  # "Meeting of the Board of the ICB in PUBLIC, Friday 21 March 2025"
    confidential: bool = False

    @property
    def title(self) -> str:
        return f"{self.body} — Action Tracker"

    @property
    def subtitle(self) -> str:
        if self.meeting:
            return self.meeting
        return "CONFIDENTIAL (including Part II actions)" if self.confidential else "Meeting in PUBLIC"

    @property
    def open_rows(self) -> tuple[TrackerRow, ...]:
        return tuple(r for r in self.rows if r.status is not ActionStatus.closed)

    @property
    def closed_rows(self) -> tuple[TrackerRow, ...]:
        return tuple(r for r in self.rows if r.status is ActionStatus.closed)


def build_tracker(body: str, actions: list[Action], statuses: dict[int, ActionStatus], *, today: date,
                  next_meeting: date | None = None, part_two: set[int] | frozenset[int] = frozenset(),
                  confidential: bool = False, people: dict[int, Person] | None = None,
                  meeting_title: str = "", meeting_date: date | None = None,
                  closed_since: date | None = None) -> Tracker:
    """Open actions first, then closed ones, each by number. ``part_two``: the ids of the
    actions raised on a Part II item — left out unless ``confidential``; ``closed_since``:
    closed actions are shown from that day on (the closures the last meeting agreed)."""
    shown = [a for a in actions if (confidential or a.id not in part_two)
             and not _closed_before(a, statuses.get(a.id, a.status), closed_since)]
    ordered = sorted(shown, key=lambda a: (statuses.get(a.id, a.status) is ActionStatus.closed, a.number))
    rows = tuple(_row(a, statuses.get(a.id, a.status), next_meeting, people or {}, a.id in part_two)
                 for a in ordered)
    heading = _meeting_heading(meeting_title, meeting_date, confidential)
    return cleaned(Tracker(body, today, rows, heading, confidential))


def _closed_before(action: Action, status: ActionStatus, since: date | None) -> bool:
    return since is not None and status is ActionStatus.closed and (action.closed_on or date.min) < since


def _row(action: Action, status: ActionStatus, next_meeting: date | None, people: dict[int, Person],
         private: bool) -> TrackerRow:
    past = "; ".join(d.due_text or (short_date(d.due_date) if d.due_date else "") for d in action.past_deadlines)
    item = (PART_TWO + action.item_title) if private else action.item_title
    return TrackerRow(status, (
        str(action.number),
        short_date(action.meeting_date) if action.meeting_date else "",
        item,
        action.text,
        owner_names(action, people),
        past,
        due_display(action, next_meeting),
        action.position_text,
        rag_words(action, status, next_meeting),
    ), private)


def owner_names(action: Action, people: dict[int, Person]) -> str:
    """Owners' full names where they are people in the book; free text ("VCSE lead") as written."""
    names = [people[o.person_id].full_name if o.person_id in people else o.name for o in action.owners]
    return ", ".join(names)


def rag_words(action: Action, status: ActionStatus, next_meeting: date | None) -> str:
    if status is ActionStatus.closed:
        return f"Closed ({short_date(action.closed_on)})" if action.closed_on else "Closed"
    if status is ActionStatus.complete:
        when = f" ({long_date(next_meeting)})" if next_meeting else ""
        return f"Complete – propose closure at the next meeting{when}"
    return f"{status.label} ({RAG[status][0]})"


def _meeting_heading(title: str, when: date | None, confidential: bool) -> str:
    if not title and not when:
        return ""
    # "Meeting of the Board of the ICB in public" → "… in PUBLIC"
    bare = re.sub(r"\s+(?:held\s+)?in\s+(?:public|private)\s*$", "", title.strip(), flags=re.IGNORECASE)
    name = bare or "Meeting"
    where = "— CONFIDENTIAL (including Part II actions)" if confidential else "in PUBLIC"
    return f"{name} {where}" + (f", {long_date(when)}" if when else "")


# --- CSV and Markdown ---------------------------------------------------------------------


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run: text starting = + - @ tab or return gets a leading '."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_csv(tracker: Tracker) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in tracker.rows:
        writer.writerow([safe_cell(cell) for cell in row.cells])
    return out.getvalue().encode("utf-8-sig")  # the BOM lets Excel read the £ and – right


def to_markdown(tracker: Tracker) -> bytes:
    def cell(text: str) -> str:
        return one_line(text).replace("\\", "\\\\").replace("|", "\\|") or " "

    lines = []
    if tracker.confidential:
        lines += ["**CONFIDENTIAL**", ""]
    lines += [f"# {cell(tracker.title)}", "", f"## {cell(tracker.subtitle)}", "",
              f"As at {short_date(tracker.today)}.", "", "| RAG | Status |", "|---|---|"]
    lines += [f"| {colour} | {meaning} |" for _, colour, meaning in RAG_KEY] + [""]
    for heading, rows in (("Open actions", tracker.open_rows), ("Closed actions", tracker.closed_rows)):
        lines += [f"### {heading}", ""]
        if not rows:
            lines += ["None.", ""]
            continue
        lines += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += ["| " + " | ".join(cell(c) for c in row.cells) + " |" for row in rows] + [""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# --- Word -----------------------------------------------------------------------------------


def to_docx(tracker: Tracker, template: Path | None = None, notes: list[str] | None = None) -> bytes:
    from docx.shared import RGBColor

    from secretary.exports import word

    made = word.start(template, landscape=True)
    document = made.document
    marks = ["CONFIDENTIAL"] if tracker.confidential else []
    word.header_marks(made, marks)
    word.page_numbers(made)
    word.properties(made, title=f"{tracker.title}: {tracker.subtitle}", author=tracker.body,
                    subject="Action tracker")
    document.add_paragraph(tracker.title, style=made.style("Heading 1"))
    document.add_paragraph(tracker.subtitle, style=made.style("Heading 2"))
    document.add_paragraph(f"As at {short_date(tracker.today)}.")
    key = word.table(made, ("RAG", "Status"), (2.5, 12.0))
    for status, colour, meaning in RAG_KEY:
        cells = word.add_row(key, (colour, meaning))
        _colour_cell(cells[0], status, RGBColor)
    widths = (1.4, 2.0, 3.0, 6.2, 2.4, 2.2, 2.2, 4.0, 3.0)  # 26.4 cm of the 26.7 between margins
    for heading, rows in (("Open actions", tracker.open_rows), ("Closed actions", tracker.closed_rows)):
        document.add_paragraph(heading, style=made.style("Heading 3"))
        if not rows:
            document.add_paragraph("None.")
            continue
        t = word.table(made, COLUMNS, widths)
        for row in rows:
            cells = word.add_row(t, row.cells)
            _colour_cell(cells[-1], row.status, RGBColor)
    if notes is not None:
        notes.extend(made.notes)
    return word.saved(made)


def _colour_cell(cell, status: ActionStatus, RGBColor) -> None:
    from secretary.exports.word import shade

    fill, ink = _DOCX_COLOURS[status]
    shade(cell, fill)
    for run in cell.paragraphs[0].runs:
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(ink)


RENDERERS = {"csv": to_csv, "md": to_markdown, "docx": to_docx}


def render(fmt: str, tracker: Tracker, *, template: Path | None = None, notes: list[str] | None = None) -> bytes:
    """The tracker in one format; only Word uses a template."""
    if fmt == "docx":
        return to_docx(tracker, template, notes)
    return RENDERERS[fmt](tracker)
