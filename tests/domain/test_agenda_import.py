"""Importing an agenda from the papers' table or from text copied out of a PDF."""

from __future__ import annotations

from datetime import date, time
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretary.importers.agenda import (
    AgendaFormatError,
    parse_agenda,
    parse_agenda_table,
    parse_agenda_text,
    read_agenda_file,
)
from secretary.models import ItemKind, Part

SAMPLES = files("secretary.data.northbridge")
HEADER = "Item No.\tItem\tPurpose\tExecutive\tTiming\n"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def march():
    return read_agenda_file(SAMPLES / "agenda-2025-03-21.tsv")


def test_march_table_has_16_items_and_six_sub_items_of_item_1(march) -> None:
    numbered = [i for i in march.items if i.kind is ItemKind.item and i.parent is None]
    assert [i.number for i in numbered] == [str(n) for n in range(1, 17)]
    subs = [i for i in march.items if i.parent is not None]
    assert [i.number for i in subs] == ["1a", "1b", "1c", "1d", "1e", "1f"]
    assert {march.items[i.parent].number for i in subs} == {"1"}
    assert subs[0].title == "Apologies" and subs[3].purpose == "Approve"
    assert march.summary() == "16 items, 6 sub-items, 5 sections, 1 break"


def test_march_table_sections_break_and_cells(march) -> None:
    assert march.sections == ["Opening Items", "System Strategy", "System Assurance",
                              "ICB Organisational Decisions, Governance and Assurance", "Closing Items"]
    by_number = {i.number: i for i in march.items}
    assert by_number["6"].section == "System Strategy" and by_number["16"].section == "Closing Items"
    (pause,) = [i for i in march.items if i.kind is ItemKind.break_]
    assert pause.title == "Refreshment Break" and pause.planned_start == time(10, 50)
    assert by_number["2"].purpose == ""  # "-" is no purpose
    assert by_number["4"].verbal and not by_number["5"].verbal
    assert by_number["9"].planned_start == time(11, 5) and by_number["15"].planned_start is None
    assert by_number["10"].purpose == "Note; Note & Agree" and by_number["10"].purposes == ["Note", "Note & Agree"]
    assert by_number["10"].leads == ["Chair, Audit & Risk Assurance Committee", "Chief of Strategy & Assurance"]
    assert all(i.part is Part.public for i in march.items)


def test_march_table_heading_and_closing_block(march) -> None:
    assert march.title == "Meeting of the Board of the ICB in PUBLIC"
    assert (march.date, march.start, march.end) == (date(2025, 3, 21), time(9), time(12, 30))
    assert march.venue == "Council Chamber, Eastmere Civic Centre"
    assert march.exclusion_resolution.startswith("The Board of the Integrated Care Board resolves")
    assert march.exclusion_resolution.endswith("Public Bodies (Admission to Meetings) Act 1960.")
    assert march.next_meeting_date == date(2025, 6, 27)
    assert (march.next_meeting_time, march.next_meeting_venue) == ("9am", "to be confirmed")


def test_every_line_is_reported(march) -> None:
    lines = sample("agenda-2025-03-21.tsv").splitlines()
    assert sorted({row.line for row in march.rows}) == list(range(1, len(lines) + 1))
    became = {row.line: row.became for row in march.rows}
    assert became[8] == "sub-item 1a" and became[18] == "section 'System Strategy'" and became[22] == "break"
    assert became[7] == "item 1" and became[35] == "exclusion resolution" and became[38] == "next meeting"


def test_private_table_items_are_part_ii() -> None:
    private = parse_agenda_table(sample("agenda-2025-03-21-private.tsv"))
    assert [(i.number, i.part) for i in private.items] == [("17", Part.confidential), ("18", Part.confidential)]
    assert private.items[0].planned_start == time(12, 15)


def test_comma_separated_table_with_bom_and_blank_lines() -> None:
    text = ("\ufeffAgenda\n\nItem No.,Item,Purpose,Executive,Timing\n"
            "1,Welcome,,Chair,9.00\n,a) Apologies,Note,,\n\n2,\"Finance, month 10\",Note,CFO,11.55\n"
            "3,Estates,Note,CFO,2.50\n")
    imported = parse_agenda(text)
    assert [i.number for i in imported.items] == ["1", "1a", "2", "3"]
    assert imported.items[2].title == "Finance, month 10"
    assert imported.items[3].planned_start == time(14, 50)  # after 11.55, "2.50" is the afternoon


