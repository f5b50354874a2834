"""What the Word exports share: the document they start from (the organisation's own
template, or a plain A4 one), its properties, the page header and footer, and the
named styles the exports write with — falling back, and saying so, where a template
lacks one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

# the paragraph style of an item's title in the minutes: a house style can restyle it
ITEM_TITLE = "Agenda Item Title"
NEEDED = ("Heading 1", "Heading 2", "Heading 3", "List Bullet", "Table Grid")


@dataclass
class WordFile:
    """A document being written, with what was noticed about its template."""

    document: object
    from_template: bool
    notes: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # style name → id, read once (looking up is slow)

    def put(self, paragraph, name: str) -> None:
        """Give the paragraph a style by its id (python-docx's lookup by name scans every style)."""
        chosen = self.style(name)
        if chosen != "Normal":
            paragraph._p.style = self.ids[chosen]

    def style(self, name: str, fallback: str = "Normal") -> str:
        """The style's name if the document has it, else the fallback (noted once)."""
        if not self.ids:
            self.ids = {s.name: s.style_id for s in self.document.styles}
        if name in self.ids:
            return name
        instead = f"{fallback!r} was used instead" if fallback else "it was left without one"
        note = f"The template has no style {name!r}; {instead}."
        if note not in self.notes:
            self.notes.append(note)
        return fallback


class TemplateRefused(ValueError):
    """The template could not be used; the message says why, in the clerk's words."""


def start(template: Path | None, *, landscape: bool = False) -> WordFile:
    from docx import Document
    from docx.shared import Cm, Pt

    if template is None:
        document = Document()
        section = document.sections[0]
        section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
        if landscape:
            from docx.enum.section import WD_ORIENT
            section.orientation = WD_ORIENT.LANDSCAPE
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(1.5 if landscape else 2.0))
        normal = document.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(9 if landscape else 10)
        normal.paragraph_format.space_after = Pt(3)
        made = WordFile(document, from_template=False)
    else:
        made = WordFile(_open_template(Path(template)), from_template=True)
    _item_title_style(made.document)
    _language(made.document, "en-GB")
    return made


def _open_template(path: Path):
    from docx import Document

    path = path.expanduser()
    if not path.is_file():
        raise TemplateRefused(f"There is no template {path}.")
    try:
        document = Document(_as_document(path))
    except Exception as error:  # a damaged or non-Word file: python-docx raises several kinds
        raise TemplateRefused(f"{path} could not be read as a Word document or template ({error}).") from error
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page setup; drop the template's sample text
            body.remove(child)
    return document


def _as_document(path: Path):
    """A .dotx (Word template) read as the document it would start: python-docx opens only
    documents, and the two differ in one content type."""
    import io
    import zipfile

    if path.suffix.lower() not in (".dotx", ".dotm"):
        return str(path)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = re.sub(rb"wordprocessingml\.template\.main\+xml|ms-word\.template\.macroEnabledTemplate\.main\+xml",
                              b"wordprocessingml.document.main+xml", data)
            copy.writestr(item, data)
    out.seek(0)
    return out


def _has_style(document, name: str) -> bool:
    return any(style.name == name for style in document.styles)


