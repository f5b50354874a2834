"""The quorum engine (DESIGN.md §3.1): a body's rule, as data, applied to who is here.

The rule is a ``QuorumRule``; the membership is a list of ``Seat``; who came is the
meeting's ``Attendance``; who is in the room at this moment comes from the
movements (``movements_in_room``). Everything is integer arithmetic.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from secretary.models import (
    Attendance,
    AttendanceStatus,
    Category,
    Declaration,
    DeclarationOutcome,
    MinimumKind,
    Movement,
    MovementKind,
    QuorumRequirement,
    QuorumRule,
    Seat,
)

_ATTENDING = (AttendanceStatus.present, AttendanceStatus.remote)
_CONFLICTED_OUTCOMES = (DeclarationOutcome.withdrew, DeclarationOutcome.no_part_in_decision)


class Presiding(NamedTuple):
    """Who is in the chair at the moment (secretary/chair.py); ``person_id`` None: no one is."""

    person_id: int | None


class RequirementResult(BaseModel):
    """How one required category stands: ``counted`` of ``needed`` present."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    label: str
    needed: int
    counted: int
    chair: str = ""  # for "the Chair or Deputy Chair": why whoever is in the chair does not meet it

    @property
    def met(self) -> bool:
        return self.counted >= self.needed

    @property
    def missing(self) -> str:
        """In words, what is still wanted; empty when met."""
        if self.met:
            return ""
        if self.chair:
            return self.chair
        short = self.needed - self.counted
        if _is_named(self.label):
            # "the Chair or Deputy Chair" names the people, so no number when none of them is here
            if self.counted == 0 and self.needed == 1:
                return f"needs {self.label}"
            return f"needs {short} more of {self.label}"
        return f"needs {short} more {_plural(self.label, short)}"


class QuorumResult(BaseModel):
    """The quorum at one moment: the badge the clerk watches."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    quorate: bool
    counted: int
    needed: int
    voting_in_post: int
    missing: tuple[str, ...]
    counted_ids: frozenset[int]
    # deputy's person id -> the member whose seat they fill
    deputising: tuple[tuple[int, int], ...] = ()
    requirements: tuple[RequirementResult, ...] = ()

    @property
    def counts(self) -> str:
        """"11 present · 8 needed": those who count for the quorum, and how many must."""
        return f"{self.counted} present · {self.needed} needed"

    def summary(self) -> str:
        if self.quorate:
            return f"Quorate: {self.counts}"
        return f"Inquorate: {self.counts} — " + "; ".join(self.missing)

    def badge(self) -> str:
        """The badge as a clerk would say it: "QUORATE · 11 present · 8 needed"; when inquorate,
        what is wanted first ("INQUORATE: no Chair or Deputy Chair in the room")."""
        if self.quorate:
            return f"QUORATE · {self.counts}"
        wanted = [m for m in self.missing if not m.startswith("needs ") or not m.endswith(("member", "members"))]
        if not wanted:
            return f"INQUORATE: {self.counts}"
        return "INQUORATE: " + _in_the_room(wanted[0]) + (f" · {self.counts}" if self.counted < self.needed else "")


# --- who holds a voting seat ------------------------------------------------


def voting_seats_in_post(seats: list[Seat], on: date) -> dict[int, Seat]:
    """Voting seats filled on the day, by the holder's person id (vacant seats are simply absent)."""
    in_post: dict[int, Seat] = {}
    for seat in seats:
        person_id = seat.person.id
        if person_id is None or not seat.membership.voting or not seat.membership.in_post_on(on):
            continue
        in_post.setdefault(person_id, seat)
    return in_post


def required_number(rule: QuorumRule, seats: list[Seat], on: date) -> int:
    """How many voting members must count: a fixed number, or more than half of those in post."""
    if rule.minimum_kind is MinimumKind.absolute:
        assert rule.minimum_number is not None  # the model refuses an absolute rule without one
        return rule.minimum_number
    # integers only: "more than half" of 9 is 5, of 14 is 8
    return len(voting_seats_in_post(seats, on)) // 2 + 1


# --- who is in the room ------------------------------------------------------


def movements_in_room(
    attendance: list[Attendance], movements: list[Movement], until: datetime | None = None
) -> set[int]:
    """Person ids in the room at ``until`` (or after every movement when None).

    Present or remote at the start, unless their first movement is an arrival; then
    arrived/returned put a person in and left/withdrew take them out, in time order.
    """
    if until is not None and until.tzinfo is None:
        raise ValueError("the moment to check must carry its timezone, like the movements do")
    ordered = sorted(movements, key=lambda m: m.at)
    first_kind: dict[int, MovementKind] = {}
    for movement in ordered:
        first_kind.setdefault(movement.person_id, movement.kind)
    room = {
        a.person_id
        for a in attendance
        if a.status in _ATTENDING and first_kind.get(a.person_id) is not MovementKind.arrived
    }
    for movement in ordered:
        if until is not None and movement.at > until:
            break
        if movement.kind in (MovementKind.arrived, MovementKind.returned):
            room.add(movement.person_id)
        else:
            room.discard(movement.person_id)
    return room