def test_december_text_gives_items_1_to_10_with_leads_times_and_papers() -> None:
    december = parse_agenda_text(sample("agenda-2024-12-13.txt"))
    by_number = {i.number: i for i in december.items}
    assert [n for n in by_number if n.isdigit()] == [str(n) for n in range(1, 11)]
    leads = {n: by_number[n].lead for n in ("4", "6", "7", "8", "9", "10")}
    assert leads == {"4": "Chair", "6": "C Bell", "7": "Joanna Price/Sarah Okafor", "8": "Femi Adebayo",
                     "9": "Neil Foster", "10": "Chair"}
    times = {n: by_number[n].planned_start for n in ("3", "4", "5", "8", "10")}
    assert times == {"3": time(9, 35), "4": time(9, 40), "5": time(9, 50), "8": time(10, 40), "10": time(11, 50)}
    assert (by_number["3a"].paper_ref, by_number["3b"].paper_ref) == ("Paper 3a", "Paper 3b")
    assert december.items[by_number["3a"].parent].number == "3"
    assert by_number["3a"].title.startswith("To approve the minutes of the Board on 27 September")
    assert by_number["5"].verbal
    assert by_number["1"].description == "To receive any apologies for absence."
    assert december.items[0].title == "Welcome" and december.items[0].planned_start == time(9, 30)
    assert (december.date, december.start, december.end) == (date(2024, 12, 13), time(9, 30), time(12))
    assert december.venue == "Via Microsoft Teams"
    assert not any(row.problem for row in december.rows)


def test_lines_that_belong_nowhere_are_reported() -> None:
    imported = parse_agenda_text("1. Welcome\nChair\n9.00\nsomething odd here\n2. AOB\n")
    (odd,) = [row for row in imported.rows if row.problem]
    assert odd.line == 4 and "could not tell" in odd.problem
    assert imported.summary() == "2 items; 1 row not read"


def test_columns_kept_apart_on_one_line() -> None:
    imported = parse_agenda_text("5. Chair's update - verbal  Chair  2.50pm\n6. Finance  Note  CFO  3.00pm\n")
    five, six = imported.items
    assert (five.lead, five.planned_start, five.verbal) == ("Chair", time(14, 50), True)
    assert (six.purpose, six.lead) == ("Note", "CFO")


def test_a_row_with_only_a_time_is_reported() -> None:
    imported = parse_agenda_table(HEADER + "1\tWelcome\t\tChair\t9.00\n\t\t\t\t9.40\n2\tAOB\t\tChair\t\n")
    (row,) = [r for r in imported.rows if r.problem]
    assert row.line == 3 and "only a time (9.40)" in row.problem
    assert [i.number for i in imported.items] == ["1", "2"]


def test_an_unreadable_timing_keeps_the_item_and_says_so() -> None:
    imported = parse_agenda_table(HEADER + "1\tWelcome\t\tChair\tafter lunch\n")
    assert imported.items[0].planned_start is None
    assert imported.rows[-1].became == "item 1" and "timing was not read" in imported.rows[-1].problem
    assert imported.summary() == "1 item; 1 row to check"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("honorific,name,initials\nDr,Helen Marsh,HM\n", "no header row with the agenda's columns"),
        ("", "empty"),
        ("  \n\n", "empty"),
        ("Item\x00\x01", "binary"),
        (HEADER, "no items"),
    ],
)
def test_what_is_not_an_agenda_table_is_refused(text: str, message: str) -> None:
    with pytest.raises(AgendaFormatError, match=message):
        parse_agenda_table(text)


def test_text_without_numbered_items_is_refused() -> None:
    with pytest.raises(AgendaFormatError, match="no agenda items"):
        parse_agenda_text("Dear all,\nplease find the papers attached.\n")


def test_files_are_decoded_and_checked(tmp_path: Path) -> None:
    windows = tmp_path / "agenda.tsv"
    windows.write_bytes((HEADER + "1\tChair’s report – verbal\tNote\tChair\t9.00\n").encode("cp1252"))
    assert read_agenda_file(windows).items[0].title == "Chair’s report – verbal"
    binary = tmp_path / "agenda.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(AgendaFormatError, match="binary"):
        read_agenda_file(binary)
    roster = tmp_path / "roster.csv"
    roster.write_text("honorific,name,initials\nDr,Helen Marsh,HM\n")
    with pytest.raises(AgendaFormatError, match="Item No. | Item"):
        read_agenda_file(roster)
    with pytest.raises(AgendaFormatError, match="could not open"):
        read_agenda_file(tmp_path / "missing.txt")
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(sample("agenda-2024-12-13.txt"), encoding="utf-8")
    assert len(read_agenda_file(pasted).items) == 13


@settings(max_examples=200)
@given(st.lists(st.sampled_from(list("1234.abc)\t, \nChair9pmPaper3–-•\x00") + [HEADER, "Next meeting\n"]))
       .map("".join))
def test_any_text_is_read_or_refused_cleanly(text: str) -> None:
    for parse in (parse_agenda, parse_agenda_table, parse_agenda_text):
        try:
            imported = parse(text)
        except AgendaFormatError:
            continue
        assert imported.items and all(row.became or row.problem for row in imported.rows)
