"""Control characters never enter the book or reach a terminal (secretary/safety.py)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from secretary.safety import clean_text, visible_text


def controls(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n"}


@given(st.text())
def test_nothing_but_tab_and_newline_is_left_to_command_a_terminal(text: str) -> None:
    assert controls(clean_text(text)) == set()
    assert controls(visible_text(text)) == set()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc",))))
def test_text_without_controls_is_left_exactly_as_it_was(text: str) -> None:
    assert clean_text(text) == text and visible_text(text) == text


def test_escape_sequences_are_shown_or_removed() -> None:
    name = "Eve\x1b]0;pwned\x07 \x1b[2J\x9b1m\tOK\r\nnext"
    assert visible_text(name) == "Eve␛]0;pwned␇ ␛[2J<9B>1m\tOK␍\nnext"
    assert clean_text(name) == "Eve]0;pwned [2J1m\tOK\nnext"
