"""The demo is dated from today: its upcoming meeting is today, starting a few minutes from now, the
previous one fourteen weeks before, and the actions and their deadlines move with them — so the
story the demo tells (what is overdue, what is not yet due) is the same on any day."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path


from db.actions import actions_with_status
from db.demo import DemoDay, build_demo
from db.demo.calendar import TODAY_VARIABLE
from db.demo.years import build_big_demo
from db.meetings import list_items, list_meetings
from screens.app import SecretaryApp
from screens.live import LiveScreen
from screens.live_bar import LiveBar
from screens.meeting import MeetingScreen
from secretary.models import MeetingStatus

LATE_AUTUMN = datetime(2026, 12, 1, 10, 47)


def test_the_meeting_starts_on_the_quarter_hour_a_few_minutes_from_now() -> None:
    day = DemoDay.at(LATE_AUTUMN)
    assert (day.upcoming, day.start, day.end) == (date(2026, 12, 1), time(11), time(14, 30))
    assert day.previous == date(2026, 8, 25) and day.previous.weekday() == day.upcoming.weekday()
    assert DemoDay.at(datetime(2026, 12, 1, 10, 55)).start == time(11)
    assert DemoDay.at(datetime(2026, 12, 1, 10, 55, 1)).start == time(11, 15)  # never less than five minutes away


def test_late_in_the_evening_the_meeting_still_fits_in_the_day() -> None:
    for now in (datetime(2026, 12, 1, 21, 3), datetime(2026, 12, 1, 23, 50), datetime(2026, 12, 1, 23, 59, 59)):
        day = DemoDay.at(now)
        assert day.upcoming == now.date() and day.start < day.end <= time(23, 59), now
        times = [day.shift_time(t) for t in (time(9), time(10, 10), time(11, 5), time(12, 10))]
        assert times == sorted(times) and times[0] == day.start and times[-1] <= day.end, now


def test_dates_in_the_sample_files_move_by_the_same_days_and_keep_their_shape() -> None:
    day = DemoDay.on(date(2025, 3, 28))  # a week later
    assert day.shift_text("due 31/10/2024, done 29/10/24") == "due 07/11/2024, done 05/11/24"
    assert day.shift_text("held on 13 December 2024 and 27 September") == "held on 20 December 2024 and 4 October"
    assert day.shift_text("Date: Friday 27 June 2025") == "Date: Friday 4 July 2025"
    assert day.shift_text("Month 10 (31/02/2025)") == "Month 10 (31/02/2025)"  # not a date: as written
    assert DemoDay.on(date(2025, 3, 21)).shift_text("21/03/2025") == "21/03/2025"
    # a month alone names a meeting of the sample: it becomes the month that meeting moved to
    assert DemoDay.at(LATE_AUTUMN).shift_text("to the June Board; deferred to March; the December Board; members may") == \
        "to the March Board; deferred to December; the August Board; members may"


def test_the_demo_opens_on_todays_meeting_and_tells_the_same_story(tmp_path: Path) -> None:
    day = DemoDay.at(LATE_AUTUMN)
    book, upcoming_id, created = build_demo(tmp_path / "today.secretary", day)
    pinned, pinned_id, _ = build_demo(tmp_path / "pinned.secretary", DemoDay.on(date(2025, 3, 21)))
    try:
        upcoming, previous = list_meetings(book)
        assert created and upcoming.id == upcoming_id
        assert (upcoming.date, upcoming.planned_start, upcoming.planned_end) == (date(2026, 12, 1), time(11),
                                                                                 time(14, 30))
        assert upcoming.next_meeting_date == date(2027, 3, 9)  # a new action due "next meeting" is not late
        assert (previous.date, previous.status, previous.next_meeting_date) == (date(2026, 8, 25),
                                                                                MeetingStatus.closed, day.upcoming)
        items = list_items(book, upcoming_id)
        assert items[0].planned_start == time(11)
        assert any(i.title == "Minutes from meeting held on 25 August 2026 and Matters Arising" for i in items)
        actions, statuses = actions_with_status(book, 1, day.upcoming)
        old_actions, old_statuses = actions_with_status(pinned, 1, date(2025, 3, 21))
        assert [statuses[a.id] for a in actions] == [old_statuses[a.id] for a in old_actions]
        assert [(a.due_date - day.upcoming) if a.due_date else None for a in actions] == \
               [(a.due_date - date(2025, 3, 21)) if a.due_date else None for a in old_actions]
        assert max(a.meeting_date for a in actions) == previous.date
    finally:
        book.close()
        pinned.close()


def test_the_same_moment_makes_the_same_book(tmp_path: Path) -> None:
    def rows(path: Path) -> list[tuple]:
        conn = sqlite3.connect(path)
        try:
            return [row for table in ("meeting", "agenda_item", "action", "minute", "movement")
                    for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        finally:
            conn.close()

    for name in ("one", "two"):
        build_demo(tmp_path / f"{name}.secretary", DemoDay.at(LATE_AUTUMN))[0].close()
    assert rows(tmp_path / "one.secretary") == rows(tmp_path / "two.secretary")


def test_a_demo_left_from_an_earlier_day_is_set_aside_and_made_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.secretary"
    build_demo(path, DemoDay.on(date(2026, 11, 30)))[0].close()
    book, upcoming_id, created = build_demo(path, DemoDay.at(LATE_AUTUMN))
    try:
        assert created and max(m.date for m in list_meetings(book)) == date(2026, 12, 1)
    finally:
        book.close()
    assert (tmp_path / "demo-2026-11-30.secretary").exists()
    again, same_id, created = build_demo(path, DemoDay.at(LATE_AUTUMN.replace(hour=15)))  # later the same day
    again.close()
    assert not created and same_id == upcoming_id


def test_ten_years_end_with_todays_board_meeting(tmp_path: Path) -> None:
    day = DemoDay.at(LATE_AUTUMN)
    book, upcoming_id, _ = build_big_demo(tmp_path / "year.secretary", 1, day=day)
    try:
        board = list_meetings(book, 1)
        assert board[0].id == upcoming_id and board[0].date == day.upcoming
        assert board[0].planned_start == day.start
        held = [m for m in list_meetings(book) if m.status in (MeetingStatus.closed, MeetingStatus.approved)]
        assert held and all(m.date < day.upcoming for m in held)
        assert min(m.date for m in list_meetings(book)) >= date(2025, 12, 1)
    finally:
        book.close()


def test_the_demo_command_uses_todays_date(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != TODAY_VARIABLE}
    before = date.today()
    done = subprocess.run([sys.executable, "-m", "secretary.cli", "demo", "--no-open", "--book",
                           str(tmp_path / "demo.secretary")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(tmp_path / "demo.secretary")
    try:
        newest = conn.execute("SELECT max(date) FROM meeting").fetchone()[0]
    finally:
        conn.close()
    assert newest in {before.isoformat(), date.today().isoformat()}


async def test_the_clerk_starting_the_demo_meeting_now_is_not_running_late(tmp_path: Path) -> None:
    now = LATE_AUTUMN.astimezone()  # the app's clock, as the machine's
    book, upcoming_id, _ = build_demo(tmp_path / "demo.secretary", DemoDay.at(now))
    app = SecretaryApp(book, open_meeting=upcoming_id)
    app.now = lambda: now
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press("s")
            await pilot.pause()
            await pilot.press("enter")  # "Start the meeting now?" — yes
            await pilot.pause()
            assert isinstance(app.screen, LiveScreen)
            app.screen.tick_clock()
            clock = app.screen.query_one(LiveBar).part("clock")
            assert "LIVE" in clock and "late" not in clock and ("on time" in clock or "ahead" in clock), clock
    finally:
        book.close()
