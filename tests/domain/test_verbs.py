"""The decision verb as typed: in full, or the start of exactly one verb; never a guess."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretary.models import DecisionVerb
from secretary.verbs import VERBS, decision_sentence, read_verb, verb_phrase, verbs_fitting


def test_a_start_fitting_several_verbs_lists_them() -> None:
    assert verbs_fitting("not") == [DecisionVerb.noted, DecisionVerb.not_approved]
    with pytest.raises(ValueError, match="could be noted or not approved"):
        read_verb("not")
    assert read_verb("not a") is DecisionVerb.not_approved
    assert read_verb("note") is DecisionVerb.noted


def test_a_negative_reads_as_minutes_do() -> None:
    assert verb_phrase(DecisionVerb.not_approved) == "did not approve"
    assert decision_sentence("The Board", DecisionVerb.not_approved, "the late paper") == (
        "The Board did not approve the late paper.")
    assert decision_sentence("The Committee", DecisionVerb.noted, "") == "The Committee noted …"


@given(st.sampled_from(VERBS), st.data())
def test_any_start_is_one_verb_or_refused_naming_every_verb_it_fits(verb: str, data) -> None:
    typed = verb[: data.draw(st.integers(1, len(verb)))]
    typed = data.draw(st.sampled_from([typed, typed.upper(), f"  {typed} "]))
    fitting = verbs_fitting(typed)
    assert DecisionVerb(verb) in fitting
    if len(fitting) == 1:
        assert read_verb(typed) is DecisionVerb(verb)
    else:
        with pytest.raises(ValueError) as refused:
            read_verb(typed)
        assert all(v.value in str(refused.value) for v in fitting)
