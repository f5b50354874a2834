"""Reading the dates clerks write: action due dates and register of interests dates.

The one date reader used everywhere. Day first, always: 01/02/2025 is 1 February.
A two-digit year is read as 1969–2068 (the POSIX rule), so Nov-88 is 1988 and
31/03/26 is 2026.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from secretary.formats import short_date

DUE_FORMS = (
    "31/10/2024, 31/10/24, 31.10.2024, 31 Oct, 31st October 2024, "
    "Oct-24, October 2024, end of March, next meeting, TBC"
)

_PLAUSIBLE_YEARS = range(1900, 2100)  # outside this a year is a typo, not a date
_FLAGS = re.IGNORECASE | re.ASCII  # ASCII: only 0-9 are digits, as on a clerk's keyboard

_DAY_NUMERIC = re.compile(r"(\d{1,2})\s?[/.\-]\s?(\d{1,2})(?:\s?[/.\-]\s?(\d{4}|\d{2}))?", _FLAGS)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", _FLAGS)
_DAY_NAMED = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ \-/]?([a-z]+)\.?,?(?:[ \-/]?(\d{4}|\d{2}))?", _FLAGS
)
_MONTH_YEAR = re.compile(r"([a-z]+)\.?,?[ \-/']{0,2}(\d{4}|\d{2})", _FLAGS)
_MONTH_NUMBER_YEAR = re.compile(r"(\d{1,2})\s?[/.\-]\s?(\d{4})", _FLAGS)
_END_OF = re.compile(r"end(?: of)? ([a-z]+)\.?(?:[ \-/']{0,2}(\d{4}|\d{2}))?", _FLAGS)
_YEAR = re.compile(r"(?P<year>\d{4})", _FLAGS)
_CIRCA = re.compile(r"(?:circa|c|ca|approx|approximately|about|around)\.? ?(?P<year>\d{4})", _FLAGS)
_DATE_WITHIN = re.compile(
    r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?!\d|[/.\-]\d)", _FLAGS
)

_TBC = {"tbc", "t.b.c.", "t.b.c", "to be confirmed"}
_NEXT_MEETING = {"next meeting", "the next meeting", "at next meeting", "at the next meeting",
                 "next board", "next board meeting", "at the next board meeting"}
_ONGOING = {"ongoing", "on-going", "on going", "current", "present"}


class DateRefused(ValueError):
    """The text is not a date this book can read; the message lists the forms it can."""


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Due(_Value):
    """When an action is due: a date, the next meeting, or to be confirmed."""

    text: str
    kind: Literal["date", "next_meeting", "tbc"]
    date: dt.date | None = None

    def display(self) -> str:
        if self.kind == "tbc":
            return "TBC"
        if self.kind == "next_meeting":
            return f"next meeting ({short_date(self.date)})" if self.date else "next meeting"
        return short_date(self.date) if self.date else self.text

    def understood(self) -> str:
        """What a form shows it read, before saving: "Fri 31 Oct 2025", "next meeting (Fri 27 Jun 2025)"."""
        if self.kind == "tbc":
            return "to be confirmed"
        if self.kind == "next_meeting":
            return f"next meeting ({day_words(self.date)})" if self.date else "next meeting (date not yet set)"
        return day_words(self.date)


def day_words(day: dt.date) -> str:
    """"Fri 31 Oct 2025": weekday, day, month and year, so a misread date is seen before it is saved."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


# English whatever the machine's locale: the minutes are written in English
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class RegisterDate(_Value):
    """A date cell of the register of interests, kept exactly as written."""

    text: str = ""
    date: dt.date | None = None  # only where the day is certain
    approx_year: int | None = None  # only where the day is not: "2009", "Mar-23", "Circa 2012"
    ongoing: bool = False
    warning: str = ""


class _Shape(NamedTuple):
    """What a date-like text says, before deciding what it means."""

    kind: Literal["day", "month", "end"]  # a day; a whole month; "end of" a month
    day: int | None
    month: int
    year: int | None


class _Unreadable(Exception):
    """Internal: the text has no date shape, or names no month."""


# --- shared reading -----------------------------------------------------------


def _year(digits: str | None) -> int | None:
    if digits is None:
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 69 else 2000
    if year not in _PLAUSIBLE_YEARS:
        raise _Unreadable(f"{digits} is not a plausible year")
    return year


@cache
def _month_names():
    """dateutil's English month names (Jan, Sept, September…), read when first needed: the app's
    first screen reads no dates, so start-up does not import dateutil."""
    from dateutil.parser import parserinfo

    return parserinfo()


def _month(name: str) -> int:
    number = _month_names().month(name)
    if number is None:
        raise _Unreadable(f"{name!r} is not a month")
    return number


def _shape(typed: str) -> _Shape:
    """Recognise the forms clerks write; raise _Unreadable for anything else."""
    if m := _ISO.fullmatch(typed):
        return _Shape("day", int(m[3]), int(m[2]), _year(m[1]))
    if m := _MONTH_NUMBER_YEAR.fullmatch(typed):
        return _Shape("month", None, int(m[1]), _year(m[2]))
    if m := _DAY_NUMERIC.fullmatch(typed):
        return _Shape("day", int(m[1]), int(m[2]), _year(m[3]))
    if m := _END_OF.fullmatch(typed):
        return _Shape("end", None, _month(m[1]), _year(m[2]))
    if m := _DAY_NAMED.fullmatch(typed):
        return _Shape("day", int(m[1]), _month(m[2]), _year(m[3]))
    if m := _MONTH_YEAR.fullmatch(typed):
        return _Shape("month", None, _month(m[1]), _year(m[2]))
    raise _Unreadable("no date form matches")


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Unreadable(f"there is no day {day:02d}/{month:02d}/{year}") from None


