"""Minutes and tracker written into the organisation's own Word template (issue 16 item 10),
and the Word file's own properties, styles, language and page numbers (item 9)."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import pytest
from docx import Document
from docx.oxml.ns import qn

from db.bodies import find_body
from db.demo import build_demo
from db.exports import export_settings, load_tracker, save_export_settings
from db.record import read_record
from secretary.exports import minutes as minutes_export
from secretary.exports import tracker as tracker_export
from secretary.exports.settings import ExportSettings
from secretary.exports.word import TemplateRefused
from secretary.minutes_doc import build_minutes
from tests.exports.templates import FONT, FOOTER, LEFT_MARGIN, has_picture, make_template
from tests.test_cli import secretary

DECEMBER = 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template")
    book, upcoming, _ = build_demo(folder / "demo.secretary")
    yield book, upcoming, folder
    book.close()


def footer_fields(section) -> list[str]:
    return [f.get(qn("w:instr")).strip() for f in section.footer._element.iter(qn("w:fldSimple"))]


def test_the_plain_word_minutes_carry_their_own_properties(demo) -> None:
    book, _, _ = demo
    document = Document(io.BytesIO(minutes_export.render("docx", build_minutes(read_record(book, DECEMBER)))))
    props = document.core_properties
    assert props.author == "Northbridge Integrated Care Board" and props.last_modified_by == props.author
    assert props.title == "Minutes of the Meeting of the Board in PUBLIC"
    assert abs((props.created.replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)).total_seconds()) < 120
    assert props.language == "en-GB"
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    section = document.sections[0]
    assert footer_fields(section) == ["PAGE \\* MERGEFORMAT", "NUMPAGES \\* MERGEFORMAT"]
    assert section.footer.paragraphs[-1].text == "Page  of "  # the numbers are fields Word fills in
    titles = [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
              if p.style.name == "Agenda Item Title"]
    assert "CEO’s update" in [p.text for p in titles] and not any(r.bold for p in titles for r in p.runs)


def test_minutes_in_the_organisations_template(demo) -> None:
    book, _, folder = demo
    template = make_template(folder / "house.docx")
    notes: list[str] = []
    data = minutes_export.render("docx", build_minutes(read_record(book, DECEMBER), confidential=True),
                                 template=template, notes=notes)
    document = Document(io.BytesIO(data))
    assert notes == []  # the template has every style the minutes use
    assert document.styles["Normal"].font.name == FONT
    section = document.sections[0]
    assert abs(section.left_margin - LEFT_MARGIN) < 1000  # twips: rounding
    assert has_picture(section.header) and "CONFIDENTIAL" in section.header.paragraphs[-1].text
    assert "DRAFT" in section.header.paragraphs[-1].text
    assert section.footer.paragraphs[0].text == FOOTER and "PAGE \\* MERGEFORMAT" in footer_fields(section)
    texts = [p.text for p in document.paragraphs]
    assert not any("Sample text the template carries" in t for t in texts)
    assert texts[:2] == ["Northbridge Integrated Care Board", "Minutes of the Meeting of the Board — CONFIDENTIAL"]


def test_a_template_without_a_style_falls_back_and_says_so(demo) -> None:
    book, _, folder = demo
    template = make_template(folder / "bare.docx", without=("List Bullet",))
    notes: list[str] = []
    data = minutes_export.render("docx", build_minutes(read_record(book, DECEMBER)), template=template, notes=notes)
    assert notes == ["The template has no style 'List Bullet'; 'Normal' was used instead."]
    document = Document(io.BytesIO(data))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    assert "• Recruitment to the Chief People Officer post had concluded." in cells


def test_the_tracker_in_the_template_and_the_bodys_setting(tmp_path) -> None:
    path = tmp_path / "demo.secretary"
    template = make_template(tmp_path / "tracker-house.docx")
    book = build_demo(path)[0]
    body = find_body(book, "NICB")
    save_export_settings(book, body.id, ExportSettings(template=str(template)))
    assert export_settings(book, body.id).template == str(template)
    tracker = load_tracker(book, body, date(2025, 3, 1))
    book.close()
    with pytest.raises(TemplateRefused, match="There is no template"):
        tracker_export.render("docx", tracker, template=tmp_path / "missing.docx")
    out = tmp_path / "tracker.docx"
    done = secretary("export", "actions", "--body", "NICB", "--format", "docx", "-o", str(out), "--book", str(path))
    assert done.returncode == 0, done.stderr
    document = Document(str(out))  # the body's template, set once, without --template
    assert document.styles["Normal"].font.name == FONT and has_picture(document.sections[0].header)
    assert [p.text for p in document.paragraphs][:2] == [
        "Northbridge Integrated Care Board — Action Tracker",
        "Meeting of the Board of the ICB in PUBLIC, Friday 21 March 2025"]
    broken = tmp_path / "broken.docx"
    broken.write_text("not a Word file")
    refused = secretary("export", "minutes", "--meeting", str(DECEMBER), "--format", "docx", "-o",
                        str(tmp_path / "m.docx"), "--template", str(broken), "--book", str(path))
    assert refused.returncode == 1 and "could not be read as a Word document" in refused.stderr
    assert not (tmp_path / "m.docx").exists()


def test_a_dotx_template_with_its_own_first_page_header(demo) -> None:
    """Organisations keep their house style as a .dotx, often with a first page of its own."""
    import zipfile

    book, _, folder = demo
    source = Document(str(make_template(folder / "first.docx")))
    source.sections[0].different_first_page_header_footer = True
    source.sections[0].first_page_header.paragraphs[0].text = "NHS Northbridge"
    source.save(folder / "first.docx")
    dotx = folder / "house.dotx"
    with zipfile.ZipFile(folder / "first.docx") as docx, zipfile.ZipFile(dotx, "w") as out:
        for item in docx.infolist():
            data = docx.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(item, data)
    data = minutes_export.render("docx", build_minutes(read_record(book, DECEMBER), confidential=True), template=dotx)
    section = Document(io.BytesIO(data)).sections[0]
    first = [p.text for p in section.first_page_header.paragraphs]
    assert first[0] == "NHS Northbridge" and "CONFIDENTIAL" in first[-1]  # the first page is marked too
    assert "CONFIDENTIAL" in section.header.paragraphs[-1].text
    assert "PAGE \\* MERGEFORMAT" in [f.get(qn("w:instr")).strip()
                                      for f in section.first_page_footer._element.iter(qn("w:fldSimple"))]


def test_a_template_without_table_grid_says_so(demo) -> None:
    book, _, folder = demo
    template = make_template(folder / "no-grid.docx", without=("Table Grid",))
    notes: list[str] = []
    minutes_export.render("docx", build_minutes(read_record(book, DECEMBER)), template=template, notes=notes)
    assert notes == ["The template has no style 'Table Grid'; it was left without one."]
