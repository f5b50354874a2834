"""Actions, numbered per body and never reused, with owners, deadlines and updates."""

from __future__ import annotations

from datetime import date

from db.book import Book
from db.rows import Refused, insert, rows, to_row
from secretary.actions import next_meeting_after, status_today
from secretary.dates import means_next_meeting
from secretary.models import Action, ActionOwner, ActionStatus, ActionUpdate, PastDeadline


def next_action_number(book: Book, body_id: int) -> int:
    row = next(book.db.query(
        """SELECT max(coalesce((SELECT last_number FROM action_counter WHERE body_id = :b), 0),
                      coalesce((SELECT max(number) FROM action WHERE body_id = :b), 0)) AS n""",
        {"b": body_id},
    ))
    return row["n"] + 1


def raise_action(book: Book, action: Action) -> Action:
    """Store a new action; it takes the body's next number in the same transaction,
    unless it carries its own (an imported tracker), which must not be in use."""
    with book.db.atomic():
        number = action.number or next_action_number(book, action.body_id)
        taken = list(book.db.query(
            "SELECT 1 FROM action WHERE body_id = ? AND number = ?", [action.body_id, number]
        ))
        if taken:
            raise Refused(f"Action {number} already exists in this body.")
        stored = insert(
            book, "action", action.model_copy(update={"number": number}), exclude={"owners", "past_deadlines"}
        )
        book.db.execute(
            """INSERT INTO action_counter (body_id, last_number) VALUES (?, ?)
               ON CONFLICT (body_id) DO UPDATE SET last_number = max(last_number, excluded.last_number)""",
            [action.body_id, number],
        )
        _write_children(book, stored)
    return stored


def update_action(book: Book, action: Action) -> None:
    row = to_row(action, exclude={"owners", "past_deadlines", "id", "number", "body_id"})
    with book.db.atomic():
        book.db.table("action").update(action.id, row)
        book.db.execute("DELETE FROM action_owner WHERE action_id = ?", [action.id])
        book.db.execute("DELETE FROM action_deadline WHERE action_id = ?", [action.id])
        _write_children(book, action)


def delete_action(book: Book, action_id: int, reason: str) -> None:
    """Retire an action: it stays in the book, its number is never given again."""
    if not reason.strip():
        raise Refused("Say why the action is being deleted; its number is retired with that reason.")
    book.db.execute("UPDATE action SET deleted_reason = ? WHERE id = ?", [reason.strip(), action_id])


def _write_children(book: Book, action: Action) -> None:
    book.db.table("action_owner").insert_all(
        {"action_id": action.id, "position": i, **to_row(owner)} for i, owner in enumerate(action.owners)
    )
    book.db.table("action_deadline").insert_all(
        {"action_id": action.id, "position": i, **to_row(d)} for i, d in enumerate(action.past_deadlines)
    )


def get_action(book: Book, action_id: int) -> Action | None:
    found = _load(book, "SELECT * FROM action WHERE id = ?", [action_id])
    return found[0] if found else None


def get_action_by_number(book: Book, body_id: int, number: int) -> Action | None:
    found = _load(book, "SELECT * FROM action WHERE body_id = ? AND number = ?", [body_id, number])
    return found[0] if found else None


def _statuses(*left_out: ActionStatus) -> str:
    """The stored statuses but ``left_out``, for ``status IN (…)``: the (body_id, status) index finds
    the few open actions among a body's thousands closed, where ``<>`` reads every one."""
    return ", ".join(f"'{s.value}'" for s in ActionStatus if s not in left_out)


def list_actions(book: Book, body_id: int, *, include_deleted: bool = False, open_only: bool = False) -> list[Action]:
    """The body's actions by number; ``open_only``: not closed (what the tracker shows first, and
    all that ten years of a busy board leaves open)."""
    where = "" if include_deleted else "AND deleted_reason = ''"
    if open_only:
        # "number + 0": the open ones found by status, then sorted, not every number walked in order
        return _load(book, f"""SELECT * FROM action WHERE body_id = ? {where}
                               AND status IN ({_statuses(ActionStatus.closed)}) ORDER BY number + 0""", [body_id])
    return _load(book, f"SELECT * FROM action WHERE body_id = ? {where} ORDER BY number", [body_id])


def tracker_actions(book: Book, body_id: int, closed_since: date | None) -> list[Action]:
    """The tracker's actions: the open ones, and those closed on or after ``closed_since``
    (every closed one when None) — not ten years of closed ones to leave out one by one."""
    if closed_since is None:
        return list_actions(book, body_id)
    return _load(book, """SELECT * FROM action WHERE body_id = ? AND deleted_reason = ''
                          AND (status <> 'closed' OR closed_on >= ?) ORDER BY number""",
                 [body_id, closed_since.isoformat()])


def has_actions(book: Book, body_id: int) -> bool:
    """Whether the body has any action (deleted ones aside)."""
    return bool(list(book.db.query(
        "SELECT 1 FROM action WHERE body_id = ? AND deleted_reason = '' LIMIT 1", [body_id])))


def action_meetings(book: Book, body_id: int) -> list[int | None]:
    """The meetings the body's actions were raised at (None: imported without one), oldest first."""
    return [row["meeting_id"] for row in book.db.query(
        """SELECT DISTINCT a.meeting_id FROM action a LEFT JOIN meeting m ON m.id = a.meeting_id
           WHERE a.body_id = ? AND a.deleted_reason = '' ORDER BY m.date, a.meeting_id""", [body_id])]


