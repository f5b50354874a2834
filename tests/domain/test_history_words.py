"""The history in the clerk's words, and the versions of a minute's notes (secretary/history.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from secretary.history import (
    Change,
    Names,
    details,
    note_versions,
    short_change,
    summary,
    what,
    with_text_after,
)

T0 = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)
NAMES = Names(people={7: "JP"}, actions={3: 93}, items={11: "5"}, tz=timezone.utc)


def change(id: int, table: str, kind: str, before=None, after=None, **more) -> Change:
    return Change(id=id, at=T0 + timedelta(seconds=id), table=table, row_id=more.pop("row_id", 1), kind=kind,
                  before=before, after=after, **more)


def text(id: int, notes: str, **more) -> Change:
    return change(id, "minute", "update", {"notes": notes, "presenters": "", "taken_as_read": 0}, part="text",
                  **more)


def test_a_snapshot_is_followed_by_the_next_version_or_the_notes_now() -> None:
    filled = with_text_after([text(1, "a"), text(2, "ab"), change(3, "decision", "insert", after={"text": "x"})],
                             {1: {"notes": "abc", "presenters": "", "taken_as_read": 0}})
    by_id = {c.id: c for c in filled}
    assert by_id[1].after["notes"] == "ab" and by_id[2].after["notes"] == "abc"
    assert by_id[3].after == {"text": "x"}


def test_versions_newest_first_without_repeats() -> None:
    changes = [change(1, "minute", "insert", after={"notes": ""}), text(2, "Draft"), text(3, "Draft two"),
               text(4, "Draft")]
    versions = note_versions(changes, "Final")
    assert [v.text for v in versions] == ["Final", "Draft", "Draft two", ""]
    assert versions[0].current and versions[1].change_id == 4


def test_a_minute_under_a_reused_item_id_starts_its_own_versions() -> None:
    changes = [text(1, "Old item's words"), change(2, "minute", "delete", before={"notes": "Old item's last"}),
               change(3, "minute", "insert", after={"notes": ""})]
    assert [v.text for v in note_versions(changes, "New")] == ["New", ""]


def test_words_for_changes() -> None:
    decision = {"id": 1, "item_id": 11, "position": 0, "verb": "approved", "text": "the [b]budget[/b]",
                "inquorate": 0}
    assert what(change(1, "decision", "delete", before=decision)) == "Decision deleted"
    assert summary(change(1, "decision", "delete", before=decision)) == "APPROVED the [b]budget[/b]"
    moved = change(2, "decision", "update", before=decision, after={**decision, "position": 1})
    assert what(moved) == "Decision moved" and summary(moved) == "position: 0 → 1"
    back = change(3, "decision", "insert", after=decision, undoes=1, note="deletion undone")
    assert what(back) == "Decision brought back"
    row = {"id": 4, "meeting_id": 1, "person_id": 7, "status": "expected"}
    ticked = change(4, "attendance", "update", before=row, after={**row, "status": "present"})
    assert summary(ticked, NAMES) == "JP: expected → present"
    arrived = change(5, "movement", "insert",
                     after={"person_id": 7, "kind": "arrived", "at": "2025-03-21T10:05:00+00:00", "item_id": 11})
    assert summary(arrived, NAMES) == "JP arrived 10.05 (item 5)"
    update = change(6, "action_update", "insert", after={"action_id": 3, "status": "in_progress", "text": "On track"})
    assert what(update, NAMES) == "Update on action 93 added"
    assert summary(update, NAMES) == "in progress: On track"
    assert "inquorate: no" in details(change(1, "decision", "delete", before=decision), NAMES)


def test_a_retired_action_is_a_deletion_and_its_return_is_named() -> None:
    action = {"id": 3, "number": 93, "text": "Circulate the plan", "deleted_reason": ""}
    retired = change(1, "action", "update", before=action, after={**action, "deleted_reason": "duplicate"})
    assert retired.is_deletion and what(retired) == "Action 93 deleted"
    back = change(2, "action", "update", before=retired.after, after=action, undoes=1)
    assert not back.is_deletion and what(back) == "Action 93 brought back"


def test_a_text_change_in_short() -> None:
    old, new = short_change("The Board noted the report.", "The Board approved the report.")
    assert "noted" in old and "approved" in new and old.startswith("…")
    assert short_change("", "Welcome.") == ("(empty)", "Welcome.")
    restored = text(9, "Deferred.", note="replaced by a restored version")
    restored = restored.model_copy(update={"after": {**restored.before, "notes": "Winter plan noted."}})
    assert what(restored) == "Notes restored" and summary(restored) == "Deferred. → Winter plan noted."


@given(st.text(max_size=80), st.text(max_size=80), st.integers(8, 40))
def test_the_short_change_fits_and_shows_what_differs(old: str, new: str, width: int) -> None:
    shown_old, shown_new = short_change(old, new, width)
    for shown in (shown_old, shown_new):
        assert len(shown) <= width + 2  # an ellipsis at either end
    if " ".join(old.split()) != " ".join(new.split()):
        assert shown_old != shown_new
