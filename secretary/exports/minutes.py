"""Draft minutes written out: Markdown and HTML here, Word in ``minutes_docx`` — each a thin
layout of MinutesDoc.

The exclusion resolution comes before the first Part II item in the confidential minutes,
and after the items in the public ones."""

from __future__ import annotations

import html
from pathlib import Path

from secretary.minutes_doc import Block, ItemRow, MinutesDoc, Paragraph, Run


def sections(doc: MinutesDoc) -> tuple[list[ItemRow], list[ItemRow]]:
    """(items before the exclusion resolution, items after it)."""
    first_private = next((n for n, row in enumerate(doc.items) if row.confidential), None)
    if first_private is None:
        return list(doc.items), []
    return list(doc.items[:first_private]), list(doc.items[first_private:])


def numbered(row: ItemRow) -> str:
    """'3. Title', 'a) Title', or the title alone."""
    number = row.number.strip()
    if not number:
        return row.title
    return f"{number} {row.title}" if number.endswith((")", ".")) else f"{number}. {row.title}"


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


def _md_escape(text: str, *, cell: bool = False) -> str:
    escaped = "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)
    return escaped.replace("\n", " " if cell else "  \n")  # a line break within a paragraph


def _md_blocks(blocks: tuple[Block, ...]) -> list[str]:
    lines = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines += [_md_runs(block.runs), ""]
        else:
            lines += [f"- {_md_runs(item)}" for item in block.items] + [""]
    return lines


def _md_table(headings: tuple[str, ...], rows) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(_md_escape(v, cell=True) for v in row) + " |" for row in rows]
    return lines + [""]


def to_markdown(doc: MinutesDoc) -> bytes:
    lines = []
    if doc.marks:
        lines += [f"**{' — '.join(doc.marks)}**", ""]
    lines += [f"# {_md_escape(doc.body, cell=True)}", "", f"## {_md_escape(doc.title_line, cell=True)}", ""]
    lines += [f"{doc.date}  ", f"Time: {doc.time}  " if doc.time else "",
              f"Venue: {_md_escape(doc.venue, cell=True)}", ""]
    for table in doc.attendance:
        lines += [f"### {table.heading}", ""]
        lines += _md_table(("Name", "Role", "Initials"), ((r.name, r.role, r.initials) for r in table.rows))
    if doc.apologies:
        lines += ["### Apologies", ""]
        lines += _md_table(("Name", "Role", "Initials"), ((r.name, r.role, r.initials) for r in doc.apologies))
    lines += [doc.public_sentence, ""]
    before, after = sections(doc)
    for heading, rows in (("Items", before), ("Part II — confidential items", after)):
        if heading != "Items":
            if doc.exclusion:
                lines += ["### Resolution to exclude the press and public", "", _md_escape(doc.exclusion), ""]
            if not rows:
                continue
        lines += [f"### {heading}", ""]
        for row in rows:
            if row.section:
                lines += [f"#### {_md_escape(row.title.upper(), cell=True)}", ""]
                continue
            action = f" — *Action: {_md_escape(row.action, cell=True)}*" if row.action else ""
            lines += [f"##### {_md_escape(numbered(row), cell=True)}{action}", ""]
            lines += _md_blocks(row.blocks)
    if doc.finished:
        lines += [doc.finished, ""]
    if doc.next_meeting:
        lines += ["### Next meeting", ""] + [f"{_md_escape(line)}  " for line in doc.next_meeting] + [""]
    lines += ["### Approval of Draft Minutes by Chair only", ""]
    lines += _md_table(("Name", "Role", "Date"), (doc.approval,))
    if doc.questions:
        lines += ["## Appendix: questions from the public", ""]
        for n, q in enumerate(doc.questions, start=1):
            lines += [f"**Question {n}, from {_md_escape(q.asker)}:** {_md_escape(q.question)}", ""]
            if q.response:
                by = f" from {_md_escape(q.responder)}" if q.responder else ""
                lines += [f"**Response{by}:** {_md_escape(q.response)}", ""]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# --- HTML -----------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br/>")


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


