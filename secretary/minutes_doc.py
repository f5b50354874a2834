"""Draft minutes as one document model (DESIGN.md §3.2, §3.4, §5), built from what the
book holds for a meeting; the Word, Markdown and HTML renderers only lay it out.

Public minutes leave out every Part II item entirely — title, notes, decisions, actions,
declarations, the people's movements during it — and carry the resolution to exclude
the press and public; confidential minutes add the Part II items after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from secretary.actions import minute_line, owners_initials
from secretary.agenda import in_order
from secretary.annotations import RunningOrder, attendance_annotation, inline_notes
from secretary.declarations import wording
from secretary.formats import long_date, minutes_time
from secretary.live import LiveState, collective_name
from secretary.models import (
    AgendaItem,
    AttendanceStatus,
    Decision,
    Group,
    ItemKind,
    MeetingMode,
    MeetingStatus,
    Part,
    Phase,
)


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


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str
    initials: str


@dataclass(frozen=True)
class AttendanceTable:
    heading: str
    rows: tuple[Attendee, ...]


@dataclass(frozen=True)
class Question:
    asker: str
    question: str
    response: str
    responder: str


@dataclass(frozen=True)
class MinutesDoc:
    body: str
    heading: str  # "Minutes of the Meeting of the Board of the ICB in public"
    in_public: bool
    date: str
    time: str
    venue: str
    attendance: tuple[AttendanceTable, ...]
    apologies: tuple[str, ...]
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
        return f"{self.heading} — {'PUBLIC' if self.in_public else 'CONFIDENTIAL (including Part II items)'}"


def build_minutes(state: LiveState, *, confidential: bool = False, agenda_order: bool = False) -> MinutesDoc:
    meeting, body = state.meeting, state.body
    noun = collective_name(body)
    order = state.running_order()
    shown_items = [i for i in _items_in_order(state, agenda_order)
                   if confidential or i.part is not Part.confidential]
    hidden = {i.id for i in state.items if i.part is Part.confidential} if not confidential else set()
    movements = [m for m in state.movements if m.item_id not in hidden]
    rows = [_item_row(state, item, order, movements, noun) for item in shown_items]
    return MinutesDoc(
        body=body.name,
        heading=f"Minutes of the {meeting.title}",
        in_public=not confidential,
        date=long_date(meeting.date),
        time=_time_line(state),
        venue=meeting.venue,
        attendance=_attendance_tables(state, movements, order),
        apologies=_apologies(state),
        public_sentence=_public_sentence(meeting.public_in_person, meeting.public_remote),
        items=tuple(rows),
        exclusion=meeting.exclusion_resolution.strip(),
        finished=f"The meeting finished at {minutes_time(meeting.closed_at.time())}." if meeting.closed_at else "",
        next_meeting=_next_meeting(state),
        draft=meeting.status is not MeetingStatus.approved,
        approval=_approval(state),
        questions=tuple(Question(q.asker, q.question, q.response, q.responder) for q in state.questions
                        if confidential or q.item_id not in hidden),
    )


# --- items --------------------------------------------------------------------------------


def _items_in_order(state: LiveState, agenda_order: bool) -> list[AgendaItem]:
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


def _item_row(state: LiveState, item: AgendaItem, order: RunningOrder, movements, noun: str) -> ItemRow:
    minute = state.minutes.get(item.id)
    blocks: list[Block] = []
    notes = inline_notes(item.id, movements, state.people, order)
    if minute and minute.presenters.strip():
        blocks.append(Paragraph((Run(f"Presented by {minute.presenters.strip()}", italic=True),)))
    if minute and minute.taken_as_read:
        blocks.append(Paragraph((Run("The paper was taken as read."),)))
    blocks += [Paragraph((Run(n.text),)) for n in notes if n.phase is Phase.start]
    initials = {p: person.initials for p, person in state.people.items()}
    declared = [d for d in state.declarations if d.item_id == item.id]
    blocks += [Paragraph((Run(wording(d, initials.get(d.person_id, "?"))),)) for d in declared]
    written = minute.notes.strip() if minute else ""
    decisions = [d for d in state.decisions if d.item_id == item.id]
    was_taken = minute is not None and (minute.started_at is not None or minute.taken_order is not None)
    if written:
        blocks += parse_notes(written)
    elif was_taken and not declared and not decisions and (standard := state.standard_text(item)):
        blocks.append(Paragraph((Run(standard),)))
    blocks += [Paragraph((Run(n.text),)) for n in notes if n.phase is Phase.during]
    blocks += _decisions(decisions, noun)
    actions = [a for a in state.actions if a.item_id == item.id]
    for action in actions:
        line = minute_line(action)
        head, _, rest = line.partition(":")
        blocks.append(Paragraph((Run(head + ":", bold=True), Run(rest))))
    blocks += [Paragraph((Run(n.text),)) for n in notes if n.phase is Phase.end]
    owners = []
    for action in actions:
        for name in owners_initials(action).split(" / "):
            if name and name not in owners:
                owners.append(name)
    return ItemRow(item.number, item.title, tuple(blocks), ", ".join(owners), item.part is Part.confidential)


def _decisions(decisions: list[Decision], noun: str) -> list[Block]:
    if not decisions:
        return []
    marks = " (This decision was taken while the meeting was inquorate.)"
    if len(decisions) == 1:
        d = decisions[0]
        runs = [Run(f"{noun} "), Run(d.verb.value, bold=True), Run(f" {_sentence(d.text)}")]
        if d.inquorate:
            runs.append(Run(marks, italic=True))
        return [Paragraph(tuple(runs))]
    items = []
    for d in decisions:
        runs = [Run(d.verb.value, bold=True), Run(f" {_sentence(d.text)}")]
        if d.inquorate:
            runs.append(Run(marks, italic=True))
        items.append(tuple(runs))
    return [Paragraph((Run(f"{noun}:"),)), Bullets(tuple(items))]


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


# --- the head of the minutes ----------------------------------------------------------------


def _time_line(state: LiveState) -> str:
    meeting = state.meeting
    start = meeting.opened_at.time() if meeting.opened_at else meeting.planned_start
    end = meeting.closed_at.time() if meeting.closed_at else meeting.planned_end
    if start and end:
        return f"{minutes_time(start)} – {minutes_time(end)}"
    return minutes_time(start) if start else ""


def _attendance_tables(state: LiveState, movements, order: RunningOrder) -> tuple[AttendanceTable, ...]:
    tables = []
    headings = {Group.member: "Members", Group.participant: "Participants", Group.in_attendance: "In attendance"}
    remote_meeting = state.meeting.mode is MeetingMode.remote
    arrived = {m.person_id for m in state.movements if m.kind.value == "arrived"}
    for group, heading in headings.items():
        rows = []
        for row in state.attendance:
            came = row.status in (AttendanceStatus.present, AttendanceStatus.remote) or (
                row.status is AttendanceStatus.expected and row.person_id in arrived)
            if row.group is not group or not came:
                continue
            person = state.people[row.person_id]
            stood_in_for = state.people.get(row.deputy_for_id) if row.deputy_for_id else None
            if remote_meeting and row.status is AttendanceStatus.remote:
                row = row.model_copy(update={"status": AttendanceStatus.present})  # everyone was remote
            note = attendance_annotation(row, movements, order, deputy_for=stood_in_for)
            rows.append(Attendee(f"{person.full_name} {note}".rstrip(), row.role, person.initials))
        if rows:
            tables.append(AttendanceTable(heading, tuple(rows)))
    return tuple(tables)


def _apologies(state: LiveState) -> tuple[str, ...]:
    lines = []
    for row in state.attendance:
        if row.status is AttendanceStatus.apologies:
            person = state.people[row.person_id]
            group = "participant" if row.group is Group.participant else "member"
            role = f", {row.role}" if row.role else ""
            lines.append(f"{person.full_name}{role} ({group})")
    return tuple(lines)


def _public_sentence(in_person: int, remote: int) -> str:
    total = in_person + remote
    if total == 0:
        return "There were no members of the public in attendance."
    noun = "member" if total == 1 else "members"
    verb = "was" if total == 1 else "were"
    if in_person and remote:
        return (f"There {verb} {total} {noun} of the public in attendance "
                f"({in_person} in person and {remote} remotely).")
    how = "in person" if in_person else "remotely"
    return f"There {verb} {total} {noun} of the public in attendance ({how})."


def _next_meeting(state: LiveState) -> tuple[str, ...]:
    meeting = state.meeting
    if not meeting.next_meeting_date:
        return ()
    lines = [long_date(meeting.next_meeting_date)]
    if meeting.next_meeting_time:
        lines.append(f"Time: {meeting.next_meeting_time}")
    lines.append(f"Venue: {meeting.next_meeting_venue or 'to be confirmed'}")
    return tuple(lines)


def _approval(state: LiveState) -> tuple[str, str, str]:
    chair = next((s for s in state.seats if s.membership.category.value == "chair"), None)
    name = chair.person.full_name if chair else ""
    role = chair.membership.role if chair else "Chair"
    when = long_date(state.meeting.approved_on) if state.meeting.approved_on else ""
    return (name, role, when)
