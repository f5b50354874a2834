"""Any order of live actions (issue 15): take items in any order, next and previous, decisions,
declarations, arrivals and departures, then close — and check that "next" never lands on an item
already taken while one is left, and that no sentence the minutes print states a fact the record
contradicts (no "no declarations" with one on record; the quoracy sentence as the quorum stood
when that item was taken)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import live
from db.demo import build_demo
from db.meetings import list_items
from db.minutes import record_decision
from db.people import roster
from db.record import read_record
from secretary.agenda import next_untaken, taken
from secretary.minutes_doc import Bullets, build_minutes
from secretary.models import Decision, DecisionVerb, Declaration, DeclarationOutcome, Movement, MovementKind
from secretary.standing import Standing

START = datetime(2025, 3, 21, 9, 0, tzinfo=timezone.utc)

ops = st.lists(st.one_of(
    st.tuples(st.just("take"), st.integers(0, 40)),
    st.tuples(st.just("next")),
    st.tuples(st.just("previous")),
    st.tuples(st.just("decide"), st.sampled_from(list(DecisionVerb))),
    st.tuples(st.just("declare"), st.integers(0, 30), st.booleans()),
    st.tuples(st.just("move"), st.integers(0, 30), st.sampled_from([MovementKind.arrived, MovementKind.left])),
), max_size=25)


def text_of(doc) -> str:
    lines = []
    for row in doc.items:
        for block in row.blocks:
            if isinstance(block, Bullets):
                lines += ["".join(r.text for r in item) for item in block.items]
            else:
                lines.append(block.text)
    return "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=ops)
def test_any_order_of_live_actions(demo_copy, tmp_path_factory, steps) -> None:
    path = demo_copy(tmp_path_factory.mktemp("sequence") / "demo.secretary")
    book, meeting_id, _ = build_demo(path)
    clock = itertools.count(1)

    def now() -> datetime:
        return START + timedelta(minutes=next(clock))

    with book:
        items = list_items(book, meeting_id)
        people = [seat.person for seat in roster(book, 1)]
        live.start_meeting(book, meeting_id, now())
        for step in steps:
            record = read_record(book, meeting_id)
            current = record.current_item_id
            if step[0] == "take":
                live.take_item(book, meeting_id, items[step[1] % len(items)].id, now())
            elif step[0] in ("next", "previous"):
                if step[0] == "next":
                    target = next_untaken(record.items, record.minutes, current)
                    if target is not None:
                        assert target.id not in taken(record.minutes)  # never an item already taken …
                    else:  # … and none is left only when every item has been
                        assert taken(record.minutes) >= {i.id for i in record.items}
                else:
                    target = record.ordered[max(0, [i.id for i in record.ordered].index(current) - 1)] \
                        if current is not None else None
                if target is not None:
                    live.take_item(book, meeting_id, target.id, now())
            elif current is None:
                continue
            elif step[0] == "decide":
                record_decision(book, Decision(item_id=current, verb=step[1], text="the paper",
                                               recorded_at=now()))
            elif step[0] == "declare":
                outcome = DeclarationOutcome.withdrew if step[2] else DeclarationOutcome.took_part
                live.record_declaration(book, Declaration(
                    meeting_id=meeting_id, item_id=current, person_id=people[step[1] % len(people)].id,
                    interest="Trustee of a local charity", outcome=outcome), now())
            elif step[0] == "move":
                live.record_movement(book, Movement(
                    meeting_id=meeting_id, person_id=people[step[1] % len(people)].id, kind=step[2], at=now(),
                    item_id=current))
        live.close_meeting(book, meeting_id, now())
        record = read_record(book, meeting_id)
        printed = text_of(build_minutes(record, confidential=True))
    if record.declarations:
        assert "There were no declarations of interest." not in printed
    quoracy = record.standing_item(Standing.quoracy)
    minute = record.minutes.get(quoracy.id)
    if minute is not None and minute.started_at is not None and not record.decisions_on(quoracy.id) \
            and not record.declarations_on(quoracy.id):
        quorate_then = record.quorum_when_taken(quoracy.id).quorate
        assert ("It was confirmed that the meeting was quorate." in printed) == quorate_then
        assert ("The meeting was not quorate" in printed) == (not quorate_then)
