"""The standard sentences of the opening items (DESIGN.md §5), written from what was
recorded: the clerk inserts them in the live screen and edits them freely; the draft
minutes use them where the clerk wrote nothing."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from secretary.declarations import wording
from secretary.models import AgendaItem, Declaration, Meeting
from secretary.planner import PlannerEntry, planner_sentence
from secretary.quorum import QuorumResult
from secretary.standing import Standing

if TYPE_CHECKING:
    from secretary.record import MeetingRecord


# the standing items whose sentence states a fact of the record; a welcome or "no other business"
# is only a habit of wording, never printed unless the clerk wrote it
RECORD_BACKED = frozenset({Standing.apologies, Standing.quoracy, Standing.interests, Standing.previous_minutes,
                           Standing.action_tracker, Standing.planner})


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
    initials = initials or {}
    kind = item.standing
    if kind is Standing.apologies:
        return "Apologies were noted as above."
    if kind is Standing.quoracy:
        if quorum is None or quorum.quorate:
            return "It was confirmed that the meeting was quorate."
        return "The meeting was not quorate: " + "; ".join(quorum.missing) + "."
    if kind is Standing.interests:
        said = [wording(d, initials.get(d.person_id, "?")) for d in declarations
                if d.item_id is None or d.item_id == item.id]
        elsewhere = [d for d in declarations if d.item_id is not None and d.item_id != item.id]
        if elsewhere:  # never "no declarations" with one on record: where they are is said instead
            said.append("Declarations of interest made during the meeting are recorded under the items "
                        "concerned.")
        sentences = said or ["There were no declarations of interest."]
        if meeting.register_confirmed:
            sentences.append("The Register of Interests was confirmed as up to date.")
        if meeting.gifts_hospitality.strip():
            sentences.append(f"Gifts and hospitality declared: {meeting.gifts_hospitality.strip()}")
        else:
            sentences.append("There were no declarations of gifts or hospitality.")
        return " ".join(sentences)
    if kind is Standing.previous_minutes:
        held = f" held on {previous_date.day} {previous_date:%B %Y}" if previous_date else ""
        if amendments.strip():
            return (f"The minutes of the meeting{held} were approved as an accurate record, subject to the "
                    f"following amendments: {amendments.strip()}")
        return f"The minutes of the meeting{held} were approved as an accurate record."
    if kind is Standing.action_tracker:
        return f"{noun} noted the action tracker."
    if kind is Standing.planner:
        return planner_sentence(item, list(planner), next_date)
    if kind is Standing.welcome:
        return "The Chair welcomed everyone to the meeting."
    if kind is Standing.other_business:
        return "There was no other business."
    return None


_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+(\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b",
    re.IGNORECASE)


def date_in_title(title: str) -> date | None:
    """The date an item's title names ("Minutes from meeting held on 27 September 2024"), if one
    is written out in full with its year; None otherwise (never guessed)."""
    match = _DAY_MONTH_YEAR.search(title)
    if match is None:
        return None
    try:
        if match.group(1):
            return datetime.strptime(f"{match.group(1)} {match.group(2)[:3]} {match.group(3)}", "%d %b %Y").date()
        return date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:
        return None


_SAYS_NO_DECLARATIONS = re.compile(r"\bno declarations of interest\b", re.IGNORECASE)
_SAYS_QUORATE = re.compile(r"\bmeeting was quorate\b", re.IGNORECASE)
_SAYS_INQUORATE = re.compile(r"\b(?:not|in)quorate\b|\bwas not quorate\b", re.IGNORECASE)
_SAYS_NO_APOLOGIES = re.compile(r"\bno apologies\b", re.IGNORECASE)
_SAYS_APPROVED_ON = re.compile(r"minutes of the meeting held on (.+?) were approved", re.IGNORECASE)


def disagreements(record: MeetingRecord, item: AgendaItem, notes: str) -> list[str]:
    """Facts the clerk's text for ``item`` states that the record contradicts, in words: a stock
    sentence written early (F12 at the opening items) that later events made untrue, or typed."""
    found = []
    if _SAYS_NO_DECLARATIONS.search(notes) and record.declarations:
        who = sorted({record.people[d.person_id].initials for d in record.declarations if d.person_id in record.people})
        found.append(f"The notes say there were no declarations of interest, but {len(record.declarations)} "
                     f"{'was' if len(record.declarations) == 1 else 'were'} recorded ({', '.join(who)}).")
    says_inquorate, says_quorate = _SAYS_INQUORATE.search(notes), _SAYS_QUORATE.search(notes)
    quorum = record.quorum_when_taken(item.id) if says_inquorate or says_quorate else None
    if says_quorate and not says_inquorate and not quorum.quorate:
        found.append(f"The notes say the meeting was quorate, but when the item was taken it was not "
                     f"({quorum.counts}: {'; '.join(quorum.missing)}).")
    elif says_inquorate and quorum.quorate:
        found.append(f"The notes say the meeting was not quorate, but when the item was taken it was "
                     f"({quorum.counts}).")
    if _SAYS_NO_APOLOGIES.search(notes) and any(a.status.value == "apologies" for a in record.attendance):
        found.append("The notes say there were no apologies, but apologies are recorded on the roll.")
    approved = _SAYS_APPROVED_ON.search(notes)
    previous = record.previous_date
    if approved and previous is not None and date_in_title(approved.group(1) + " ") not in (None, previous):
        found.append(f"The notes approve the minutes of {approved.group(1)}, but the previous meeting was held on "
                     f"{previous.day} {previous:%B %Y}.")
    return found