# on paper: A4, and the marks (DRAFT, CONFIDENTIAL) fixed at the head of every printed page
_CSS = """body{font-family:Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:0.5em 0 1em}td,th{border:1px solid #888;padding:4px 6px;
vertical-align:top;text-align:left}th{background:#1f3864;color:#fff}.marks{color:#c00;font-weight:bold;
letter-spacing:0.2em;text-align:right}.no{width:3em}.action{width:6em}td.section{font-weight:bold;
background:#d9e2f3;text-transform:uppercase}thead{display:table-header-group}tr{page-break-inside:avoid}
@page{size:A4;margin:2cm 1.8cm}
@media print{body{max-width:none;margin:0;font-size:10pt}.marks{position:fixed;top:0;right:0;margin:0}
.page-top{height:1.5em}th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}"""


def _items_table(rows: list[ItemRow]) -> str:
    cells = ['<table class="items"><thead><tr><th class="no">No.</th><th>Agenda Item</th>'
             '<th class="action">Action</th></tr></thead><tbody>']
    for row in rows:
        if row.section:
            cells.append(f'<tr><td class="section" colspan="3">{_h(row.title)}</td></tr>')
            continue
        cells.append(f'<tr><td>{_h(row.number)}</td><td><p class="item-title"><strong>{_h(row.title)}'
                     f"</strong></p>{_html_blocks(row.blocks)}</td><td>{_h(row.action)}</td></tr>")
    return "".join(cells) + "</tbody></table>"


def _people_table(rows, headings=("Name", "Role", "Initials")) -> str:
    head = "".join(f"<th>{h}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{_h(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(doc: MinutesDoc) -> bytes:
    out = ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8"/>',
           f"<title>{_h(doc.title_line)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>"]
    if doc.marks:
        out.append(f'<p class="marks">{" ".join(doc.marks)}</p><div class="page-top"></div>')
    out += [f"<h1>{_h(doc.body)}</h1>", f"<h2>{_h(doc.title_line)}</h2>",
            f"<p>{_h(doc.date)}<br/>Time: {_h(doc.time)}<br/>Venue: {_h(doc.venue)}</p>"]
    for table in doc.attendance:
        out.append(f"<h3>{_h(table.heading)}</h3>" + _people_table((r.name, r.role, r.initials) for r in table.rows))
    if doc.apologies:
        out.append("<h3>Apologies</h3>" + _people_table((r.name, r.role, r.initials) for r in doc.apologies))
    out.append(f"<p>{_h(doc.public_sentence)}</p>")
    before, after = sections(doc)
    out.append(_items_table(before))
    if doc.exclusion:
        out.append(f"<h3>Resolution to exclude the press and public</h3><p>{_h(doc.exclusion)}</p>")
    if after:
        out += ["<h3>Part II — confidential items</h3>", _items_table(after)]
    if doc.finished:
        out.append(f"<p>{_h(doc.finished)}</p>")
    if doc.next_meeting:
        out.append("<h3>Next meeting</h3><p>" + "<br/>".join(_h(x) for x in doc.next_meeting) + "</p>")
    out.append("<h3>Approval of Draft Minutes by Chair only</h3>" + _people_table((doc.approval,),
                                                                                 ("Name", "Role", "Date")))
    if doc.questions:
        out.append("<h2>Appendix: questions from the public</h2>")
        for n, q in enumerate(doc.questions, start=1):
            out.append(f"<p><strong>Question {n}, from {_h(q.asker)}:</strong> {_h(q.question)}</p>")
            if q.response:
                by = f" from {_h(q.responder)}" if q.responder else ""
                out.append(f"<p><strong>Response{by}:</strong> {_h(q.response)}</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out).encode("utf-8")


def to_docx(doc: MinutesDoc, template: Path | None = None, notes: list[str] | None = None) -> bytes:
    from secretary.exports.minutes_docx import to_docx as write

    return write(doc, template, notes)


RENDERERS = {"md": to_markdown, "html": to_html, "docx": to_docx}


def render(fmt: str, doc: MinutesDoc, *, template: Path | None = None, notes: list[str] | None = None) -> bytes:
    """The minutes in one format; only Word uses a template."""
    if fmt == "docx":
        return to_docx(doc, template, notes)
    return RENDERERS[fmt](doc)
