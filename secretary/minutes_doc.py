"""Draft minutes as one document model (DESIGN.md §3.2, §3.4, §5), built from what the
book holds for a meeting; the Word, Markdown and HTML renderers only lay it out.

Public minutes leave out every Part II item entirely — title, notes, decisions, actions,
declarations, the people's movements during it — and carry the resolution to exclude
the press and public; confidential minutes add the Part II items after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from secretary import minutes_head as head
from secretary.actions import minute_line, owners_initials
from secretary.agenda import in_order
from secretary.annotations import RunningOrder, inline_notes
from secretary.chair import chair_lines
from secretary.declarations import wording
from secretary.exports.settings import MemberOrder, SubItems
from secretary.exports.text import cleaned
from secretary.formats import long_date, minutes_time
from secretary.record import MeetingRecord, collective_name
from secretary.minutes_head import AttendanceTable, Attendee
from secretary.models import (
    AgendaItem,
    Decision,
    DecisionVerb,
    Disposal,
    ItemKind,
    MeetingStatus,
    Movement,
    MovementKind,
    Part,
    Phase,
)
from secretary.quorum import join_words
from secretary.standard import RECORD_BACKED
from secretary.step_outs import StepOut, out_at, step_outs, without_step_outs


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Run, ...], ...]


Block = Paragraph | Bullets


@dataclass(frozen=True)
class ItemRow:
    number: str
    title: str
    blocks: tuple[Block, ...]
    action: str  # owners' initials for the Action column
    confidential: bool = False
    section: bool = False  # a row naming the agenda's section ("SYSTEM STRATEGY"), nothing else


@dataclass(frozen=True)
class Question:
    asker: str
    question: str
    response: str
    responder: str  # "Neil Foster, Chief Finance Officer"


@dataclass(frozen=True)
class MinutesDoc:
    body: str
    heading: str  # "Minutes of the Meeting of the Board of the ICB in PUBLIC"
    in_public: bool
    date: str
    time: str
    venue: str
    attendance: tuple[AttendanceTable, ...]
    apologies: tuple[Attendee, ...]
    public_sentence: str
    items: tuple[ItemRow, ...]
    exclusion: str
    finished: str
    next_meeting: tuple[str, ...]
    draft: bool
    approval: tuple[str, str, str]  # name, role, date ("" where not yet approved)
    questions: tuple[Question, ...] = field(default=())

    @property
    def title_line(self) -> str:
        return self.heading

    @property
    def marks(self) -> list[str]:
        """What every page carries at its head."""
        return [m for m, on in (("CONFIDENTIAL", not self.in_public), ("DRAFT", self.draft)) if on]


def build_minutes(state: MeetingRecord, *, confidential: bool = False, agenda_order: bool = False,
                  sub_items: SubItems = SubItems.paragraphs,
                  member_order: MemberOrder = MemberOrder.surname) -> MinutesDoc:
    meeting, body = state.meeting, state.body
    noun = collective_name(body)
    order = state.running_order()
    shown_items = [i for i in _items_in_order(state, agenda_order)
                   if confidential or i.part is not Part.confidential]
    hidden = {i.id for i in state.items if i.part is Part.confidential} if not confidential else set()
    outs = step_outs(state.movements)
    movements = without_step_outs([m for m in state.movements if m.item_id not in hidden], outs)
    context = _Context(state, order, movements, outs, noun)
    rows = _rows(context, shown_items, sub_items)
    return cleaned(MinutesDoc(
        body=body.name,
        heading=head.title(meeting.title, confidential=confidential,
                           has_part_two=any(r.confidential for r in rows), held_in_public=meeting.public),
        in_public=not confidential,
        date=long_date(meeting.date),
        time=head.time_line(state),
        venue=meeting.venue,
        attendance=head.attendance_tables(state, movements, order, member_order),
        apologies=head.apologies(state, member_order),
        public_sentence=head.public_sentence(meeting.public_in_person, meeting.public_remote),
        items=tuple(rows),
        exclusion=meeting.exclusion_resolution.strip(),
        finished=f"The meeting finished at {minutes_time(meeting.closed_at.time())}." if meeting.closed_at else "",
        next_meeting=head.next_meeting(state),
        draft=meeting.status is not MeetingStatus.approved,
        approval=head.approval(state),
        questions=tuple(Question(q.asker, q.question, q.response, head.responder(state, q.responder))
                        for q in state.questions if confidential or q.item_id not in hidden),
    ))


# --- items --------------------------------------------------------------------------------


def _items_in_order(state: MeetingRecord, agenda_order: bool) -> list[AgendaItem]:
    printed = [i for i in in_order(state.items) if i.kind is ItemKind.item]
    if agenda_order:
        return printed
    taken = list(state.running_order().taken)
    by_id = {i.id: i for i in printed}
    ordered = [by_id[i] for i in taken if i in by_id]
    # an item never taken (a parent heading like "3. Minutes and actions", one deferred)
    # keeps its printed place: just before the next printed item that was taken
    for index, item in enumerate(printed):
        if item.id in taken:
            continue
        later = next((i for i in printed[index + 1:] if i in ordered), None)
        ordered.insert(ordered.index(later) if later else len(ordered), item)
    return ordered


@dataclass(frozen=True)
class _Context:
    state: MeetingRecord
    order: RunningOrder
    movements: list[Movement]  # those the minutes print: no Part II in public, no brief step-outs
    outs: list[StepOut]
    noun: str


def _rows(context: _Context, items: list[AgendaItem], sub_items: SubItems) -> list[ItemRow]:
    """The items table: a section row where the agenda's section changes, then the items; in
    paragraphs mode each sub-item is written inside its parent's row."""
    shown = {i.id for i in items}
    children: dict[int, list[AgendaItem]] = {}
    if sub_items is SubItems.paragraphs:
        for item in items:
            if item.parent_id in shown:
                children.setdefault(item.parent_id, []).append(item)
    nested = {c.id for kids in children.values() for c in kids}
    rows: list[ItemRow] = []
    section = ""
    headed: set[str] = set()
    for item in items:
        if item.id in nested:
            continue
        if item.section.strip() and item.section.strip() != section:
            section = item.section.strip()
            # items minuted in the order taken can come back to a section: said as such, not as a new one
            title = f"{section} (continued)" if section in headed else section
            headed.add(section)
            rows.append(ItemRow("", title, (), "", item.part is Part.confidential, section=True))
        rows.append(_item_row(context, item, children.get(item.id, [])))
    return rows


