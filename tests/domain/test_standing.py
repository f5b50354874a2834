"""One classifier of standing items, decided when the item is made and kept with it."""

from __future__ import annotations

import pytest

from secretary.models import AgendaItem
from secretary.standing import Standing, classify


@pytest.mark.parametrize(("title", "kind"), [
    ("Apologies for absence", Standing.apologies),
    ("Welcome, introductions and apologies", Standing.apologies),
    ("Welcome and Introductions", Standing.welcome),
    ("Quoracy", Standing.quoracy),
    ("Declarations of Interest", Standing.interests),
    ("Relevant Persons' Disclosure of Interests", Standing.interests),
    ("Minutes from meeting held on 27 September 2024", Standing.previous_minutes),
    ("Minutes of the previous meeting", Standing.previous_minutes),
    ("Audit Committee minutes (for noting)", Standing.none),  # another body's minutes: a report
    ("Matters arising", Standing.matters_arising),
    ("Action Log", Standing.action_tracker),
    ("Action Tracker", Standing.action_tracker),
    ("Board Decision Planner", Standing.planner),
    ("Joint Forward Plan refresh 2025/26", Standing.none),
    ("Questions from the Public", Standing.public_questions),
    ("Any Other Business", Standing.other_business),
    ("Finance report: month 10", Standing.none),
])
def test_titles_clerks_write(title: str, kind: Standing) -> None:
    assert classify(title) is kind


def test_an_item_made_keeps_its_kind_and_the_clerk_can_say_otherwise() -> None:
    item = AgendaItem(meeting_id=1, title="Action log")
    assert item.standing is Standing.action_tracker
    renamed = item.model_copy(update={"title": "Finance"})  # decided once: a new title keeps the kind
    assert renamed.standing is Standing.action_tracker
    told = AgendaItem(meeting_id=1, title="Matters arising and actions", standing=Standing.action_tracker)
    assert told.standing is Standing.action_tracker
    assert AgendaItem.model_validate({"meeting_id": 1, "title": "Apologies", "standing": ""}).standing is Standing.none
