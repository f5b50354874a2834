"""A clerk typing notes into the live meeting, run in a subprocess so that a test can
kill it. Usage: python typist.py BOOK MEETING_ID TEXT

Prints "ready" once the live screen is up, then "ack N" after the app has handled the
N-th keystroke (the editor saves on every change, so an ack means "saved")."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db import Book  # noqa: E402
from screens.app import SecretaryApp  # noqa: E402
from screens.live import LiveScreen  # noqa: E402


async def main(path: str, meeting_id: int, text: str) -> None:
    book = Book.open(path)
    app = SecretaryApp(book, open_meeting=meeting_id)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen), app.screen
        print("ready", flush=True)
        for n, ch in enumerate(text, start=1):
            await pilot.press("space" if ch == " " else ch)
            await pilot.pause()
            if app.screen.unsaved:
                continue  # not acknowledged: the book did not take it
            print(f"ack {n}", flush=True)
        print("done", flush=True)
        await asyncio.sleep(60)  # keep the book open until the test kills us


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
