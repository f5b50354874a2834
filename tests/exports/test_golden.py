"""Golden files: the minutes of the demo's closed meeting (public) and of a meeting from a
year of a busy board (confidential: Part II, a withdrawal, step-outs, sections, sub-items)
in Markdown, HTML, and the Word file's text and styles read back with python-docx.

A change to the minutes' wording or layout shows here as a diff to read. When the change is
meant, rewrite the files with SECRETARY_UPDATE_GOLDEN=1 and read the diff before committing."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from db.demo.years import build_big_demo
from db.demo import build_demo
from db.record import read_record
from secretary.exports import minutes as minutes_export
from secretary.minutes_doc import build_minutes

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
DECEMBER = 1
A_COMMITTEE = 29  # Quality & Performance Committee, 12 February 2025, in the one-year book


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    demo, _, _ = build_demo(folder / "demo.secretary")
    year, _, _ = build_big_demo(folder / "year.secretary", 1)
    try:
        yield {"demo-december": build_minutes(read_record(demo, DECEMBER)),
               "year-committee-confidential": build_minutes(read_record(year, A_COMMITTEE), confidential=True)}
    finally:
        demo.close()
        year.close()


def word_readback(data: bytes) -> str:
    """The Word file as a reader meets it: header, body paragraphs and tables with each
    paragraph's style (and ** around bold runs), footer fields."""
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    lines = [f"header: {' | '.join(p.text for p in section.header.paragraphs)}"]

    def paragraph(p, indent: str = "") -> str:
        text = "".join(f"**{r.text}**" if r.bold and r.text.strip() else r.text for r in p.runs)
        return f"{indent}[{p.style.name}] {text}"

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(paragraph(next(p for p in document.paragraphs if p._p is child)))
        elif child.tag == qn("w:tbl"):
            table = next(t for t in document.tables if t._tbl is child)
            lines.append("table")
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    if all(cell._tc is not c._tc for c in cells):  # a merged cell (a section row) once
                        cells.append(cell)
                plain = all(len(c.paragraphs) == 1 and c.paragraphs[0].style.name == "Normal" for c in cells)
                if plain:
                    lines.append("  row: " + " | ".join(paragraph(c.paragraphs[0]).removeprefix("[Normal] ")
                                                         for c in cells))
                    continue
                lines.append("  row")
                for cell in cells:
                    lines.append("    cell")
                    lines += [paragraph(p, "      ") for p in cell.paragraphs]
    fields = [f.get(qn("w:instr")).split()[0] for f in section.footer._element.iter(qn("w:fldSimple"))]
    lines.append(f"footer: {' | '.join(p.text for p in section.footer.paragraphs)} fields {fields}")
    return "\n".join(lines) + "\n"


RENDER = {
    "md": lambda doc: minutes_export.render("md", doc).decode(),
    "html": lambda doc: minutes_export.render("html", doc).decode(),
    "docx.txt": lambda doc: word_readback(minutes_export.render("docx", doc)),
}


@pytest.mark.parametrize("name", ["demo-december", "year-committee-confidential"])
@pytest.mark.parametrize("fmt", list(RENDER))
def test_golden(docs, name: str, fmt: str) -> None:
    made = RENDER[fmt](docs[name])
    golden = GOLDEN / f"{name}.{fmt}"
    if os.environ.get("SECRETARY_UPDATE_GOLDEN"):
        golden.write_text(made, encoding="utf-8")
    assert made == golden.read_text(encoding="utf-8")
