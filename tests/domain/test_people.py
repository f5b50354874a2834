"""Finding a person from what the clerk typed: initials, any word of the name, or the role."""

from __future__ import annotations

from secretary.models import Person
from secretary.people import find_people

PEOPLE = [
    Person(id=1, name="Joanna Price", honorific="Dr", initials="JP"),
    Person(id=2, name="Michael Price", initials="MP"),
    Person(id=3, name="Neil Foster", initials="NF"),
    Person(id=4, name="Siobhan O'Neill-Hart", initials="SOH"),
]
ROLES = {1: "Chief Medical Director (CMD)", 3: "Chief Finance Officer (CFO)"}


def found(typed: str) -> list[str]:
    return [p.initials for p in find_people(typed, PEOPLE, roles=ROLES)]


def test_a_first_name_or_honorific_finds_the_person() -> None:
    assert found("Joa") == ["JP"]
    assert found("dr jo") == ["JP"]  # honorific and the start of a first name
    assert found("Dr Jo") == ["JP"]


def test_initials_come_before_names_and_surnames_before_other_words() -> None:
    assert found("mp") == ["MP"]
    assert found("price") == ["JP", "MP"]
    assert found("pri") == ["JP", "MP"]


def test_a_role_finds_whoever_holds_it() -> None:
    assert found("cfo") == ["NF"]
    assert found("finance") == ["NF"]
    assert found("chief") == ["JP", "NF"]
    assert [p.initials for p in find_people("cfo", PEOPLE)] == []  # no roles given: names only


def test_punctuated_names() -> None:
    assert found("o'neill") == ["SOH"]
    assert found("hart") == ["SOH"]
    assert found("zz") == []