def _item_row(context: _Context, item: AgendaItem, kids: list[AgendaItem]) -> ItemRow:
    blocks, owners = _content(context, item)
    for kid in kids:
        kid_blocks, kid_owners = _content(context, kid)
        if not kid_blocks:  # as for an item: what became of it, never a heading with nothing under it
            kid_blocks = [Paragraph((Run(_not_taken(context.state, kid)),))]
        blocks += [Paragraph((Run(f"{_letter(kid.number)} {kid.title}".strip(), bold=True),))] + kid_blocks
        owners += [o for o in kid_owners if o not in owners]
    if not blocks:  # never an invented sentence: what became of it, or that it was not minuted
        blocks = [Paragraph((Run(_not_taken(context.state, item)),))]
    return ItemRow(item.number, item.title, tuple(blocks), ", ".join(owners), item.part is Part.confidential)


def _not_taken(state: MeetingRecord, item: AgendaItem) -> str:
    minute = state.minutes.get(item.id)
    disposal = minute.disposal if minute else Disposal.none
    if disposal is Disposal.deferred:
        when = minute.deferred_to
        return f"Deferred to {when.day} {when:%B %Y}." if when else "Deferred to the next meeting."
    if disposal is Disposal.withdrawn:
        return "Withdrawn."
    if disposal is Disposal.taken_with:
        return f"Taken with {state.item_words(minute.taken_with_item_id).split(' (')[0]}."
    return "Not minuted."


def _letter(number: str) -> str:
    """'3a' or 'a' or 'a)' → 'a)'."""
    match = re.search(r"([a-z]+)\)?$", number.strip())
    return f"{match.group(1)})" if match else number


