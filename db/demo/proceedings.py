"""What happened at a meeting of the large demo that was held: the roll, the times, minutes,
decisions, declarations, public questions, and people stepping out and back."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from db.demo import busy_board as words_for
from db.demo.busy_board import Topic, Words
from db.demo.northbridge import LONDON
from db.rows import to_row
from secretary.models import (
    STEPPED_OUT, AgendaItem, Attendance, AttendanceStatus, Decision, DecisionVerb, Declaration, DeclarationOutcome,
    ItemKind, Meeting, MeetingMode, Minute, Movement, MovementKind, Phase, PublicQuestion, Seat,
)
from secretary.standard import standard_text

if TYPE_CHECKING:
    from db.demo.years import Held, Writer

COMMITTEE_INTERESTS = ("Trustee of Eastmere Hospice", "Spouse employed by Northbridge General Hospital",
                       "Partner in a GP practice in Eastmere", "Shareholder in Riverside Health Ltd",
                       "Governor of Northbridge College", "Member of the Riverside Primary Care Network board")


def hold(w: Writer, one: Held, kinds: dict, words: Words, seats: list[Seat], interests: dict,
         previous: Meeting | None, noun: str) -> None:
    """What happened at a meeting held: the roll, the times, minutes, decisions,
    declarations, public questions, and people stepping out and back."""
    rng = w.rng
    meeting = one.meeting
    tz_start = datetime.combine(meeting.date, meeting.planned_start, LONDON)
    opened = tz_start + timedelta(minutes=rng.randint(0, 6))
    initials = {s.person.id: s.person.initials for s in seats}
    present = []
    for seat in seats:
        roll = rng.random()
        if roll < 0.12:
            status = AttendanceStatus.apologies
        elif meeting.mode is MeetingMode.remote or roll > 0.85:
            status = AttendanceStatus.remote
        else:
            status = AttendanceStatus.present
        note = "minutes" if seat.person.initials == "KA" else ""
        w.add("attendance", Attendance(id=w.new_id("attendance"), meeting_id=meeting.id,
                                          person_id=seat.person.id, group=seat.membership.group,
                                          role=seat.membership.role, status=status, note=note))
        if status is not AttendanceStatus.apologies:
            present.append(seat)
    w.counts.attendance += len(seats)
    one.present = [s.person.id for s in present]
    who = [s.person.initials for s in present if s.membership.voting] or ["the Chair"]
    leads = {s.membership.role: s for s in present}

    # declarations first: the opening item's minute and the withdrawals depend on them
    topic_items = [i for i in one.items if isinstance(kinds[i.id], Topic)]
    declarations: list[Declaration] = []
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        if not topic_items:
            break
        seat = rng.choice(present)
        item = rng.choice(topic_items) if rng.random() < 0.8 else None
        registered = interests.get(seat.person.id)
        if registered:
            interest = rng.choice(registered)
            text, nature, interest_id = interest.details[:160], (interest.natures or [None])[0], interest.id
        else:
            text, nature, interest_id = rng.choice(COMMITTEE_INTERESTS), None, None
        outcome = DeclarationOutcome.took_part
        if item is not None:
            outcome = rng.choice((DeclarationOutcome.took_part, DeclarationOutcome.no_part_in_decision,
                                  DeclarationOutcome.withdrew))
        declaration = Declaration(id=w.new_id("declaration"), meeting_id=meeting.id,
                                  item_id=item.id if item else None, person_id=seat.person.id,
                                  interest_id=interest_id, interest=text, nature=nature, outcome=outcome)
        declarations.append(declaration)
        w.add("declaration", declaration)
    w.counts.declarations += len(declarations)

    clock = opened
    windows: dict[int, tuple[datetime, datetime]] = {}
    for order, item in enumerate(one.items, start=1):
        kind = kinds[item.id]
        length = 15 if kind == "break" else (rng.randint(1, 3) if item.parent_id or kind in (None,) else
                                               rng.randint(4, 18))
        started, clock = clock, clock + timedelta(minutes=length, seconds=rng.randint(0, 59))
        windows[item.id] = (started, clock)
        presenters, notes = "", ""
        if isinstance(kind, Topic):
            phrase = words_for.topic_phrase(words, kind)
            one.topic_items.append((item, phrase, kind))
            lead = leads.get(next((r for r in leads if kind.lead.split(",")[0] in r), ""), None)
            presenter = f"{lead.person.full_name}, {lead.membership.role}" if lead else kind.lead
            presenters = presenter if rng.random() < 0.9 else ""
            notes = words_for.item_notes(words, kind, phrase=phrase, presenter=presenter, who=who,
                                         lead_title=kind.lead)
            decisions(w, item, kind, phrase, words, clock, noun)
        elif kind == "questions":
            notes = questions(w, meeting, item, words) or "No questions had been received from the public."
        elif kind == "story":
            notes = (f"The Board heard {item.title.split(': ', 1)[-1]}. Members thanked the resident for "
                     "sharing their experience and asked that the learning be shared with providers.")
        elif kind == "chair":
            notes = words.fill("The Chair reported on the meetings attended since the last meeting, including "
                               "a visit to {site} in {month}.")
        elif kind == "ceo":
            notes = words.fill("The Chief Executive updated the Board on the system's operational position, "
                               "including pressures at {site}, and on the national planning guidance.")
        elif kind == "communication":
            notes = f"The {noun} agreed the key messages from the meeting."
        elif kind == "workplan":
            notes = f"The {noun} noted its work plan and the items planned for the next meeting."
        elif kind == "policy":
            notes = f"The {noun} approved the policy, subject to the amendments discussed."
        elif kind == "next":
            following = meeting.next_meeting_date
            notes = f"The next meeting would be held on {following:%A} {following.day} {following:%B %Y}." \
                if following else ""
        elif kind == "evaluation":
            notes = "Members agreed that the meeting had been well chaired and the papers clear."
        elif kind == "tracker":
            one.tracker_item = item.id
        elif kind not in ("break", None):
            notes = standard_text(item, meeting=meeting, noun=f"The {noun}", declarations=declarations,
                                  initials=initials, previous_date=previous.date if previous else None) or ""
        minute = Minute(item_id=item.id, presenters=presenters, notes=notes, started_at=started,
                        ended_at=clock, taken_order=order)
        one.minutes[item.id] = to_row(minute)
        w.counts.minutes_chars += len(notes)
    movements(w, one, present, windows, declarations)

def decisions(w: Writer, item: AgendaItem, topic: Topic, phrase: str, words: Words, at: datetime,
              noun: str) -> None:
    rng = w.rng
    count = rng.choices((0, 1, 2), weights=(25, 60, 15))[0]
    for position in range(count):
        verb = rng.choice(topic.verbs) if position == 0 else DecisionVerb.noted
        w.add("decision", Decision(id=w.new_id("decision"), item_id=item.id, position=position, verb=verb,
                                      text=words_for.decision_text(words, verb, phrase), recorded_at=at))
    w.counts.decisions += count

def questions(w: Writer, meeting: Meeting, item: AgendaItem, words: Words) -> str:
    rng = w.rng
    asked = rng.choice((0, 0, 1, 1, 2, 3))
    for position in range(asked):
        phrase = words_for.topic_phrase(words, rng.choice(words_for.BOARD_TOPICS))
        asker, question, response = words_for.public_question(words, phrase)
        w.add("public_question", PublicQuestion(
            id=w.new_id("public_question"), meeting_id=meeting.id, item_id=item.id, position=position,
            asker=asker, question=question, response=response, responder="Chair"))
    w.counts.questions += asked
    if asked:
        return f"{asked} question{'s' if asked > 1 else ''} had been received; the responses are appended."
    return ""

def movements(w: Writer, one: Held, present: list[Seat], windows: dict[int, tuple[datetime, datetime]],
              declarations: list[Declaration]) -> None:
    """Late arrivals and early departures, withdrawals for an interest, and — most of all — people
    stepping out of a long meeting and coming back (F4, F5)."""
    rng = w.rng
    meeting = one.meeting
    items = [i for i in one.items if i.kind is ItemKind.item]
    if not items or not present:
        return
    made: list[Movement] = []

    def move(person_id: int, kind: MovementKind, item: AgendaItem, phase: Phase, at: datetime,
             note: str = "") -> None:
        made.append(Movement(id=w.new_id("movement"), meeting_id=meeting.id, person_id=person_id, kind=kind,
                             at=at, item_id=item.id, phase=phase, note=note))

    busy = {d.person_id for d in declarations if d.outcome is DeclarationOutcome.withdrew}
    for declaration in declarations:
        if declaration.outcome is DeclarationOutcome.withdrew and declaration.item_id is not None:
            item = next(i for i in items if i.id == declaration.item_id)
            begun, ended = windows[item.id]
            move(declaration.person_id, MovementKind.withdrew, item, Phase.start, begun, "declared an interest")
            move(declaration.person_id, MovementKind.returned, item, Phase.end, ended)
    others = [s.person.id for s in present if s.person.id not in busy]
    if others and rng.random() < 0.5:
        late = rng.choice(others)
        item = rng.choice(items[1:4] or items)
        begun, ended = windows[item.id]
        move(late, MovementKind.arrived, item, Phase.during, begun + (ended - begun) / 2)
    target = (300 if len(present) > 12 else 170) + rng.randint(-40, 40) - len(made)
    stepped = [i for i in items if windows[i.id][1] - windows[i.id][0] >= timedelta(minutes=4)] or items
    while target > 1 and others:
        person_id = rng.choice(others)
        item = rng.choice(stepped)
        begun, ended = windows[item.id]
        span = (ended - begun).total_seconds()
        out = begun + timedelta(seconds=span * rng.uniform(0.1, 0.5))
        back = out + timedelta(seconds=span * rng.uniform(0.1, 0.4))
        move(person_id, MovementKind.left, item, Phase.during, out, STEPPED_OUT)
        move(person_id, MovementKind.returned, item, Phase.during, min(back, ended))
        target -= 2
    for movement in made:
        w.add("movement", movement)
    w.counts.movements += len(made)
