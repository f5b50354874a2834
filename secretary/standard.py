"""The standard sentences of the opening items (DESIGN.md §5), written from what was
recorded: the clerk inserts them in the live screen and edits them freely; the draft
minutes use them where the clerk wrote nothing."""

from __future__ import annotations

from datetime import date

from secretary.declarations import wording
from secretary.models import AgendaItem, Declaration, Meeting
from secretary.planner import PlannerEntry, planner_sentence
from secretary.quorum import QuorumResult


def standard_text(
    item: AgendaItem,
    *,
    meeting: Meeting,
    noun: str,
    quorum: QuorumResult | None = None,
    declarations: list[Declaration] = (),
    initials: dict[int, str] | None = None,
    previous_date: date | None = None,
    amendments: str = "",
    planner: list[PlannerEntry] = (),
    next_date: date | None = None,
) -> str | None:
    """The sentence(s) for an item the agenda names as one of the usual ones, else None.

    ``noun`` is how the minutes name the body ("The Board"); ``declarations`` are those
    made at this meeting (general ones, and this item's); ``previous_date`` is the date of
    the meeting whose minutes this item approves; ``planner`` the body's decision planner
    and ``next_date`` the next meeting's date, for what is due then.
    """
    title = item.title.casefold()
    initials = initials or {}
    if "apolog" in title:
        return "Apologies were noted as above."
    if "quorac" in title or "quorum" in title:
        if quorum is None or quorum.quorate:
            return "It was confirmed that the meeting was quorate."
        return "The meeting was not quorate: " + "; ".join(quorum.missing) + "."
    if "interest" in title or "declaration" in title:
        said = [wording(d, initials.get(d.person_id, "?")) for d in declarations
                if d.item_id is None or d.item_id == item.id]
        sentences = said or ["There were no declarations of interest."]
        if meeting.register_confirmed:
            sentences.append("The Register of Interests was confirmed as up to date.")
        if meeting.gifts_hospitality.strip():
            sentences.append(f"Gifts and hospitality declared: {meeting.gifts_hospitality.strip()}")
        else:
            sentences.append("There were no declarations of gifts or hospitality.")
        return " ".join(sentences)
    if "minutes" in title:
        held = f" held on {previous_date.day} {previous_date:%B %Y}" if previous_date else ""
        if amendments.strip():
            return (f"The minutes of the meeting{held} were approved as an accurate record, subject to the "
                    f"following amendments: {amendments.strip()}")
        return f"The minutes of the meeting{held} were approved as an accurate record."
    if "action" in title and ("tracker" in title or "log" in title or title.strip() == "actions"):
        return f"{noun} noted the action tracker."
    if "planner" in title:
        return planner_sentence(item, list(planner), next_date)
    if "welcome" in title:
        return "The Chair welcomed everyone to the meeting."
    if "any other business" in title:
        return "There was no other business."
    return None
