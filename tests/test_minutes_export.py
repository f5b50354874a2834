"""Draft minutes exported: the Word file read back for its structure, Markdown and HTML
checked the same way, Part II kept out of the public minutes, files never half-written."""

from __future__ import annotations

import io
import zipfile
from datetime import date as date_
from datetime import datetime, timezone
from pathlib import Path
from xml.dom import minidom

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.actions import raise_action
from db.demo import build_demo
from db.live import record_declaration, start_meeting
from db.record import read_record
from db.meetings import list_items, update_item
from db.minutes import add_public_question, record_decision, save_minute_text
from db.people import person_by_initials
from secretary.exports.minutes import to_docx, to_html, to_markdown
from secretary.minutes_doc import build_minutes, parse_notes, Bullets, Paragraph, Run
from secretary.models import (
    Action,
    ActionOwner,
    Declaration,
    DeclarationOutcome,
    Decision,
    DecisionVerb,
    PublicQuestion,
)
from tests.test_cli import secretary

DECEMBER = 1


@pytest.fixture(scope="module")
def demo(demo_copy, tmp_path_factory):
    book, upcoming, _ = build_demo(demo_copy(tmp_path_factory.mktemp("minutes") / "demo.secretary"))
    yield book, upcoming
    book.close()


def docx_text(data: bytes) -> str:
    """Everything a reader of the file could see: body, headers, footers, properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


def test_the_word_minutes_of_december(demo) -> None:
    book, _ = demo
    doc = Document(io.BytesIO(to_docx(build_minutes(read_record(book, DECEMBER)))))
    assert "DRAFT" in doc.sections[0].header.paragraphs[0].text
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Northbridge Integrated Care Board",
                            "Minutes of the Meeting of the Board in PUBLIC"]
    assert {"Members", "Participants", "In attendance", "Apologies", "Next meeting",
            "Approval of Draft Minutes by Chair only"} <= set(headings)
    members, participants, attending, apologies, items, approval = doc.tables
    assert [c.text for c in members.rows[0].cells] == ["Name", "Role", "Initials"]
    assert len(members.rows) == 1 + 14  # all 15 members but Dev Mistry, who sent apologies
    assert members.rows[1].cells[0].text == "Dr Helen Marsh"  # a remote meeting: no "(remotely)" on each
    assert any(r.cells[0].text == "Martin Kell (until end of item 9)" for r in members.rows)
    assert any(r.cells[0].text == "Owen Carrick (from during item 6)" for r in members.rows)
    assert any(r.cells[0].text == "Kim Archer (minutes)" for r in attending.rows)
    texts = [p.text for p in doc.paragraphs]
    assert "There were 4 members of the public in attendance (remotely)." in texts
    assert [c.text for c in apologies.rows[1].cells] == ["Dev Mistry (member)", "Partner Member, Local Authorities", "DM"]
    # the Chair, then members by surname
    assert [r.cells[2].text for r in members.rows[1:5]] == ["HM", "GA", "CB", "OC"]
    assert "The meeting finished at 11.42." in texts

    numbers = [r.cells[0].text for r in items.rows[1:]]
    assert numbers == ["", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]  # 3a and 3b inside 3
    assert ["a) To approve the minutes of the Board on 27 September – attached", "b) Action log - attached"] == [
        p.text for p in items.rows[4].cells[1].paragraphs if p.text[:2] in ("a)", "b)")]
    assert [p.text for p in items.rows[1].cells[1].paragraphs] == ["Welcome", "Not minuted."]
    by_number = {r.cells[0].text: r for r in items.rows[1:]}
    assert by_number["7"].cells[2].text == "JP, SO"  # the Action column
    cell = by_number["6"].cells[1]
    assert cell.paragraphs[0].style.name == "Agenda Item Title" and cell.paragraphs[0].text == "CEO’s update"
    decision = next(p for p in cell.paragraphs if p.text.startswith("The Board noted"))
    assert [r.text for r in decision.runs if r.bold] == ["noted"]
    assert "OC arrived." in [p.text for p in cell.paragraphs]
    assert [p.style.name for p in cell.paragraphs if "Recruitment" in p.text] == ["List Bullet"]
    action = next(p for p in by_number["9"].cells[1].paragraphs if p.text.startswith("ACTION 63:"))
    assert action.runs[0].bold and action.runs[0].text == "ACTION 63:"
    assert [c.text for c in approval.rows[1].cells] == ["Dr Helen Marsh", "Chair", ""]


def test_markdown_and_html_say_the_same(demo) -> None:
    book, _ = demo
    minutes = build_minutes(read_record(book, DECEMBER))
    md = to_markdown(minutes).decode()
    assert md.startswith("**DRAFT**")
    assert "| Martin Kell (until end of item 9) | Partner Member, NHS Trusts and Foundation Trusts | MK |" in md
    assert "The Board **noted** the CEO's update." in md
    assert "**ACTION 61:** JP / SO – Urgent care dashboard" in md
    assert md.index("##### 6. CEO’s update") < md.index("##### 7. Winter plan")
    assert "| Dev Mistry (member) | Partner Member, Local Authorities | DM |" in md
    page = to_html(minutes).decode()
    minidom.parseString(page.split("\n", 1)[1])  # well-formed, once past the doctype
    assert "<strong>noted</strong>" in page and '<p class="marks">DRAFT</p>' in page
    # members, participants, attending, apologies, items, approval
    assert page.count("<tr>") == 15 + 5 + 4 + 3 + 12 + 2
    assert "@page{size:A4" in page and "position:fixed" in page  # the mark on every printed page


@pytest.mark.parametrize("confidential", [False, True])
def test_the_exclusion_resolution_is_printed_once(demo, confidential: bool) -> None:
    book, upcoming = demo  # March carries the resolution and two Part II items
    minutes = build_minutes(read_record(book, upcoming), confidential=confidential)
    heading = "Resolution to exclude the press and public"
    assert minutes.title_line == ("Minutes of the Meeting of the Board of the ICB — CONFIDENTIAL (including Part II items)"
                                  if confidential else "Minutes of the Meeting of the Board of the ICB in PUBLIC")
    assert minutes.next_meeting == ("Friday 27 June 2025", "Time: 9am", "Venue: to be confirmed")
    assert to_markdown(minutes).decode().count(heading) == 1
    assert to_html(minutes).decode().count(heading) == 1
    paragraphs = [p.text for p in Document(io.BytesIO(to_docx(minutes))).paragraphs]
    assert paragraphs.count(heading) == 1
    md = to_markdown(minutes).decode()
    assert ("### Part II" in md) is confidential
    if confidential:  # the resolution comes before the confidential items it excludes the public from
        assert md.index(heading) < md.index("### Part II")


def test_notes_markup() -> None:
    blocks = parse_notes("First point with **bold** words.\n- one\n- two\nAfter.")
    assert blocks == [
        Paragraph((Run("First point with "), Run("bold", bold=True), Run(" words."))),
        Bullets(((Run("one"),), (Run("two"),))),
        Paragraph((Run("After."),)),
    ]


CANARY = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=12, max_size=16).map(lambda s: f"ZQ{s}")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(canary=CANARY)
def test_part_two_never_reaches_the_public_minutes(demo_copy, tmp_path_factory, canary: str) -> None:
    book, upcoming, _ = build_demo(demo_copy(tmp_path_factory.mktemp("canary") / "demo.secretary"))
    try:
        start_meeting(book, upcoming, datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc))
        private = [i for i in list_items(book, upcoming) if i.part.value == "II"]
        assert len(private) == 2
        cb = person_by_initials(book, 1, "CB")
        for item in private:
            update_item(book, item.model_copy(update={"title": f"{item.title} {canary}", "lead": canary,
                                                       "paper_ref": canary}))
            save_minute_text(book, item.id, notes=f"Discussed {canary}.", presenters=canary)
            record_decision(book, Decision(item_id=item.id, verb=DecisionVerb.approved, text=f"the {canary} sale"))
            raise_action(book, Action(body_id=1, meeting_id=upcoming, item_id=item.id, item_title=canary,
                                      text=f"Complete {canary}", owners=(ActionOwner(name=f"{canary} lead"),)))
            record_declaration(book, Declaration(meeting_id=upcoming, item_id=item.id, person_id=cb.id,
                                                 interest=f"Director, {canary} Ltd",
                                                 outcome=DeclarationOutcome.withdrew),
                               datetime(2025, 3, 21, 12, 20, tzinfo=timezone.utc))
            add_public_question(book, PublicQuestion(meeting_id=upcoming, item_id=item.id, asker=canary,
                                                     question=f"About {canary}?"))
        state = read_record(book, upcoming)
        public = build_minutes(state)
        confidential = build_minutes(state, confidential=True)
        for render in (to_markdown, to_html):
            assert canary not in render(public).decode()
            assert canary in render(confidential).decode()
        assert canary not in docx_text(to_docx(public))
        assert canary in docx_text(to_docx(confidential))
        assert public.exclusion and public.exclusion in to_markdown(public).decode()
    finally:
        book.close()


def test_export_minutes_command_refuses_to_overwrite_and_writes_whole_files(demo_copy, tmp_path: Path) -> None:
    path = tmp_path / "demo.secretary"
    book, _, _ = build_demo(demo_copy(path))
    book.close()
    out = tmp_path / "minutes.docx"
    out.write_bytes(b"the clerk's edited copy")
    args = ("export", "minutes", "--meeting", "1", "--format", "docx", "-o", str(out), "--book", str(path))
    refused = secretary(*args)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert out.read_bytes() == b"the clerk's edited copy"
    done = secretary(*args, "--force")
    assert done.returncode == 0, done.stderr
    assert "draft public minutes of Friday 13 December 2024" in done.stdout
    assert Document(str(out)).sections[0].header.paragraphs[0].text == "DRAFT"
    for fmt in ("md", "html"):
        made = secretary("export", "minutes", "--meeting", "latest", "--format", fmt, "--confidential",
                         "--agenda-order", "-o", str(tmp_path / f"m.{fmt}"), "--book", str(path))
        assert made.returncode == 0, made.stderr
    assert not list(tmp_path.glob(".*.part"))


async def test_approval_at_the_next_meeting_then_a_correction(demo_copy, tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from db.meetings import get_meeting
    from db.minutes import get_minute
    from screens.app import SecretaryApp
    from screens.live import LiveScreen
    from screens.meeting import MeetingScreen
    from secretary.models import MeetingStatus

    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    minutes_item = next(i for i in list_items(book, upcoming) if i.number == "1d")
    try:
        app = SecretaryApp(book, open_meeting=upcoming)
        app.now = lambda: datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            await pilot.press("s", "enter")
            await pilot.pause()
            await pilot.press("ctrl+g")
            await pilot.pause()
            for key in "1d":
                await pilot.press(key)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f12")
            await pilot.pause()
            app.screen.query_one("#text-value").value = "item 6, 'seven' for 'six'"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, LiveScreen)
            assert "subject to the following amendments: item 6" in app.screen.query_one("#notes", TextArea).text
        december = get_meeting(book, DECEMBER)
        assert december.status is MeetingStatus.approved
        assert (december.approved_on, december.approved_by_meeting_id) == (date_(2025, 3, 21), upcoming)
        assert december.approval_amendments == "item 6, 'seven' for 'six'"
        assert "approved as an accurate record" in get_minute(book, minutes_item.id).notes

        approved = build_minutes(read_record(book, DECEMBER))
        assert not approved.draft and approved.approval[2] == "Friday 21 March 2025"
        assert "DRAFT" not in to_markdown(approved).decode()
        word = Document(io.BytesIO(to_docx(approved)))
        assert word.sections[0].header.paragraphs[0].text == ""
        assert [c.text for c in word.tables[-1].rows[1].cells] == ["Dr Helen Marsh", "Chair", "Friday 21 March 2025"]

        # approved minutes are read-only; a correction means reopening them, with a reason
        app = SecretaryApp(book, open_meeting=DECEMBER)
        app.now = lambda: datetime(2025, 3, 24, 10, 0, tzinfo=timezone.utc)
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            await pilot.press("s")  # an approved meeting: its minutes, read-only
            await pilot.pause()
            live = app.screen
            assert isinstance(live, LiveScreen) and live.query_one("#notes", TextArea).disabled
            await pilot.press("f6")
            await pilot.pause()
            assert isinstance(app.screen, LiveScreen)  # no decision form on approved minutes
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press("o")
            await pilot.pause()
            for key in "typo":
                await pilot.press(key)
            await pilot.press("enter")
            await pilot.pause()
        reopened = get_meeting(book, DECEMBER)
        assert reopened.status is MeetingStatus.closed
        assert reopened.approval_amendments.endswith("Reopened for a correction on 24/03/2025: typo")
    finally:
        book.close()


async def test_the_export_screen_previews_and_writes(demo_copy, tmp_path: Path, monkeypatch) -> None:
    from textual.widgets import Select

    from screens.app import SecretaryApp
    from screens.confirm import ConfirmScreen
    from screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    try:
        app = SecretaryApp(book, open_meeting=DECEMBER)
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            assert "Minutes of the Meeting of the Board in PUBLIC" in screen.query_one("#preview")._markdown
            screen.query_one("#format", Select).value = "md"
            await pilot.pause()
            assert screen.query_one("#path").value.endswith("nicb-minutes-2024-12-13-public.md")
            await pilot.press("ctrl+s")
            await pilot.pause()
            written = tmp_path / "nicb-minutes-2024-12-13-public.md"
            assert written.read_text().startswith("**DRAFT**")
            await pilot.press("ctrl+s")  # again: the file exists, so the clerk is asked
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await pilot.pause()
    finally:
        book.close()


def test_a_sub_item_with_nothing_recorded_says_so_under_its_heading(demo) -> None:
    """Never a heading with nothing under it: what became of the sub-item, or that it was not minuted."""
    book, _ = demo
    record = read_record(book, DECEMBER)
    action_log = next(i for i in record.items if i.title.startswith("Action log"))
    record.minutes.pop(action_log.id, None)  # as if the clerk wrote nothing under 3b
    for decision in [d for d in record.decisions if d.item_id == action_log.id]:
        record.decisions.remove(decision)
    minutes = build_minutes(record)
    row = next(r for r in minutes.items if r.number == "3")
    texts = ["".join(run.text for run in block.runs) for block in row.blocks if isinstance(block, Paragraph)]
    heading = texts.index("b) Action log - attached")
    assert texts[heading + 1:heading + 2] == ["Not minuted."]
    md = to_markdown(minutes).decode()
    assert "b) Action log - attached" in md and "Not minuted." in md.split("b) Action log - attached", 1)[1][:200]


def test_minutes_in_the_order_taken_say_when_a_section_is_come_back_to(demo) -> None:
    """Item 7 taken first, then the opening items: the section it belongs to is headed again as
    continued, never as though the agenda had two sections of that name."""
    import dataclasses

    book, _ = demo
    record = read_record(book, DECEMBER)
    opening = {"1", "2", "3", "3a", "3b", "4"}
    items = [i.model_copy(update={"section": "OPENING ITEMS" if i.number in opening or not i.number else
                                  "SYSTEM STRATEGY"}) for i in record.items]
    first = next(i for i in items if i.number == "7")
    order = [first.id] + [i.id for i in items if i.id != first.id and i.id in record.minutes]
    minutes = {item_id: record.minutes[item_id].model_copy(update={"taken_order": n + 1})
               for n, item_id in enumerate(order)}
    record = dataclasses.replace(record, items=items, minutes={**record.minutes, **minutes})
    taken = build_minutes(record)
    assert [r.title for r in taken.items if r.section] == [
        "SYSTEM STRATEGY", "OPENING ITEMS", "SYSTEM STRATEGY (continued)"]
    in_agenda_order = build_minutes(record, agenda_order=True)
    assert [r.title for r in in_agenda_order.items if r.section] == ["OPENING ITEMS", "SYSTEM STRATEGY"]
