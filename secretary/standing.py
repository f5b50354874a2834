"""The standing items of an agenda: the ones every meeting has and the app knows how to minute.

An item's kind is decided once — when the item is made or imported, from its title — then
stored on the item, and the clerk can change it in the agenda editor (a board whose
"Matters arising" is item 3, or whose apologies item is called "Attendance", says so once).
Everything that treats a standing item differently (the usual sentence, F12, which items a
new meeting copies, where public questions go) asks the item's kind, never its title.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Standing(StrEnum):
    none = ""
    welcome = "welcome"
    apologies = "apologies"
    quoracy = "quoracy"
    interests = "interests"
    previous_minutes = "previous_minutes"
    matters_arising = "matters_arising"
    action_tracker = "action_tracker"
    planner = "planner"
    public_questions = "public_questions"
    other_business = "other_business"


LABELS = {
    Standing.none: "An ordinary item",
    Standing.welcome: "Welcome and introductions",
    Standing.apologies: "Apologies",
    Standing.quoracy: "Quoracy",
    Standing.interests: "Declarations of interest",
    Standing.previous_minutes: "Minutes of the previous meeting",
    Standing.matters_arising: "Matters arising",
    Standing.action_tracker: "Action tracker",
    Standing.planner: "Decision planner",
    Standing.public_questions: "Questions from the public",
    Standing.other_business: "Any other business",
}

# the items a new meeting copies from the one before: the opening run ends with the last of these
OPENING_RUN = frozenset({Standing.previous_minutes, Standing.action_tracker, Standing.matters_arising})

# first match wins: "Welcome and apologies" is the apologies item, "Minutes and action log" the minutes
_RULES: tuple[tuple[Standing, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
        (Standing.apologies, r"\bapolog"),
        (Standing.quoracy, r"\bquor(?:acy|ate|um)\b"),
        (Standing.interests, r"\binterests?\b|\bdeclarations?\b"),
        (Standing.previous_minutes, r"\bminutes\b"),
        (Standing.matters_arising, r"\bmatters arising\b"),
        (Standing.action_tracker, r"\baction (?:log|tracker|list|register)\b|^\s*actions\s*$"),
        (Standing.planner, r"\bplanner\b"),
        (Standing.public_questions, r"\bpublic\b.*\bquestions?\b|\bquestions?\b.*\bpublic\b"),
        (Standing.other_business, r"\bany other business\b|\bAOB\b"),
        (Standing.welcome, r"\bwelcome\b|\bintroductions?\b|\bchair'?s? opening\b"),
    )
)
# "Audit Committee minutes" is a committee's report, not this body's previous minutes
_ANOTHER_BODYS = re.compile(r"\b(?:committee|sub-?committee|group|forum|partnership|panel|council)\b",
                            re.IGNORECASE)
_THIS_BODYS = re.compile(r"\bprevious\b|\blast meeting\b|\bheld on\b|\bof the meeting\b", re.IGNORECASE)


def classify(title: str) -> Standing:
    """The standing kind an item of this title most likely is (``Standing.none`` for most items)."""
    for kind, pattern in _RULES:
        if not pattern.search(title):
            continue
        if kind is Standing.previous_minutes and _ANOTHER_BODYS.search(title) and not _THIS_BODYS.search(title):
            continue
        return kind
    return Standing.none