def _content(context: _Context, item: AgendaItem) -> tuple[list[Block], list[str]]:
    """An item's minute as printed, and the owners of its actions; nothing where nothing was recorded."""
    state = context.state
    minute = state.minutes.get(item.id)
    blocks: list[Block] = []
    notes = inline_notes(item.id, context.movements, state.people, context.order, state.lines_in_notes())
    if minute and minute.presenters.strip():
        blocks.append(Paragraph((Run(f"Presented by {minute.presenters.strip()}", italic=True),)))
    if minute and minute.taken_as_read:
        blocks.append(Paragraph((Run("The paper was taken as read."),)))
    initials = {p: person.initials for p, person in state.people.items()}
    declared = [d for d in state.declarations if d.item_id == item.id]
    withdrawn = {m.person_id for m in context.movements if m.item_id == item.id and m.kind is MovementKind.withdrew}
    # a withdrawal is said once, where it happened: the declaration does not repeat it
    blocks += [Paragraph((Run(wording(d, initials.get(d.person_id, "?"), withdrawal_told=d.person_id in withdrawn)),))
               for d in declared]
    blocks += [Paragraph((Run(n.text),)) for n in notes if n.phase is Phase.start]
    blocks += _chair_paragraphs(context, item, Phase.start)
    written = minute.notes.strip() if minute else ""
    decisions = [d for d in state.decisions if d.item_id == item.id]
    was_taken = minute is not None and (minute.started_at is not None or minute.taken_order is not None)
    if written:
        blocks += parse_notes(written)
    elif was_taken and not declared and not decisions and (standard := _from_the_record(state, item)):
        blocks.append(Paragraph((Run(standard),)))
    blocks += [Paragraph((Run(n.text),)) for n in notes if n.phase is Phase.during]
    blocks += _chair_paragraphs(context, item, Phase.during)
    blocks += _decisions(context, item.id, decisions)
    actions = [a for a in state.actions if a.item_id == item.id]
    for action in actions:
        line = minute_line(action)
        head_, _, rest = line.partition(":")
        blocks.append(Paragraph((Run(head_ + ":", bold=True), Run(rest))))
    blocks += [Paragraph((Run(n.text),)) for n in notes if n.phase is Phase.end]
    blocks += _chair_paragraphs(context, item, Phase.end)
    owners: list[str] = []
    for action in actions:
        for name in owners_initials(action).split(" / "):
            if name and name not in owners:
                owners.append(name)
    return blocks, owners


def _chair_paragraphs(context: _Context, item: AgendaItem, phase: Phase) -> list[Block]:
    """"PN took the chair for items 9 to 11." at the first item chaired; "HM resumed the chair."
    where the Chair came back (secretary/chair.py); each after the movement lines of its phase."""
    state = context.state
    if not state.chairing:
        return []
    lines = chair_lines(item.id, state.chair_spells(), {p: person.initials for p, person in state.people.items()},
                        {i.id: i.number.rstrip(".") for i in state.items}, state.presiding_by_default,
                        context.order.taken, phase)
    return [Paragraph((Run(line),)) for line in lines]


def _from_the_record(state: MeetingRecord, item: AgendaItem) -> str | None:
    """The usual sentence where the clerk wrote none — only one that states a fact of the record."""
    return state.standard_text(item) if item.standing in RECORD_BACKED else None


# what the minutes print for each verb: "The Board did not approve the business case."
_VERB_WORDS = {DecisionVerb.not_approved: "did not approve"}


def _decisions(context: _Context, item_id: int, decisions: list[Decision]) -> list[Block]:
    if not decisions:
        return []
    lines = []
    for d in decisions:
        runs = [Run(_VERB_WORDS.get(d.verb, d.verb.value), bold=True), Run(f" {_sentence(d.text)}")]
        if d.inquorate:
            runs.append(Run(" (This decision was taken while the meeting was inquorate.)", italic=True))
        away = [context.state.people[p].initials for p in out_at(context.outs, item_id, d.recorded_at)
                if p in context.state.people]
        if away:
            verb = "was" if len(away) == 1 else "were"
            runs.append(Run(f" ({join_words(away)} {verb} out of the room when this decision was taken.)",
                            italic=True))
        lines.append(tuple(runs))
    if len(lines) == 1:
        return [Paragraph((Run(f"{context.noun} "),) + lines[0])]
    return [Paragraph((Run(f"{context.noun}:"),)), Bullets(tuple(lines))]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def parse_notes(text: str) -> list[Block]:
    """The clerk's simple markup: each line a paragraph, '- ' (or '* ') lines a bulleted
    list, **bold** within a line."""
    blocks: list[Block] = []
    bullets: list[tuple[Run, ...]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "* ", "• ")):
            bullets.append(_runs(stripped[2:].strip()))
            continue
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
            bullets = []
        if stripped:
            blocks.append(Paragraph(_runs(stripped)))
    if bullets:
        blocks.append(Bullets(tuple(bullets)))
    return blocks


def _runs(text: str) -> tuple[Run, ...]:
    runs = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position:match.start()]))
        runs.append(Run(match.group(1), bold=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs) or (Run(""),)
