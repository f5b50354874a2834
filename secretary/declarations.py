"""Declarations of interest at a meeting: the clerk's words for them, and the hint of
registered interests that may touch an item (DESIGN.md §3, §6)."""

from __future__ import annotations

import re

from secretary.models import AgendaItem, Declaration, DeclarationOutcome, Interest, InterestNature

NATURE_WORDS = {
    InterestNature.financial: "financial",
    InterestNature.non_financial_professional: "non-financial professional",
    InterestNature.non_financial_personal: "non-financial personal",
    InterestNature.indirect: "indirect",
}

OUTCOME_WORDS = {
    DeclarationOutcome.took_part: "remained and took part",
    DeclarationOutcome.no_part_in_decision: "remained but took no part in the decision",
    DeclarationOutcome.withdrew: "withdrew for the item",
}

# words too common in agenda titles and registers to suggest a conflict on their own
_COMMON = set("""
report reports update updates board committee meeting minutes action actions paper papers
chair chairs chief officer director member members northbridge integrated care health
services service system strategy strategic plan plans review annual quarter month
national local trust trusts foundation council group partnership partner partners public
private limited ltd company from with that this their have there about into after before
""".split())


# the register's words that name a role: "Trustee of …" reads "as a trustee of …"
_ROLES = re.compile(r"^(?:an?\s+)?(trustee|director|non-executive director|partner|governor|member|shareholder|"
                    r"chair|vice[- ]chair|employee|owner|founder|volunteer|ambassador|patron|adviser|advisor|"
                    r"consultant|associate|fellow|secretary|treasurer)\b", re.IGNORECASE)


def wording(declaration: Declaration, initials: str, *, withdrawal_told: bool = False) -> str:
    """The sentence for the minutes, unless the clerk wrote their own.

    ``withdrawal_told``: the item's minute says where the person withdrew (a movement was
    recorded), so the declaration does not say it again."""
    if declaration.wording.strip():
        return declaration.wording.strip()
    kind = _kind(declaration)
    said = f"{initials} declared {kind}{_apposition(declaration.interest)}"
    if declaration.outcome is DeclarationOutcome.withdrew:
        return f"{said}." if withdrawal_told else f"{said} and withdrew for the item."
    if declaration.outcome is DeclarationOutcome.no_part_in_decision:
        return f"{said}, remained in the meeting but took no part in the decision."
    return f"{said}. It was agreed that {initials} could remain and take part."


def _kind(declaration: Declaration) -> str:
    if not declaration.nature:
        return "an interest"
    words = NATURE_WORDS[declaration.nature]
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words} interest"


def _apposition(interest: str) -> str:
    """The register's words beside the interest: ' as a trustee of X' or ' (sister is a director of X)'."""
    text = " ".join(interest.split()).rstrip(".;,")
    if not text:
        return ""
    role = _ROLES.match(text)
    if role:
        rest = re.sub(r"^\s*[,:–-]\s*", " of ", text[role.end(1):])  # "Director, X Ltd": a director of X Ltd
        noun = role.group(1).lower()
        return f" as {'an' if noun[0] in 'aeiou' else 'a'} {noun}{rest}"
    second = text.split(maxsplit=2)[1:2]
    if text[0].isupper() and not text[1:2].isupper() and not (second and second[0][:1].isupper()):
        # "Sister is …" inside the sentence; "NHS …" and a title ("Clinical Director, …") keep their capitals
        text = text[0].lower() + text[1:]
    return f" ({text})"


def significant_words(text: str) -> set[str]:
    words = (w.removesuffix("'s").strip("'&-") for w in re.findall(r"[a-z][a-z'&-]{3,}", text.casefold()))
    return {w for w in words if w not in _COMMON and len(w) >= 4}


def interest_hints(item: AgendaItem, interests: list[Interest], present: set[int]) -> list[tuple[Interest, set[str]]]:
    """Registered interests of people in the room whose words meet the item's title.

    Only a hint for the clerk, never a declaration: an interest naming "estates" for an
    item on the "Estates disposal" is shown with the words they share.
    """
    title_words = significant_words(f"{item.title} {item.section}")
    hints = []
    if not title_words:
        return hints
    for interest in interests:
        if interest.person_id is None or interest.person_id not in present:
            continue
        if interest.declares.strip().casefold().startswith("no") and not interest.details.strip():
            continue
        shared = title_words & significant_words(interest.details)  # not their role: that is why they sit here
        if shared:
            hints.append((interest, shared))
    return hints
