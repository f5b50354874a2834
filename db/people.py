"""People, their initials, and their seats on a body."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from db.book import Book
from db.rows import Refused, from_row, insert, one, rows, update
from secretary.models import Membership, Person, Seat


def add_person(book: Book, person: Person) -> Person:
    clash = person_by_initials(book, person.body_id, person.initials)
    if clash:
        raise Refused(
            f"Initials {person.initials!r} are already used by {clash.name}; "
            "initials must be unique within a body."
        )
    return insert(book, "person", person)


def update_person(book: Book, person: Person) -> None:
    clash = person_by_initials(book, person.body_id, person.initials)
    if clash and clash.id != person.id:
        raise Refused(
            f"Initials {person.initials!r} are already used by {clash.name}; "
            "initials must be unique within a body."
        )
    update(book, "person", person)


def get_person(book: Book, person_id: int) -> Person | None:
    return one(book, Person, "SELECT * FROM person WHERE id = ?", [person_id])


def person_by_initials(book: Book, body_id: int | None, initials: str) -> Person | None:
    return one(book, Person, "SELECT * FROM person WHERE body_id = ? AND initials = ?", [body_id, initials])


def list_people(book: Book, body_id: int) -> list[Person]:
    return list(rows(book, Person, "SELECT * FROM person WHERE body_id = ? ORDER BY name", [body_id]))


def add_membership(book: Book, membership: Membership) -> Membership:
    return insert(book, "membership", membership)


def update_membership(book: Book, membership: Membership) -> None:
    update(book, "membership", membership)


def add_seat(book: Book, person: Person, membership: Membership) -> Seat:
    """A new person and their seat, in one transaction."""
    with book.db.atomic():
        stored = add_person(book, person)
        seat = add_membership(book, membership.model_copy(update={"person_id": stored.id}))
    return Seat(person=stored, membership=seat)


def save_seat(book: Book, seat: Seat) -> Seat:
    """A person and their seat as edited, in one transaction: neither changes if the book refuses either."""
    with book.db.atomic():
        update_person(book, seat.person)
        update_membership(book, seat.membership.model_copy(update={"person_id": seat.person.id}))
    return seat


class PersonRecord(NamedTuple):
    """What the book holds about a person beyond their seat: kept whatever happens to the seat."""

    meetings: int  # meetings they were listed at
    actions: int  # actions they own
    declarations: int


def person_record(book: Book, person_id: int) -> PersonRecord:
    def count(sql: str) -> int:
        return next(book.db.query(sql, [person_id]))["n"]

    return PersonRecord(
        meetings=count("SELECT count(*) AS n FROM attendance WHERE person_id = ?"),
        actions=count("SELECT count(DISTINCT action_id) AS n FROM action_owner WHERE person_id = ?"),
        declarations=count("SELECT count(*) AS n FROM declaration WHERE person_id = ?"),
    )


_CATEGORY_ORDER = """CASE m.category WHEN 'chair' THEN 0 WHEN 'deputy_chair' THEN 1
    WHEN 'non_executive' THEN 2 WHEN 'associate_non_executive' THEN 3 WHEN 'partner' THEN 4
    WHEN 'executive' THEN 5 WHEN 'participant' THEN 6 ELSE 7 END"""


def roster(book: Book, body_id: int, on: date | None = None) -> list[Seat]:
    """The body's seats in the order clerks list them; only those in post ``on`` a date, if given."""
    sql = f"""SELECT p.*, m.id AS m_id, m.category, m.role, m.voting, m."group", m.start_date, m.end_date
        FROM membership m JOIN person p ON p.id = m.person_id
        WHERE p.body_id = ?
        ORDER BY {_CATEGORY_ORDER}, m.id"""
    seats = []
    for row in book.db.query(sql, [body_id]):
        person = from_row(Person, {k: row[k] for k in ("id", "body_id", "name", "honorific", "initials")})
        membership = Membership(
            id=row["m_id"], person_id=row["id"], category=row["category"], role=row["role"],
            voting=row["voting"], group=row["group"], start_date=row["start_date"], end_date=row["end_date"],
        )
        if on is None or membership.in_post_on(on):
            seats.append(Seat(person=person, membership=membership))
    return seats
