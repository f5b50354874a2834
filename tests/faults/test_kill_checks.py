"""The kill -9 campaign's own checks (tests/faults/test_kill.py), on made-up outcomes: what the
campaign calls text never typed must be text never typed, and nothing else."""

from __future__ import annotations

import json

from tests.faults.conftest import Held
from tests.faults.test_kill import check_kill


def outcome(before: str, typed: list[str], saved: str) -> list[str]:
    lines = [f"typed 7 {json.dumps(words)}" for words in typed]
    return check_kill(Held({7: before}, {}, 7), Held({7: saved}, {}, 7), lines)[2]


def test_a_movement_line_put_after_the_clerk_s_space_is_not_text_never_typed() -> None:
    """Typed "the ", then MK left (the line goes straight after the space), then "noted" was
    being typed when the app was killed: the book holds what was typed, and the line."""
    assert outcome("The report. ", ["the Board the ", "noted the "], "The report. the Board the MK left the meeting.n") == []
    assert outcome("", ["the report. ", "more "], "the report. FA arrived. mo") == []
    assert outcome("a heading", [" words "], "a heading\nFA, NB and LT left the meeting. wor") == []


def test_words_lost_swapped_or_never_typed_are_still_found() -> None:
    assert outcome("", ["the Board noted "], "the noted Board")  # swapped
    assert outcome("", ["the Board noted "], "the Board MK left the meeting.agreed")  # never typed
    assert outcome("Earlier words. ", ["more "], "Earlier. more")  # a word of the book's lost
