"""Reading the times clerks write, and printing them back."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.times import TIME_FORMS, format_time, read_time, read_time_range


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("9.00", time(9)),
        ("09.00", time(9)),
        ("9:30", time(9, 30)),
        ("2.32pm", time(14, 32)),
        ("9.30am", time(9, 30)),
        ("9am", time(9)),
        ("14.00hrs", time(14)),
        ("14.00 hrs", time(14)),
        ("12pm", time(12)),
        ("12am", time(0)),
        ("12.15", time(12, 15)),
        ("9.30 a.m.", time(9, 30)),
        ("noon", time(12)),
        ("  2.50PM ", time(14, 50)),
    ],
)
def test_reads_clerk_times(typed: str, meant: time) -> None:
    assert read_time(typed) == meant


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_blank_is_no_time(blank) -> None:
    assert read_time(blank) is None


@pytest.mark.parametrize("junk", ["soon", "25.00", "9.60", "13pm", "9", "1430", "9.3o"])
def test_junk_is_refused_with_the_forms_to_use(junk: str) -> None:
    with pytest.raises(ValueError, match="write it like") as refused:
        read_time(junk)
    assert TIME_FORMS in str(refused.value) and repr(junk) in str(refused.value)


def test_a_bare_early_hour_after_a_later_time_is_afternoon() -> None:
    assert read_time("2.50", after=time(11, 55)) == time(14, 50)
    assert read_time("2.50") == time(2, 50)  # nothing before it: read as written
    assert read_time("9.00", after=time(11)) == time(9)  # 9 is never taken for 21.00
    assert read_time("02.50", after=time(11, 55)) == time(2, 50)  # a leading zero is the 24-hour clock
    assert read_time("2.50am", after=time(11, 55)) == time(2, 50)


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("09.00 – 12.30", time(9), time(12, 30)),
        ("9.30am-12pm", time(9, 30), time(12)),
        ("2.30-5pm", time(14, 30), time(17)),
        ("11-1pm", time(11), time(13)),
        ("9.30", time(9, 30), None),
    ],
)
def test_reads_a_meeting_s_times(typed: str, start: time, end: time | None) -> None:
    assert read_time_range(typed) == (start, end)


def test_formats_as_agendas_and_minutes_print() -> None:
    assert format_time(time(9, 30)) == "9.30am"
    assert format_time(time(14, 50)) == "2.50pm"
    assert format_time(time(12)) == "12.00pm"
    assert format_time(time(9), "24h") == "09.00"
    assert format_time(None) == ""
    with pytest.raises(ValueError, match="unknown time style"):
        format_time(time(9), "roman")  # type: ignore[arg-type]


@given(st.text())
def test_any_text_is_read_or_refused_with_a_value_error(text: str) -> None:
    try:
        result = read_time(text)
    except ValueError as refused:
        assert "time" in str(refused)
    else:
        assert result is None or isinstance(result, time)


@given(st.text(alphabet="0123456789.: apmhrs", max_size=12), st.none() | st.times())
def test_time_like_text_is_read_or_refused_with_a_value_error(text: str, after: time | None) -> None:
    try:
        result = read_time(text, after=after)
    except ValueError:
        return
    assert result is None or isinstance(result, time)


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)), st.sampled_from(["dot", "24h"]))
def test_printed_times_read_back(moment: time, style: str) -> None:
    assert read_time(format_time(moment, style)) == moment