def conflicted_for_item(declarations: list[Declaration], item_id: int) -> set[int]:
    """People who declared an interest in the item and withdrew or take no part in the decision."""
    return {
        d.person_id for d in declarations if d.item_id == item_id and d.outcome in _CONFLICTED_OUTCOMES
    }


# --- the rule applied ---------------------------------------------------------


def evaluate(
    rule: QuorumRule,
    seats: list[Seat],
    attendance: list[Attendance],
    *,
    on: date,
    present_now: set[int] | None = None,
    conflicted: set[int] | frozenset[int] = frozenset(),
    presiding: Presiding | None = None,
) -> QuorumResult:
    """Apply the rule.

    ``present_now``: person ids in the room at this moment (see ``movements_in_room``);
    None takes the attendance status as it stands. ``conflicted``: person ids with a
    conflict on the current item; excluded unless the rule deems them present.
    ``presiding``: who is in the chair; a Chair-or-Deputy requirement is then met by them
    alone (None: by any such member who counts).
    """
    in_post = voting_seats_in_post(seats, on)
    # a member who came in their own right keeps their seat even while out of the count
    claimed = {a.person_id for a in attendance if a.person_id in in_post and _came(a, present_now)}
    filled: dict[int, int] = {}  # seat holder's person id -> who fills it (themselves or a deputy)
    for row in attendance:
        seat_id = _seat_filled_by(row, rule, in_post)
        if seat_id is None or seat_id in filled or row.person_id in filled.values():
            continue
        if seat_id != row.person_id and seat_id in claimed:
            continue
        if _counts_now(row, rule, present_now, conflicted):
            filled[seat_id] = row.person_id
    needed = required_number(rule, seats, on)
    requirements = tuple(_requirement_result(req, filled, in_post, presiding) for req in rule.requirements)
    missing = []
    if len(filled) < needed:
        short = needed - len(filled)
        missing.append(f"needs {short} more {_plural('member', short)}")
    missing.extend(r.missing for r in requirements if not r.met)
    return QuorumResult(
        quorate=not missing,
        counted=len(filled),
        needed=needed,
        voting_in_post=len(in_post),
        missing=tuple(missing),
        counted_ids=frozenset(filled.values()),
        deputising=tuple(sorted((who, seat) for seat, who in filled.items() if who != seat)),
        requirements=requirements,
    )


def quorum_for_item(
    rule: QuorumRule,
    seats: list[Seat],
    attendance: list[Attendance],
    movements: list[Movement],
    declarations: list[Declaration],
    *,
    on: date,
    item_id: int | None,
    until: datetime | None = None,
    presiding: Presiding | None = None,
) -> QuorumResult:
    """The quorum for an item (or, with ``item_id`` None, for the meeting as a whole) at ``until``."""
    conflicted = conflicted_for_item(declarations, item_id) if item_id is not None else set()
    return evaluate(
        rule,
        seats,
        attendance,
        on=on,
        present_now=movements_in_room(attendance, movements, until),
        conflicted=conflicted,
        presiding=presiding,
    )


def _seat_filled_by(row: Attendance, rule: QuorumRule, in_post: dict[int, Seat]) -> int | None:
    """Whose voting seat this attendee fills: their own, or (as a deputy) the member's."""
    if row.person_id in in_post:
        return row.person_id
    if row.deputy_for_id is not None and rule.deputies_count and row.deputy_for_id in in_post:
        return row.deputy_for_id
    return None


def _came(row: Attendance, present_now: set[int] | None) -> bool:
    return row.status in _ATTENDING or (present_now is not None and row.person_id in present_now)


def _counts_now(
    row: Attendance, rule: QuorumRule, present_now: set[int] | None, conflicted: set[int] | frozenset[int]
) -> bool:
    if row.status is AttendanceStatus.remote and not rule.remote_counts:
        return False
    here = row.status in _ATTENDING if present_now is None else row.person_id in present_now
    if row.person_id in conflicted:
        # deemed present: a member who withdrew for the item still counts when the rule says so
        return rule.conflicted_count and (here or row.status in _ATTENDING)
    return here