def _load(book: Book, sql: str, params: list) -> list[Action]:
    actions = list(book.db.query(sql, params))
    if not actions:
        return []
    ids = [a["id"] for a in actions]
    marks = ",".join("?" * len(ids))
    owners: dict[int, list[ActionOwner]] = {}
    for row in book.db.query(
        f"SELECT * FROM action_owner WHERE action_id IN ({marks}) ORDER BY action_id, position", ids
    ):
        owners.setdefault(row["action_id"], []).append(ActionOwner(person_id=row["person_id"], name=row["name"]))
    deadlines: dict[int, list[PastDeadline]] = {}
    for row in book.db.query(
        f"SELECT * FROM action_deadline WHERE action_id IN ({marks}) ORDER BY action_id, position", ids
    ):
        deadlines.setdefault(row["action_id"], []).append(
            PastDeadline(due_text=row["due_text"], due_date=row["due_date"], replaced_on=row["replaced_on"])
        )
    _date_next_meetings(book, actions)
    return [
        Action.model_validate({**a, "owners": owners.get(a["id"], []), "past_deadlines": deadlines.get(a["id"], [])})
        for a in actions
    ]


def _date_next_meetings(book: Book, actions: list[dict]) -> None:
    """Give a "next meeting" deadline the date of the meeting after the one that raised it,
    once that meeting is in the book (or its date was foreseen). Read, not stored: a meeting
    moved to another day moves the deadline with it."""
    waiting = [a for a in actions if a["due_date"] is None and a["meeting_date"] and means_next_meeting(a["due_text"])]
    if not waiting:
        return
    held: dict[int, list[date]] = {}
    foreseen: dict[int, date | None] = {}
    for row in book.db.query(
        f"SELECT id, body_id, date, next_meeting_date FROM meeting WHERE body_id IN "
        f"({','.join('?' * len({a['body_id'] for a in waiting}))}) ORDER BY date",
        sorted({a["body_id"] for a in waiting}),
    ):
        held.setdefault(row["body_id"], []).append(date.fromisoformat(row["date"]))
        foreseen[row["id"]] = date.fromisoformat(row["next_meeting_date"]) if row["next_meeting_date"] else None
    for action in waiting:
        action["due_date"] = next_meeting_after(
            date.fromisoformat(action["meeting_date"]), held.get(action["body_id"], []), foreseen.get(action["meeting_id"]))


def add_update(book: Book, update: ActionUpdate) -> ActionUpdate:
    return insert(book, "action_update", update)


def list_updates(book: Book, action_id: int) -> list[ActionUpdate]:
    return list(rows(
        book, ActionUpdate, "SELECT * FROM action_update WHERE action_id = ? ORDER BY given_on, id", [action_id]
    ))


def actions_raised_at(book: Book, meeting_id: int) -> list[Action]:
    return _load(book, "SELECT * FROM action WHERE meeting_id = ? AND deleted_reason = '' ORDER BY number",
                 [meeting_id])


def actions_for_item(book: Book, item_id: int) -> list[Action]:
    return _load(book, "SELECT * FROM action WHERE item_id = ? AND deleted_reason = '' ORDER BY number", [item_id])


def updates_by_action(book: Book, body_id: int, *, open_only: bool = False) -> dict[int, list[ActionUpdate]]:
    """Every update of the body's actions, by action id, oldest first (one query). ``open_only``:
    only those of actions still open and not complete — all that today's status needs."""
    found: dict[int, list[ActionUpdate]] = {}
    still = f"AND a.status IN ({_statuses(ActionStatus.closed, ActionStatus.complete)})" if open_only else ""
    for update in rows(
        book, ActionUpdate,
        f"""SELECT u.* FROM action_update u JOIN action a ON a.id = u.action_id
           WHERE a.body_id = ? {still} ORDER BY u.given_on, u.id""",
        [body_id],
    ):
        found.setdefault(update.action_id, []).append(update)
    return found


def record_update(book: Book, action: Action, update: ActionUpdate) -> Action:
    """An update given at a meeting: kept, dated, and made the action's current position and status."""
    changed = action.model_copy(update={
        "status": update.status,
        "position_text": update.text or action.position_text,
    })
    with book.db.atomic():
        add_update(book, update.model_copy(update={"action_id": action.id}))
        update_action(book, changed)
    return changed


def agree_closure(book: Book, action: Action, meeting_id: int | None, on: date) -> Action:
    """The meeting agreed to close the action: closed, with the date and the meeting."""
    closed = action.model_copy(update={
        "status": ActionStatus.closed, "closed_on": on, "closed_by_meeting_id": meeting_id,
    })
    with book.db.atomic():
        add_update(book, ActionUpdate(action_id=action.id, meeting_id=meeting_id, given_on=on,
                                      text="Closure agreed.", status=ActionStatus.closed))
        update_action(book, closed)
    return closed


def actions_with_status(book: Book, body_id: int, today: date) -> tuple[list[Action], dict[int, ActionStatus]]:
    """The body's actions and the status each shows today (overdue and escalation applied)."""
    actions = list_actions(book, body_id)
    updates = updates_by_action(book, body_id, open_only=True)  # a closed or complete action's status is its own
    return actions, {a.id: status_today(a, updates.get(a.id, []), today) for a in actions}
