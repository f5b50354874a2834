"""Draft minutes written out: Markdown, HTML and Word, each a thin layout of MinutesDoc.

The exclusion resolution comes before the first Part II item in the confidential minutes,
and after the items in the public ones."""

from __future__ import annotations

import html
import io

from secretary.minutes_doc import Block, Bullets, ItemRow, MinutesDoc, Paragraph, Run


def _sections(doc: MinutesDoc) -> tuple[list[ItemRow], list[ItemRow]]:
    """(items before the exclusion resolution, items after it)."""
    first_private = next((n for n, row in enumerate(doc.items) if row.confidential), None)
    if first_private is None:
        return list(doc.items), []
    return list(doc.items[:first_private]), list(doc.items[first_private:])


# --- Markdown -------------------------------------------------------------------------------


def _md_runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = _md_escape(run.text)
        if run.bold and text.strip():
            text = f"**{text}**"
        if run.italic and text.strip():
            text = f"*{text}*"
        out.append(text)
    return "".join(out)


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def _md_blocks(blocks: tuple[Block, ...]) -> list[str]:
    lines = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines += [_md_runs(block.runs), ""]
        else:
            lines += [f"- {_md_runs(item)}" for item in block.items] + [""]
    return lines


def to_markdown(doc: MinutesDoc) -> bytes:
    lines = []
    if doc.draft:
        lines += ["**DRAFT**", ""]
    lines += [f"# {_md_escape(doc.body)}", "", f"## {_md_escape(doc.title_line)}", ""]
    lines += [f"{doc.date}  ", f"Time: {doc.time}  " if doc.time else "", f"Venue: {_md_escape(doc.venue)}", ""]
    for table in doc.attendance:
        lines += [f"### {table.heading}", "", "| Name | Role | Initials |", "|---|---|---|"]
        lines += [f"| {_md_escape(r.name)} | {_md_escape(r.role)} | {_md_escape(r.initials)} |" for r in table.rows]
        lines.append("")
    if doc.apologies:
        lines += ["### Apologies", ""] + [f"- {_md_escape(a)}" for a in doc.apologies] + [""]
    lines += [doc.public_sentence, ""]
    before, after = _sections(doc)
    for heading, rows in (("Items", before), ("Part II — confidential items", after)):
        if heading != "Items":
            if doc.exclusion:
                lines += ["### Resolution to exclude the press and public", "", _md_escape(doc.exclusion), ""]
            if not rows:
                continue
        lines += [f"### {heading}", ""]
        for row in rows:
            number = f"{_md_escape(row.number)}. " if row.number else ""
            action = f" — *Action: {_md_escape(row.action)}*" if row.action else ""
            lines += [f"#### {number}{_md_escape(row.title)}{action}", ""]
            lines += _md_blocks(row.blocks)
    if doc.finished:
        lines += [doc.finished, ""]
    if doc.next_meeting:
        lines += ["### Next meeting", ""] + [f"{_md_escape(line)}  " for line in doc.next_meeting] + [""]
    name, role, when = doc.approval
    lines += ["### Approval of Draft Minutes by Chair only", "", "| Name | Role | Date |", "|---|---|---|",
              f"| {_md_escape(name)} | {_md_escape(role)} | {when} |", ""]
    if doc.questions:
        lines += ["## Appendix: questions from the public", ""]
        for n, q in enumerate(doc.questions, start=1):
            lines += [f"**Question {n}, from {_md_escape(q.asker)}:** {_md_escape(q.question)}", ""]
            if q.response:
                by = f" ({_md_escape(q.responder)})" if q.responder else ""
                lines += [f"**Response{by}:** {_md_escape(q.response)}", ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# --- HTML -----------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = _h(run.text)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def _html_blocks(blocks: tuple[Block, ...]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{_html_runs(block.runs)}</p>")
        else:
            parts.append("<ul>" + "".join(f"<li>{_html_runs(i)}</li>" for i in block.items) + "</ul>")
    return "".join(parts)


_CSS = """body{font-family:Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:0.5em 0 1em}td,th{border:1px solid #888;padding:4px 6px;
vertical-align:top;text-align:left}th{background:#1f3864;color:#fff}.draft{color:#c00;font-weight:bold;
letter-spacing:0.2em}.no{width:3em}.action{width:6em}"""


def to_html(doc: MinutesDoc) -> bytes:
    out = ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8"/>',
           f"<title>{_h(doc.title_line)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>"]
    if doc.draft:
        out.append('<p class="draft">DRAFT</p>')
    out += [f"<h1>{_h(doc.body)}</h1>", f"<h2>{_h(doc.title_line)}</h2>",
            f"<p>{_h(doc.date)}<br/>Time: {_h(doc.time)}<br/>Venue: {_h(doc.venue)}</p>"]
    for table in doc.attendance:
        out.append(f"<h3>{_h(table.heading)}</h3><table><tr><th>Name</th><th>Role</th><th>Initials</th></tr>")
        out += [f"<tr><td>{_h(r.name)}</td><td>{_h(r.role)}</td><td>{_h(r.initials)}</td></tr>" for r in table.rows]
        out.append("</table>")
    if doc.apologies:
        out.append("<h3>Apologies</h3><ul>" + "".join(f"<li>{_h(a)}</li>" for a in doc.apologies) + "</ul>")
    out.append(f"<p>{_h(doc.public_sentence)}</p>")
    before, after = _sections(doc)

    def items_table(rows: list[ItemRow]) -> str:
        cells = ['<table class="items"><tr><th class="no">No.</th><th>Agenda Item</th>'
                 '<th class="action">Action</th></tr>']
        for row in rows:
            cells.append(f'<tr><td>{_h(row.number)}</td><td><p><strong>{_h(row.title)}</strong></p>'
                         f"{_html_blocks(row.blocks)}</td><td>{_h(row.action)}</td></tr>")
        return "".join(cells) + "</table>"

    out.append(items_table(before))
    exclusion = (f"<h3>Resolution to exclude the press and public</h3><p>{_h(doc.exclusion)}</p>"
                 if doc.exclusion else "")
    out.append(exclusion)
    if after:
        out += ["<h3>Part II — confidential items</h3>", items_table(after)]
    if doc.finished:
        out.append(f"<p>{_h(doc.finished)}</p>")
    if doc.next_meeting:
        out.append("<h3>Next meeting</h3><p>" + "<br/>".join(_h(x) for x in doc.next_meeting) + "</p>")
    name, role, when = doc.approval
    out.append("<h3>Approval of Draft Minutes by Chair only</h3><table><tr><th>Name</th><th>Role</th>"
               f"<th>Date</th></tr><tr><td>{_h(name)}</td><td>{_h(role)}</td><td>{_h(when)}</td></tr></table>")
    if doc.questions:
        out.append("<h2>Appendix: questions from the public</h2>")
        for n, q in enumerate(doc.questions, start=1):
            out.append(f"<p><strong>Question {n}, from {_h(q.asker)}:</strong> {_h(q.question)}</p>")
            if q.response:
                by = f" ({_h(q.responder)})" if q.responder else ""
                out.append(f"<p><strong>Response{by}:</strong> {_h(q.response)}</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out).encode("utf-8")


# --- Word -------------------------------------------------------------------------------------


def to_docx(doc: MinutesDoc) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    props = document.core_properties
    props.title = doc.title_line
    props.author = doc.body
    props.subject = "Draft minutes" if doc.draft else "Minutes"
    props.comments = ""
    props.keywords = ""
    if doc.draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run("DRAFT")
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    def runs_into(paragraph, runs: tuple[Run, ...]) -> None:
        for r in runs:
            run = paragraph.add_run(r.text)
            run.bold = r.bold or None
            run.italic = r.italic or None

    def blocks_into(cell, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                runs_into(cell.add_paragraph(), block.runs)
            else:
                for item in block.items:
                    runs_into(cell.add_paragraph(style="List Bullet"), item)

    def shade(cell, fill: str) -> None:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)

    def table(headings: tuple[str, ...], widths: tuple[float, ...]):
        t = document.add_table(rows=1, cols=len(headings))
        t.style = "Table Grid"
        t.autofit = False
        for column, width in zip(t.columns, widths):
            column.width = Cm(width)
        for cell, text, width in zip(t.rows[0].cells, headings, widths):
            cell.width = Cm(width)
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            shade(cell, "1F3864")
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        t.rows[0]._tr.get_or_add_trPr().append(header)
        return t

    def add_row(t, values: tuple[str, ...], widths: tuple[float, ...]):
        cells = t.add_row().cells
        for cell, value, width in zip(cells, values, widths):
            cell.width = Cm(width)
            if value:
                cell.text = value
        return cells

    document.add_heading(doc.body, level=1)
    document.add_heading(doc.title_line, level=2)
    document.add_paragraph(doc.date)
    if doc.time:
        document.add_paragraph(f"Time: {doc.time}")
    if doc.venue:
        document.add_paragraph(f"Venue: {doc.venue}")
    people_widths = (7.0, 8.0, 2.0)
    for att in doc.attendance:
        document.add_heading(att.heading, level=3)
        t = table(("Name", "Role", "Initials"), people_widths)
        for row in att.rows:
            add_row(t, (row.name, row.role, row.initials), people_widths)
    if doc.apologies:
        document.add_heading("Apologies", level=3)
        for line in doc.apologies:
            document.add_paragraph(line, style="List Bullet")
    document.add_paragraph(doc.public_sentence)

    item_widths = (1.5, 13.5, 2.0)

    def items_table(rows: list[ItemRow]) -> None:
        t = table(("No.", "Agenda Item", "Action"), item_widths)
        for row in rows:
            cells = add_row(t, (row.number, "", row.action), item_widths)
            title = cells[1].paragraphs[0]
            title.add_run(row.title).bold = True
            blocks_into(cells[1], row.blocks)

    before, after = _sections(doc)
    items_table(before)
    if doc.exclusion:
        document.add_heading("Resolution to exclude the press and public", level=3)
        document.add_paragraph(doc.exclusion)
    if after:
        document.add_heading("Part II — confidential items", level=3)
        items_table(after)
    if doc.finished:
        document.add_paragraph(doc.finished)
    if doc.next_meeting:
        document.add_heading("Next meeting", level=3)
        for line in doc.next_meeting:
            document.add_paragraph(line)
    document.add_heading("Approval of Draft Minutes by Chair only", level=3)
    approval_widths = (6.0, 7.0, 4.0)
    t = table(("Name", "Role", "Date"), approval_widths)
    add_row(t, doc.approval, approval_widths)
    if doc.questions:
        document.add_page_break()
        document.add_heading("Appendix: questions from the public", level=2)
        for n, q in enumerate(doc.questions, start=1):
            p = document.add_paragraph()
            p.add_run(f"Question {n}, from {q.asker}: ").bold = True
            p.add_run(q.question)
            if q.response:
                p = document.add_paragraph()
                p.add_run(f"Response{f' ({q.responder})' if q.responder else ''}: ").bold = True
                p.add_run(q.response)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


RENDERERS = {"md": to_markdown, "html": to_html, "docx": to_docx}
