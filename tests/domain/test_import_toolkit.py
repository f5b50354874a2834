"""What every importer shares: files that are not files, control codes, delimiters, rows that
cannot be read, and limits — tried through each of the four importers."""

from __future__ import annotations

import os
import threading
import time
from datetime import date
from itertools import product
from pathlib import Path
from string import ascii_lowercase

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.importers import toolkit
from secretary.importers.actions import ActionsFormatError, parse_actions, read_actions_file
from secretary.importers.agenda import AgendaFormatError, parse_agenda, parse_agenda_text, read_agenda_file
from secretary.importers.register import COLUMNS, RegisterFormatError, parse_register, read_register_file
from secretary.importers.roster import MAX_PEOPLE, RosterFormatError, parse_roster, read_roster_file
from secretary.importers.toolkit import remove_controls, sniff_delimiter

ROSTER = "name,initials,category,voting\n"
NASTY = "\x1b]0;pwned\x07Helen\x1b[2J Marsh\x0b\x9b"


READERS = [(read_roster_file, RosterFormatError), (read_agenda_file, AgendaFormatError),
           (read_register_file, RegisterFormatError), (read_actions_file, ActionsFormatError)]


@pytest.mark.parametrize(("read", "error"), READERS)
def test_a_fifo_is_refused_at_once(tmp_path: Path, read, error) -> None:
    fifo = tmp_path / "agenda.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: outcome.append(_raised(read, fifo)), daemon=True)
    began = time.monotonic()
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "reading a FIFO waited for a writer"
    assert time.monotonic() - began < 1
    assert isinstance(outcome[0], error) and "pipe (FIFO), not a file" in str(outcome[0])


def _raised(read, path) -> BaseException | None:
    try:
        read(path)
    except BaseException as why:  # noqa: BLE001 - the test looks at what was raised
        return why
    return None


@pytest.mark.parametrize(("read", "error"), READERS)
def test_a_device_or_a_folder_is_refused(tmp_path: Path, read, error) -> None:
    with pytest.raises(error, match="a device, not a file"):
        read("/dev/zero")
    with pytest.raises(error, match="a folder, not a file"):
        read(tmp_path)


