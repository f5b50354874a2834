"""The decision planner: importing the published layout with its messy rows, linking entries
to the items that take them, a decision taking an entry and a deferral moving it, and the
public export leaving out what belongs to Part II."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from db.bodies import list_bodies
from db.demo import build_demo
from db.meetings import create_meeting, list_items
from db.minutes import delete_decision, record_decision
from db.planner import accept_offer, entry_for_item, list_entries, offer_for_meeting, save_entry
from secretary.importers.planner import PlannerFormatError, parse_planner
from secretary.models import Decision, DecisionVerb, Meeting
from secretary.planner import PlannerStatus, overdue, planner_sentence, planner_table
from secretary.published_table import to_csv

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "planner.tsv"


def test_the_published_layout_with_its_messy_rows() -> None:
    imported = parse_planner(FIXTURE.read_text(encoding="utf-8"))
    refs = [e.ref for e in imported.entries]
    assert refs == ["2041", "2044", "2047", "2048", "2050", "2052", "2053", "2055", "2055", "2058", "2060", "2031"]
    by_ref = {(e.ref, e.topic): e for e in imported.entries}
    assert by_ref[("2041", "Planning")].due_date == date(2025, 3, 21)  # 21 Mar 2025
    assert by_ref[("2050", "Finance")].due_date == date(2025, 6, 27)  # 27 June 2025
    assert by_ref[("2052", "Digital")].due_date == date(2025, 6, 27)  # 27/06/2025
    inequalities = by_ref[("2055", "Inequalities")]
    assert inequalities.due_date is None and inequalities.date_text == "Sep 2025"  # a month: not guessed
    assert by_ref[("2060", "Learning disability and autism")].due_date is None  # TBC
    assert by_ref[("2031", "Governance")].status is PlannerStatus.complete
    assert by_ref[("2044", "Start Well Strategic Priority")].contacts.count("; ") == 1  # two contacts
    checks = {(w.line, w.column) for w in imported.warnings}
    assert {(16, "Date of Decision"), (19, "Date of Decision"), (17, "Ref No."), (9, "Decision to be taken"),
            (9, "Contact Name"), (18, "Contact Name"), (18, "Decision Taker")} <= checks
    assert (17, "Contact Name") not in checks  # one contact whose role holds a comma
    summary = imported.summary()
    assert "12 entries" in summary and "1 header repeat" in summary and "7 cells to check" in summary


def test_a_file_that_is_not_a_planner_is_refused() -> None:
    with pytest.raises(PlannerFormatError, match="Ref No."):
        parse_planner("Surname\tForename\nSmith\tJo\n")


@pytest.fixture
def demo(tmp_path):
    book, march_id, _ = build_demo(tmp_path / "demo.secretary")
    yield book, march_id
    book.close()


def test_demo_entries_find_their_items_and_part_ii_stays_out_of_the_public_planner(demo) -> None:
    book, march_id = demo
    body = list_bodies(book)[0]
    entries = {e.ref: e for e in list_entries(book, body.id) if e.topic != "Inequalities"}
    titles = {i.id: (i.number, i.part.value) for i in list_items(book, march_id)}
    assert titles[entries["2041"].item_id] == ("7", "I")
    assert titles[entries["2047"].item_id] == ("17", "II") and entries["2047"].confidential
    table, left_out = planner_table(body.name, list_entries(book, body.id), today=date(2025, 3, 1))
    assert left_out == 2
    text = to_csv(table).decode("utf-8-sig")
    assert "Old Mill" not in text and "urgent care contract" not in text and "Joint Forward Plan" in text


def test_a_decision_takes_the_entry_and_a_deferral_moves_it(demo) -> None:
    book, march_id = demo
    body = list_bodies(book)[0]
    items = {i.number: i for i in list_items(book, march_id)}
    record_decision(book, Decision(item_id=items["7"].id, verb=DecisionVerb.approved,
                                   text="the Joint Forward Plan refresh 2025/26",
                                   recorded_at=datetime(2025, 3, 21, 10, 30, tzinfo=timezone.utc)))
    taken = next(e for e in list_entries(book, body.id) if e.ref == "2041")
    assert taken.status is PlannerStatus.taken and taken.taken_on == date(2025, 3, 21)
    assert taken.taken_words == "Approved the Joint Forward Plan refresh 2025/26"
    delete_decision(book, taken.taken_decision_id)  # recorded in error: the entry is open again
    reopened = next(e for e in list_entries(book, body.id) if e.ref == "2041")
    assert reopened.open and reopened.taken_on is None and reopened.taken_words == ""
    record_decision(book, Decision(item_id=items["6"].id, verb=DecisionVerb.deferred, text="to the June meeting"))
    moved = next(e for e in list_entries(book, body.id) if e.ref == "2044")
    assert moved.open and moved.item_id is None
    assert moved.due_date == date(2025, 6, 27)  # the next meeting the agenda names
    assert moved.slips == 1 and "slipped once (first planned 21 Mar 2025)" in to_csv(
        planner_table(body.name, list_entries(book, body.id), today=date(2025, 4, 1))[0]).decode("utf-8-sig")


def test_entries_due_at_a_new_meeting_are_offered_and_taken_onto_its_agenda(demo) -> None:
    book, _ = demo
    body = list_bodies(book)[0]
    june = create_meeting(book, Meeting(body_id=body.id, title="Board", date=date(2025, 6, 27)))
    offered = offer_for_meeting(book, june.id)
    assert sorted(e.ref for e, _ in offered) == ["2050", "2052", "2053"]
    entry, item = offered[0]
    assert item is None  # an empty agenda: a new item would be added
    added = accept_offer(book, june.id, entry, None)
    assert [(i.title, i.purpose) for i in list_items(book, june.id)] == [(entry.decision, "Approve")]
    assert entry_for_item(book, added.id).ref == entry.ref
    assert sorted(e.ref for e, _ in offer_for_meeting(book, june.id)) == ["2052", "2053"]


def test_a_moved_entry_is_kept_as_a_move_and_overdue_entries_are_flagged(demo) -> None:
    book, _ = demo
    body = list_bodies(book)[0]
    entry = next(e for e in list_entries(book, body.id) if e.ref == "2052")
    moved = save_entry(book, entry.model_copy(update={"date_text": "26 Sep 2025", "due_date": date(2025, 9, 26)}),
                       on=date(2025, 4, 1))
    assert moved.due_date == date(2025, 9, 26) and len(moved.moves) == 1 and moved.slips == 0
    late = {e.ref for e in overdue(list_entries(book, body.id), date(2025, 7, 1))}
    assert {"2050", "2053"} <= late and "2052" not in late and "2031" not in late


def test_the_planner_sentence_names_what_is_due_next_meeting(demo) -> None:
    book, march_id = demo
    body = list_bodies(book)[0]
    item = next(i for i in list_items(book, march_id) if "Planner" in i.title)
    said = planner_sentence(item, list_entries(book, body.id), date(2025, 6, 27))
    assert said.startswith("The Board Decision Planner was noted. Due at the next meeting (27 June 2025): 2050 ")
    assert "Data and Digital Strategy" in said
