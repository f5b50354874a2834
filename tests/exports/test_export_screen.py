"""The export screen as a clerk uses it: a template that is not a Word file is refused on
the screen (the app stays up), a good one is used and kept as the body's setting with the
members' order; a title pasted from Word with a vertical tab exports."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from textual.widgets import Input, Select, Static

from db.demo import build_demo
from db.exports import export_settings
from db.meetings import list_items, update_item
from secretary.exports.settings import MemberOrder
from tests.exports.templates import FONT, make_template

DECEMBER = 1


async def type_into(pilot, field: Input, text: str) -> None:
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)


async def test_a_bad_template_is_told_on_the_screen_and_a_good_one_is_kept(tmp_path: Path, monkeypatch) -> None:
    from screens.app import SecretaryApp
    from screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    book, _, _ = build_demo(tmp_path / "demo.secretary")
    item = next(i for i in list_items(book, DECEMBER) if i.number == "9")
    update_item(book, item.model_copy(update={"title": "Finance\x0bupdate\x1b"}))  # pasted from Word
    (tmp_path / "broken.docx").write_text("not a Word file")
    good = make_template(tmp_path / "house.docx")
    try:
        app = SecretaryApp(book, open_meeting=DECEMBER)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            await type_into(pilot, screen.query_one("#template", Input), str(tmp_path / "broken.docx"))
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen  # still here, saying why
            said = str(screen.query_one("#export-error", Static).render())
            assert "not exported" in said and "could not be read as a Word document" in said
            assert not list(tmp_path.glob("nicb-minutes-*.docx"))
            await type_into(pilot, screen.query_one("#template", Input), str(good))
            screen.query_one("#members", Select).value = MemberOrder.seat
            await pilot.pause()
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert str(screen.query_one("#export-error", Static).render()).strip() == ""
        [written] = tmp_path.glob("nicb-minutes-2024-12-13-public.docx")
        document = Document(str(written))
        assert document.styles["Normal"].font.name == FONT
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        assert any(c.startswith("Finance\nupdate\n") for c in cells)  # the vertical tab is a line break; the ESC is gone
        kept = export_settings(book, 1)
        assert kept.template == str(good) and kept.member_order is MemberOrder.seat
    finally:
        book.close()
