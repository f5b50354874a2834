"""The decision planner (forward plan): the decisions a body expects to take at future
meetings, linked to the agenda items that take them, and the published table."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from secretary.dates import DateRefused, read_date
from secretary.declarations import significant_words
from secretary.formats import short_date
from secretary.models import AgendaItem, Decision, DecisionVerb

if TYPE_CHECKING:  # the published table (and the exports it shares) is loaded when a planner is exported
    from secretary.published_table import PublishedTable


class PlannerStatus(StrEnum):
    future = "future"
    taken = "taken"
    complete = "complete"  # marked COMPLETE in an imported planner
    withdrawn = "withdrawn"

    @property
    def label(self) -> str:
        return "COMPLETE" if self is PlannerStatus.taken else self.value.upper()


class PlannerMove(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: int | None = None
    entry_id: int | None = None
    moved_on: date
    from_text: str = ""
    from_date: date | None = None
    to_text: str = ""
    to_date: date | None = None
    deferred: bool = False  # moved by a decision to defer, not by the clerk's edit
    meeting_id: int | None = None


class PlannerEntry(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True, str_strip_whitespace=True)

    id: int | None = None
    body_id: int
    position: int = 0
    status: PlannerStatus = PlannerStatus.future
    ref: str = Field(default="", max_length=40)
    topic: str = ""
    decision: str = Field(min_length=1)
    decision_taker: str = ""
    scope: str = ""
    date_text: str = ""  # as written: "21 Mar 2025", "Sep 2025", "TBC"
    due_date: date | None = None  # only where the day is certain
    sponsor: str = ""
    contacts: str = ""  # "Name, Role; Name, Role"
    item_id: int | None = None
    taken_on: date | None = None
    taken_decision_id: int | None = None
    taken_words: str = ""
    # read with the entry, never written with it
    confidential: bool = Field(default=False, exclude=True)  # linked to a Part II item
    moves: tuple[PlannerMove, ...] = Field(default=(), exclude=True)

    @property
    def slips(self) -> int:
        return sum(m.deferred for m in self.moves)

    @property
    def open(self) -> bool:
        return self.status is PlannerStatus.future

    def when(self) -> str:
        """The date as written ("21 Mar 2025", "Sep 2025", "TBC"), else the date held."""
        return self.date_text or (short_date(self.due_date) if self.due_date else "TBC")


_TBC = {"tbc", "tba", "to be confirmed", "tbd"}
_MONTH_ONLY = re.compile(r"^[A-Za-z]{3,9}\.?\s+\d{4}$")


def read_decision_date(text: str) -> tuple[date | None, str]:
    """A "Date of Decision" cell: the meeting day when it is certain, and what to check when not
    ("TBC", a month alone, something unreadable): kept as written, never guessed."""
    said = " ".join(text.split())
    if not said or said.casefold() in _TBC:
        return None, "no date yet (TBC); the entry is not offered to any meeting until one is set"
    if _MONTH_ONLY.match(said):
        return None, f"{said!r} gives a month, not a meeting day; kept as written, no date taken"
    try:
        return read_date(said), ""
    except DateRefused as why:
        return None, f"{why}; kept as written, no date taken"


def overdue(entries: list[PlannerEntry], today: date) -> list[PlannerEntry]:
    """Open entries whose date has passed without a decision."""
    return [e for e in entries if e.open and e.due_date is not None and e.due_date < today]


def due_on(entries: list[PlannerEntry], day: date) -> list[PlannerEntry]:
    """Open entries planned for a meeting on ``day``."""
    return [e for e in entries if e.open and e.due_date == day]


def best_item(entry: PlannerEntry, items: list[AgendaItem]) -> AgendaItem | None:
    """The one agenda item whose title shares most words (at least two) with the entry's topic
    and decision; None when none does or two do equally."""
    wanted = significant_words(f"{entry.topic} {entry.decision}")
    scored = sorted(((len(wanted & significant_words(i.title)), n, i) for n, i in enumerate(items)),
                    key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][2]


# the agenda's purpose, from the first word of the decision to be taken
_PURPOSES = {"approve": "Approve", "agree": "Agree", "discuss": "Discuss", "note": "Note", "endorse": "Endorse",
             "ratify": "Approve", "award": "Approve", "update": "Note", "review": "Discuss", "annual": "Note"}


def item_for(entry: PlannerEntry, meeting_id: int, position: int) -> AgendaItem:
    """A new agenda item offered from a planner entry."""
    first = entry.decision.split()[0].casefold() if entry.decision.split() else ""
    return AgendaItem(meeting_id=meeting_id, position=position, title=entry.decision,
                      purpose=_PURPOSES.get(first, ""),
                      lead=entry.sponsor, paper_ref=entry.ref and f"Planner {entry.ref}")


def taken_words(decision: Decision) -> str:
    return f"{decision.verb.value.capitalize()} {decision.text}"


def is_deferral(decision: Decision) -> bool:
    return decision.verb is DecisionVerb.deferred


def slipped_words(entry: PlannerEntry) -> str:
    """'slipped twice (from 21/03/2025)' or ''."""
    if not entry.slips:
        return ""
    times = {1: "once", 2: "twice"}.get(entry.slips, f"{entry.slips} times")
    first = next(m for m in entry.moves if m.deferred)
    return f"slipped {times} (first planned {first.from_text or 'TBC'})"


# --- the published table ---------------------------------------------------------------

COLUMNS = ("Status", "Ref No.", "Topic", "Decision to be taken", "Decision Taker", "Scope", "Date of Decision",
           "Sponsor", "Contact Name")
WIDTHS = (2.0, 1.4, 2.8, 6.4, 2.8, 2.2, 2.6, 3.0, 3.5)


def planner_table(body: str, entries: list[PlannerEntry], *, today: date) -> tuple[PublishedTable, int]:
    """The public planner: entries linked to a Part II item are left out (and counted)."""
    public = [e for e in entries if not e.confidential]
    rows = []
    for e in sorted(public, key=lambda e: (not e.open, e.due_date or date.max, e.position, e.id or 0)):
        when = e.when()
        if e.status is PlannerStatus.taken and e.taken_on:
            when = f"{short_date(e.taken_on)} (taken)"
        elif slipped := slipped_words(e):
            when = f"{when} — {slipped}"
        decision = e.decision + (f" — {e.taken_words}" if e.taken_words else "")
        rows.append((e.status.label, e.ref, e.topic, decision, e.decision_taker, e.scope, when, e.sponsor,
                     e.contacts))
    from secretary.published_table import PublishedTable

    table = PublishedTable(title=f"{body} — Decision Planner", columns=COLUMNS, rows=tuple(rows),
                           widths_cm=WIDTHS, lines_before=(f"As at {short_date(today)}.",))
    return table, len(entries) - len(public)


# --- the opening item ---------------------------------------------------------------------


def planner_sentence(item: AgendaItem, entries: list[PlannerEntry], next_date: date | None) -> str:
    """F12 on the planner item: 'The Board Decision Planner was noted.' and, when the next meeting's
    date is known, the public entries due then."""
    said = f"The {item.title.strip().removeprefix('The ').strip()} was noted."
    due = [e for e in entries if e.open and not e.confidential and next_date and e.due_date == next_date]
    if due and next_date:
        listed = "; ".join(f"{e.ref + ' ' if e.ref else ''}{e.decision}" for e in due)
        said += f" Due at the next meeting ({next_date.day} {next_date:%B %Y}): {listed}."
    return said