@pytest.mark.parametrize(("read", "error"), READERS)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, read, error) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(toolkit.MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing is read
    with pytest.raises(error, match="may be at most"):
        read(big)


def test_a_roster_of_more_than_5000_people_is_refused() -> None:
    letters = ("".join(three) for three in product(ascii_lowercase, repeat=3))
    rows = [f"Person {n},P{next(letters)},executive,yes\n" for n in range(MAX_PEOPLE + 1)]
    with pytest.raises(RosterFormatError, match="more than 5,000 rows under its header"):
        parse_roster(ROSTER + "".join(rows))
    assert len(parse_roster(ROSTER + "".join(rows[:-1])).seats) == MAX_PEOPLE


def test_control_codes_are_removed_and_counted() -> None:
    text, removed = remove_controls(f"{NASTY}\tkept\r\nline two\n")
    assert text == "Helen Marsh \tkept\r\nline two\n"
    assert removed == 4


def test_every_importer_removes_control_codes_from_every_cell() -> None:
    roster = parse_roster(f"{ROSTER}{NASTY},HM,chair,yes\n")
    assert roster.seats[0][0].name == "Helen Marsh" and roster.controls_removed == 4
    register = parse_register("\t".join(COLUMNS) + f"\nMarsh\x1b[31m\tHelen\tChair\tNo\t\t\t\t\t{NASTY}\n", body_id=1)
    assert register.interests[0].surname == "Marsh" and register.interests[0].details == "Helen Marsh"
    assert register.controls_removed == 5
    actions = parse_actions(f"Action No.,Action,RAG\n93,{NASTY},Amber\n", body_id=1, today=date(2025, 1, 1))
    assert actions.actions[0].text == "Helen Marsh" and actions.controls_removed == 4
    agenda = parse_agenda(f"Item No.\tItem\tPurpose\tExecutive\tTiming\n1\t{NASTY}\tNote\tChair\t9.00\n")
    assert agenda.items[0].title == "Helen Marsh" and agenda.controls_removed == 4
    pasted = parse_agenda_text(f"1. {NASTY}\nChair\n9.00\n")
    assert pasted.items[0].title == "Helen Marsh" and pasted.controls_removed == 4
    assert toolkit.controls_note(4) == ["4 control codes were removed from the file "
                                        "(invisible characters such as terminal escapes)."]
    assert toolkit.controls_note(0) == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_files_read_alike(delimiter: str) -> None:
    text = ROSTER + 'Dr Helen Marsh,HM,chair,yes\n"Cllr Ward, Jo",JW,partner,no\n'
    text = text.replace(",", delimiter).replace(f'"Cllr Ward{delimiter} Jo"', '"Cllr Ward, Jo"')
    assert sniff_delimiter(text) == delimiter
    roster = parse_roster(text)
    assert [p.name for p, _ in roster.seats] == ["Helen Marsh", "Ward, Jo"]


def test_semicolon_agenda_table_and_tracker() -> None:
    agenda = parse_agenda("Agenda, June\n\nItem No.;Item;Purpose;Executive;Timing\n1;Welcome, all;Note;Chair;9.00\n")
    assert [(i.number, i.title) for i in agenda.items] == [("1", "Welcome, all")]
    tracker = parse_actions("Action No.;Action;Action Owner;RAG\n93;Report, with figures;CFO;Amber\n",
                            body_id=1, today=date(2025, 1, 1))
    assert tracker.actions[0].text == "Report, with figures"


def test_a_huge_cell_refuses_its_row_and_keeps_the_others() -> None:
    roster = parse_roster(f"{ROSTER}{'x' * 100_000},XX,executive,yes\nJo Ward,JW,executive,yes\n{'y' * 200_000},YY,a,b\n")
    assert [p.name for p, _ in roster.seats] == ["Jo Ward"]
    refused = [r for r in roster.rows if r.problem]
    assert [r.line for r in refused] == [2, 4]
    assert "100,000 characters" in refused[0].problem and "10,000" in refused[1].problem
    assert len(refused[0].text) < 200


def test_an_unclosed_quote_refuses_its_line_and_the_lines_after_are_read() -> None:
    roster = parse_roster(f'{ROSTER}"Helen Marsh,HM,chair,yes\nJo Ward,JW,executive,yes\nAl Bell,AB,executive,no\n')
    assert [p.name for p, _ in roster.seats] == ["Jo Ward", "Al Bell"]
    (refused,) = [r for r in roster.rows if r.problem]
    assert refused.line == 2 and "never closed" in refused.problem
    assert roster.summary() == "2 people, 1 voting; 1 row not read"


def test_a_quoted_cell_over_several_lines_is_still_one_cell() -> None:
    text = "\t".join(COLUMNS) + '\nMarsh\tHelen\tChair\tYes\tY\t\t\t\t"Director,\nLantern Trust"\t2020\n'
    register = parse_register(text, body_id=1)
    assert register.interests[0].details == "Director,\nLantern Trust" and not any(r.problem for r in register.rows)


def test_a_lone_carriage_return_in_a_cell_cannot_overwrite_the_preview() -> None:
    roster = parse_roster(f'{ROSTER}"Jo\rWard",JW,executive,yes\n')
    assert "\r" not in roster.rows[-1].text


@given(st.text())
def test_no_control_code_survives_and_plain_text_is_untouched(text: str) -> None:
    cleaned, removed = remove_controls(text)
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    plain = "".join(ch for ch in text if not (ord(ch) < 32 and ch not in "\t\n\r" or 0x7F <= ord(ch) <= 0x9F))
    if plain == text:
        assert (cleaned, removed) == (text, 0)
    else:
        assert removed >= 1


def test_an_unclosed_quote_on_the_last_line_is_said_too() -> None:
    roster = parse_roster(f'{ROSTER}Jo Ward,JW,executive,yes\n"Al Bell,AB,executive,no\n')
    assert [p.name for p, _ in roster.seats] == ["Jo Ward"]
    assert "never closed" in roster.rows[-1].problem and roster.rows[-1].line == 3
