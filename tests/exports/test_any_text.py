"""Any text the book can hold goes through every export (issue 17): the vertical tab Word
puts in pasted text becomes a line break, an ESC or a NUL is dropped, and nothing makes
the Word, HTML or Markdown minutes or tracker fail."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from datetime import date
from xml.dom import minidom

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.demo import build_demo
from db.record import read_record
from secretary.exports import minutes as minutes_export
from secretary.exports import tracker as tracker_export
from secretary.exports.text import printable
from secretary.minutes_doc import build_minutes
from secretary.models import Action, ActionOwner, AgendaItem, Decision, DecisionVerb, Minute
from tests.test_cli import secretary

DECEMBER = 1
NASTY = ["\x0b", "\x1b", "\x00", "\x0c", "\r", "\r\n", "\x85", "\u2028", "\ufffe", "\x7f", "\x08", "&", "<", "]]>"]
text = st.lists(st.one_of(st.characters(codec="utf-8"), st.sampled_from(NASTY)), max_size=30).map("".join)
name = text.map(lambda t: f"A{t}z")  # a title: never blank once trimmed


@pytest.fixture(scope="module")
def december(tmp_path_factory):
    book, _, _ = build_demo(tmp_path_factory.mktemp("any-text") / "demo.secretary")
    state = read_record(book, DECEMBER)
    book.close()
    return state


def _with_text(state, title: str, notes: str, said: str):
    """December with one more item whose title, notes, decision and action hold the text."""
    item = AgendaItem(id=9999, meeting_id=DECEMBER, number="11", title=title, position=999)
    minute = Minute(item_id=9999, notes=notes, presenters=notes, taken_order=99)
    decision = Decision(item_id=9999, verb=DecisionVerb.not_approved, text=said)
    action = Action(body_id=state.body.id, number=999, item_id=9999, text=said, item_title=title,
                    owners=(ActionOwner(name=said),), position_text=notes)
    return dataclasses.replace(state, items=state.items + [item], minutes={**state.minutes, 9999: minute},
                               decisions=state.decisions + [decision], actions=state.actions + [action]), action


def _opens(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=name, notes=text, said=name)
def test_any_text_exports_in_every_format(december, title: str, notes: str, said: str) -> None:
    state, action = _with_text(december, title, notes, said)
    doc = build_minutes(state, confidential=True)
    _opens(minutes_export.render("docx", doc))
    page = minutes_export.render("html", doc).decode()
    minidom.parseString(page.split("\n", 1)[1])  # well-formed XML, so every browser reads it the same
    md = minutes_export.render("md", doc).decode()
    assert not any(ch in md for ch in "\x0b\x1b\x00\ufffe")
    tracker = tracker_export.build_tracker("Board", [action], {}, today=date(2025, 3, 21))
    _opens(tracker_export.render("docx", tracker))
    for fmt in ("csv", "md"):
        assert not any(ch in tracker_export.render(fmt, tracker).decode("utf-8-sig") for ch in "\x0b\x1b\x00")


def test_a_vertical_tab_is_a_line_break_and_an_escape_is_dropped(december) -> None:
    state, action = _with_text(december, "Estates\x0bstrategy\x1b[31m", "First line\x0bsecond line", "Noted")
    doc = build_minutes(state)
    with zipfile.ZipFile(io.BytesIO(minutes_export.render("docx", doc))) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:t>Estates</w:t><w:br/><w:t>strategy[31m</w:t>" in body
    assert "Estates<br/>strategy[31m" in minutes_export.render("html", doc).decode()
    assert printable("a\r\nb\x0bc\x1bd") == "a\nb\ncd"


def test_the_export_command_writes_text_with_control_characters(tmp_path) -> None:
    """Through the book: a title and notes pasted from Word, exported by the command."""
    from db import Book
    from db.meetings import list_items, update_item
    from db.minutes import save_minute_text

    path = tmp_path / "demo.secretary"
    build_demo(path)[0].close()
    with Book.open(path) as book:
        item = next(i for i in list_items(book, DECEMBER) if i.number == "9")
        update_item(book, item.model_copy(update={"title": "Finance\x0bupdate\x1b"}))
        save_minute_text(book, item.id, notes="Month 7\x0bdeficit\x00 reported.")
    for fmt in ("docx", "html", "md"):
        out = tmp_path / f"minutes.{fmt}"
        done = secretary("export", "minutes", "--meeting", str(DECEMBER), "--format", fmt, "-o", str(out),
                         "--book", str(path))
        assert done.returncode == 0, done.stderr
    assert "Month 7\ndeficit reported." in _opens((tmp_path / "minutes.docx").read_bytes())
    for fmt in ("csv", "md", "docx"):
        done = secretary("export", "actions", "--body", "NICB", "--format", fmt, "-o", str(tmp_path / f"t.{fmt}"),
                         "--book", str(path))
        assert done.returncode == 0, done.stderr
