"""How dates and times are shown to the clerk: the British way."""

from __future__ import annotations

from datetime import date, datetime, time


def long_date(day: date) -> str:
    """Friday 21 March 2025"""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """21/03/2025"""
    return f"{day:%d/%m/%Y}"


def minutes_time(moment: time | datetime | None) -> str:
    """09.00, as minutes print times."""
    return "" if moment is None else f"{moment:%H.%M}"


def time_range(start: time | datetime | None, end: time | datetime | None) -> str:
    """09.00 – 12.15"""
    if start and end:
        return f"{minutes_time(start)} – {minutes_time(end)}"
    return minutes_time(start or end)
