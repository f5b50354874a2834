"""The tracker's export key (x) as a clerk uses it: the public tracker unless the clerk says
otherwise; the confidential one marks the Part II actions and says CONFIDENTIAL."""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

from db.actions import raise_action
from db.demo import build_demo
from db.meetings import list_items
from screens.app import SecretaryApp
from secretary.models import Action, ActionOwner, Part

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
SECRET = "Agree the heads of terms for the site disposal"


def words(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return "".join(docx.read(n).decode() for n in docx.namelist() if n.endswith(".xml"))


async def test_x_writes_the_public_tracker_unless_the_clerk_chooses_confidential(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    private = next(i for i in list_items(book, upcoming) if i.part is Part.confidential)
    raise_action(book, Action(body_id=1, meeting_id=upcoming, item_id=private.id, text=SECRET,
                              owners=(ActionOwner(name="CB"),)))
    try:
        app = SecretaryApp(book, open_meeting=upcoming)
        app.now = lambda: START
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.pause()
            await pilot.press("k")
            await pilot.pause()
            for choice, name in (("n", "public.docx"), ("y", "confidential.docx")):
                await pilot.press("x")
                await pilot.pause()
                app.screen.query_one("#text-value").value = str(tmp_path / name)
                await pilot.press("enter")
                await pilot.pause()
                await pilot.press(choice)
                await app.workers.wait_for_complete()
                await pilot.pause()
        public, confidential = words(tmp_path / "public.docx"), words(tmp_path / "confidential.docx")
        assert SECRET not in public and private.title not in public and "CONFIDENTIAL" not in public
        assert SECRET in confidential and "PART II – " in confidential and "CONFIDENTIAL" in confidential
    finally:
        book.close()
