"""The register of interests between meetings: members' confirmations of their entries, and
declarations made at meetings offered for adding to the register (never added silently)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.book import Book
from db.minutes import add_interest, list_interests
from db.people import roster
from db.rows import one, rows
from secretary.models import AgendaItem, Declaration, Interest, Meeting, Person
from secretary.register_record import interest_from_declaration, on_register, reminder_at_item


def confirmations(book: Book, body_id: int) -> dict[int, date]:
    """Each member's latest confirmation of their register entry."""
    found = book.db.query("""SELECT person_id, max(confirmed_on) AS last FROM register_confirmation
        WHERE body_id = ? GROUP BY person_id""", [body_id])
    return {row["person_id"]: date.fromisoformat(row["last"]) for row in found}


def confirm_entry(book: Book, body_id: int, person_id: int, on: date, meeting_id: int | None = None) -> None:
    """The member confirmed their entry (or their Nil declaration) as up to date."""
    book.db.execute("INSERT INTO register_confirmation (body_id, person_id, confirmed_on, meeting_id) "
                    "VALUES (?, ?, ?, ?)", [body_id, person_id, on.isoformat(), meeting_id])


@dataclass(frozen=True)
class Unregistered:
    """A declaration made at a meeting, not on the register: offered to the clerk to add."""

    declaration: Declaration
    person: Person
    meeting: Meeting
    item: AgendaItem | None


def unregistered_declarations(book: Book, body_id: int) -> list[Unregistered]:
    """Declarations at the body's meetings that no register entry holds, newest meeting first."""
    interests = list_interests(book, body_id)
    found = []
    for declaration in rows(book, Declaration, """SELECT d.* FROM declaration d JOIN meeting m ON m.id = d.meeting_id
            WHERE m.body_id = ? AND d.interest_id IS NULL ORDER BY m.date DESC, d.id""", [body_id]):
        if on_register(declaration, interests):
            continue
        found.append(Unregistered(
            declaration,
            one(book, Person, "SELECT * FROM person WHERE id = ?", [declaration.person_id]),
            one(book, Meeting, "SELECT * FROM meeting WHERE id = ?", [declaration.meeting_id]),
            one(book, AgendaItem, "SELECT * FROM agenda_item WHERE id = ?", [declaration.item_id])
            if declaration.item_id else None,
        ))
    return found


def add_to_register(book: Book, body_id: int, offered: Unregistered) -> Interest:
    """The clerk confirmed: the declaration becomes a register entry, linked to it, with the
    meeting and item as its source."""
    seat = next((s for s in roster(book, body_id, on=offered.meeting.date) if s.person.id == offered.person.id), None)
    position = seat.membership.role if seat else ""
    with book.db.atomic():
        last = book.db.execute("SELECT coalesce(max(row_number), 0) FROM interest WHERE body_id = ?",
                               [body_id]).fetchone()[0]
        entry = interest_from_declaration(offered.declaration, offered.person, offered.meeting, offered.item,
                                          position, body_id).model_copy(update={"row_number": last + 1})
        stored = add_interest(book, entry)
        book.db.execute("UPDATE declaration SET interest_id = ? WHERE id = ?", [stored.id, offered.declaration.id])
        book.db.execute("INSERT INTO interest_source (interest_id, declaration_id, meeting_id, item_id) "
                        "VALUES (?, ?, ?, ?)",
                        [stored.id, offered.declaration.id, offered.meeting.id, offered.item.id if offered.item else None])
    return stored


def interest_sources(book: Book, body_id: int) -> dict[int, tuple[int | None, int | None]]:
    """Register entries added from a meeting: interest id → (meeting id, item id)."""
    found = book.db.query("""SELECT s.* FROM interest_source s JOIN interest i ON i.id = s.interest_id
        WHERE i.body_id = ?""", [body_id])
    return {row["interest_id"]: (row["meeting_id"], row["item_id"]) for row in found}


def register_reminder_here(book: Book, state, item: AgendaItem) -> str | None:
    """For the live screen: on the interests item, the register's stale entries and the members
    in post with none, as of the meeting's day. ``state`` is the meeting's read model."""
    return reminder_at_item(item, state.interests, state.seats, confirmations(book, state.body.id),
                            on=state.meeting.date)
