"""The closing block of an agenda as real agendas print it: the resolution to exclude the press and
public with a blank line after its heading, then the next meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secretary.importers.agenda import parse_agenda_table, parse_agenda_text, read_agenda_file
from secretary.importers.report import agenda_details

FIXTURES = Path(__file__).parent.parent / "fixtures"
HEADER = "Item No.\tItem\tPurpose\tExecutive\tTiming\n1\tWelcome\tNote\tChair\t9.00\n"


@pytest.mark.parametrize("name", ["agenda-blank-after-resolution.tsv", "agenda-blank-after-resolution.txt"])
def test_a_blank_line_after_the_heading_keeps_the_resolution(name: str) -> None:
    imported = read_agenda_file(FIXTURES / name)
    assert imported.exclusion_resolution.startswith("The Board resolves that representatives of the press")
    assert imported.exclusion_resolution.endswith("Public Bodies (Admission to Meetings) Act 1960.")
    assert imported.next_meeting_date == date(2025, 9, 26)
    assert not imported.sections and not any(row.problem for row in imported.rows)
    assert agenda_details(imported)[0].startswith("Resolution to exclude the press and public: The Board resolves")
    became = {row.text[:20]: row.became for row in imported.rows}
    assert became["The Board resolves t"] == "exclusion resolution"


@pytest.mark.parametrize("parse", [parse_agenda_table, parse_agenda_text])
def test_the_resolution_ends_at_the_blank_line_after_its_text(parse) -> None:
    text = (HEADER if parse is parse_agenda_table else "1. Welcome\nChair\n9.00\n") + (
        "\nResolution to exclude the press and public\n\n\nThe Board resolves to exclude them.\n\n"
        "Part II\n"
    )
    imported = parse(text)
    assert imported.exclusion_resolution == "The Board resolves to exclude them."
    assert imported.sections == ["Part II"]


@pytest.mark.parametrize("parse", [parse_agenda_table, parse_agenda_text])
def test_a_part_ii_marker_is_not_taken_for_the_resolution(parse) -> None:
    text = (HEADER if parse is parse_agenda_table else "1. Welcome\nChair\n9.00\n") + (
        "Resolution to exclude the press and public\n\nPart II – confidential\n"
    )
    imported = parse(text)
    assert imported.exclusion_resolution == ""
    assert imported.sections == ["Part II – confidential"]


def test_the_resolution_on_the_heading_line_itself() -> None:
    imported = parse_agenda_table(HEADER + "Resolution to exclude the press and public: the Board resolves so.\n")
    assert imported.exclusion_resolution == "the Board resolves so."
