"""The action tracker as organisations publish it: one table, the columns of DESIGN.md §5,
and three renderers — CSV (safe to open in a spreadsheet), Markdown and Word."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from secretary.actions import RAG, due_display, owners_initials
from secretary.formats import short_date
from secretary.models import Action, ActionStatus

COLUMNS = ("Action No.", "Meeting Date", "Agenda Item", "Action", "Action Owner", "Past deadlines",
           "Current Deadline", "Current Position", "RAG")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# RAG cell colours for the Word table (fill, text)
_DOCX_COLOURS = {
    ActionStatus.not_yet_due: ("2E75B6", "FFFFFF"),
    ActionStatus.in_progress: ("FFC000", "000000"),
    ActionStatus.outstanding: ("C00000", "FFFFFF"),
    ActionStatus.escalated: ("000000", "FFFFFF"),
    ActionStatus.complete: ("00B050", "000000"),
    ActionStatus.closed: ("D9D9D9", "000000"),
}


@dataclass(frozen=True)
class TrackerRow:
    status: ActionStatus
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Tracker:
    body: str
    today: date
    rows: tuple[TrackerRow, ...]


def build_tracker(body: str, actions: list[Action], statuses: dict[int, ActionStatus], *, today: date,
                  next_meeting: date | None = None) -> Tracker:
    """Open actions first, then closed ones, each by number."""
    ordered = sorted(actions, key=lambda a: (statuses.get(a.id, a.status) is ActionStatus.closed, a.number))
    rows = []
    for action in ordered:
        status = statuses.get(action.id, action.status)
        rag = RAG[status][0]
        if status is ActionStatus.closed:
            rag = f"Closed ({short_date(action.closed_on)})" if action.closed_on else "Closed"
        past = "; ".join(d.due_text or (short_date(d.due_date) if d.due_date else "") for d in action.past_deadlines)
        rows.append(TrackerRow(status, (
            str(action.number),
            short_date(action.meeting_date) if action.meeting_date else "",
            action.item_title,
            action.text,
            owners_initials(action),
            past,
            due_display(action, next_meeting),
            action.position_text,
            f"{status.label} ({rag})" if status is not ActionStatus.closed else rag,
        )))
    return Tracker(body, today, tuple(rows))


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
        return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split()) or " "

    lines = [f"# {tracker.body} — action tracker", "", f"As at {short_date(tracker.today)}.", "",
             "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(c) for c in row.cells) + " |" for row in tracker.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_docx(tracker: Tracker) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)  # A4, landscape
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(9)
    document.add_heading(f"{tracker.body} — Action Tracker", level=1)
    document.add_paragraph(f"As at {short_date(tracker.today)}.")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    widths = (1.4, 2.0, 3.0, 6.6, 2.0, 2.0, 2.2, 4.2, 3.0)  # 26.4 cm of the 26.7 between margins
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)  # the grid, which LibreOffice and Google Docs follow
    for cell, heading, width in zip(table.rows[0].cells, COLUMNS, widths):
        cell.width = Cm(width)
        cell.text = ""
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        _shade(cell, "1F3864", OxmlElement, qn)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    _repeat_header(table.rows[0], OxmlElement, qn)
    for row in tracker.rows:
        cells = table.add_row().cells
        for cell, text, width in zip(cells, row.cells, widths):
            cell.width = Cm(width)
            cell.text = text
        fill, ink = _DOCX_COLOURS[row.status]
        _shade(cells[-1], fill, OxmlElement, qn)
        for run in cells[-1].paragraphs[0].runs:
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(ink)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _shade(cell, fill: str, OxmlElement, qn) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row, OxmlElement, qn) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


RENDERERS = {"csv": to_csv, "md": to_markdown, "docx": to_docx}
