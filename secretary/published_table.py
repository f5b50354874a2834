"""One published table (the decision planner, the attendance record, the register of
interests) rendered three ways: CSV (formula-safe), Markdown, and Word in landscape."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from secretary.exports.tracker import safe_cell


@dataclass(frozen=True)
class PublishedTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...]  # the Word table's columns; they add up to about 26.7 cm
    lines_before: tuple[str, ...] = ()  # "As at 21/03/2025." and the like
    lines_after: tuple[str, ...] = ()  # notes under the table


def to_csv(table: PublishedTable) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")  # the BOM lets Excel read the £ and – right


def _md_cell(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split()) or " "


def to_markdown(table: PublishedTable) -> bytes:
    lines = [f"# {table.title}", ""]
    lines += [line for said in table.lines_before for line in (said, "")]
    lines += ["| " + " | ".join(_md_cell(c) for c in table.columns) + " |", "|" + "---|" * len(table.columns)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
    if table.lines_after:
        lines += [""] + [line for said in table.lines_after for line in (said, "")][:-1]
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_docx(table: PublishedTable) -> bytes:
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
    document.styles["Normal"].font.size = Pt(8)
    document.add_heading(table.title, level=1)
    for line in table.lines_before:
        document.add_paragraph(line)
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    for column, width in zip(grid.columns, table.widths_cm):
        column.width = Cm(width)  # the grid, which LibreOffice and Google Docs follow
    for cell, heading, width in zip(grid.rows[0].cells, table.columns, table.widths_cm):
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        run.font.size = Pt(7)  # long published headings ("Non-Financial Professional") in narrow columns
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, "1F3864", OxmlElement, qn)
    _repeat_header(grid.rows[0], OxmlElement, qn)
    for row in table.rows:
        for cell, text, width in zip(grid.add_row().cells, row, table.widths_cm):
            cell.width = Cm(width)
            cell.text = text
    for line in table.lines_after:
        document.add_paragraph(line)
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
    # the header row repeats on every page, as in the published packs
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


RENDERERS = {"csv": to_csv, "md": to_markdown, "docx": to_docx}
