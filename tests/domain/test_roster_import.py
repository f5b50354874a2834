"""Importing the roster: people, seats and initials."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.importers.roster import RosterFormatError, parse_roster, read_roster_file, suggest_initials
from secretary.models import Category, Group, check_initials, check_unique_initials

SAMPLE = files("secretary.data.northbridge") / "roster.csv"


def test_the_sample_roster_gives_23_people_14_voting() -> None:
    roster = read_roster_file(SAMPLE)
    assert len(roster.seats) == 23
    assert sum(m.voting for _, m in roster.seats) == 14
    assert roster.summary() == "23 people, 14 voting"
    assert not any(row.problem for row in roster.rows)
    check_unique_initials([p for p, _ in roster.seats])  # raises if two share initials


def test_alan_shaw_and_amira_shah_keep_distinct_initials() -> None:
    people = {p.name: p for p, _ in read_roster_file(SAMPLE).seats}
    assert people["Alan Shaw"].initials == "ASh"
    assert people["Amira Shah"].initials == "ASa"
    assert people["Alan Shaw"].honorific == "Dr"


def test_seats_carry_category_role_and_group() -> None:
    seats = {p.initials: m for p, m in read_roster_file(SAMPLE).seats}
    assert seats["RD"].category is Category.partner
    assert seats["RD"].role == "Partner Member, Local Authorities"
    assert seats["TW"].voting is False
    assert seats["KA"].group is Group.in_attendance
    assert all(m.person_id == 0 for m in seats.values())


def test_headings_in_any_case_and_missing_optional_columns() -> None:
    roster = parse_roster(
        " Name ,INITIALS,Category,Voting\n"
        "Dr Helen Marsh,HM,Chair,Y\n"
        "Beth Lyons,BL,Participant,n\n"
        "Kim Archer,KA,attendee,0\n"
        "Priya Natarajan,PN,Deputy Chair,TRUE\n"
    )
    seats = {p.initials: (p, m) for p, m in roster.seats}
    assert seats["HM"][0].honorific == "Dr" and seats["HM"][0].name == "Helen Marsh"
    assert seats["HM"][1].voting is True and seats["PN"][1].category is Category.deputy_chair
    assert seats["BL"][1].group is Group.participant  # derived from the category
    assert seats["KA"][1].group is Group.in_attendance and seats["KA"][1].voting is False


def test_bad_rows_are_reported_and_the_rest_kept() -> None:
    roster = parse_roster(
        "name,initials,category,voting\n"
        "Alan Shaw,AS,partner,yes\n"
        "Amira Shah,AS,partner,yes\n"
        "Xan Young,h.m,chair,yes\n"
        "Pat Quinn,PQ,wizard,no\n"
        "Rae Stone,RS,attendee,yes\n"
        "Tom Usher,TU,executive,maybe\n"
        "\n"
        "Vera Wu,,executive,yes\n"
    )
    assert [p.name for p, _ in roster.seats] == ["Alan Shaw", "Vera Wu"]
    problems = {row.line: row.problem for row in roster.rows if row.problem}
    assert "used by both Alan Shaw and Amira Shah" in problems[3] and "try 'ASh'" in problems[3]
    assert "'h.m' should be 1 to 6 letters" in problems[4]
    assert "'wizard' is not one of" in problems[5]
    assert "never hold a voting seat" in problems[6]
    assert "'maybe' should be yes or no" in problems[7]
    assert roster.seats[1][0].initials == "VW"  # blank initials are suggested
    assert "initials suggested" in roster.rows[-1].became
    assert roster.summary() == "2 people, 2 voting; 5 rows not read"


def test_initials_already_in_the_body_count_as_taken() -> None:
    existing = [p for p, _ in read_roster_file(SAMPLE).seats]
    roster = parse_roster("name,initials,category,voting\nHarriet Moss,HM,executive,yes\n", existing=existing)
    assert not roster.seats and "Helen Marsh and Harriet Moss" in roster.rows[-1].problem


@pytest.mark.parametrize("text", ["", "honorific,name,role\nDr,A B,Chair\n", "a\x00b"])
def test_files_that_are_not_a_roster_are_refused(text: str) -> None:
    with pytest.raises(RosterFormatError):
        parse_roster(text)


def test_suggest_initials() -> None:
    assert suggest_initials("Helen Marsh", set()) == "HM"
    assert suggest_initials("Alan Shaw", {"AS"}) == "ASh"
    assert suggest_initials("Amira Shah", {"AS", "ASh"}) == "ASa"
    assert suggest_initials("Dr Zoë O'Brien-Smith", set()) == "ZOS"
    assert suggest_initials("alan shaw", {"as"}) == "ASh"  # 'AS' and 'as' are too alike
    with pytest.raises(ValueError, match="no letters"):
        suggest_initials("123", set())


@given(
    st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzÉéÖ' -", min_size=1, max_size=12), min_size=1, max_size=6)
    .map(" ".join)
    .filter(lambda name: any(ch.isascii() and ch.isalpha() for ch in name)),
    st.sets(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)),
)
def test_suggested_initials_are_valid_and_free(name: str, taken: set[str]) -> None:
    initials = suggest_initials(name, taken)
    assert check_initials(initials) == initials
    assert initials.casefold() not in {t.casefold() for t in taken}