def _requirement_result(
    requirement: QuorumRequirement, filled: dict[int, int], in_post: dict[int, Seat], presiding: Presiding | None
) -> RequirementResult:
    if presiding is not None and is_chair_requirement(requirement):
        return _chair_result(requirement, filled, in_post, presiding.person_id)
    # a deputy brings the category of the seat they fill
    counted = sum(1 for seat_id in filled if in_post[seat_id].membership.category in requirement.categories)
    return RequirementResult(label=requirement.label, needed=requirement.count, counted=counted)


def is_chair_requirement(requirement: QuorumRequirement) -> bool:
    """"the Chair or Deputy Chair": one person, met by whoever is in the chair."""
    chosen = set(requirement.categories)
    return requirement.count == 1 and bool(chosen) and chosen <= {Category.chair, Category.deputy_chair}


def _chair_result(requirement: QuorumRequirement, filled: dict[int, int], in_post: dict[int, Seat],
                  person_id: int | None) -> RequirementResult:
    if person_id is None:
        return RequirementResult(label=requirement.label, needed=1, counted=0, chair="no one in the chair")
    # whose seat the person in the chair fills (their own, or as a deputy the member's)
    seat_id = next((seat for seat, who in filled.items() if who == person_id), None)
    qualifies = seat_id is not None and in_post[seat_id].membership.category in requirement.categories
    why = "" if qualifies else f"needs {requirement.label} in the chair"
    return RequirementResult(label=requirement.label, needed=1, counted=int(qualifies), chair=why)


# --- the rule in words ---------------------------------------------------------


def describe_rule(rule: QuorumRule, seats: list[Seat], on: date) -> str:
    """What the rule means for the membership on the day, in one paragraph."""
    in_post = len(voting_seats_in_post(seats, on))
    needed = required_number(rule, seats, on)
    head = f"{in_post} voting {_plural('member', in_post)} in post: {needed} needed"
    if rule.minimum_kind is MinimumKind.absolute:
        head += " (a fixed number)"
    parts = [_requirement_phrase(r) for r in rule.requirements]
    if parts:
        head += ", including " + join_words(parts)
    flags = [
        "remote attendance counts" if rule.remote_counts else "remote attendance does not count",
        "deputies count" if rule.deputies_count else "deputies do not count",
        "members with a conflict are deemed present for the item"
        if rule.conflicted_count
        else "members with a conflict are excluded from the item's count",
    ]
    sentence = "; ".join(flags)
    return f"{head}. {sentence[0].upper()}{sentence[1:]}."


def requirement_label(categories: tuple[Category, ...] | list[Category]) -> str:
    """What a requirement is called when the clerk gives it no name: 'the Chair or Deputy Chair',
    'executive member', 'non-executive or partner member'."""
    chosen = set(categories)
    if not chosen:
        return ""
    if chosen <= {Category.chair, Category.deputy_chair}:
        return "the " + " or ".join(c.label.title() for c in Category if c in chosen)
    words = [c.label.lower() for c in Category if c in chosen]
    either = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    return either + " member"


def holders_in_post(requirement: QuorumRequirement, seats: list[Seat], on: date) -> list[Seat]:
    """The voting members in post on the day whose seat meets the requirement."""
    return [s for s in voting_seats_in_post(seats, on).values() if s.membership.category in requirement.categories]


def rule_warnings(rule: QuorumRule, seats: list[Seat], on: date) -> list[str]:
    """What in the rule the membership on the day could never meet, in words."""
    in_post = len(voting_seats_in_post(seats, on))
    warnings = []
    needed = required_number(rule, seats, on)
    if needed > in_post:
        warnings.append(
            f"{needed} needed but only {in_post} voting {_plural('member', in_post)} in post: "
            "no meeting could be quorate"
        )
    for requirement in rule.requirements:
        holders = len(holders_in_post(requirement, seats, on))
        if holders < requirement.count:
            warnings.append(
                f"{_requirement_phrase(requirement)} needed but {holders} in post: no meeting could be quorate"
            )
    return warnings


def join_words(words: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' — the way minutes list things."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _requirement_phrase(requirement: QuorumRequirement) -> str:
    if _is_named(requirement.label) and requirement.count == 1:
        return requirement.label
    if _is_named(requirement.label):
        return f"{requirement.count} of {requirement.label}"
    return f"{requirement.count} {_plural(requirement.label, requirement.count)}"


def _is_named(label: str) -> bool:
    # "the Chair or Deputy Chair" names particular people rather than a kind of member
    return label.lower().startswith("the ")


def _plural(noun: str, count: int) -> str:
    return noun if count == 1 or noun.endswith("s") else noun + "s"


def _in_the_room(missing: str) -> str:
    """"needs the Chair or Deputy Chair" → "no Chair or Deputy Chair in the room"."""
    named = missing.removeprefix("needs ")
    if named.startswith("the ") and not named.endswith(" in the chair"):
        return f"no {named.removeprefix('the ')} in the room"
    return missing
