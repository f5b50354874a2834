"""The one date reader: due dates for actions and register of interests dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.dates import DateRefused, Due, dates_within, read_date, read_due, read_register_date

TODAY = date(2025, 4, 15)


# --- due dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31/10/2024", date(2024, 10, 31)),
        ("31/10/24", date(2024, 10, 31)),
        ("31.10.2024", date(2024, 10, 31)),
        ("31-10-2024", date(2024, 10, 31)),
        ("01/02/2025", date(2025, 2, 1)),  # day first: 1 February, never 2 January
        ("12/11/2025", date(2025, 11, 12)),
        ("31st October 2024", date(2024, 10, 31)),
        ("1st May 2025", date(2025, 5, 1)),
        ("2nd Sept 2025", date(2025, 9, 2)),
        ("Oct-24", date(2024, 10, 31)),
        ("Oct 2024", date(2024, 10, 31)),
        ("October 2024", date(2024, 10, 31)),
        ("Feb-24", date(2024, 2, 29)),
        ("Feb 2025", date(2025, 2, 28)),
        ("  31/10/2024  ", date(2024, 10, 31)),
    ],
)
def test_due_dates_with_a_year(typed: str, expected: date) -> None:
    due = read_due(typed, today=TODAY)
    assert (due.kind, due.date, due.text) == ("date", expected, typed.strip())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31 Oct", date(2025, 10, 31)),
        ("31 October", date(2025, 10, 31)),
        ("15 April", date(2025, 4, 15)),  # today itself is on or after today
        ("14 April", date(2026, 4, 14)),  # yesterday's day means next year
        ("1 Jan", date(2026, 1, 1)),
        ("31/10", date(2025, 10, 31)),
        ("29 Feb", date(2028, 2, 29)),  # the next 29 February
    ],
)
def test_day_and_month_without_a_year_is_the_next_such_day(typed: str, expected: date) -> None:
    assert read_due(typed, today=TODAY).date == expected


@pytest.mark.parametrize(
    ("typed", "today", "expected"),
    [
        ("end of March", date(2025, 4, 15), date(2026, 3, 31)),
        ("end March", date(2025, 4, 15), date(2026, 3, 31)),
        ("end of March", date(2025, 1, 10), date(2025, 3, 31)),
        ("end of March", date(2025, 3, 31), date(2025, 3, 31)),
        ("End of June", date(2025, 4, 15), date(2025, 6, 30)),
        ("end of March 2027", date(2025, 4, 15), date(2027, 3, 31)),
    ],
)
def test_end_of_a_month(typed: str, today: date, expected: date) -> None:
    assert read_due(typed, today=today).date == expected


@pytest.mark.parametrize("typed", ["next meeting", "Next Meeting", "NEXT  MEETING"])
def test_next_meeting_takes_its_date_when_known(typed: str) -> None:
    known = read_due(typed, today=TODAY, next_meeting=date(2025, 6, 27))
    unknown = read_due(typed, today=TODAY)
    assert (known.kind, known.date) == ("next_meeting", date(2025, 6, 27))
    assert (unknown.kind, unknown.date) == ("next_meeting", None)


@pytest.mark.parametrize("typed", ["TBC", "tbc", "to be confirmed", "To Be Confirmed"])
def test_to_be_confirmed(typed: str) -> None:
    due = read_due(typed, today=TODAY)
    assert (due.kind, due.date, due.text) == ("tbc", None, typed)


@pytest.mark.parametrize(
    ("due", "shown"),
    [
        (Due(text="31 Oct 2024", kind="date", date=date(2024, 10, 31)), "31/10/2024"),
        (Due(text="next meeting", kind="next_meeting", date=date(2025, 6, 27)), "next meeting (27/06/2025)"),
        (Due(text="next meeting", kind="next_meeting"), "next meeting"),
        (Due(text="tbc", kind="tbc"), "TBC"),
    ],
)
def test_due_display(due: Due, shown: str) -> None:
    assert due.display() == shown


@pytest.mark.parametrize(
    "typed",
    ["", "soon", "10/31/2024", "31/02/2025", "32/01/2025", "Octember 2024", "2024", "March",
     "31/10/1066", "next week", "31st", "1/2/3/4"],
)
def test_other_text_is_refused_with_the_accepted_forms(typed: str) -> None:
    with pytest.raises(DateRefused) as refused:
        read_due(typed, today=TODAY)
    assert "31/10/2024" in str(refused.value) and "TBC" in str(refused.value)


def test_a_refusal_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        read_due("whenever", today=TODAY)


@given(st.text(max_size=40), st.dates())
def test_read_due_refuses_only_with_date_refused(typed: str, today: date) -> None:
    try:
        due = read_due(typed, today=today)
    except DateRefused as refused:
        assert str(refused)
    else:
        assert due.kind in ("date", "next_meeting", "tbc")
        assert due.kind != "date" or due.date is not None


@given(st.from_regex(r"[0-9 /.\-a-zA-Z]{1,20}", fullmatch=True), st.dates())
def test_read_due_on_date_like_text(typed: str, today: date) -> None:
    try:
        read_due(typed, today=today)
    except DateRefused:
        pass


@given(st.dates(min_value=date(1969, 1, 1), max_value=date(2068, 12, 31)))
def test_every_written_day_reads_back_day_first(day: date) -> None:
    assert read_due(f"{day:%d/%m/%Y}", today=TODAY).date == day
    assert read_due(f"{day:%d/%m/%y}", today=TODAY).date == day
    assert read_due(f"{day.day} {day:%B %Y}", today=TODAY).date == day


# --- full dates and dates inside text ---------------------------------------------


def test_read_date_needs_day_month_and_year() -> None:
    assert read_date("13/12/2024") == date(2024, 12, 13)
    assert read_date("2024-12-13") == date(2024, 12, 13)
    for vague in ("Dec-24", "13 Dec", "next meeting", "31/02/2024"):
        with pytest.raises(DateRefused):
            read_date(vague)


def test_dates_within_text() -> None:
    assert dates_within("CLOSED (13/12/2024)") == [("13/12/2024", date(2024, 12, 13))]
    assert dates_within("Circulated 29/10/24.") == [("29/10/24", date(2024, 10, 29))]
    assert dates_within("due 31/02/2024") == [("31/02/2024", None)]
    assert dates_within("version 1.2.3 of 10") == []  # a one-digit year is no date


# --- register of interests dates ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("11/04/2022", date(2022, 4, 11)),
        ("01/02/2004", date(2004, 2, 1)),
        ("12/09/2024", date(2024, 9, 12)),
        ("Secondment in to 31/03/26", date(2026, 3, 31)),
    ],
)
def test_register_certain_dates_are_day_first(text: str, day: date) -> None:
    read = read_register_date(text)
    assert (read.text, read.date, read.approx_year, read.warning) == (text, day, None, "")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2009", 2009),
        ("Mar-23", 2023),
        ("June 2023", 2023),
        ("Aug 23", 2023),
        ("Sep-22", 2022),
        ("Nov-88", 1988),
        ("Dec-11", 2011),
        ("Circa 2012", 2012),
        ("Circa 2014", 2014),
        ("c. 2001", 2001),
    ],
)
def test_register_years_and_months_are_approximate(text: str, year: int) -> None:
    read = read_register_date(text)
    assert (read.text, read.date, read.approx_year, read.warning) == (text, None, year, "")


@pytest.mark.parametrize("text", ["Ongoing", "ongoing", " Ongoing "])
def test_register_ongoing(text: str) -> None:
    read = read_register_date(text)
    assert read.ongoing and read.text == text and read.date is None and not read.warning


@pytest.mark.parametrize("text", ["", "   "])
def test_register_blank(text: str) -> None:
    read = read_register_date(text)
    assert (read.date, read.approx_year, read.ongoing, read.warning) == (None, None, False, "")


@pytest.mark.parametrize("text", ["November 20921", "Feburary 20023", "31/02/2020", "when I joined", "13/13/2013"])
def test_register_nonsense_is_kept_with_a_warning(text: str) -> None:
    read = read_register_date(text)
    assert read.text == text and read.date is None and read.approx_year is None
    assert read.warning == f"could not read {text!r} as a date"


def test_register_two_dates_in_text_are_not_guessed() -> None:
    read = read_register_date("01/02/2020 to 03/04/2021")
    assert read.date is None and "more than one date" in read.warning


@given(st.text(max_size=60))
def test_read_register_date_never_raises(text: str) -> None:
    read = read_register_date(text)
    assert read.text == text
    assert not (read.date and read.approx_year)


@given(st.from_regex(r"[0-9 /.\-a-zA-Z]{1,20}", fullmatch=True))
def test_read_register_date_never_raises_on_date_like_text(text: str) -> None:
    read = read_register_date(text)
    assert read.text == text


def test_a_date_is_shown_with_its_weekday() -> None:
    from secretary.dates import day_words

    assert day_words(date(2025, 10, 31)) == "Fri 31 Oct 2025"
    assert read_due("31 Oct", today=date(2025, 3, 21)).understood() == "Fri 31 Oct 2025"
    assert read_due("next meeting", today=date(2025, 3, 21)).understood() == "next meeting (date not yet set)"
    assert read_due("TBC", today=date(2025, 3, 21)).understood() == "to be confirmed"


@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.dates(date(2000, 1, 1), date(2090, 12, 31)))
def test_a_day_without_a_year_is_the_first_on_or_after_the_meeting(day: date, meeting: date) -> None:
    from secretary.dates import day_words

    if (day.month, day.day) == (2, 29):
        return
    due = read_due(f"{day.day} {day:%B}", today=meeting)
    assert due.date >= meeting and (due.date.month, due.date.day) == (day.month, day.day)
    assert due.date.year in (meeting.year, meeting.year + 1)
    assert read_date(due.understood().split(" ", 1)[1]) == due.date  # what is shown reads back as the day
    assert due.understood() == day_words(due.date)
