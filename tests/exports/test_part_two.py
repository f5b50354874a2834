"""Nothing from Part II in a public document, by construction: every public export of a
year of a busy board (minutes of every meeting in Word, HTML and Markdown; every body's
action tracker in CSV, Markdown and Word) is searched for every Part II item's title, its
notes, decisions, actions and their updates."""

from __future__ import annotations

from datetime import date

import pytest

from db.demo.years import build_big_demo
from db.bodies import list_bodies
from db.exports import load_tracker, part_two_actions
from db.record import read_record
from db.meetings import list_meetings
from secretary.exports import minutes as minutes_export
from secretary.exports import tracker as tracker_export
from secretary.minutes_doc import build_minutes
from tests.exports.reading import READERS, squash

TODAY = date(2025, 3, 1)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    book, _, _ = build_big_demo(tmp_path_factory.mktemp("part-two") / "year.secretary", 1)
    yield book
    book.close()


def _texts(book, sql: str) -> set[str]:
    return {squash(line) for row in book.db.query(sql) for line in (row["t"] or "").splitlines() if line.strip()}


def secrets(book) -> set[str]:
    """Every Part II title, note line, decision, action and update that no public item shares."""
    part = "i.part = '{}'"
    queries = [
        "SELECT i.title t FROM agenda_item i WHERE {}",
        "SELECT m.notes t FROM minute m JOIN agenda_item i ON i.id = m.item_id WHERE {}",
        "SELECT d.text t FROM decision d JOIN agenda_item i ON i.id = d.item_id WHERE {}",
        "SELECT a.text t FROM action a JOIN agenda_item i ON i.id = a.item_id WHERE {}",
        "SELECT u.text t FROM action_update u JOIN action a ON a.id = u.action_id "
        "JOIN agenda_item i ON i.id = a.item_id WHERE {}",
        "SELECT a.position_text t FROM action a JOIN agenda_item i ON i.id = a.item_id WHERE {}",
    ]
    private = set().union(*(_texts(book, q.format(part.format("II"))) for q in queries))
    public = set().union(*(_texts(book, q.format(part.format("I"))) for q in queries))
    return {s for s in private - public if len(s) >= 12}


def test_the_year_has_part_two_business_to_hide(year) -> None:
    hidden = secrets(year)
    assert len(hidden) > 50
    assert any(s.startswith("Estates: disposal of") for s in hidden)
    assert any(part_two_actions(year, b.id) for b in list_bodies(year))


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_no_public_minutes_carry_part_two(year, fmt: str) -> None:
    hidden = secrets(year)
    checked = with_part_two = 0
    for meeting in list_meetings(year):
        state = read_record(year, meeting.id)
        text = READERS[fmt](minutes_export.render(fmt, build_minutes(state)))
        leaks = [s for s in hidden if s in text]
        assert not leaks, f"{meeting.title} {meeting.date}: {leaks[:3]}"
        checked += 1
        if any(i.part.value == "II" for i in state.items):
            with_part_two += 1
            confidential = READERS[fmt](minutes_export.render(fmt, build_minutes(state, confidential=True)))
            assert any(s in confidential for s in hidden)  # the search would find them if they were there
            assert "CONFIDENTIAL" in confidential and "CONFIDENTIAL" not in text
    assert checked > 40 and with_part_two > 5


@pytest.mark.parametrize("fmt", ["csv", "md", "docx"])
def test_no_public_tracker_carries_part_two(year, fmt: str) -> None:
    hidden = secrets(year)
    found_in_confidential = 0
    for body in list_bodies(year):
        public = load_tracker(year, body, TODAY, every_closed=True)
        text = READERS[fmt](tracker_export.render(fmt, public))
        leaks = [s for s in hidden if s in text]
        assert not leaks, f"{body.name}: {leaks[:3]}"
        assert "PART II" not in text and "CONFIDENTIAL" not in text
        confidential = load_tracker(year, body, TODAY, confidential=True, every_closed=True)
        assert len(confidential.rows) - len(public.rows) == len(part_two_actions(year, body.id))
        marked = READERS[fmt](tracker_export.render(fmt, confidential))
        found_in_confidential += sum(s in marked for s in hidden)
        if part_two_actions(year, body.id):
            assert "PART II" in marked
            assert fmt == "csv" or "CONFIDENTIAL" in marked
    assert found_in_confidential > 0
