"""The demo's day: the sample files describe a meeting on 21 March 2025; the demo moves them to today.

The upcoming meeting is today, starting a few minutes from now; the previous one fourteen weeks
earlier (the same weekday); every date in the sample files moves by the same number of days, and the
agenda's times move with the start. One moment gives one book, so tests pin it (``DemoDay.on`` or
the ``SECRETARY_DEMO_TODAY`` environment variable) while the app uses the real clock.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

ANCHOR = date(2025, 3, 21)  # the day the sample files were written for
ANCHOR_START = time(9)
SAMPLE_MEETINGS = (date(2024, 9, 27), date(2024, 12, 13), ANCHOR, date(2025, 6, 27))  # "the June Board"
LENGTH = timedelta(hours=3, minutes=30)  # 09.00 – 12.30, as the sample agenda plans it
GAP = timedelta(weeks=14)  # from the previous meeting (13 December 2024) to the upcoming one
LATEST_START = time(23, 45)
LAST_MINUTE = time(23, 59)
TODAY_VARIABLE = "SECRETARY_DEMO_TODAY"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
WORDED = re.compile(rf"\b(?:({'|'.join(WEEKDAYS)}) )?(?:(\d{{1,2}}) )?({'|'.join(MONTHS)})\b(?: (\d{{4}}))?")


@dataclass(frozen=True)
class DemoDay:
    """When the demo's upcoming meeting is: its date and planned times."""

    upcoming: date
    start: time = ANCHOR_START
    end: time = time(12, 30)

    @classmethod
    def on(cls, day: date) -> DemoDay:
        """The meeting on ``day`` at the sample's own times (09.00 – 12.30)."""
        return cls(upcoming=day)

    @classmethod
    def at(cls, now: datetime) -> DemoDay:
        """The meeting today, starting on the quarter hour at least five minutes after ``now``."""
        soon = now.replace(tzinfo=None) + timedelta(minutes=5)
        minutes = -(-(soon.hour * 60 + soon.minute + (soon.second > 0)) // 15) * 15
        start = min(time(*divmod(minutes, 60)) if minutes < 24 * 60 else LATEST_START, LATEST_START)
        ends = datetime.combine(now.date(), start) + LENGTH
        end = ends.time() if ends.date() == now.date() else LAST_MINUTE
        return cls(upcoming=now.date(), start=start, end=end)

    @classmethod
    def current(cls) -> DemoDay:
        """Now, unless ``SECRETARY_DEMO_TODAY`` pins a day (2025-03-21) or a moment (2025-03-21T08:50)."""
        pinned = os.environ.get(TODAY_VARIABLE, "").strip()
        if not pinned:
            return cls.at(datetime.now())
        if "T" in pinned:
            return cls.at(datetime.fromisoformat(pinned))
        return cls.on(date.fromisoformat(pinned))

    @property
    def start_words(self) -> str:
        """The start as an agenda says it: 9am, 11.15am, 1pm."""
        hour = self.start.hour % 12 or 12
        minutes = f".{self.start.minute:02d}" if self.start.minute else ""
        return f"{hour}{minutes}{'am' if self.start.hour < 12 else 'pm'}"

    @property
    def previous(self) -> date:
        return self.upcoming - GAP

    @property
    def days(self) -> int:
        """How far every date of the sample files moves."""
        return (self.upcoming - ANCHOR).days

    def shift(self, day: date) -> date:
        return day + timedelta(days=self.days)

    def shift_time(self, planned: time | None) -> time | None:
        """A time of the sample agenda, moved with the start (and squeezed when the day is nearly over)."""
        if planned is None:
            return None
        scale = _minutes(self.end) - _minutes(self.start)
        offset = (_minutes(planned) - _minutes(ANCHOR_START)) * scale // _minutes_of(LENGTH)
        return time(*divmod(min(_minutes(self.start) + offset, _minutes(LAST_MINUTE)), 60))

    def shift_text(self, text: str) -> str:
        """Every date written in ``text`` (31/10/2024, 29/10/24, 13 December 2024, Friday 27 June 2025,
        27 September, January 2025, "the March meeting"), moved by the same number of days, written the
        same way."""
        return WORDED.sub(self._worded, NUMERIC.sub(self._numeric, text))

    def _numeric(self, found: re.Match) -> str:
        day, month, year = (int(part) for part in found.groups())
        short = len(found.group(3)) == 2
        try:
            moved = self.shift(date(2000 + year if short else year, month, day))
        except ValueError:  # not a date after all
            return found.group(0)
        return f"{moved:%d/%m/%y}" if short else f"{moved:%d/%m/%Y}"

    def _worded(self, found: re.Match) -> str:
        weekday, day, month, year = found.groups()
        number = MONTHS.index(month) + 1
        try:
            if day is None:  # a month alone: the sample's meeting that month, or its middle
                when = _month(number, int(year) if year else None)
            else:  # no year: the last such day before the sample's meeting
                when = date(int(year), number, int(day)) if year else _latest_before(int(day), number, ANCHOR)
        except ValueError:
            return found.group(0)
        moved = self.shift(when)
        words = MONTHS[moved.month - 1] if day is None else f"{moved.day} {MONTHS[moved.month - 1]}"
        words += f" {moved.year}" if year else ""
        return f"{WEEKDAYS[moved.weekday()]} {words}" if weekday else words


def _month(month: int, year: int | None) -> date:
    """The day a month stands for: the sample's meeting in it, else its 15th (the year nearest the sample's)."""
    meeting = [m for m in SAMPLE_MEETINGS if m.month == month and year in (None, m.year)]
    if meeting:
        return meeting[0]
    years = (year,) if year else (ANCHOR.year - 1, ANCHOR.year, ANCHOR.year + 1)
    return min((date(y, month, 15) for y in years), key=lambda d: abs(d - ANCHOR))


def _latest_before(day: int, month: int, anchor: date) -> date:
    guess = date(anchor.year, month, day)
    return guess if guess <= anchor else date(anchor.year - 1, month, day)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _minutes_of(span: timedelta) -> int:
    return int(span.total_seconds()) // 60
