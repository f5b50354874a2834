"""Actions across meetings (DESIGN.md §3.3): the status a tracker shows today, escalation,
deadline changes that keep the old ones, and the lines the minutes print."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from secretary.dates import Due, means_next_meeting
from secretary.formats import short_date
import re

from secretary.models import Action, ActionOwner, ActionStatus, ActionUpdate, PastDeadline, Person

RAG = {
    ActionStatus.not_yet_due: ("Blue", "blue"),
    ActionStatus.in_progress: ("Amber", "dark_orange"),
    ActionStatus.outstanding: ("Red", "red"),
    ActionStatus.escalated: ("Black", "black on white"),
    ActionStatus.complete: ("Green", "green"),
    ActionStatus.closed: ("Closed", "dim"),
}

OPEN = (ActionStatus.not_yet_due, ActionStatus.in_progress, ActionStatus.outstanding, ActionStatus.escalated,
        ActionStatus.complete)


def next_meeting_after(raised_on: date, held: list[date], foreseen: date | None = None) -> date | None:
    """The date "next meeting" means for an action raised on ``raised_on``: the body's first
    meeting after that day (``held``, sorted), else the date its meeting gave for the next."""
    later = held[bisect_right(held, raised_on):]
    return later[0] if later else foreseen


def status_today(action: Action, updates: list[ActionUpdate], today: date) -> ActionStatus:
    """The status to show: as last recorded, then overdue and escalation applied.

    - An open action past its deadline is Outstanding (red), unless already complete.
    - Red at three successive meetings is Escalated (black): the last three meetings that
      gave an update all recorded it as outstanding (or escalated).
    """
    status = action.status
    if status in (ActionStatus.closed, ActionStatus.complete):
        return status
    if escalated(updates):
        return ActionStatus.escalated
    if action.due_date is not None and action.due_date < today and status is not ActionStatus.escalated:
        return ActionStatus.outstanding
    return status


def escalated(updates: list[ActionUpdate]) -> bool:
    """Red at three successive meetings: the last update at each of the last three meetings."""
    by_meeting: dict[int, ActionUpdate] = {}
    for update in sorted(updates, key=lambda u: (u.given_on, u.id or 0)):
        if update.meeting_id is not None:
            by_meeting[update.meeting_id] = update
    latest = sorted(by_meeting.values(), key=lambda u: (u.given_on, u.id or 0))[-3:]
    red = (ActionStatus.outstanding, ActionStatus.escalated)
    return len(latest) == 3 and all(u.status in red for u in latest)


def with_deadline(action: Action, due: Due, today: date) -> Action:
    """The action with a new deadline; the one it had is kept among its past deadlines."""
    if due.text == action.due_text and due.date == action.due_date:
        return action
    past = action.past_deadlines
    if action.due_text or action.due_date:
        past = past + (PastDeadline(due_text=action.due_text, due_date=action.due_date, replaced_on=today),)
    return action.model_copy(update={"due_text": due.text, "due_date": due.date, "past_deadlines": past})


def owner_for(name: str, people: list[Person]) -> ActionOwner:
    """One owner as typed: a person's initials (any case, when only one person has them) or
    full name become that person; anything else ("VCSE lead") is kept as written."""
    said = " ".join(name.split())
    exact = [p for p in people if p.initials == said]
    folded = [p for p in people if p.initials.casefold() == said.casefold()]
    named = [p for p in people if said.casefold() in (p.name.casefold(), p.full_name.casefold())]
    for found in (exact, folded, named):
        if len(found) == 1:
            return ActionOwner(person_id=found[0].id, name=found[0].initials)
    return ActionOwner(name=said)


def read_owners(text: str, people: list[Person]) -> tuple[ActionOwner, ...]:
    """'MSu, NF' or 'CB and VCSE lead' → the owners, people first matched by initials or name."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|/|;|&|\band\b)\s*", text) if p.strip()]
    owners: list[ActionOwner] = []
    for part in parts:
        owner = owner_for(part, people)
        if owner not in owners:
            owners.append(owner)
    return tuple(owners)


def owners_initials(action: Action) -> str:
    """The Action column: 'MSu', 'CB / NF', or the free text given ("VCSE lead")."""
    return " / ".join(o.name for o in action.owners)


def minute_line(action: Action) -> str:
    """'ACTION 96: MSu – Communications from the meeting to be shared with partners.'"""
    who = owners_initials(action)
    text = action.text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return f"ACTION {action.number}: {who} – {text}" if who else f"ACTION {action.number}: {text}"


def due_display(action: Action, next_meeting: date | None = None) -> str:
    """The current deadline as trackers print it; 'next meeting' shows the date once known
    (the action's own, else ``next_meeting``)."""
    said = action.due_text.strip()
    if means_next_meeting(said):
        when = action.due_date or next_meeting
        return f"next meeting ({short_date(when)})" if when else "next meeting"
    if action.due_date is not None:
        return short_date(action.due_date)
    return said or "—"


def tracker_minute(actions: list[Action], statuses: dict[int, ActionStatus], closed_now: set[int]) -> str:
    """The action tracker item's minute, from what the meeting recorded:
    "Action 82 was closed. Action 83 is not yet due and all other actions are proposed to close."."""
    sentences = []
    closed = sorted(a.number for a in actions if a.id in closed_now)
    if closed:
        sentences.append(_numbers(closed) + (" was" if len(closed) == 1 else " were") + " closed.")
    remaining = [a for a in actions if a.id not in closed_now]
    groups: dict[ActionStatus, list[int]] = {}
    for action in remaining:
        groups.setdefault(statuses.get(action.id, action.status), []).append(action.number)
    words = {
        ActionStatus.not_yet_due: ("is not yet due", "are not yet due"),
        ActionStatus.in_progress: ("is in progress", "are in progress"),
        ActionStatus.outstanding: ("is outstanding", "are outstanding"),
        ActionStatus.escalated: ("is escalated", "are escalated"),
        ActionStatus.complete: ("is proposed to close", "are proposed to close"),
    }
    parts = []
    for status, (one, many) in words.items():
        numbers = sorted(groups.get(status, []))
        if numbers:
            parts.append(f"{_numbers(numbers)} {one if len(numbers) == 1 else many}")
    if parts:
        sentences.append(_join(parts) + ".")
    if not actions:
        sentences.append("There were no open actions.")
    return " ".join(sentences)


def _numbers(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"Action {numbers[0]}"
    return "Actions " + _join([str(n) for n in numbers])


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def reviewed_minute(actions: list[Action], statuses: dict[int, ActionStatus], meeting_id: int) -> str:
    """The action tracker item's minute at ``meeting_id``: the actions it reviewed (open ones
    raised earlier, and those it closed), from ``actions`` and the status each shows."""
    reviewed = [a for a in actions if a.meeting_id != meeting_id
                and (statuses.get(a.id, a.status) in OPEN or a.closed_by_meeting_id == meeting_id)]
    closed_now = {a.id for a in reviewed if a.closed_by_meeting_id == meeting_id}
    return tracker_minute(reviewed, statuses, closed_now)
