"""The links of movement lines in the book (m009): kept as inserted, unlinked when the movement is
deleted (so its line can still be taken out of the notes), gone with their item."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.attendance import delete_movement
from db.book import Book
from db.demo import build_demo
from db.live import record_movement, start_meeting
from db.meetings import delete_item, list_items
from db.movement_lines import forget_line, link_line, list_lines, rewrite_line
from db.people import person_by_initials
from db.record import read_record
from secretary.models import Movement, MovementKind
from secretary.movement_lines import MovementLine

T0 = datetime(2025, 3, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo(tmp_path: Path):
    book, upcoming, _ = build_demo(tmp_path / "demo.secretary")
    yield book, upcoming, tmp_path / "demo.secretary"
    book.close()


def arrival(book, meeting_id: int, item_id: int) -> Movement:
    nf = person_by_initials(book, 1, "NF").id
    return record_movement(book, Movement(meeting_id=meeting_id, person_id=nf, kind=MovementKind.arrived,
                                          at=T0, item_id=item_id))


def test_a_link_round_trips_and_the_record_knows_its_movement(demo) -> None:
    book, meeting_id, _ = demo
    start_meeting(book, meeting_id, T0)
    item = list_items(book, meeting_id)[0]
    moved = arrival(book, meeting_id, item.id)
    stored = link_line(book, MovementLine(movement_id=moved.id, item_id=item.id, text="NF arrived."))
    assert stored.id is not None
    assert list_lines(book, meeting_id) == [stored]
    assert read_record(book, meeting_id).lines_in_notes() == {moved.id}
    rewrite_line(book, stored.id, "NF arrived late.")
    assert [x.text for x in list_lines(book, meeting_id)] == ["NF arrived late."]
    forget_line(book, stored.id)
    assert list_lines(book, meeting_id) == []


def test_deleting_the_movement_keeps_the_link_unlinked_and_deleting_the_item_removes_it(demo) -> None:
    book, meeting_id, _ = demo
    start_meeting(book, meeting_id, T0)
    items = list_items(book, meeting_id)
    moved = arrival(book, meeting_id, items[0].id)
    link_line(book, MovementLine(movement_id=moved.id, item_id=items[0].id, text="NF arrived."))
    delete_movement(book, moved.id)
    (kept,) = list_lines(book, meeting_id)
    assert kept.movement_id is None and kept.text == "NF arrived."
    assert read_record(book, meeting_id).lines_in_notes() == frozenset()
    other = arrival(book, meeting_id, items[-1].id)
    link_line(book, MovementLine(movement_id=other.id, item_id=items[-1].id, text="NF arrived."))
    delete_item(book, items[-1].id)
    assert [x.item_id for x in list_lines(book, meeting_id)] == [items[0].id]


def test_a_second_connection_sees_the_link(demo) -> None:
    book, meeting_id, path = demo
    start_meeting(book, meeting_id, T0)
    item = list_items(book, meeting_id)[0]
    moved = arrival(book, meeting_id, item.id)
    link_line(book, MovementLine(movement_id=moved.id, item_id=item.id, text="NF arrived."))
    book.close()
    again = Book.open(path)
    try:
        assert [x.text for x in list_lines(again, meeting_id)] == ["NF arrived."]
    finally:
        again.close()
