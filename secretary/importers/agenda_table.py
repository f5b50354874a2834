"""Reading an agenda table: Item No. | Item | Purpose | Executive | Timing, saved from the papers
as tab-, comma- or semicolon-separated text, with section rows and sub-items."""

from __future__ import annotations

import csv
import re

from secretary.importers.agenda_model import AgendaFormatError, AgendaImport
from secretary.importers.agenda_reading import (
    BREAK, LAYOUT, NUMBER, PART, SUB_ITEM, TIME_LINE, TIME_TOKEN, VERBAL, Draft, Reading, break_title,
    check_agenda_text, part_of, read_lead, read_purpose,
)
from secretary.importers.toolkit import Records
from secretary.models import ItemKind

# what clerks head each column, lower case without punctuation
_HEADINGS = {
    "number": {"item no", "no", "item number", "number", "item ref", "ref", "#"},
    "title": {"item", "items", "agenda item", "title", "subject", "business"},
    "purpose": {"purpose", "action", "action required", "for", "decision required"},
    "lead": {"executive", "lead", "leads", "presenter", "presenters", "executive lead", "lead executive",
             "lead presenter", "leadpresenter", "lead officer", "responsible", "by"},
    "timing": {"timing", "timings", "time", "times", "start", "start time"},
}
MAX_LINES = 50_000  # an agenda runs to a hundred lines, but the whole pack (9,000 lines) may be pasted


def _heading_key(cell: str) -> str:
    return " ".join(re.sub(r"[^\w#/ ]", " ", cell.casefold()).replace("/", "").split())


def _columns(cells: list[str]) -> dict[str, int] | None:
    """Where each of the agenda's columns is, if these cells are its header row."""
    found: dict[str, int] = {}
    for place, cell in enumerate(cells):
        key = _heading_key(cell)
        column = next((name for name, words in _HEADINGS.items() if key in words), None)
        if column and column not in found:
            found[column] = place
    if "title" in found and len(found) >= 3:
        return found
    return None


def table_delimiter(text: str) -> str | None:
    """Tab, semicolon or comma: the one that cuts a line near the top into the agenda's header row."""
    for line in text.splitlines()[:60]:
        for delimiter in ("\t", ";", ","):
            if delimiter in line and _columns([c.strip() for c in next(csv.reader([line], delimiter=delimiter))]):
                return delimiter
    return None


def parse_agenda_table(text: str) -> AgendaImport:
    """Read an agenda table (tab-, comma- or semicolon-separated); raise AgendaFormatError if it is not one."""
    check_agenda_text(text)
    table = Records(text, AgendaFormatError, limit=MAX_LINES, what=f"an agenda has at most {MAX_LINES:,} lines",
                    delimiter=table_delimiter(text) or ("\t" if "\t" in text else ","))
    records = list(table)
    at = next((n for n, (_, cells, problem) in enumerate(records) if not problem and _columns(cells)), None)
    if at is None:
        first = next((" | ".join(cells) for _, cells, _ in records if any(cells)), "")
        raise AgendaFormatError(f"no header row with the agenda's columns ({LAYOUT}) was found; "
                                f"the first row reads {first[:120]!r}")
    reading = Reading(removed=table.removed)
    columns = _columns(records[at].cells)
    for line, cells, problem in records[:at]:
        if problem:
            reading.report(line, " | ".join(cells), problem=problem)
        elif any(cells):
            reading.heading.append((line, ", ".join(c for c in cells if c)))
        else:
            reading.report(line, "", "skipped: blank")
    reading.read_heading()
    reading.report(records[at].line, " | ".join(records[at].cells), "header")
    for line, cells, problem in records[at + 1:]:
        if problem:
            reading.report(line, " | ".join(cells), problem=problem)
        else:
            _table_row(reading, columns, line, cells)
    if not any(not d.placeholder for d in reading.drafts):
        raise AgendaFormatError(f"the table has the agenda's header but no items under it ({LAYOUT})")
    return reading.result()


