"""Searching every meeting (DESIGN.md §8): what a search finds, and reading what the clerk typed.

The book's index (SQLite FTS5, ``db/search.py``) takes the query language the clerk is
shown: words anywhere (``estates strategy``), a phrase in double quotes, a prefix
(``estat*``), and ``AND``, ``OR``, ``NOT`` in capitals with brackets. Everything else a
clerk naturally types — ``Chair's report``, ``Month-10``, ``2025/26``, ``Health & Care`` —
is made into words the index can read rather than refused as a syntax error.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import NamedTuple

# The index marks the words it matched with these; they never occur in typed text.
MARK_START = "\x02"
MARK_END = "\x03"


class SearchKind(StrEnum):
    minute = "minute"
    item = "item"
    decision = "decision"
    action = "action"
    declaration = "declaration"
    question = "question"

    @property
    def label(self) -> str:
        return {
            "minute": "minutes", "item": "agenda item", "decision": "decision", "action": "action",
            "declaration": "declaration", "question": "public question",
        }[self.value]


class SearchHit(NamedTuple):
    """One place the words were found: in a meeting's item, or an action raised there. (A plain
    value, not a pydantic model: `secretary search` starts without building any.)"""

    kind: SearchKind
    ref_id: int  # the minute's item, the decision, action, declaration or question
    body_id: int
    body_label: str
    meeting_id: int | None = None  # None: an action imported from a tracker, with no meeting in the book
    meeting_date: date | None = None
    meeting_title: str = ""
    item_id: int | None = None
    item_number: str = ""
    item_title: str = ""
    confidential: bool = False  # a Part II item: only in the confidential minutes
    snippet: str = ""  # the text around the words found, which are between MARK_START and MARK_END

    @property
    def item_label(self) -> str:
        """'item 6 Estates Strategy' / 'Estates Strategy' / 'general'"""
        if self.item_number and self.item_title:
            dot = "" if self.item_number.endswith((".", ")")) else "."
            return f"{self.item_number}{dot} {self.item_title}"
        return self.item_title or ("general" if self.kind is SearchKind.declaration else "")


class SearchPage(NamedTuple):
    """One page of results, most recent meeting first, and how many there are in all."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    total: int = 0
    offset: int = 0

    @property
    def more(self) -> bool:
        return self.offset + len(self.hits) < self.total


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) pieces, for a renderer to style the matched words."""
    parts: list[tuple[str, bool]] = []
    for n, piece in enumerate(re.split(f"[{MARK_START}{MARK_END}]", snippet)):
        if piece:
            parts.append((" ".join(piece.split("\n")), n % 2 == 1))
    return parts


def plain_snippet(snippet: str, mark: str = "**") -> str:
    """The snippet with the matched words between ``mark``s: for a file or a pipe."""
    return "".join(f"{mark}{text}{mark}" if hit else text for text, hit in snippet_parts(snippet))


_OPERATORS = {"AND", "OR", "NOT"}
# letters, digits, _ and anything beyond ASCII: written as what it is not, which compiles in a
# tenth of a millisecond where the range up to U+10FFFF took four, on every search from the CLI
_BAREWORD = re.compile(r"[^\x00-/:-@\[-^`{-\x7f]+\*?")
_PIECES = re.compile(r'"[^"]*"?\*?|[()]|[^\s"()]+')


def index_query(typed: str) -> str:
    """What the clerk typed, as an FTS5 query: operators, phrases, prefixes and brackets kept;
    any other word with punctuation in it quoted (``Chair's`` → ``"Chair's"``) and stray
    punctuation (``&``, ``–``) dropped. An unclosed quote or bracket is left for the index
    to refuse, so the clerk is told rather than second-guessed."""
    out: list[str] = []
    for piece in _PIECES.findall(typed.replace(MARK_START, " ").replace(MARK_END, " ")):
        if piece == "NOT" and out and out[-1] == "AND":
            out[-1] = piece  # "estates AND NOT digital": the index's NOT already means "and not"
        elif piece.startswith('"') or piece in ("(", ")") or piece in _OPERATORS:
            out.append(piece)
        elif piece.startswith("NEAR(") or piece == "NEAR":
            out.append(piece)
        elif _BAREWORD.fullmatch(piece):
            out.append(piece)
        else:
            prefix = piece.endswith("*")
            word = piece.rstrip("*")
            if any(ch.isalnum() for ch in word):
                out.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(out)


SYNTAX_HELP = ('Words are found anywhere; "two words" in double quotes finds the phrase; estat* finds '
               "words that begin estat; AND, OR and NOT (in capitals) combine words, with brackets.")


def explain_syntax(typed: str, reason: str) -> str:
    """The clerk's words for a query the index could not read."""
    said = reason.removeprefix("fts5: ")
    if "unterminated string" in said:
        why = "a double quote is not closed"
    elif said.startswith("syntax error near"):
        near = said.removeprefix("syntax error near").strip().strip('"')
        why = f"it stops making sense at {near!r}" if near else "it ends too soon (after AND, OR, NOT or a bracket)"
    elif "no such column" in said:
        why = "a word is followed by a colon, which the index reads as a column name"
    else:
        why = said
    return f"Cannot search for {typed.strip()!r}: {why}. {SYNTAX_HELP}"