def _item_title_style(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    if _has_style(document, ITEM_TITLE):
        return
    style = document.styles.add_style(ITEM_TITLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold = True
    style.quick_style = True


def _language(document, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    props = run_default.find(qn("w:rPr"))
    if props is None:
        props = OxmlElement("w:rPr")
        run_default.append(props)
    lang = props.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        props.append(lang)
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(key), tag if key == "w:val" else lang.get(qn(key)) or tag)


def properties(word: WordFile, *, title: str, author: str, subject: str) -> None:
    props = word.document.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title, props.author, props.subject = title, author, subject
    props.last_modified_by = author
    props.created = props.modified = now
    props.revision = 1
    props.language = "en-GB"
    props.comments = props.keywords = props.category = ""


def header_marks(word: WordFile, marks: list[str]) -> None:
    """DRAFT / CONFIDENTIAL at the top right of every page, below any logo the template has."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    if not marks:
        return
    for header in _every(word, "header"):
        first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph = first if not first.text.strip() and not _has_drawing(first) else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for n, mark in enumerate(marks):
            run = paragraph.add_run(("   " if n else "") + mark)
            run.bold = True
            run.font.size = Pt(12)
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def page_numbers(word: WordFile) -> None:
    """'Page 2 of 10' in every page's footer, unless the template's footer numbers pages already."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for footer in _every(word, "footer"):
        if any("PAGE" in (f.get(_qn("w:instr")) or "") for f in footer._element.iter(_qn("w:fldSimple"))) or \
                any("PAGE" in (t.text or "") for t in footer._element.iter(_qn("w:instrText"))):
            continue
        last = footer.paragraphs[-1] if footer.paragraphs else footer.add_paragraph()
        paragraph = last if not last.text.strip() and not _has_drawing(last) else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES", "1")


def _every(word: WordFile, kind: str) -> list:
    """Each section's headers (or footers) in use: the default, and the first page's and even
    pages' where the template has them, so a mark is on every page."""
    parts = []
    even = word.document.settings.odd_and_even_pages_header_footer
    for section in word.document.sections:
        part = getattr(section, kind)
        part.is_linked_to_previous = False
        parts.append(part)
        if section.different_first_page_header_footer:
            parts.append(getattr(section, f"first_page_{kind}"))
        if even:
            parts.append(getattr(section, f"even_page_{kind}"))
    return parts


def _field(paragraph, instruction: str, shown: str) -> None:
    from docx.oxml import OxmlElement

    simple = OxmlElement("w:fldSimple")
    simple.set(_qn("w:instr"), f" {instruction} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _has_drawing(paragraph) -> bool:
    return any(True for _ in paragraph._p.iter(_qn("w:drawing"))) or any(True for _ in paragraph._p.iter(_qn("w:pict")))


def _make(tag: str):
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    element.set(_qn("w:val"), "true")
    return element


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn
    return qn(tag)


def shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement

    shading = OxmlElement("w:shd")
    shading.set(_qn("w:val"), "clear")
    shading.set(_qn("w:color"), "auto")
    shading.set(_qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def table(word: WordFile, headings: tuple[str, ...], widths: tuple[float, ...]):
    """A table with a shaded heading row that repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm, RGBColor

    document = word.document
    widths = fitted(word, widths)
    t = document.add_table(rows=1, cols=len(headings))
    grid = word.style("Table Grid", fallback="")
    if grid:
        t.style = grid
    t.autofit = False
    for column, width in zip(t.columns, widths):
        column.width = Cm(width)  # the grid, which LibreOffice and Google Docs follow
    for cell, text, width in zip(t.rows[0].cells, headings, widths):
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        shade(cell, "1F3864")
    repeat = OxmlElement("w:tblHeader")
    repeat.set(_qn("w:val"), "true")
    t.rows[0]._tr.get_or_add_trPr().append(repeat)
    return t


def fitted(word: WordFile, widths: tuple[float, ...]) -> tuple[float, ...]:
    """The columns (cm) made to fit between the margins: the widest column gives up what is too much."""
    section = word.document.sections[-1]
    usable = (section.page_width - section.left_margin - section.right_margin) / 360000  # EMU per cm
    over = sum(widths) - usable
    if over <= 0:
        return widths
    widest = widths.index(max(widths))
    return tuple(max(w - over, w / 2) if n == widest else w for n, w in enumerate(widths))


def add_row(table_, values: tuple[str, ...]):
    row = table_.add_row()
    keep = _make("w:cantSplit")  # a short item is never cut in two by a page break
    row._tr.get_or_add_trPr().append(keep)
    cells = row.cells
    for cell, value, column in zip(cells, values, table_.columns):
        cell.width = column.width  # the grid as fitted to the page
        if value:
            cell.text = value
    return cells


def bullet(word: WordFile, container, runs_text: str | None = None):
    """A bulleted paragraph in the container: 'List Bullet', or '• ' in Normal where the template lacks it."""
    paragraph = container.add_paragraph()
    word.put(paragraph, "List Bullet")
    if word.style("List Bullet") != "List Bullet":
        paragraph.add_run("• ")
    if runs_text:
        paragraph.add_run(runs_text)
    return paragraph


def saved(word: WordFile) -> bytes:
    import io

    out = io.BytesIO()
    word.document.save(out)
    return out.getvalue()