def _table_row(reading: Reading, columns: dict[str, int], line: int, cells: list[str]) -> None:
    def cell(name: str) -> str:
        place = columns.get(name)
        return cells[place] if place is not None and place < len(cells) else ""

    filled = [(place, c) for place, c in enumerate(cells) if c]
    text = " | ".join(c for _, c in filled)
    if not filled:
        reading.blank()
        reading.report(line, "", "skipped: blank")
        return
    if _columns(cells):
        reading.report(line, text, "skipped: repeated header")
        return
    lone = filled[0][1] if len(filled) == 1 and filled[0][0] in (0, columns["title"]) else None
    if lone and reading.closing_line(line, lone):
        return
    if reading.closing == "next" and not lone:
        reading.closing = ""
    if all(TIME_LINE.fullmatch(c) for _, c in filled):
        reading.report(line, text, problem=f"only a time ({text}), with no item beside it")
        return
    number, title = cell("number"), cell("title")
    if lone and not NUMBER.fullmatch(lone) and not SUB_ITEM.fullmatch(lone):
        _lone_text(reading, line, lone)
        return
    if not title:
        what = f"item number {number!r}" if number else f"{text!r}"
        reading.report(line, text, problem=f"{what} has nothing in the Item column")
        return
    draft = Draft(line=line, title=title, section=reading.section, part=reading.part,
                   purpose=read_purpose(cell("purpose")), lead=read_lead(cell("lead")), verbal=bool(VERBAL.search(title)))
    row = reading.report(line, text)
    if timing := cell("timing"):
        try:
            draft.planned_start = reading.time(timing)
        except ValueError as why:
            reading.rows[row][3] = f"the timing was not read: {why}"
    parent = _current_item(reading)
    if number_match := NUMBER.fullmatch(number):
        draft.number = "".join(number_match.groups())
        if number_match[2] and parent and parent.number == number_match[1]:
            draft.parent = parent
    elif number:
        draft.number = number[:12]  # a numbering of its own ("A1"): kept as printed
    elif (sub := SUB_ITEM.fullmatch(title)) and parent:
        draft.number, draft.title, draft.parent = parent.number + sub[1], sub[2], parent
    elif BREAK.search(title):
        draft.kind, draft.title = ItemKind.break_, break_title(title)
    reading.drafts.append(draft)
    reading.rows[row][2] = _became(draft)


def _current_item(reading: Reading) -> Draft | None:
    """The numbered item a sub-item written under it belongs to: the last one, if no section or break since."""
    last = reading.drafts[-1] if reading.drafts else None
    while last is not None and last.parent is not None:
        last = last.parent
    if last is None or last.kind is ItemKind.break_ or not last.number or last.section != reading.section:
        return None
    return last


def _lone_text(reading: Reading, line: int, text: str) -> None:
    """A row with words in one cell only: a section heading, a part marker or a break."""
    if BREAK.search(text):
        draft = Draft(line=line, title=break_title(text), kind=ItemKind.break_,
                       section=reading.section, part=reading.part)
        row = reading.report(line, text, "break")
        if token := TIME_TOKEN.search(text):
            try:
                draft.planned_start = reading.time(token[0])
            except ValueError as why:
                reading.rows[row][3] = f"the break's time was not read: {why}"
        reading.drafts.append(draft)
        return
    if PART.match(text):
        reading.part = part_of(text)
    reading.section = text[:200]
    reading.sections.append(reading.section)
    part = f" (part {reading.part.value} from here)" if PART.match(text) else ""
    reading.report(line, text, f"section {text!r}{part}")


def _became(draft: Draft) -> str:
    if draft.kind is ItemKind.break_:
        return "break"
    if draft.parent is not None:
        return f"sub-item {draft.number}"
    return f"item {draft.number}" if draft.number else f"item {draft.title!r} (no number)"
