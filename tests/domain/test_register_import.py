"""Importing the register of interests (DESIGN.md §6) from the Northbridge sample and worse."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.importers.register import (
    COLUMNS,
    RegisterFormatError,
    match_person,
    normalise_position,
    parse_register,
    read_register_file,
)
from secretary.models import Person

SAMPLE = files("secretary.data.northbridge")
HEADER = "\t".join(COLUMNS)


@pytest.fixture(scope="module")
def sample_text() -> str:
    return SAMPLE.joinpath("register.tsv").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample(sample_text):
    return parse_register(sample_text, body_id=7)


@pytest.fixture(scope="module")
def roster() -> list[Person]:
    rows = csv.DictReader(io.StringIO(SAMPLE.joinpath("roster.csv").read_text(encoding="utf-8")))
    return [Person(id=n, name=r["name"], honorific=r["honorific"], initials=r["initials"]) for n, r in enumerate(rows, 1)]


def _cells_by_line(text: str) -> dict[int, list[str]]:
    return {n: line.split("\t") for n, line in enumerate(text.splitlines(), 1) if line.strip()}


# --- the sample register ------------------------------------------------------------


def test_sample_gives_every_declaration(sample) -> None:
    assert len(sample.interests) == 38  # counted by hand: 43 lines less 3 headers and 2 blanks
    assert len({(i.surname, i.forename) for i in sample.interests}) == 22
    assert all(i.body_id == 7 and i.person_id is None for i in sample.interests)


def test_summary_says_what_happened(sample) -> None:
    assert sample.summary() == (
        "38 declarations from 22 people; 2 header repeats and 2 blank rows skipped; 1 date could not be read"
    )


def test_repeated_headers_and_blank_rows_are_skipped(sample) -> None:
    became = {row.line: row.became for row in sample.rows}
    assert became[1] == "header"
    assert [n for n, b in became.items() if b == "skipped: repeated header"] == [17, 33]
    assert [n for n, b in became.items() if b == "skipped: blank"] == [16, 32]
    assert became[3] == "interest of Grace Adeyemi"
    assert len(sample.rows) == 43 and not any(row.problem for row in sample.rows)


def test_row_numbers_are_file_lines(sample, sample_text) -> None:
    lines = _cells_by_line(sample_text)
    for interest in sample.interests:
        cells = lines[interest.row_number]
        assert (cells[0], cells[1], cells[8]) == (interest.surname, interest.forename, interest.details)


def test_each_date_cell_is_kept_as_written(sample, sample_text) -> None:
    lines = _cells_by_line(sample_text)
    for interest in sample.interests:
        cells = lines[interest.row_number]
        assert interest.date_from_text == cells[9]
        assert interest.date_to_text == cells[10]
        assert interest.date_declared_text == cells[12]


def test_every_certain_date_is_read_day_first(sample) -> None:
    checked = 0
    for interest in sample.interests:
        for text, day in [
            (interest.date_from_text, interest.date_from),
            (interest.date_to_text, interest.date_to),
            (interest.date_declared_text, interest.date_declared),
        ]:
            if re.fullmatch(r"\d\d/\d\d/\d{4}", text):
                assert day == datetime.strptime(text, "%d/%m/%Y").date(), text
                checked += 1
            elif not re.search(r"\d\d/\d\d/\d\d", text):
                assert day is None, text  # no certain day in "2009", "Mar-23", "Ongoing"
    assert checked == 48  # counted with awk: every dd/mm/yyyy cell in Date From, Date To and Date Declared


def test_vague_dates_keep_a_year_only(sample) -> None:
    by_details = {i.details: i for i in sample.interests}
    shaw = by_details["Community pharmacy owner, Shaw's Pharmacy Ltd, 12 High Street, Northbridge NB1 2AA, co no 00435961"]
    assert (shaw.date_from_text, shaw.date_from, shaw.approx_year) == ("Nov-88", None, 1988)
    carrick = by_details["Wife is a partner at Carrick & Lowe solicitors, which advises NHS trusts"]
    assert (carrick.date_from_text, carrick.approx_year, carrick.ongoing) == ("Circa 2014", 2014, True)


def test_a_date_inside_words_is_read(sample) -> None:
    price = next(i for i in sample.interests if i.row_number == 28)
    assert price.date_to_text == "Secondment in to 31/03/26"
    assert price.date_to.isoformat() == "2026-03-31"


def test_odd_date_cells_are_reported(sample) -> None:
    assert [(w.line, w.column, w.text) for w in sample.warnings] == [(29, "Date From", "Feburary 20023")]
    assert sample.warnings[0].message == "could not read 'Feburary 20023' as a date"
    odd = next(i for i in sample.interests if i.row_number == 29)
    assert (odd.date_from_text, odd.date_from, odd.approx_year) == ("Feburary 20023", None, None)


def test_flags_read_y_blank_and_n(sample) -> None:
    webb = next(i for i in sample.interests if i.surname == "Webb")
    assert webb.natures == []  # N N N N
    adeyemi = [i for i in sample.interests if i.surname == "Adeyemi"]
    assert [i.natures for i in adeyemi] == [["financial"], ["non_financial_professional"]]
    carrick = next(i for i in sample.interests if i.row_number == 8)
    assert (carrick.indirect, carrick.financial) == (True, False)


def test_no_rows_are_kept(sample) -> None:
    nil = [i for i in sample.interests if i.declares == "No"]
    assert sorted(f"{i.forename} {i.surname}" for i in nil) == [
        "Femi Adebayo", "Lena Hart", "Michael Price", "Sophie Turnbull",
    ]
    assert all(not i.natures and not i.details for i in nil)
    assert next(r for r in sample.rows if r.line == 2).became == "no interests declared by Femi Adebayo"


def test_one_person_with_many_rows_and_cosmetic_position_changes(sample) -> None:
    natarajan = [i for i in sample.interests if i.surname == "Natarajan"]
    assert len(natarajan) == 3
    assert len({i.position for i in natarajan}) == 2  # "Non-Executive" and "Non Executive"
    assert len({normalise_position(i.position) for i in natarajan}) == 1
    assert not any(w.column == "Position" for w in sample.warnings)


def test_the_sample_reads_the_same_as_csv(sample, sample_text) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(line.split("\t") if line else [] for line in sample_text.splitlines())
    as_csv = parse_register(out.getvalue(), body_id=7)
    assert as_csv.interests == sample.interests
    assert as_csv.summary() == sample.summary()


# --- reading files --------------------------------------------------------------------


def test_files_in_each_encoding(tmp_path: Path) -> None:
    text = HEADER + "\nBrontë\tZoë\tMember\tYes\tY\t\t\t\tCafé owner\t2019\tOngoing\t\t01/02/2024\n"
    for encoding in ("utf-8", "utf-8-sig", "cp1252", "utf-16"):
        path = tmp_path / f"register-{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        read = parse_register(read_register_file(path), body_id=1)
        assert [(i.surname, i.forename, i.details) for i in read.interests] == [("Brontë", "Zoë", "Café owner")]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\x81\x8d\x8f\x90\x9d" * 3, "characters"),
    ],
)
def test_files_that_are_not_text_are_refused(tmp_path: Path, data: bytes, says: str) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(data)
    with pytest.raises(RegisterFormatError, match=says):
        read_register_file(path)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("  \n\n\t\n", "empty"),
        ("abc\x00def", "binary"),
        ("Name,Initials,Role\nHelen Marsh,HM,Chair\n", "header"),
        ("\t".join(COLUMNS[:12]) + "\n", "12 columns"),
        ("\t".join(COLUMNS[:9] + ("Start", "Date To", "Actions", "Date Declared")) + "\n", "column 10"),
    ],
)
def test_bad_input_is_refused_clearly(text: str, says: str) -> None:
    with pytest.raises(RegisterFormatError, match=says):
        parse_register(text, body_id=1)


def test_a_real_header_with_long_headings_is_accepted(sample_text) -> None:
    first = sample_text.splitlines()[0]
    assert "Position within, or relationship with" in first
    assert parse_register(first + "\n", body_id=1).interests == []


def test_rows_that_cannot_be_read_are_reported_and_the_rest_kept() -> None:
    text = "\n".join([
        HEADER,
        "Marsh\tHelen\tChair\tYes\tY\t\t\t\tChair of Lantern\t2020\tOngoing\t\t17/06/2024",
        "\tHelen\tChair\tYes\tY\t\t\t\tstray row\t\t\t\t",
        "Marsh\tHelen\tChair\tYes\tY\t\t\t\tToo long\t\t\t\t\t\textra",
        "Marsh\tHelen\tChair\tYes\tX\t?\t\t\tShort row",
    ])
    read = parse_register(text, body_id=1)
    assert [i.row_number for i in read.interests] == [2, 5]
    problems = {r.line: r.problem for r in read.rows if r.problem}
    assert set(problems) == {3, 4} and "surname" in problems[3] and "13 columns" in problems[4]
    short = read.interests[1]
    assert (short.financial, short.non_financial_professional, short.date_declared_text) == (True, False, "")
    assert [(w.line, w.column, w.text) for w in read.warnings] == [(5, "Non-Financial Professional", "?")]
    assert read.summary().endswith("2 rows could not be read; 1 other cell to check")


def test_a_real_change_of_position_is_flagged() -> None:
    text = "\n".join([
        HEADER,
        "Marsh\tHelen\tNon-Executive Member\tYes\tY\t\t\t\tA\t\t\t\t",
        "Marsh\tHelen\tChair\tYes\tY\t\t\t\tB\t\t\t\t",
    ])
    [warning] = parse_register(text, body_id=1).warnings
    assert (warning.line, warning.column, warning.text) == (3, "Position", "Chair")
    assert "line 2" in warning.message


def test_our_own_formula_guard_is_taken_off() -> None:
    text = HEADER + "\nMarsh\tHelen\tChair\tYes\tY\t\t\t\t'=Director of Lantern\t\t\t\t"
    assert parse_register(text, body_id=1).interests[0].details == "=Director of Lantern"


@given(st.text(max_size=300))
def test_parse_register_refuses_only_with_a_format_error(text: str) -> None:
    try:
        read = parse_register(text, body_id=1)
    except RegisterFormatError as refused:
        assert str(refused)
    else:
        assert len(read.interests) <= len(read.rows)


@given(st.lists(st.lists(st.text(alphabet=st.characters(exclude_characters="\x00"), max_size=15), max_size=15), max_size=8))
def test_any_rows_under_a_real_header_never_raise(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter="\t").writerows([list(COLUMNS), *rows])
    read = parse_register(out.getvalue(), body_id=1)
    assert sum(1 for r in read.rows if r.became.startswith(("interest", "no interests"))) == len(read.interests)


# --- matching names to the roster ---------------------------------------------------------


@pytest.mark.parametrize(
    ("surname", "forename", "initials"),
    [
        ("Price", "Joanna", "JP"),
        ("Price", "Michael", "MP"),
        ("PRICE", "  joanna ", "JP"),
        ("Price", "Dr Joanna", "JP"),
        ("Dr Price", "Joanna", "JP"),
        ("Marsh (Dr)", "Helen", "HM"),
        ("Dunmore", "Cllr Rachel", "RD"),
        ("  Shaw ", "Alan", "ASh"),
        ("Shah", "Amira", "ASa"),
        ("Marsh", "", "HM"),  # one Marsh: the surname is enough
    ],
)
def test_match_person(roster, surname: str, forename: str, initials: str) -> None:
    found = match_person(surname, forename, roster)
    assert found is not None and found.initials == initials


@pytest.mark.parametrize(
    ("surname", "forename"),
    [("Price", ""), ("Price", "Dr"), ("Price", "Jo"), ("Smith", "Helen"), ("", "Helen"), ("Marsh", "Harriet")],
)
def test_no_match_when_ambiguous_or_absent(roster, surname: str, forename: str) -> None:
    assert match_person(surname, forename, roster) is None


def test_every_sample_declaration_matches_one_roster_person(sample, roster) -> None:
    for interest in sample.interests:
        found = match_person(interest.surname, interest.forename, roster)
        assert found is not None and found.name == f"{interest.forename} {interest.surname}"


def test_accents_and_a_surname_that_is_also_a_title() -> None:
    people = [Person(name="Zoë Brontë", initials="ZB"), Person(name="Sarah Lord", initials="SL")]
    assert match_person("Bronte", "Zoe", people).initials == "ZB"
    assert match_person("Lord", "Sarah", people).initials == "SL"


@given(st.sampled_from(range(23)), st.booleans(), st.integers(0, 3))
def test_roster_names_match_whatever_the_case_and_spacing(roster, index: int, upper: bool, spaces: int) -> None:
    person = roster[index]
    pad = " " * spaces
    surname = pad + (person.surname.upper() if upper else person.surname.lower()) + pad
    assert match_person(surname, pad + person.forename + pad, roster) == person


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Non Executive Member", "Non-Executive Member"),
        ("Associate Non Executive Member", "associate non–executive  member"),
        ("Chief of Strategy & Assurance", "Chief of Strategy and Assurance"),
        ("Non-Executive Member, Deputy Chair", "Non Executive Member Deputy Chair"),
    ],
)
def test_positions_that_differ_only_cosmetically(one: str, other: str) -> None:
    assert normalise_position(one) == normalise_position(other)


def test_positions_that_really_differ() -> None:
    assert normalise_position("Non-Executive Member") != normalise_position("Executive Member")
    assert normalise_position("Chief Executive") != normalise_position("Chief Executive Officer")
