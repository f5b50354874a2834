"""The book's history (issue 8): every change to what the clerk recorded is kept, before
and after, in an append-only table written in the same transaction as the change; typing
is coalesced, yet text that stood for more than five seconds can always be found again;
earlier notes can be restored and deletions undone, and both are recorded too."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from db import Book
from db.actions import (
    add_update,
    delete_action,
    get_action,
    get_action_by_number,
    list_actions,
    next_action_number,
    raise_action,
    update_action,
)
from db.attendance import (
    add_movement,
    delete_movement,
    list_attendance,
    list_movements,
    remove_attendance,
    set_attendance,
    update_movement,
)
from db.demo import build_demo
from db.history import (
    history_bytes,
    item_history,
    meeting_history,
    restore_notes,
    row_history,
    stamped,
    undo_deletion,
    versions_of_notes,
)
from db.live import record_declaration, start_meeting, take_item
from db.meetings import delete_item, get_meeting, list_items
from db.minutes import (
    add_public_question,
    delete_decision,
    delete_declaration,
    delete_public_question,
    get_minute,
    list_decisions,
    list_declarations,
    list_public_questions,
    move_decision,
    record_decision,
    save_minute_text,
    update_decision,
)
from db.people import list_people
from db.rows import Refused
from db.schema import SCHEMA_VERSION, migrations
from secretary.history import SNAPSHOT_SECONDS, ChangeKind
from secretary.models import (
    Action,
    ActionOwner,
    ActionStatus,
    ActionUpdate,
    AttendanceStatus,
    Decision,
    DecisionVerb,
    Declaration,
    DeclarationOutcome,
    Movement,
    MovementKind,
    PublicQuestion,
)
from tests.conftest import new_book_in_memory

T0 = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def demo(demo_copy, tmp_path: Path):
    book, upcoming, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    start_meeting(book, upcoming, T0)
    yield book, upcoming
    book.close()


def item_of(book: Book, meeting_id: int, index: int = 0) -> int:
    return list_items(book, meeting_id)[index].id


def people(book: Book, meeting_id: int) -> dict[str, int]:
    body_id = get_meeting(book, meeting_id).body_id
    return {p.initials: p.id for p in list_people(book, body_id)}


def last(book: Book, table: str, row_id: int):
    return row_history(book, table, row_id)[0]


# --- every change, before and after ------------------------------------------------------------


def test_decisions_added_changed_moved_and_deleted_are_recorded(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    first = record_decision(book, Decision(item_id=item, verb=DecisionVerb.noted, text="the report"))
    second = record_decision(book, Decision(item_id=item, verb=DecisionVerb.approved, text="the agenda"))
    added = last(book, "decision", first.id)
    assert added.kind is ChangeKind.insert and added.before is None
    assert added.after["text"] == "the report" and added.item_id == item and added.meeting_id == meeting_id
    # an insert keeps only that it happened: the row is read from its next change, or as it is now
    assert book.db.execute("SELECT after FROM history WHERE id = ?", [added.id]).fetchone() == (None,)

    update_decision(book, first.model_copy(update={"verb": DecisionVerb.agreed, "text": "the report as amended"}))
    changed = last(book, "decision", first.id)
    assert changed.kind is ChangeKind.update
    assert (changed.before["verb"], changed.before["text"]) == ("noted", "the report")
    assert (changed.after["verb"], changed.after["text"]) == ("agreed", "the report as amended")

    move_decision(book, second.id, -1)
    assert last(book, "decision", second.id).before["position"] == 1
    assert last(book, "decision", second.id).after["position"] == 0

    delete_decision(book, second.id)
    gone = last(book, "decision", second.id)
    assert gone.kind is ChangeKind.delete and gone.after is None and gone.before["text"] == "the agenda"
    assert gone.item_id == item  # still found under its item once the row is gone
    assert [c.id for c in item_history(book, item)][:1] == [gone.id]  # newest first


def test_an_update_that_changes_nothing_is_not_recorded(demo) -> None:
    book, meeting_id = demo
    decision = record_decision(book, Decision(item_id=item_of(book, meeting_id), verb=DecisionVerb.noted, text="x"))
    before = len(row_history(book, "decision", decision.id))
    update_decision(book, decision)
    assert len(row_history(book, "decision", decision.id)) == before


def test_declarations_recorded_with_the_withdrawal_they_cause(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id, 5)
    who = people(book, meeting_id)["JP"]
    stored = record_declaration(book, Declaration(
        meeting_id=meeting_id, item_id=item, person_id=who, interest="Trustee of the hospice",
        outcome=DeclarationOutcome.withdrew), at(60))
    tables = {(c.table, c.kind) for c in item_history(book, item)}
    assert ("declaration", ChangeKind.insert) in tables and ("movement", ChangeKind.insert) in tables
    book.db.table("declaration").update(stored.id, {"wording": "JP declared an interest and withdrew."})
    assert last(book, "declaration", stored.id).after["wording"] == "JP declared an interest and withdrew."
    delete_declaration(book, stored.id)
    assert last(book, "declaration", stored.id).before["interest"] == "Trustee of the hospice"


def test_actions_and_their_updates_are_recorded(demo) -> None:
    book, meeting_id = demo
    meeting = get_meeting(book, meeting_id)
    item = item_of(book, meeting_id, 6)
    action = raise_action(book, Action(body_id=meeting.body_id, meeting_id=meeting_id, item_id=item,
                                       text="Circulate the winter plan", owners=(ActionOwner(name="CB"),)))
    raised = last(book, "action", action.id)
    assert raised.kind is ChangeKind.insert and raised.after["number"] == action.number

    update_action(book, action.model_copy(update={"due_text": "next meeting", "status": ActionStatus.in_progress}))
    changed = last(book, "action", action.id)
    assert (changed.before["status"], changed.after["status"]) == ("not_yet_due", "in_progress")

    update = add_update(book, ActionUpdate(action_id=action.id, meeting_id=meeting_id, given_on=date(2025, 3, 21),
                                           text="Drafted", status=ActionStatus.in_progress))
    recorded = last(book, "action_update", update.id)
    assert recorded.after["text"] == "Drafted" and recorded.item_id == item  # under the item that raised it
    book.db.execute("UPDATE action_update SET text = 'Drafted and shared' WHERE id = ?", [update.id])
    assert last(book, "action_update", update.id).before["text"] == "Drafted"
    book.db.execute("DELETE FROM action_update WHERE id = ?", [update.id])
    assert last(book, "action_update", update.id).kind is ChangeKind.delete

    delete_action(book, action.id, "raised twice")
    retired = last(book, "action", action.id)
    assert retired.is_deletion and retired.after["deleted_reason"] == "raised twice"


def test_attendance_and_movements_are_recorded(demo) -> None:
    book, meeting_id = demo
    who = people(book, meeting_id)["JP"]
    row = next(a for a in list_attendance(book, meeting_id) if a.person_id == who)
    set_attendance(book, row.model_copy(update={"status": AttendanceStatus.apologies}))
    changed = last(book, "attendance", row.id)
    assert (changed.before["status"], changed.after["status"]) == ("expected", "apologies")
    assert changed.after["group"] == row.group.value and changed.meeting_id == meeting_id
    remove_attendance(book, row.id)
    assert last(book, "attendance", row.id).before["status"] == "apologies"
    assert any(c.table == "attendance" and c.kind is ChangeKind.delete for c in meeting_history(book, meeting_id))

    item = item_of(book, meeting_id, 2)
    arrival = add_movement(book, Movement(meeting_id=meeting_id, person_id=who, kind=MovementKind.arrived,
                                          at=at(600), item_id=item))
    update_movement(book, arrival.model_copy(update={"at": at(660)}))
    moved = last(book, "movement", arrival.id)
    assert moved.before["at"] != moved.after["at"]
    delete_movement(book, arrival.id)
    assert last(book, "movement", arrival.id).kind is ChangeKind.delete

    # recorded against the wrong item and corrected: the first item's history still shows it as it was
    other = item_of(book, meeting_id, 3)
    slip = add_movement(book, Movement(meeting_id=meeting_id, person_id=who, kind=MovementKind.left,
                                       at=at(900), item_id=item))
    update_movement(book, slip.model_copy(update={"item_id": other}))
    inserted = next(c for c in item_history(book, item) if c.table == "movement" and c.row_id == slip.id)
    assert inserted.kind is ChangeKind.insert and inserted.after["item_id"] == item and inserted.after["at"]
    [moved] = [c for c in item_history(book, other) if c.table == "movement" and c.row_id == slip.id]
    assert (moved.before["item_id"], moved.after["item_id"]) == (item, other)


def test_minute_text_times_and_deletion_are_recorded(demo) -> None:
    book, meeting_id = demo
    first, second = item_of(book, meeting_id, 0), item_of(book, meeting_id, 1)
    save_minute_text(book, first, notes="Welcome all.", at=at(1))
    save_minute_text(book, first, presenters="Helen Marsh, Chair", at=at(20))
    save_minute_text(book, first, taken_as_read=True, at=at(40))
    text = [c for c in row_history(book, "minute", first) if c.is_text]
    assert text[0].before == {"notes": "Welcome all.", "presenters": "Helen Marsh, Chair", "taken_as_read": 0}
    assert text[0].after == {"notes": "Welcome all.", "presenters": "Helen Marsh, Chair", "taken_as_read": 1}
    assert text[1].before["presenters"] == "" and text[1].after["presenters"] == "Helen Marsh, Chair"

    take_item(book, meeting_id, second, at(60))  # the first item ends, the second begins
    times = [c for c in row_history(book, "minute", first) if c.table == "minute" and not c.is_text]
    assert times[0].before["ended_at"] is None and times[0].after["ended_at"] is not None

    save_minute_text(book, second, notes="Apologies from RD.", at=at(61))
    delete_item(book, second)  # the minute goes with its item: kept in the history
    gone = last(book, "minute", second)
    assert gone.kind is ChangeKind.delete and gone.before["notes"] == "Apologies from RD."
    assert versions_of_notes(book, second)[0].text == "Apologies from RD."


# --- one transaction, append-only ---------------------------------------------------------------


def test_the_history_is_append_only(demo) -> None:
    book, meeting_id = demo
    save_minute_text(book, item_of(book, meeting_id), notes="Kept.", at=at(1))
    count = book.db.execute("SELECT count(*) FROM history").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        book.db.execute("UPDATE history SET before = NULL")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        book.db.execute("DELETE FROM history")
    assert book.db.execute("SELECT count(*) FROM history").fetchone()[0] == count


def test_nothing_is_recorded_without_its_change_or_the_change_without_its_record(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    count = book.db.execute("SELECT count(*) FROM history").fetchone()[0]
    with pytest.raises(Refused):  # the book refuses the change: no history either
        record_decision(book, Decision(item_id=999_999, verb=DecisionVerb.noted, text="nowhere"))
    with pytest.raises(RuntimeError):
        with book.db.atomic():
            record_decision(book, Decision(item_id=item, verb=DecisionVerb.noted, text="rolled back"))
            raise RuntimeError("the transaction fails after the change")
    assert list_decisions(book, item) == []
    assert book.db.execute("SELECT count(*) FROM history").fetchone()[0] == count
    # the clock stamp never outlives its transaction
    assert book.db.execute("SELECT count(*) FROM history_stamp").fetchone()[0] == 0


def test_a_stamp_gives_the_writers_clock_and_leaves_nothing_behind(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    with stamped(book, at(30), "why"):
        decision = record_decision(book, Decision(item_id=item, verb=DecisionVerb.noted, text="stamped"))
    entry = last(book, "decision", decision.id)
    assert entry.at == at(30) and entry.note == "why"
    assert book.db.execute("SELECT count(*) FROM history_stamp").fetchone()[0] == 0
    delete_decision(book, decision.id)  # unstamped: SQLite's clock, no note
    assert last(book, "decision", decision.id).note == ""


def test_a_second_connection_sees_the_history(demo_copy, tmp_path: Path) -> None:
    book, meeting_id, _ = build_demo(demo_copy(tmp_path / "demo.secretary"))
    item = item_of(book, meeting_id)
    save_minute_text(book, item, notes="First words.", at=at(0))
    save_minute_text(book, item, notes="", at=at(1))
    book.close()
    conn = sqlite3.connect(tmp_path / "demo.secretary")
    kept = conn.execute("SELECT before FROM history WHERE table_name = 'minute' AND part = 'text'").fetchall()
    conn.close()
    assert any("First words." in row[0] for row in kept)


# --- typing: coalesced, and nothing that stood for five seconds is lost ------------------------


def test_typing_keeps_a_snapshot_at_most_every_five_seconds(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    text = ""
    for n in range(600):  # two minutes of steady typing, a key every 0.2 s
        text += "abcdefghij "[n % 11]
        save_minute_text(book, item, notes=text, at=at(n * 0.2))
    snapshots = [c for c in row_history(book, "minute", item) if c.is_text]
    assert 120 / SNAPSHOT_SECONDS - 1 <= len(snapshots) <= 120 / SNAPSHOT_SECONDS + 1
    gaps = [(a.at - b.at).total_seconds() for a, b in zip(snapshots, snapshots[1:])]
    assert min(gaps) >= SNAPSHOT_SECONDS


def test_text_removed_at_once_is_kept_even_within_five_seconds(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    save_minute_text(book, item, notes="The Board", at=at(0))
    save_minute_text(book, item, notes="The Board noted the report.", at=at(1))
    save_minute_text(book, item, notes="", at=at(2))  # select all, delete: a second later
    assert "The Board noted the report." in [v.text for v in versions_of_notes(book, item)]
    save_minute_text(book, item, notes="X", at=at(3))
    save_minute_text(book, item, notes="The Board noted the report.", at=at(3.5))  # undo (ctrl+z)
    save_minute_text(book, item, notes="", at=at(4))  # and again: kept once, not twice
    texts = [c.before["notes"] for c in row_history(book, "minute", item) if c.is_text]
    assert texts.count("The Board noted the report.") == 1


def test_a_clock_that_goes_back_does_not_stop_the_snapshots(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    save_minute_text(book, item, notes="a", at=at(3600))
    save_minute_text(book, item, notes="ab", at=at(3601))  # snapshot of "a" at 10.00
    save_minute_text(book, item, notes="abc", at=at(0))  # the machine's clock is put back an hour
    save_minute_text(book, item, notes="abcd", at=at(1))
    assert "ab" in [v.text for v in versions_of_notes(book, item)]


EDITS = st.one_of(
    st.tuples(st.just("type"), st.text("abc XYZ", min_size=1, max_size=3)),
    st.tuples(st.just("backspace"), st.integers(1, 3)),
    st.tuples(st.just("insert"), st.text("qrs", min_size=1, max_size=2)),
    st.tuples(st.just("cut"), st.integers(2, 30)),
    st.tuples(st.just("replace"), st.text("mno", min_size=1, max_size=8)),
)


def edit(text: str, op: tuple[str, object]) -> str:
    kind, arg = op
    if kind == "type":
        return text + arg
    if kind == "backspace":
        return text[: max(0, len(text) - arg)]
    if kind == "insert":
        return text[: len(text) // 2] + arg + text[len(text) // 2:]
    if kind == "cut":
        return text[:arg // 3] + text[arg // 3 + arg:]
    return arg


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(EDITS, st.floats(0.0, 12.0)), min_size=1, max_size=60))
def test_text_that_stood_for_more_than_five_seconds_is_always_recoverable(steps) -> None:
    """The guarantee itself: replay any typing, with any pauses, and every text the notes
    held for more than SNAPSHOT_SECONDS is one of the versions the history offers."""
    book = new_book_in_memory()
    try:
        book.db.execute("INSERT INTO body (id, name) VALUES (1, 'Board')")
        book.db.execute("INSERT INTO meeting (id, body_id, title, date) VALUES (1, 1, 'M', '2025-03-21')")
        book.db.execute("INSERT INTO agenda_item (id, meeting_id, title) VALUES (1, 1, 'Item')")
        clock, text = 0.0, ""
        stood: list[tuple[str, float]] = []  # (text in the book, since when)
        for op, pause in steps:
            clock += pause
            text = edit(text, op)
            save_minute_text(book, 1, notes=text, at=at(clock))
            stored = get_minute(book, 1).notes
            if not stood or stood[-1][0] != stored:
                stood.append((stored, clock))
        kept = {v.text for v in versions_of_notes(book, 1)}
        for (value, since), (_, until) in zip(stood, stood[1:]):
            if until - since > SNAPSHOT_SECONDS:
                assert value in kept, (value, since, until)
        assert stood[-1][0] in kept  # and the notes as they are now
    finally:
        book.close()


def test_an_hour_of_typing_keeps_the_history_small(demo) -> None:
    """An hour at a steady 3 keys a second, over twelve items: at most one snapshot per
    item every five seconds (so a 3-hour meeting adds well under a few MB; see
    tests/benchmarks/bench_history.py for the full figure)."""
    book, meeting_id = demo
    items = [i.id for i in list_items(book, meeting_id)][:12]
    start = history_bytes(book)
    words = "The Board noted the update and asked for a fuller report at the next meeting. "
    keys = 0
    for index, item in enumerate(items):
        text = ""
        for _ in range(900):  # five minutes on each item
            text += words[keys % len(words)]
            save_minute_text(book, item, notes=text, at=at(keys / 3))
            keys += 1
    snapshots = book.db.execute("SELECT count(*) FROM history WHERE part = 'text'").fetchone()[0]
    assert snapshots <= len(items) * (300 / SNAPSHOT_SECONDS + 1)
    assert history_bytes(book) - start < 1_500_000


def test_long_notes_that_only_grew_are_kept_as_what_was_added(demo) -> None:
    """An item minuted for an hour: each snapshot is stored as the full one it grew from and
    the words added since, and reads back exactly as the notes stood."""
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    words = "Members discussed the financial position and the risks to the year-end forecast. "
    text, typed = "", {""}  # the notes were empty when the item began
    for n in range(7200):  # an hour at two keys a second, with a typo put right now and then
        text = text[:-1] if n % 97 == 96 else text + words[n % len(words)]
        typed.add(text)
        save_minute_text(book, item, notes=text, at=at(n / 2))
    stored = book.db.execute(
        "SELECT before FROM history WHERE table_name = 'minute' AND row_id = ? AND part = 'text'", [item]
    ).fetchall()
    grown = [b for (b,) in stored if '"notes_from"' in b]
    assert len(grown) > 0.9 * len(stored)
    snapshots = [c for c in row_history(book, "minute", item) if c.is_text]
    assert len(snapshots) == len(stored) and all(c.before["notes"] in typed for c in snapshots)
    decoded = sum(len(c.before["notes"]) for c in snapshots)
    assert sum(len(b) for (b,) in stored) < decoded / 8  # an hour of one long minute: kept small


# --- restoring notes and undoing deletions -------------------------------------------------------


def test_restore_an_earlier_version_of_the_notes(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    save_minute_text(book, item, notes="The Board noted the report.", at=at(0))
    save_minute_text(book, item, notes="", at=at(30))
    save_minute_text(book, item, notes="Oops", at=at(31))
    earlier = next(v for v in versions_of_notes(book, item) if v.text == "The Board noted the report.")
    assert earlier.at == at(30) and not earlier.current

    assert restore_notes(book, item, earlier.text, at(32)) is True
    assert get_minute(book, item).notes == "The Board noted the report."
    versions = versions_of_notes(book, item)
    assert versions[0].current and versions[0].text == "The Board noted the report."
    assert "Oops" in [v.text for v in versions]  # what the restore replaced is kept, though only a second old
    entry = next(c for c in row_history(book, "minute", item) if c.is_text)
    assert entry.note == "replaced by a restored version" and entry.at == at(32)
    assert entry.after["notes"] == "The Board noted the report."
    assert restore_notes(book, item, earlier.text, at(33)) is False  # already so: nothing changes


def test_undo_the_deletion_of_a_decision(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    kept = record_decision(book, Decision(item_id=item, verb=DecisionVerb.approved, text="the agenda",
                                          recorded_at=at(10)))
    delete_decision(book, kept.id)
    deletion = last(book, "decision", kept.id)
    assert "decision is back" in undo_deletion(book, deletion.id, at(20))
    assert list_decisions(book, item) == [kept]  # the same row, its id and time included
    back = last(book, "decision", kept.id)
    assert back.kind is ChangeKind.insert and back.note.startswith("deletion of") and back.at == at(20)
    with pytest.raises(Refused, match="already been brought back"):
        undo_deletion(book, deletion.id)
    with pytest.raises(Refused, match="not a deletion"):
        undo_deletion(book, back.id)


def test_undo_deletions_of_declarations_updates_movements_questions_and_attendance(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id, 4)
    who = people(book, meeting_id)["JP"]
    declaration = record_declaration(book, Declaration(meeting_id=meeting_id, item_id=item, person_id=who,
                                                       interest="Governor of the college"), at(5))
    movement = add_movement(book, Movement(meeting_id=meeting_id, person_id=who, kind=MovementKind.left, at=at(6)))
    question = add_public_question(book, PublicQuestion(meeting_id=meeting_id, asker="A resident", question="Why?"))
    action = raise_action(book, Action(body_id=get_meeting(book, meeting_id).body_id, text="Reply to the resident"))
    update = add_update(book, ActionUpdate(action_id=action.id, given_on=date(2025, 3, 21), text="Replied",
                                           status=ActionStatus.complete))
    row = next(a for a in list_attendance(book, meeting_id) if a.person_id == who)

    delete_declaration(book, declaration.id)
    delete_movement(book, movement.id)
    delete_public_question(book, question.id)
    book.db.execute("DELETE FROM action_update WHERE id = ?", [update.id])
    remove_attendance(book, row.id)
    for table, row_id in (("declaration", declaration.id), ("movement", movement.id),
                          ("public_question", question.id), ("action_update", update.id), ("attendance", row.id)):
        undo_deletion(book, last(book, table, row_id).id, at(30))

    assert list_declarations(book, meeting_id) == [declaration]
    assert movement in list_movements(book, meeting_id)
    assert list_public_questions(book, meeting_id) == [question]
    assert book.db.execute("SELECT text FROM action_update WHERE id = ?", [update.id]).fetchone() == ("Replied",)
    assert row in list_attendance(book, meeting_id)


def test_attendance_is_not_brought_back_over_a_newer_entry(demo) -> None:
    book, meeting_id = demo
    who = people(book, meeting_id)["JP"]
    row = next(a for a in list_attendance(book, meeting_id) if a.person_id == who)
    remove_attendance(book, row.id)
    deletion = last(book, "attendance", row.id)
    set_attendance(book, row.model_copy(update={"id": None, "status": AttendanceStatus.present}))
    with pytest.raises(Refused, match="on the meeting's list again"):
        undo_deletion(book, deletion.id)


def test_a_retired_action_comes_back_under_its_own_number(demo) -> None:
    book, meeting_id = demo
    body_id = get_meeting(book, meeting_id).body_id
    action = raise_action(book, Action(body_id=body_id, text="Review the risk register"))
    following = next_action_number(book, body_id)
    delete_action(book, action.id, "duplicate")
    assert action.id not in [a.id for a in list_actions(book, body_id)]
    message = undo_deletion(book, last(book, "action", action.id).id, at(40))
    assert f"Action {action.number} is back" in message
    assert get_action(book, action.id).number == action.number and get_action(book, action.id).deleted_reason == ""
    assert next_action_number(book, body_id) == following  # nothing about numbering moved


def test_a_deleted_action_keeps_its_number_only_while_no_other_action_has_it(demo) -> None:
    book, meeting_id = demo
    body_id = get_meeting(book, meeting_id).body_id
    first = raise_action(book, Action(body_id=body_id, text="First"))
    second = raise_action(book, Action(body_id=body_id, text="Second"))
    book.db.execute("DELETE FROM action WHERE id IN (?, ?)", [first.id, second.id])  # gone outright
    first_gone, second_gone = last(book, "action", first.id), last(book, "action", second.id)
    # an imported tracker has since brought an action numbered as the second was
    raise_action(book, Action(body_id=body_id, number=second.number, text="Imported"))
    with pytest.raises(Refused, match="another action now has that number"):
        undo_deletion(book, second_gone.id)
    undo_deletion(book, first_gone.id)
    back = get_action_by_number(book, body_id, first.number)  # its id may have gone to the import
    assert back.text == "First" and back.deleted_reason == ""
    assert next_action_number(book, body_id) == second.number + 1


def test_a_deleted_row_whose_id_was_taken_comes_back_under_a_new_one(demo) -> None:
    book, meeting_id = demo
    item = item_of(book, meeting_id)
    wrong = record_decision(book, Decision(item_id=item, verb=DecisionVerb.noted, text="the wrong report"))
    delete_decision(book, wrong.id)
    deletion = last(book, "decision", wrong.id)
    retyped = record_decision(book, Decision(item_id=item, verb=DecisionVerb.noted, text="the right report"))
    assert retyped.id == wrong.id  # SQLite gives the highest id again
    undo_deletion(book, deletion.id)
    assert sorted(d.text for d in list_decisions(book, item)) == ["the right report", "the wrong report"]
    with pytest.raises(Refused, match="already been brought back"):
        undo_deletion(book, deletion.id)


# --- the migration on an existing book ------------------------------------------------------------


def test_m002_applies_to_a_book_written_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.secretary"
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m002_history")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.execute("INSERT INTO body (id, name) VALUES (1, 'Northbridge ICB')")
    db.execute("INSERT INTO meeting (id, body_id, title, date) VALUES (1, 1, 'Board', '2024-12-13')")
    db.execute("INSERT INTO agenda_item (id, meeting_id, number, title) VALUES (1, 1, '1', 'Welcome')")
    db.execute("INSERT INTO minute (item_id, notes) VALUES (1, 'Written before history began.')")
    db.execute("INSERT INTO decision (id, item_id, verb, text) VALUES (1, 1, 'noted', 'the report')")
    db.close()

    with Book.open(path) as book:
        assert book.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        assert get_minute(book, 1).notes == "Written before history began."
        assert book.db.execute("SELECT count(*) FROM history").fetchone()[0] == 0  # migrating changes nothing
        save_minute_text(book, 1, notes="", at=at(0))
        delete_decision(book, 1)
        assert versions_of_notes(book, 1)[1].text == "Written before history began."
        undo_deletion(book, last(book, "decision", 1).id)
        assert [d.text for d in list_decisions(book, 1)] == ["the report"]
