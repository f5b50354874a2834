from __future__ import annotations

from secretary.agenda import in_order, indent, move, outdent, renumber
from secretary.models import AgendaItem, ItemKind


def agenda() -> list[AgendaItem]:
    spec = [(1, None, "1", "Welcome"), (2, 1, "", "Apologies"), (3, 1, "", "Quoracy"),
            (4, None, "2", "Questions"), (5, None, "", "Break"), (6, None, "3", "Finance")]
    return [AgendaItem(id=i, meeting_id=1, parent_id=p, position=n, number=num, title=t,
                       kind=ItemKind.break_ if t == "Break" else ItemKind.item)
            for n, (i, p, num, t) in enumerate(spec)]


def numbers(items: list[AgendaItem]) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in in_order(items)]


def test_renumber_items_sub_items_and_breaks() -> None:
    assert numbers(renumber(agenda())) == [("1", "Welcome"), ("1a", "Apologies"), ("1b", "Quoracy"),
                                           ("2", "Questions"), ("", "Break"), ("3", "Finance")]


def test_move_takes_sub_items_along() -> None:
    moved = renumber(move(agenda(), 4, -1))
    assert [t for _, t in numbers(moved)] == ["Questions", "Welcome", "Apologies", "Quoracy", "Break", "Finance"]
    assert numbers(moved)[2] == ("2a", "Apologies")


def test_move_sub_item_within_its_parent_only() -> None:
    moved = move(agenda(), 3, -5)
    assert [t for _, t in numbers(moved)][:3] == ["Welcome", "Quoracy", "Apologies"]


def test_indent_and_outdent() -> None:
    items = renumber(indent(agenda(), 4))
    assert ("1c", "Questions") in numbers(items)
    items = renumber(outdent(items, 2))
    assert numbers(items)[:4] == [("1", "Welcome"), ("1a", "Quoracy"), ("1b", "Questions"), ("2", "Apologies")]


def test_positions_follow_printed_order() -> None:
    items = move(agenda(), 6, -10)
    assert [i.position for i in in_order(items)] == list(range(6))
