"""Reading the decision verb the clerk types: in full, or the start of exactly one verb.

A start that fits several verbs ("not": noted, not approved) is not guessed: the form lists
them. What the form shows, what the completion offers and what is stored all come from here.
"""

from __future__ import annotations

from secretary.models import DecisionVerb

VERBS = [v.value for v in DecisionVerb]

# how the minutes say a negative: "The Board did not approve the late paper"
_PHRASES = {DecisionVerb.not_approved: "did not approve"}


def _said(text: str) -> str:
    return " ".join(text.split()).casefold()


def verbs_fitting(text: str) -> list[DecisionVerb]:
    """Every verb that ``text`` could be: the one it spells in full, else all it starts."""
    said = _said(text)
    if not said:
        return []
    exact = [v for v in DecisionVerb if v.value == said]
    return exact or [v for v in DecisionVerb if v.value.startswith(said)]


def read_verb(text: str) -> DecisionVerb:
    """The one verb ``text`` stands for; ValueError saying which verbs it could be otherwise."""
    fitting = verbs_fitting(text)
    if len(fitting) == 1:
        return fitting[0]
    if not _said(text):
        raise ValueError("Type the verb: " + ", ".join(VERBS) + ".")
    if fitting:
        raise ValueError(f"“{text.strip()}” could be " + " or ".join(v.value for v in fitting) + ": type more.")
    raise ValueError(f"“{text.strip()}” is not a verb; type one of: " + ", ".join(VERBS) + ".")


def verb_phrase(verb: DecisionVerb) -> str:
    """The verb as a sentence of the minutes uses it: "approved", "did not approve"."""
    return _PHRASES.get(verb, verb.value)


def decision_sentence(collective: str, verb: DecisionVerb, text: str) -> str:
    """"The Board did not approve the late paper." — what the form shows before recording."""
    said = " ".join(text.split())
    sentence = f"{collective} {verb_phrase(verb)} {said}".rstrip() if said else f"{collective} {verb_phrase(verb)} …"
    return sentence if sentence.endswith((".", "…", "!", "?")) else sentence + "."
