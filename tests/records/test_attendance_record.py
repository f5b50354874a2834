"""The attendance record of annual reports, derived from the book, checked meeting by meeting
against the attendance tables of each meeting's own minutes (demo book and a generated year)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from db import Book
from db.attendance_record import load_period
from db.demo.years import build_big_demo
from db.bodies import list_bodies
from db.demo import build_demo
from db.record import read_record
from db.people import roster
from secretary.attendance_record import Outcome, attendance_record, attendance_table, financial_year, year_of
from secretary.minutes_doc import build_minutes


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    book, _, _ = build_demo(tmp_path_factory.mktemp("demo") / "demo.secretary")
    yield book
    book.close()


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    book, _, _ = build_big_demo(tmp_path_factory.mktemp("busy") / "two-years.secretary", 2)
    yield book
    book.close()


def check_against_minutes(book, body, year: str) -> int:
    """Every figure of the record, against the minutes of each meeting; returns the meetings checked."""
    start, end = financial_year(year)
    record = attendance_record(body.name, start, end, load_period(book, body.id, start, end))
    minutes = {m.id: build_minutes(read_record(book, m.id), confidential=True) for m in record.meetings}
    seats = roster(book, body.id)
    for person in record.people:
        mine = [s for s in seats if s.person.id == person.person.id]
        in_post = [m for m in record.meetings if any(s.membership.in_post_on(m.date) for s in mine)]
        assert [m.meeting_id for m in person.meetings] == [m.id for m in in_post], person.person.name
        for seen in person.meetings:
            doc = minutes[seen.meeting_id]
            listed = [row.name for table in doc.attendance if table.heading != "In attendance" for row in table.rows]
            name = person.person.full_name
            present = any(row == name or row.startswith(name + " (") for row in listed)
            assert present == (seen.outcome in (Outcome.in_person, Outcome.remote)), (name, seen)
            if seen.outcome is Outcome.apologies:
                assert any(a.name.startswith(name) for a in doc.apologies), (name, seen)
            if seen.outcome is Outcome.deputy:
                assert any(f"deputy for {name}" in row for row in listed), (name, seen)
            if seen.part:
                assert any(row.startswith(name) and seen.part.split(", ")[0] in row for row in listed)
        assert person.summary == f"{person.attended} of {len(in_post)}"
    return len(record.meetings)


def test_demo_board_2024_25_matches_its_minutes(demo) -> None:
    body = list_bodies(demo)[0]
    assert check_against_minutes(demo, body, "2024/25") == 1  # December held; March still to come
    start, end = financial_year("2024/25")
    record = attendance_record(body.name, start, end, load_period(demo, body.id, start, end))
    rows = {row[0]: row for row in attendance_table(record).rows}
    assert rows["Dev Mistry"][2] == "0 of 1" and rows["Dev Mistry"][7] == "1"  # apologies in December
    assert rows["Owen Carrick"][2] == "1 of 1" and "from during item 6" in rows["Owen Carrick"][9]
    assert rows["Martin Kell"][5] == "1" and "until end of item 9" in rows["Martin Kell"][9]


def test_a_generated_year_matches_the_minutes_of_every_body(busy) -> None:
    checked = sum(check_against_minutes(busy, body, "2024/25") for body in list_bodies(busy))
    assert checked >= 40  # the Board and four committees, about 50 meetings a year


def test_a_member_counts_only_while_in_post(demo) -> None:
    from secretary.attendance_record import PeriodRecords
    from secretary.models import Attendance, AttendanceStatus, Meeting, MeetingStatus

    body = list_bodies(demo)[0]
    seats = roster(demo, body.id)
    first = seats[0]
    joined = date(2024, 10, 1)
    late = first.model_copy(update={"membership": first.membership.model_copy(update={"start_date": joined})})
    held = [Meeting(id=n, body_id=body.id, title="Board", date=day, status=MeetingStatus.closed)
            for n, day in enumerate((date(2024, 6, 1), date(2024, 11, 1), date(2025, 2, 1)), start=1)]
    attendance = {m.id: [Attendance(meeting_id=m.id, person_id=first.person.id, status=AttendanceStatus.present)]
                  for m in held}
    record = attendance_record("Board", *year_of(date(2024, 12, 1)),
                               PeriodRecords(seats=[late], meetings=held, attendance=attendance))
    assert record.people[0].summary == "2 of 2"


@pytest.mark.parametrize("text, start", [("2024/25", date(2024, 4, 1)), ("2024-2025", date(2024, 4, 1)),
                                         ("2019", date(2019, 4, 1))])
def test_financial_years(text: str, start: date) -> None:
    assert financial_year(text) == (start, date(start.year + 1, 3, 31))


def test_a_financial_year_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match="2024/25"):
        financial_year("2024/26")


@pytest.mark.skipif(not os.environ.get("SECRETARY_TEN_YEAR_BOOK"),
                    reason="set SECRETARY_TEN_YEAR_BOOK to a copy of the ten-year book (secretary demo --years 10)")
@pytest.mark.parametrize("year", ["2016/17", "2020/21", "2023/24"])
def test_the_ten_year_book_matches_the_minutes(year: str) -> None:
    book = Book.open(Path(os.environ["SECRETARY_TEN_YEAR_BOOK"]))
    try:
        assert sum(check_against_minutes(book, body, year) for body in list_bodies(book)) >= 40
    finally:
        book.close()
