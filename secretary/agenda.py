"""Agenda rules: order, sub-items and numbering, as pure functions over items."""

from __future__ import annotations

import string

from secretary.models import AgendaItem, ItemKind, Minute


def in_order(items: list[AgendaItem]) -> list[AgendaItem]:
    """Items as printed: each top-level item followed by its sub-items."""
    top = sorted((i for i in items if i.parent_id is None), key=lambda i: i.position)
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item)
    ordered = []
    for item in top:
        ordered.append(item)
        ordered.extend(sorted(children.get(item.id, []), key=lambda i: i.position))
    return ordered


def renumber(items: list[AgendaItem]) -> list[AgendaItem]:
    """Number items 1, 2, 3 … and sub-items 1a, 1b …; breaks take no number.
    Returns every item with its new number and a position that keeps the printed order."""
    result = []
    number = 0
    letters: dict[int | None, int] = {}
    parent_numbers: dict[int | None, str] = {}
    for position, item in enumerate(in_order(items)):
        if item.kind is ItemKind.break_:
            new = ""
        elif item.parent_id is None:
            number += 1
            new = str(number)
            parent_numbers[item.id] = new
        else:
            count = letters.get(item.parent_id, 0)
            letters[item.parent_id] = count + 1
            new = parent_numbers.get(item.parent_id, "") + _letter(count)
        result.append(item.model_copy(update={"number": new, "position": position}))
    return result


def _letter(index: int) -> str:
    letters = string.ascii_lowercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def move(items: list[AgendaItem], item_id: int, step: int) -> list[AgendaItem]:
    """Move an item (with its sub-items) up or down among its siblings; positions follow."""
    ordered = in_order(items)
    target = next(i for i in ordered if i.id == item_id)
    siblings = [i for i in ordered if i.parent_id == target.parent_id]
    index = siblings.index(target)
    new_index = max(0, min(len(siblings) - 1, index + step))
    siblings.insert(new_index, siblings.pop(index))
    moved = {s.id: s.model_copy(update={"position": p}) for p, s in enumerate(siblings)}
    rest = [i for i in ordered if i.id not in moved]
    return reposition(list(moved.values()) + rest)


def indent(items: list[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Make an item a sub-item of the top-level item above it (it must have no sub-items itself)."""
    ordered = in_order(items)
    index = next(n for n, i in enumerate(ordered) if i.id == item_id)
    item = ordered[index]
    if item.parent_id is not None or any(i.parent_id == item.id for i in ordered):
        raise ValueError("Only a top-level item without sub-items can become a sub-item.")
    above = [i for i in ordered[:index] if i.parent_id is None and i.kind is ItemKind.item]
    if not above:
        raise ValueError("There is no item above to hang this one from.")
    parent = above[-1]
    last_child = max((i.position for i in ordered if i.parent_id == parent.id), default=-1)
    ordered[index] = item.model_copy(update={"parent_id": parent.id, "position": last_child + 1})
    return reposition(ordered)


def outdent(items: list[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Make a sub-item a top-level item, placed after its parent and the parent's other sub-items."""
    ordered = in_order(items)
    item = next(i for i in ordered if i.id == item_id)
    if item.parent_id is None:
        raise ValueError("That item is already a top-level item.")
    parent = next(i for i in ordered if i.id == item.parent_id)
    promoted = item.model_copy(update={"parent_id": None, "position": parent.position})
    others = [i for i in ordered if i.id != item_id]
    # place it after the parent's block, keeping the order of everything else
    top = [i for i in others if i.parent_id is None]
    at = top.index(parent) + 1
    top.insert(at, promoted)
    top = [t.model_copy(update={"position": p}) for p, t in enumerate(top)]
    return reposition(top + [i for i in others if i.parent_id is not None])


def reposition(items: list[AgendaItem]) -> list[AgendaItem]:
    """Positions 0..n in printed order, so the book's ORDER BY position reads as printed."""
    return [item.model_copy(update={"position": p}) for p, item in enumerate(in_order(items))]


# --- where the meeting is on its agenda ---------------------------------------------------


def current_item_id(minutes: dict[int, Minute] | list[Minute]) -> int | None:
    """The item being taken: started and not yet ended (the latest taken, if the book holds several)."""
    values = minutes.values() if isinstance(minutes, dict) else minutes
    open_items = [m for m in values if m.started_at is not None and m.ended_at is None]
    if not open_items:
        return None
    latest = max(open_items, key=lambda m: (m.taken_order or 0, m.started_at))
    return latest.item_id


def neighbour(items: list[AgendaItem], item_id: int | None, step: int) -> AgendaItem | None:
    """The item ``step`` places after (or before, when negative) this one in agenda order."""
    ordered = in_order(items)
    if not ordered:
        return None
    if item_id is None:
        return ordered[0] if step > 0 else None
    ids = [i.id for i in ordered]
    if item_id not in ids:
        return None
    index = ids.index(item_id) + step
    return ordered[index] if 0 <= index < len(ordered) else None


def next_taken_order(minutes: dict[int, Minute] | list[Minute]) -> int:
    values = minutes.values() if isinstance(minutes, dict) else minutes
    return max((m.taken_order or 0 for m in values), default=0) + 1


def taken(minutes: dict[int, Minute] | list[Minute]) -> set[int]:
    """The items the meeting has taken (started at least once)."""
    values = minutes.values() if isinstance(minutes, dict) else minutes
    return {m.item_id for m in values if m.started_at is not None or m.taken_order is not None}


def next_untaken(items: list[AgendaItem], minutes: dict[int, Minute] | list[Minute],
                 item_id: int | None) -> AgendaItem | None:
    """Where "next" goes during a meeting: the first item after this one in agenda order that has
    not been taken; past the end, the first not taken from the top; None when all have been.
    Going back to an item already taken is never "next": the clerk goes to it by name."""
    ordered = in_order(items)
    done = taken(minutes)
    ids = [i.id for i in ordered]
    start = ids.index(item_id) + 1 if item_id in ids else 0
    for item in ordered[start:] + ordered[:start]:
        if item.id not in done:
            return item
    return None


def resumed(minutes: dict[int, Minute] | list[Minute], item_id: int | None) -> bool:
    """The item is being taken again: the meeting went on to another item after first taking it."""
    values = list(minutes.values() if isinstance(minutes, dict) else minutes)
    this = next((m for m in values if m.item_id == item_id), None)
    if this is None or this.taken_order is None:
        return False
    return any(m.taken_order is not None and m.taken_order > this.taken_order for m in values)


def untaken(items: list[AgendaItem], minutes: dict[int, Minute] | list[Minute]) -> list[AgendaItem]:
    """The items the meeting did not take, in agenda order: not breaks, not a heading whose
    sub-items were taken, not a sub-item whose item was taken (it was taken with it)."""
    done = taken(minutes)
    ordered = in_order(items)
    parents_with_taken = {i.parent_id for i in ordered if i.parent_id is not None and i.id in done}
    return [i for i in ordered
            if i.kind is ItemKind.item and i.id not in done and i.id not in parents_with_taken
            and (i.parent_id is None or i.parent_id not in done)]