def _month_end(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise _Unreadable(f"there is no month {month}")
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _next_day_month(day: int, month: int, today: dt.date) -> dt.date:
    """The next such day on or after today (a 29 February may be a few years off)."""
    for year in range(today.year, today.year + 9):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    raise _Unreadable(f"there is no day {day:02d}/{month:02d}")


def _tidy(text: str) -> str:
    return " ".join(text.split())


def read_date(text: str) -> dt.date:
    """A full day-first date (31/10/2024, 31 Oct 2024, 2024-10-31); nothing vaguer."""
    typed = _tidy(text)
    try:
        shape = _shape(typed)
        if shape.kind != "day" or shape.day is None or shape.year is None:
            raise _Unreadable("day, month and year are all needed")
        return _day(shape.year, shape.month, shape.day)
    except _Unreadable as why:
        raise DateRefused(f"could not read {typed!r} as a date ({why}); write it like 31/10/2024") from None


def dates_within(text: str) -> list[tuple[str, dt.date | None]]:
    """Each day/month/year written inside longer text, with its date (None if no such day)."""
    found = []
    for m in _DATE_WITHIN.finditer(text):
        try:
            found.append((m[0], _day(_year(m[3]), int(m[2]), int(m[1]))))
        except _Unreadable:
            found.append((m[0], None))
    return found


# --- due dates ----------------------------------------------------------------


def means_next_meeting(text: str) -> bool:
    """The due date as written is "next meeting" (in any of the ways trackers write it)."""
    return _tidy(text).casefold() in _NEXT_MEETING


def read_due(text: str, *, today: dt.date, next_meeting: dt.date | None = None) -> Due:
    """What an action's due date means; raise DateRefused for anything else.

    ``today`` is the day the date is read against — in a meeting's forms, the meeting's date, so
    "31 Oct" is the first 31 October on or after the meeting, whenever the clerk types it."""
    typed = _tidy(text)
    said = typed.casefold()
    if said in _TBC:
        return Due(text=text.strip(), kind="tbc")
    if said in _NEXT_MEETING:
        return Due(text=text.strip(), kind="next_meeting", date=next_meeting)
    try:
        return Due(text=text.strip(), kind="date", date=_due_date(_shape(typed), today))
    except _Unreadable as why:
        if not typed:
            raise DateRefused(f"a due date is needed; write one of: {DUE_FORMS}") from None
        raise DateRefused(f"could not read {typed!r} as a due date ({why}); write one of: {DUE_FORMS}") from None


def _due_date(shape: _Shape, today: dt.date) -> dt.date:
    if shape.kind == "day" and shape.year is None:
        return _next_day_month(shape.day, shape.month, today)
    if shape.kind == "day":
        return _day(shape.year, shape.month, shape.day)
    if shape.year is not None:
        return _month_end(shape.year, shape.month)
    # "end of March" with no year: the March still to come, or this one if we are in it
    year = today.year if shape.month >= today.month else today.year + 1
    return _month_end(year, shape.month)


# --- register of interests ------------------------------------------------------


def read_register_date(text: str) -> RegisterDate:
    """Read a register date cell; never raises, and keeps the text exactly as written."""
    typed = _tidy(text)
    said = typed.casefold()
    if not typed:
        return RegisterDate(text=text)
    if said in _ONGOING:
        return RegisterDate(text=text, ongoing=True)
    try:
        return _register_reading(text, typed)
    except _Unreadable:
        pass
    return _reading_within(text, typed)


def _register_reading(text: str, typed: str) -> RegisterDate:
    if m := (_YEAR.fullmatch(typed) or _CIRCA.fullmatch(typed)):
        return RegisterDate(text=text, approx_year=_year(m["year"]))
    shape = _shape(typed)
    if shape.kind == "day" and shape.year is not None:
        return RegisterDate(text=text, date=_day(shape.year, shape.month, shape.day))
    if shape.kind == "end" and shape.year is not None:
        return RegisterDate(text=text, date=_month_end(shape.year, shape.month))
    if shape.kind == "month" and shape.year is not None:
        _month_end(shape.year, shape.month)  # refuses month 13
        # a month and year leave the day unknown; the register stores only certain dates
        return RegisterDate(text=text, approx_year=shape.year)
    raise _Unreadable("no year")


def _reading_within(text: str, typed: str) -> RegisterDate:
    """A date written inside other words, like 'Secondment in to 31/03/26'."""
    ongoing = any(word in ("ongoing", "on-going") for word in re.findall(r"[a-z\-]+", typed.casefold()))
    found = dates_within(typed)
    if len(found) == 1 and found[0][1] is not None:
        return RegisterDate(text=text, date=found[0][1], ongoing=ongoing)
    if len(found) > 1:
        warning = f"{typed!r} holds more than one date; none was taken"
    elif found and found[0][0] != typed:
        warning = f"could not read {found[0][0]!r} in {typed!r} as a date"
    elif ongoing:
        return RegisterDate(text=text, ongoing=True)
    else:
        warning = f"could not read {typed!r} as a date"
    return RegisterDate(text=text, ongoing=ongoing, warning=warning)
