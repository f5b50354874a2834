"""The draft minutes as a Word document, in the organisation's template when given: named
styles (headings, 'Agenda Item Title', 'List Bullet', 'Table Grid') so a house style can
restyle them; DRAFT / CONFIDENTIAL and page numbers on every page."""

from __future__ import annotations

from pathlib import Path

from secretary.exports import word
from secretary.exports.minutes import sections
from secretary.minutes_doc import Block, ItemRow, MinutesDoc, Paragraph, Run

PEOPLE_WIDTHS = (6.8, 8.0, 2.2)
ITEM_WIDTHS = (1.5, 13.5, 2.0)
APPROVAL_WIDTHS = (6.0, 7.0, 4.0)


def to_docx(doc: MinutesDoc, template: Path | None = None, notes: list[str] | None = None) -> bytes:
    made = word.start(template)
    document = made.document
    word.header_marks(made, doc.marks)
    word.page_numbers(made)
    word.properties(made, title=doc.title_line, author=doc.body, subject="Draft minutes" if doc.draft else "Minutes")

    def heading(text: str, level: int) -> None:
        document.add_paragraph(text, style=made.style(f"Heading {level}"))

    heading(doc.body, 1)
    heading(doc.title_line, 2)
    document.add_paragraph(doc.date)
    if doc.time:
        document.add_paragraph(f"Time: {doc.time}")
    if doc.venue:
        document.add_paragraph(f"Venue: {doc.venue}")
    for att in doc.attendance:
        heading(att.heading, 3)
        t = word.table(made, ("Name", "Role", "Initials"), PEOPLE_WIDTHS)
        for row in att.rows:
            word.add_row(t, (row.name, row.role, row.initials))
    if doc.apologies:
        heading("Apologies", 3)
        t = word.table(made, ("Name", "Role", "Initials"), PEOPLE_WIDTHS)
        for row in doc.apologies:
            word.add_row(t, (row.name, row.role, row.initials))
    _after_table(document.add_paragraph(doc.public_sentence))
    before, after = sections(doc)
    _items_table(made, before)
    if doc.exclusion:
        heading("Resolution to exclude the press and public", 3)
        document.add_paragraph(doc.exclusion)
    if after:
        heading("Part II — confidential items", 3)
        _items_table(made, after)
    if doc.finished:
        _after_table(document.add_paragraph(doc.finished))
    if doc.next_meeting:
        heading("Next meeting", 3)
        for line in doc.next_meeting:
            document.add_paragraph(line)
    heading("Approval of Draft Minutes by Chair only", 3)
    t = word.table(made, ("Name", "Role", "Date"), APPROVAL_WIDTHS)
    word.add_row(t, doc.approval)
    if doc.questions:
        _questions(made, doc)
    if notes is not None:
        notes.extend(made.notes)
    return word.saved(made)


def _after_table(paragraph) -> None:
    from docx.shared import Pt

    paragraph.paragraph_format.space_before = Pt(8)  # not pressed against the table's last row


def _runs_into(paragraph, runs: tuple[Run, ...]) -> None:
    for r in runs:
        run = paragraph.add_run(r.text)
        run.bold = r.bold or None
        run.italic = r.italic or None


def _blocks_into(made: word.WordFile, cell, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _runs_into(cell.add_paragraph(), block.runs)
        else:
            for item in block.items:
                _runs_into(word.bullet(made, cell), item)


def _items_table(made: word.WordFile, rows: list[ItemRow]) -> None:
    t = word.table(made, ("No.", "Agenda Item", "Action"), ITEM_WIDTHS)
    for row in rows:
        cells = word.add_row(t, (row.number, "", row.action))
        if row.section:
            merged = cells[0].merge(cells[2])
            merged.text = ""
            paragraph = merged.paragraphs[0]
            made.put(paragraph, word.ITEM_TITLE)
            paragraph.add_run(row.title.upper())
            word.shade(merged, "D9E2F3")
            continue
        title = cells[1].paragraphs[0]
        made.put(title, word.ITEM_TITLE)
        title.add_run(row.title)
        _blocks_into(made, cells[1], row.blocks)


def _questions(made: word.WordFile, doc: MinutesDoc) -> None:
    document = made.document
    document.add_page_break()
    document.add_paragraph("Appendix: questions from the public", style=made.style("Heading 2"))
    for n, q in enumerate(doc.questions, start=1):
        p = document.add_paragraph()
        p.add_run(f"Question {n}, from {q.asker}: ").bold = True
        p.add_run(q.question)
        if q.response:
            p = document.add_paragraph()
            p.add_run(f"Response{f' from {q.responder}' if q.responder else ''}: ").bold = True
            p.add_run(q.response)


