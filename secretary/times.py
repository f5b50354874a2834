"""Reading and printing the times clerks write: 9.00, 9:30, 2.32pm, 9am, 14.00hrs, 12pm.

Agendas leave out am/pm where the reader can tell ("9.00 … 2.50"), so a reader
that knows the time before can tell too.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Literal

from secretary.formats import minutes_time

TIME_FORMS = "9.30, 09.30, 9:30, 9.30am, 2.32pm, 9am, 12pm (noon), 14.00hrs"

_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:(?P<sep>[.:])?(?P<minute>\d{2}))?"
    r"\s*(?:(?P<meridiem>[ap])\.?\s?m\.?|(?P<hrs>hrs?|hours)\.?)?",
    re.IGNORECASE | re.ASCII,  # ASCII: only 0-9 are digits, as on a clerk's keyboard
)
_MERIDIEM = re.compile(r"[ap]\.?\s?m\.?$", re.IGNORECASE)
_NOON = {"noon", "midday", "12 noon", "12noon", "12.00 noon", "12 midday", "12.00 midday"}
_AFTERNOON_HOURS = range(1, 8)  # "2.50" after "11.55" on an agenda is 14.50; nobody meets at 2am
_RANGE = re.compile(r"(?P<start>.+?)\s*(?:-|–|—|\bto\b|\buntil\b)\s*(?P<end>.+)", re.IGNORECASE)


def _refuse(text: str, why: str = "") -> ValueError:
    because = f" ({why})" if why else ""
    return ValueError(f"could not read {text.strip()!r} as a time{because}; write it like {TIME_FORMS}")


def read_time(text: str | None, after: time | None = None) -> time | None:
    """The time a clerk typed, or None when nothing was typed; ValueError for anything else.

    ``after`` is the time before this one on the agenda: a bare 1.00–7.59 earlier than it is afternoon.
    """
    said = " ".join((text or "").split()).casefold()
    if not said:
        return None
    if said in _NOON:
        return time(12)
    match = _TIME.fullmatch(said)
    if match is None:
        raise _refuse(text)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if minute > 59:
        raise _refuse(text, "minutes go up to 59")
    if match["minute"] and not match["sep"] and not (match["meridiem"] or match["hrs"]):
        raise _refuse(text, "put a dot between the hours and minutes")  # "1430" could be a year
    if match["meridiem"]:
        if not 1 <= hour <= 12:
            raise _refuse(text, "with am or pm the hour is 1 to 12")
        return time(hour % 12 + (12 if match["meridiem"] == "p" else 0), minute)
    if hour > 23:
        raise _refuse(text, "hours go up to 23")
    if match["minute"] is None and not match["hrs"]:
        raise _refuse(text, f"'{hour}' alone could be morning or evening; add minutes or am/pm")
    written_bare = not match["hrs"] and not match["hour"].startswith("0")
    if after and written_bare and hour in _AFTERNOON_HOURS and time(hour, minute) < after:
        hour += 12
    return time(hour, minute)


def read_time_range(text: str) -> tuple[time | None, time | None]:
    """'09.00 – 12.30', '9.30am-12pm', '2.30-5pm': the start takes the end's am/pm when it has none."""
    said = " ".join(text.split())
    match = _RANGE.fullmatch(said)
    if match is None:
        return read_time(said), None
    start_text, end_text = match["start"], match["end"]
    end = read_time(end_text)
    end_meridiem = _MERIDIEM.search(end_text)
    if end and end_meridiem and not _MERIDIEM.search(start_text):
        start = read_time(start_text + end_meridiem[0])
        if start and start > end and start.hour >= 12:
            start = start.replace(hour=start.hour - 12)  # "11-1pm" is 11am to 1pm
        return start, end
    return read_time(start_text), end


def format_time(moment: time | None, style: Literal["dot", "24h"] = "dot") -> str:
    """'9.30am' as agendas print times (style "dot"), or '09.30' as minutes do (style "24h")."""
    if moment is None:
        return ""
    if style == "24h":
        return minutes_time(moment)
    if style != "dot":
        raise ValueError(f"unknown time style {style!r}; use 'dot' (9.30am) or '24h' (09.30)")
    hour = moment.hour % 12 or 12
    return f"{hour}.{moment.minute:02d}{'pm' if moment.hour >= 12 else 'am'}"
