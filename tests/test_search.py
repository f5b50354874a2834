"""Search across every meeting (issue 9): what is found, how queries read, Part II kept
confidential, the index kept current by its triggers, and a book migrated with its rows indexed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import Book
from db.actions import delete_action, raise_action, update_action
from db.bodies import create_body
from db.meetings import add_item, create_meeting, delete_item, update_item
from db.minutes import (
    add_declaration, add_public_question, delete_decision, record_decision, save_minute_text, update_decision,
)
from db.people import add_person
from db.schema import SCHEMA_VERSION
from db.search import SearchRefused, search
from secretary.models import (
    Action, AgendaItem, Body, Declaration, Decision, DecisionVerb, Meeting, Part, Person, PublicQuestion,
)
from secretary.search import SearchKind, index_query, plain_snippet, snippet_parts

ROOT = Path(__file__).resolve().parents[1]


def fill(book: Book) -> dict[str, int]:
    """Two bodies, three meetings; an estates strategy approved in 2023 and again in 2024, a Part II item."""
    board = create_body(book, Body(name="Eastmere Board", short_name="EB"))
    audit = create_body(book, Body(name="Audit Committee", short_name="AC"))
    chair = add_person(book, Person(body_id=board.id, name="Rachel Dunmore", honorific="Cllr", initials="RD"))
    ids: dict[str, int] = {"board": board.id, "audit": audit.id}
    for key, body, day in (("m2023", board, date(2023, 6, 9)), ("m2024", board, date(2024, 6, 14)),
                           ("m_audit", audit, date(2024, 7, 2))):
        ids[key] = create_meeting(book, Meeting(body_id=body.id, title="Meeting", date=day)).id
    estates23 = add_item(book, AgendaItem(meeting_id=ids["m2023"], number="6", title="Estates Strategy 2023–2028",
                                          position=0))
    estates24 = add_item(book, AgendaItem(meeting_id=ids["m2024"], number="7", title="Estates Strategy refresh",
                                          position=0))
    disposal = add_item(book, AgendaItem(meeting_id=ids["m2024"], number="15", title="Disposal of Castle Street",
                                         position=1, part=Part.confidential))
    digital = add_item(book, AgendaItem(meeting_id=ids["m_audit"], number="3", title="Digital Strategy", position=0))
    ids.update(estates23=estates23.id, estates24=estates24.id, disposal=disposal.id, digital=digital.id)
    save_minute_text(book, estates23.id, notes="The estates strategy set out plans to reduce leased buildings.")
    save_minute_text(book, estates24.id, notes="Members asked about backlog maintenance at Riverside.")
    save_minute_text(book, disposal.id, notes="The district valuer's figure for Castle Street was confirmed.")
    save_minute_text(book, digital.id, notes="Uptake of the NHS App varied between practices.")
    ids["decision23"] = record_decision(book, Decision(item_id=estates23.id, verb=DecisionVerb.approved,
                                                       text="the estates strategy")).id
    ids["decision24"] = record_decision(book, Decision(item_id=estates24.id, verb=DecisionVerb.endorsed,
                                                       text="the refreshed estates strategy")).id
    ids["action"] = raise_action(book, Action(body_id=board.id, meeting_id=ids["m2024"], item_id=estates24.id,
                                              meeting_date=date(2024, 6, 14), item_title="Estates Strategy refresh",
                                              text="To bring the estates delivery plan to the September meeting")).id
    ids["declaration"] = add_declaration(book, Declaration(meeting_id=ids["m2024"], item_id=estates24.id,
                                                           person_id=chair.id,
                                                           interest="Trustee of the Riverside Trust")).id
    ids["question"] = add_public_question(book, PublicQuestion(
        meeting_id=ids["m2024"], asker="Mr John Holloway", question="Will the Marsh Lane clinic close?",
        response="No decision has been taken.")).id
    return ids


@pytest.fixture
def filled(book: Book) -> tuple[Book, dict[str, int]]:
    return book, fill(book)


def kinds(page) -> list[tuple[str, str]]:
    return [(h.kind.value, h.item_title) for h in page.hits]


def test_words_anywhere_most_recent_first_with_date_item_and_highlight(filled) -> None:
    book, ids = filled
    page = search(book, "estates strategy")
    dates = [h.meeting_date for h in page.hits]
    assert dates == sorted(dates, reverse=True) and dates[0] == date(2024, 6, 14)
    assert page.total == len(page.hits) == 5
    decision = next(h for h in page.hits if h.kind is SearchKind.decision and h.meeting_date.year == 2023)
    assert decision.item_number == "6" and decision.item_title == "Estates Strategy 2023–2028"
    assert decision.body_label == "EB" and decision.meeting_id == ids["m2023"] and decision.item_id == ids["estates23"]
    assert plain_snippet(decision.snippet) == "approved the **estates** **strategy**"
    assert snippet_parts(decision.snippet) == [("approved the ", False), ("estates", True), (" ", False),
                                               ("strategy", True)]


def test_phrase_prefix_and_boolean_queries(filled) -> None:
    book, _ = filled
    # the phrase: "estates strategy" together, not "estates delivery plan"
    assert {h.kind for h in search(book, '"estates strategy"').hits} == {SearchKind.item, SearchKind.minute,
                                                                        SearchKind.decision}
    assert any(h.kind is SearchKind.action for h in search(book, "estates").hits)
    assert not any(h.kind is SearchKind.action for h in search(book, '"estates strategy"').hits)
    # a prefix: estat* finds estates; strat* finds the digital strategy too
    assert search(book, "estat*").total == search(book, "estates").total
    assert ("item", "Digital Strategy") in kinds(search(book, "strat*"))
    # OR widens, AND and NOT narrow
    assert search(book, "estates OR digital").total == search(book, "estates").total + 1
    assert kinds(search(book, "strategy AND digital")) == [("item", "Digital Strategy")]
    assert search(book, "strategy NOT digital").total == search(book, "strategy").total - 1
    assert search(book, "strategy AND NOT digital").total == search(book, "strategy NOT digital").total
    assert search(book, "(digital OR backlog) AND NOT estates").total == 2


def test_every_kind_is_found_and_labelled(filled) -> None:
    book, ids = filled
    assert [h.kind for h in search(book, "Holloway").hits] == [SearchKind.question]
    declared = search(book, "Dunmore trustee").hits
    assert [h.kind for h in declared] == [SearchKind.declaration] and declared[0].item_id == ids["estates24"]
    action = search(book, "delivery plan").hits
    assert [h.kind for h in action] == [SearchKind.action] and action[0].ref_id == ids["action"]
    assert "Action 1" in plain_snippet(action[0].snippet)


def test_part_ii_only_in_a_confidential_search(filled) -> None:
    book, ids = filled
    assert search(book, "valuer").total == 0
    assert search(book, "Castle Street").total == 0
    hits = search(book, "valuer", confidential=True).hits
    assert [h.item_id for h in hits] == [ids["disposal"]] and hits[0].confidential
    assert not any(h.confidential for h in search(book, "estates", confidential=True).hits)


def test_filters_by_body_and_date(filled) -> None:
    book, ids = filled
    assert {h.body_id for h in search(book, "strategy", body_id=ids["audit"]).hits} == {ids["audit"]}
    recent = search(book, "estates", since=date(2024, 1, 1)).hits
    assert recent and all(h.meeting_date >= date(2024, 1, 1) for h in recent)


def test_pages_of_results(filled) -> None:
    book, _ = filled
    whole = search(book, "estates").hits
    first, second = search(book, "estates", limit=2), search(book, "estates", limit=2, offset=2)
    assert first.more and first.total == len(whole)
    assert first.hits + second.hits == whole[:4]


@pytest.mark.parametrize("typed, why", [
    ('"estates strategy', "a double quote is not closed"),
    ("estates AND", "ends too soon"),
    ("(estates OR digital", "ends too soon"),
    ("OR estates", "stops making sense at 'OR'"),
])
def test_a_query_the_index_cannot_read_is_explained(filled, typed: str, why: str) -> None:
    book, _ = filled
    with pytest.raises(SearchRefused) as refused:
        search(book, typed)
    assert why in refused.value.message and "double quotes finds the phrase" in refused.value.message


def test_what_clerks_type_is_read_not_refused(filled) -> None:
    book, _ = filled
    for typed in ("valuer's", "Month-10", "2023/24", "Health & Care", "item 6:", "-estates", "estat*:"):
        search(book, typed, confidential=True)  # no SearchRefused
    assert search(book, "valuer's", confidential=True).total == 1
    assert search(book, "   ").total == 0


def test_index_query_keeps_operators_and_quotes_punctuation() -> None:
    assert index_query("estates strategy") == "estates strategy"
    assert index_query('"estates strategy" OR estat*') == '"estates strategy" OR estat*'
    assert index_query("Chair's report") == '"Chair\'s" report'
    assert index_query("Month-10 & 2025/26*") == '"Month-10" "2025/26"*'
    assert index_query("estates AND NOT digital") == "estates NOT digital"
    assert index_query('(a OR b) "open') == '( a OR b ) "open'
    assert index_query("and or not") == "and or not"  # lower case: words, not operators


def test_triggers_keep_the_index_current(filled) -> None:
    book, ids = filled
    save_minute_text(book, ids["estates24"], notes="Members asked about the Riverside tenancy and backlog maintenance.")
    assert search(book, "tenancy").total == 1  # typed, found at once
    save_minute_text(book, ids["estates24"], notes="")
    assert search(book, "tenancy").total == 0 and search(book, "backlog").total == 0
    decision = next(d for d in [Decision(id=ids["decision24"], item_id=ids["estates24"], verb=DecisionVerb.deferred,
                                         text="the refresh to September")])
    update_decision(book, decision)
    assert search(book, '"refreshed estates"').total == 0 and search(book, "deferred September").total == 1
    delete_decision(book, ids["decision23"])
    assert not any(h.kind is SearchKind.decision for h in search(book, "estates").hits)
    update_item(book, AgendaItem(id=ids["digital"], meeting_id=ids["m_audit"], number="3", title="Cyber Security"))
    assert search(book, "cyber").total == 1 and search(book, "digital").total == 0
    delete_action(book, ids["action"], "duplicate")  # a retired action is no longer found
    assert search(book, "delivery").total == 0


def test_deleting_an_item_takes_its_minute_and_decisions_out_of_the_index(filled) -> None:
    book, ids = filled
    delete_item(book, ids["estates23"])
    assert search(book, "leased").total == 0
    assert all(h.meeting_date.year == 2024 for h in search(book, "estates").hits)
    left = book.conn.execute("SELECT count(*) FROM search_index WHERE item_id = ?", [ids["estates23"]]).fetchone()
    assert left == (0,)


def test_an_action_updated_or_moved_is_reindexed(filled) -> None:
    book, ids = filled
    from db.actions import get_action

    action = get_action(book, ids["action"])
    update_action(book, action.model_copy(update={"position_text": "Paper due at the October meeting."}))
    hits = search(book, "October").hits
    assert [h.kind for h in hits] == [SearchKind.action]
    delete_item(book, ids["estates24"])  # the action stays, its item gone: still found, under its meeting
    hit = search(book, "October").hits[0]
    assert hit.item_id is None and hit.item_title == "Estates Strategy refresh" and hit.meeting_id == ids["m2024"]


def test_migration_indexes_the_rows_a_book_already_holds(tmp_path: Path) -> None:
    # the rows are written by today's code (later migrations add columns it writes), then the index is
    # taken away and m003 run again on them: what it must do on a book written before it
    from db.schema import m003_search

    path = tmp_path / "old.secretary"
    with Book.open(path, create=True) as book:
        fill(book)
    conn = sqlite3.connect(path)
    triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE 'search_%'")]
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE search_index")
    conn.commit()
    db = Database(conn, execute_plugins=False)
    assert not db["search_index"].exists() and len(triggers) == 18
    m003_search(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    conn.close()
    with Book.open(path) as book:
        assert book.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert search(book, "estates strategy").total == 5
        assert search(book, "Holloway").total == 1 and search(book, "Dunmore").total == 1
        assert search(book, "valuer", confidential=True).total == 1

def test_search_command(tmp_path: Path) -> None:
    path = tmp_path / "cli.secretary"
    with Book.open(path, create=True) as book:
        fill(book)

    def secretary(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "secretary.cli", "search", *args, "--book", str(path)],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)

    found = secretary("estates strategy", "--body", "EB", "--since", "01/01/2024")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("2 results for 'estates strategy' in EB")
    assert lines[1].startswith("14/06/2024  EB") and "7. Estates Strategy refresh" in lines[1]
    assert "**Estates** **Strategy**" in found.stdout and "2023" not in found.stdout
    hidden = secretary("valuer")
    assert hidden.stdout.startswith("0 results") and "--confidential includes them" in hidden.stdout
    shown = secretary("valuer", "--confidential")
    assert "15. Disposal of Castle Street  · minutes  [Part II]" in shown.stdout
    bad = secretary('"estates')
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.startswith("secretary: Cannot search for '\"estates': a double quote is not closed.")
    assert len(bad.stderr.splitlines()) == 1
