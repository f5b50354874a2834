"""What was said and decided on each item: minutes, decisions, declarations,
public questions, and the register of interests they draw on."""

from __future__ import annotations

from datetime import date, datetime

from db.book import Book
from db.history import stamped, typing_time
from db.planner import decision_withdrawn, note_decision
from db.rows import Refused, insert, one, rows, to_row, update
from secretary.models import Declaration, Decision, Disposal, Interest, Minute, PublicQuestion


def get_minute(book: Book, item_id: int) -> Minute:
    return one(book, Minute, "SELECT * FROM minute WHERE item_id = ?", [item_id]) or Minute(item_id=item_id)


def save_minute(book: Book, minute: Minute) -> None:
    book.db.table("minute").upsert(to_row(minute), pk="item_id")


def list_minutes(book: Book, meeting_id: int) -> list[Minute]:
    return list(rows(
        book, Minute,
        "SELECT m.* FROM minute m JOIN agenda_item i ON i.id = m.item_id WHERE i.meeting_id = ? ORDER BY i.position",
        [meeting_id],
    ))


def add_decision(book: Book, decision: Decision) -> Decision:
    return insert(book, "decision", decision)


def update_decision(book: Book, decision: Decision) -> None:
    update(book, "decision", decision)


def delete_decision(book: Book, decision_id: int) -> None:
    with book.db.atomic():
        decision_withdrawn(book, decision_id)  # a planner entry it took is open again
        book.db.execute("DELETE FROM decision WHERE id = ?", [decision_id])


def list_decisions(book: Book, item_id: int) -> list[Decision]:
    return list(rows(book, Decision, "SELECT * FROM decision WHERE item_id = ? ORDER BY position, id", [item_id]))


def add_declaration(book: Book, declaration: Declaration) -> Declaration:
    return insert(book, "declaration", declaration)


def update_declaration(book: Book, declaration: Declaration) -> None:
    update(book, "declaration", declaration)


def delete_declaration(book: Book, declaration_id: int) -> None:
    book.db.execute("DELETE FROM declaration WHERE id = ?", [declaration_id])


def list_declarations(book: Book, meeting_id: int) -> list[Declaration]:
    return list(rows(book, Declaration, "SELECT * FROM declaration WHERE meeting_id = ? ORDER BY id", [meeting_id]))


def add_interest(book: Book, interest: Interest) -> Interest:
    return insert(book, "interest", interest)


def update_interest(book: Book, interest: Interest) -> None:
    update(book, "interest", interest)


def list_interests(book: Book, body_id: int, person_id: int | None = None) -> list[Interest]:
    if person_id is None:
        return list(rows(book, Interest, "SELECT * FROM interest WHERE body_id = ? ORDER BY surname, forename, id", [body_id]))
    return list(rows(
        book, Interest, "SELECT * FROM interest WHERE body_id = ? AND person_id = ? ORDER BY id", [body_id, person_id]
    ))


def add_public_question(book: Book, question: PublicQuestion) -> PublicQuestion:
    return insert(book, "public_question", question)


def update_public_question(book: Book, question: PublicQuestion) -> None:
    update(book, "public_question", question)


def list_public_questions(book: Book, meeting_id: int) -> list[PublicQuestion]:
    return list(rows(
        book, PublicQuestion, "SELECT * FROM public_question WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
    ))


def save_minute_text(book: Book, item_id: int, *, at: datetime | None = None, **fields: object) -> None:
    """Write only the fields the clerk is typing (notes, presenters, taken-as-read) in one
    small transaction, leaving the item's times and running order alone. ``at`` is when the
    clerk typed it: the history's snapshots of typing are timed by it (by default, the clock
    the book keeps time with, db.history.keep_time_with, else SQLite's)."""
    allowed = {"notes", "presenters", "taken_as_read"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not a minute text field: {', '.join(sorted(unknown))}")
    checked = Minute.model_validate({"item_id": item_id, **fields})
    values = {k: getattr(checked, k) for k in fields}
    columns = ", ".join(values)
    updates = ", ".join(f"{k} = excluded.{k}" for k in values)
    with stamped(book, at if at is not None else typing_time(book)):
        book.db.execute(
            f"INSERT INTO minute (item_id, {columns}) VALUES (?{', ?' * len(values)}) "
            f"ON CONFLICT(item_id) DO UPDATE SET {updates}",
            [item_id, *(int(v) if isinstance(v, bool) else v for v in values.values())],
        )


def record_decision(book: Book, decision: Decision) -> Decision:
    """A new decision, placed after the item's others."""
    with book.db.atomic():
        last = book.db.execute(
            "SELECT coalesce(max(position), -1) FROM decision WHERE item_id = ?", [decision.item_id]
        ).fetchone()[0]
        stored = insert(book, "decision", decision.model_copy(update={"position": last + 1}))
        note_decision(book, stored)  # the planner entry the item carries is taken, or moves on a deferral
        return stored


def move_decision(book: Book, decision_id: int, step: int) -> None:
    """Swap a decision with its neighbour above (step -1) or below (+1)."""
    with book.db.atomic():
        row = book.db.execute("SELECT item_id FROM decision WHERE id = ?", [decision_id]).fetchone()
        if row is None:
            return
        ordered = [d.id for d in list_decisions(book, row[0])]
        index = ordered.index(decision_id)
        other = index + step
        if not 0 <= other < len(ordered):
            return
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, did in enumerate(ordered):
            book.db.execute("UPDATE decision SET position = ? WHERE id = ?", [position, did])


def delete_public_question(book: Book, question_id: int) -> None:
    book.db.execute("DELETE FROM public_question WHERE id = ?", [question_id])


def next_question_position(book: Book, meeting_id: int) -> int:
    return book.db.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM public_question WHERE meeting_id = ?", [meeting_id]
    ).fetchone()[0]


def list_meeting_decisions(book: Book, meeting_id: int) -> list[Decision]:
    """Every decision of the meeting, item by item in their order (one query)."""
    return list(rows(
        book, Decision,
        """SELECT d.* FROM decision d JOIN agenda_item i ON i.id = d.item_id
           WHERE i.meeting_id = ? ORDER BY i.position, d.position, d.id""",
        [meeting_id],
    ))


def record_disposal(book: Book, item_id: int, disposal: Disposal, *, deferred_to: date | None = None,
                    taken_with_item_id: int | None = None) -> Minute:
    """What became of an item not taken (or ``Disposal.none`` to say it was simply not reached)."""
    minute = get_minute(book, item_id)
    if minute.started_at is not None and disposal is not Disposal.none:
        raise Refused("That item was taken at the meeting; its minute says what happened.")
    changed = Minute.model_validate({**minute.model_dump(), "disposal": disposal,
                                     "deferred_to": deferred_to if disposal is Disposal.deferred else None,
                                     "taken_with_item_id": taken_with_item_id if disposal is Disposal.taken_with else None})
    save_minute(book, changed)
    return changed
