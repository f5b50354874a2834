"""Storing what an importer read, each in one transaction: all of it or none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.actions import raise_action
from db.book import Book
from db.meetings import add_item, get_meeting, list_items, list_meetings, update_meeting
from db.minutes import add_interest
from db.people import add_seat, list_people
from secretary.models import ActionOwner, AgendaItem, Person

if TYPE_CHECKING:  # the readers of files are loaded when the clerk imports one, not when the app starts
    from secretary.importers.actions import ActionsImport
    from secretary.importers.agenda import AgendaImport
    from secretary.importers.register import RegisterImport
    from secretary.importers.roster import RosterImport


def store_roster(book: Book, body_id: int, roster: RosterImport) -> int:
    """Add everyone the roster file names to the body; returns how many seats were added."""
    with book.db.atomic():
        for person, membership in roster.seats:
            add_seat(book, person.model_copy(update={"body_id": body_id}), membership)
    return len(roster.seats)


def store_agenda(book: Book, meeting_id: int, imported: AgendaImport, *, append: bool = False) -> list[AgendaItem]:
    """Put the imported items on the meeting's agenda (replacing it, or after it with ``append``),
    and keep what the file says of the meeting itself."""
    with book.db.atomic():
        existing = list_items(book, meeting_id)
        if not append:
            book.db.execute("DELETE FROM agenda_item WHERE meeting_id = ?", [meeting_id])
            existing = []
        start = max((i.position for i in existing), default=-1) + 1
        stored: list[AgendaItem] = []
        for offset, parsed in enumerate(imported.items):
            parent_id = stored[parsed.parent].id if parsed.parent is not None else None
            stored.append(add_item(book, AgendaItem(
                meeting_id=meeting_id, parent_id=parent_id, position=start + offset, number=parsed.number,
                title=parsed.title, kind=parsed.kind, section=parsed.section, purpose=parsed.purpose,
                lead=parsed.lead, planned_start=parsed.planned_start, paper_ref=parsed.paper_ref,
                verbal=parsed.verbal, part=parsed.part,
            )))
        meeting = get_meeting(book, meeting_id)
        update = {}
        if imported.exclusion_resolution:
            update["exclusion_resolution"] = imported.exclusion_resolution
        if imported.next_meeting_date and imported.next_meeting_date > meeting.date:
            update["next_meeting_date"] = imported.next_meeting_date
        if imported.next_meeting_time:
            update["next_meeting_time"] = imported.next_meeting_time
        if imported.next_meeting_venue:
            update["next_meeting_venue"] = imported.next_meeting_venue
        if update:
            update_meeting(book, meeting.model_copy(update=update))
    return stored


def store_register(book: Book, body_id: int, register: RegisterImport, *, replace: bool = False) -> list[str]:
    """Add the register's rows, each matched to a member where the name is certain.
    ``replace``: the register is re-issued as a whole, so the rows held before go (a
    declaration made against one keeps its own words). Returns the names that matched
    nobody (their rows are kept all the same)."""
    from secretary.importers.register import match_person

    people = list_people(book, body_id)
    unmatched: list[str] = []
    with book.db.atomic():
        if replace:
            book.db.execute("DELETE FROM interest WHERE body_id = ?", [body_id])
        for interest in register.interests:
            person = match_person(interest.surname, interest.forename, people)
            if person is None:
                name = f"{interest.forename} {interest.surname}".strip()
                if name not in unmatched:
                    unmatched.append(name)
            add_interest(book, interest.model_copy(update={"body_id": body_id,
                                                           "person_id": person.id if person else None}))
    return unmatched


def store_actions(book: Book, body_id: int, tracker: ActionsImport) -> int:
    """Add an existing tracker's actions with their own numbers, so numbering continues from them.
    Owners named in full become the member's initials; actions find their meeting and item by date and title."""
    people = list_people(book, body_id)
    meetings = {m.date: m for m in list_meetings(book, body_id)}
    with book.db.atomic():
        for action in tracker.actions:
            owners = tuple(_owner(o, people) for o in action.owners)
            meeting = meetings.get(action.meeting_date) if action.meeting_date else None
            item_id = None
            if meeting is not None:
                item_id = next((i.id for i in list_items(book, meeting.id)
                                if _same_title(i.title, action.item_title)), None)
            raise_action(book, action.model_copy(update={
                "body_id": body_id, "owners": owners,
                "meeting_id": meeting.id if meeting else None, "item_id": item_id,
            }))
    return len(tracker.actions)


def _owner(owner: ActionOwner, people: list[Person]) -> ActionOwner:
    if owner.person_id is not None:
        return owner
    wanted = owner.name.strip().lower()
    for person in people:
        if wanted in (person.name.lower(), person.initials.lower(), person.full_name.lower()):
            return ActionOwner(person_id=person.id, name=person.initials)
    return owner


def _same_title(a: str, b: str) -> bool:
    simple = lambda s: "".join(ch for ch in s.lower() if ch.isalnum())  # noqa: E731
    return bool(b) and (simple(a) == simple(b) or simple(b) in simple(a))
