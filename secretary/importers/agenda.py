"""Importing an agenda: the table from the papers (TSV/CSV), or text copied out of a PDF.

Every line of the file is reported as what it became, or why it could not be read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from secretary.dates import dates_within, read_date
from secretary.errors import explain
from secretary.importers.register import RowReport
from secretary.models import ItemKind, Part
from secretary.times import read_time, read_time_range

__all__ = [
    "AgendaFormatError", "AgendaImport", "ParsedItem", "RowReport",
    "parse_agenda", "parse_agenda_table", "parse_agenda_text", "read_agenda_file",
]

COLUMNS = ("Item No.", "Item", "Purpose", "Executive", "Timing")
_LAYOUT = " | ".join(COLUMNS)

# what clerks head each column, lower case without punctuation
_HEADINGS = {
    "number": {"item no", "no", "item number", "number", "item ref", "ref", "#"},
    "title": {"item", "items", "agenda item", "title", "subject", "business"},
    "purpose": {"purpose", "action", "action required", "for", "decision required"},
    "lead": {"executive", "lead", "leads", "presenter", "presenters", "executive lead", "lead executive",
             "lead presenter", "leadpresenter", "lead officer", "responsible", "by"},
    "timing": {"timing", "timings", "time", "times", "start", "start time"},
}
_F = re.IGNORECASE
_NUMBER = re.compile(r"(?:item\s*)?(\d{1,3})([a-z]?)\.?", _F | re.ASCII)
_SUB_ITEM = re.compile(r"\(?([a-z])[).]\s+(\S.*)")  # "a) Apologies", "b. Action log"
_NUMBERED_LINE = re.compile(r"(\d{1,3})[.)]\s+(\S.*)", re.ASCII)  # "5. Chair's update"; "9.30am" has no space
_BREAK = re.compile(r"\b(?:break|lunch|refreshments?)\b", _F)
_PART = re.compile(r"part\s+(ii|2|two|i|1|one)\b", _F)
_VERBAL = re.compile(r"\bverbal\b", _F)
_NO_PURPOSE = {"-", "–", "—", "n/a", "na", "none"}
_COMPOSITE = re.compile(r"\s{2,}")  # "Note  Note & Agree": two values printed side by side
_TIME_TOKEN = re.compile(r"(?<![\d.])\d{1,2}(?:[.:]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?![\d\w])", _F | re.ASCII)
_TIME_LINE = re.compile(rf"{_TIME_TOKEN.pattern}(?:\s*(?:-|–|—|to)\s*{_TIME_TOKEN.pattern})?", _F | re.ASCII)
_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}\b", _F)
_RESOLUTION = re.compile(r"resolution to exclude\b", _F)
_NEXT_MEETING = re.compile(r"(?:date\s+of\s+(?:the\s+)?)?(?:next|future)\s+meetings?\b", _F)
_DETAIL = re.compile(r"(date|time|venue|place|location)\s*[:\-–]\s*(.*)", _F)
_PAPER = re.compile(r"(?:paper|enc(?:losure)?\.?|appendix)\s+([0-9]{1,3}[a-z]?|[a-z])", _F)
_BULLET = re.compile(r"[•·▪◦*\-–]\s")
_LEAD_JOINERS = {"of", "and", "for", "the", "&", "-", "–", "in", "to", "on"}
_ROLES = {"chair", "chairman", "chairperson", "chairs", "ceo", "cfo", "coo", "cmo", "cno", "cmd", "cnd",
          "clerk", "secretary", "all", "director", "directors", "officer", "executive", "lead", "members"}
_COLUMN_WORDS = {"item", "items", "lead", "leads", "lead(s)", "timing", "timings", "time", "times",
                 "purpose", "presenter", "presenters", "executive", "no.", "item no."}


class AgendaFormatError(ValueError):
    """The file is not an agenda this importer can read."""


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True)


class ParsedItem(_Value):
    """One entry of an imported agenda, ready to become an AgendaItem."""

    number: str = Field(default="", max_length=12)
    title: str = Field(min_length=1, max_length=200)
    kind: ItemKind = ItemKind.item
    section: str = Field(default="", max_length=200)
    purpose: str = Field(default="", max_length=200)  # two printed side by side: "Note; Note & Agree"
    lead: str = Field(default="", max_length=500)  # one lead per line
    planned_start: dt.time | None = None
    paper_ref: str = Field(default="", max_length=100)
    verbal: bool = False
    part: Part = Part.public
    parent: int | None = None  # index into AgendaImport.items of the item this is a sub-item of
    description: str = ""  # "To receive any apologies for absence.": kept, though an AgendaItem has no place for it

    @property
    def purposes(self) -> list[str]:
        return [p for p in self.purpose.split("; ") if p]

    @property
    def leads(self) -> list[str]:
        return self.lead.splitlines()


class AgendaImport(_Value):
    items: list[ParsedItem] = []
    rows: list[RowReport] = []
    sections: list[str] = []
    title: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    venue: str = ""
    exclusion_resolution: str = ""
    next_meeting_date: dt.date | None = None
    next_meeting_time: str = ""
    next_meeting_venue: str = ""

    def summary(self) -> str:
        """'16 items, 6 sub-items, 5 sections, 1 break; 2 rows not read'"""
        items = sum(i.kind is ItemKind.item and i.parent is None for i in self.items)
        counts = [_count(items, "item")]
        for n, word in ((sum(i.parent is not None for i in self.items), "sub-item"),
                        (len(self.sections), "section"),
                        (sum(i.kind is ItemKind.break_ for i in self.items), "break")):
            if n:
                counts.append(_count(n, word))
        text = ", ".join(counts)
        if unread := sum(bool(r.problem) and not r.became for r in self.rows):
            text += f"; {_count(unread, 'row')} not read"
        if doubtful := sum(bool(r.problem) and bool(r.became) for r in self.rows):
            text += f"; {_count(doubtful, 'row')} to check"
        return text


def _count(n: int, one: str) -> str:
    return f"{n} {one if n == 1 else one + 's'}"


# --- the agenda as it is read, before it is checked ---------------------------------


@dataclass(eq=False)  # eq=False: two drafts with the same words are still two items
class _Draft:
    line: int
    title: str
    number: str = ""
    kind: ItemKind = ItemKind.item
    section: str = ""
    purpose: str = ""
    lead: str = ""
    planned_start: dt.time | None = None
    paper_ref: str = ""
    verbal: bool = False
    part: Part = Part.public
    parent: _Draft | None = None
    description: str = ""
    placeholder: bool = False  # a number skipped in the pasted text, expected later

    @property
    def label(self) -> str:
        return f"item {self.number}" if self.number else f"item {self.title!r}"


@dataclass
class _Reading:
    """What both readers collect: drafts in agenda order, one report per line, and the meeting's details."""

    drafts: list[_Draft] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # [line, text, became, problem], settled at the end
    sections: list[str] = field(default_factory=list)
    section: str = ""
    part: Part = Part.public
    last_time: dt.time | None = None
    heading: list[tuple[int, str]] = field(default_factory=list)
    details: dict = field(default_factory=dict)
    closing: str = ""  # "resolution" or "next" while reading the closing block

    def report(self, line: int, text: str, became: str = "", problem: str = "") -> int:
        self.rows.append([line, text, became, problem])
        return len(self.rows) - 1

    def time(self, text: str) -> dt.time | None:
        moment = read_time(text, after=self.last_time)
        self.last_time = max(self.last_time or moment, moment) if moment else self.last_time
        return moment

    def closing_line(self, line: int, text: str) -> bool:
        """The resolution to exclude the press and public, and the next meeting's details."""
        if _RESOLUTION.match(text):
            self.closing = "resolution"
            self.report(line, text, "exclusion resolution")
            return True
        if _NEXT_MEETING.match(text):
            self.closing = "next"
            self.report(line, text, "next meeting")
            rest = text[_NEXT_MEETING.match(text).end():].lstrip(" :–-")
            if any(ch.isdigit() for ch in rest):  # "Next meeting: 27 June 2025", not "Future meetings of the Board"
                self.next_meeting_detail(line, "date", rest)
            return True
        if self.closing == "resolution":
            said = self.details.get("exclusion_resolution", "")
            self.details["exclusion_resolution"] = f"{said} {text}".strip()
            self.report(line, text, "exclusion resolution")
            return True
        if self.closing == "next" and (detail := _DETAIL.fullmatch(text)):
            self.next_meeting_detail(line, detail[1].casefold(), detail[2].strip())
            return True
        if self.closing == "next" and _find_date(text):
            self.next_meeting_detail(line, "date", text)
            return True
        return False

    def next_meeting_detail(self, line: int, key: str, value: str) -> None:
        row = self.report(line, value if key == "date" else f"{key}: {value}", "next meeting")
        if key == "date":
            self.rows[row][1] = value
            day = _find_date(value)
            if day is None:
                self.rows[row][3] = f"could not read the next meeting's date in {value!r}"
            else:
                self.details["next_meeting_date"] = day
        elif key == "time":
            self.details["next_meeting_time"] = value
        else:
            self.details["next_meeting_venue"] = value

    def read_heading(self) -> None:
        """Title lines: the title, then a line with the date (and times), then the venue."""
        dated = next((n for n, (_, text) in enumerate(self.heading) if _find_date(text)), None)
        title_lines = self.heading if dated is None else self.heading[:dated]
        for line, text in title_lines:
            self.report(line, text, "title")
        self.details["title"] = " ".join(text for _, text in title_lines)[:200]
        if dated is None:
            return
        line, text = self.heading[dated]
        self.details["date"] = _find_date(text)
        row = self.report(line, text, "date")
        times = text[_date_match_end(text):].strip(" ,–—-")
        if times:
            try:
                self.details["start"], self.details["end"] = read_time_range(times)
                self.rows[row][2] = "date and times"
            except ValueError as why:
                self.rows[row][3] = f"the times {times!r} were not read: {why}"
        for n, (line, text) in enumerate(self.heading[dated + 1:]):
            if n == 0:
                self.details["venue"] = text[:300]
            self.report(line, text, "venue" if n == 0 else "skipped: heading")

    def result(self) -> AgendaImport:
        items: list[ParsedItem] = []
        index: dict[int, int] = {}  # id of a draft → its place in items
        for draft in self.drafts:
            if draft.placeholder:
                continue
            try:
                parent = index.get(id(draft.parent)) if draft.parent else None
                item = ParsedItem(number=draft.number, title=draft.title, kind=draft.kind, section=draft.section,
                                  purpose=draft.purpose, lead=draft.lead, planned_start=draft.planned_start,
                                  paper_ref=draft.paper_ref, verbal=draft.verbal, part=draft.part,
                                  parent=parent, description=draft.description)
            except ValidationError as why:
                row = next(r for r in self.rows if r[0] == draft.line)
                row[2], row[3] = "", explain(why)
                continue
            index[id(draft)] = len(items)
            items.append(item)
        rows = [RowReport(line=line, text=text, became=became, problem=problem)
                for line, text, became, problem in sorted(self.rows, key=lambda r: r[0])]
        return AgendaImport(items=items, rows=rows, sections=self.sections, **self.details)


def _find_date(text: str) -> dt.date | None:
    """A full date written in the text: 'Friday 27 June 2025', '21 March 2025', '27/06/2025'."""
    if match := _DAY_MONTH_YEAR.search(text):
        try:
            return read_date(match[0])
        except ValueError:
            return None
    return next((day for _, day in dates_within(text) if day), None)


def _date_match_end(text: str) -> int:
    match = _DAY_MONTH_YEAR.search(text)
    return match.end() if match else 0


def _purpose(text: str) -> str:
    return "; ".join(p for p in _COMPOSITE.split(text.strip()) if p.strip().casefold() not in _NO_PURPOSE)


def _lead(text: str) -> str:
    return "\n".join(p for p in _COMPOSITE.split(text.strip()) if p.strip() not in _NO_PURPOSE)


def _break_title(text: str) -> str:
    """'Refreshment Break – 10.50 – 11.05' is titled 'Refreshment Break'."""
    return re.split(r"\s*[-–—]?\s*(?=\d{1,2}[.:]\d{2}|\d{1,2}\s*[ap]m)", text, maxsplit=1)[0].strip(" -–—") or text


def _part_of(text: str) -> Part:
    return Part.confidential if _PART.match(text)[1].casefold() in ("ii", "2", "two") else Part.public


def _check_text(text: str) -> None:
    """Refuse what is not an agenda's text at all, before reading it."""
    if "\x00" in text:
        raise AgendaFormatError("this looks like a binary file (it holds NUL bytes), not an agenda; "
                                "save the agenda as tab-separated text, CSV or plain text")
    if not text.strip():
        raise AgendaFormatError("the agenda is empty")


# --- the table: Item No. | Item | Purpose | Executive | Timing --------------------------


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


def _table_records(text: str) -> list[tuple[int, list[str]]]:
    delimiter = "\t" if "\t" in text else ","
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter)
    records = []
    while True:
        start = reader.line_num + 1
        try:
            cells = [cell.strip() for cell in next(reader)]
        except StopIteration:
            return records
        except csv.Error as why:
            raise AgendaFormatError(f"line {start} could not be read: {why}") from None
        while cells and not cells[-1]:
            cells.pop()  # spreadsheets pad rows with empty cells
        records.append((start, cells))


def parse_agenda_table(text: str) -> AgendaImport:
    """Read an agenda table (tab- or comma-separated); raise AgendaFormatError if it is not one."""
    _check_text(text)
    records = _table_records(text)
    at = next((n for n, (_, cells) in enumerate(records) if _columns(cells)), None)
    if at is None:
        first = next((" | ".join(cells) for _, cells in records if any(cells)), "")
        raise AgendaFormatError(f"no header row with the agenda's columns ({_LAYOUT}) was found; "
                                f"the first row reads {first[:120]!r}")
    reading = _Reading()
    columns = _columns(records[at][1])
    for line, cells in records[:at]:
        if any(cells):
            reading.heading.append((line, ", ".join(c for c in cells if c)))
        else:
            reading.report(line, "", "skipped: blank")
    reading.read_heading()
    reading.report(records[at][0], " | ".join(records[at][1]), "header")
    for line, cells in records[at + 1:]:
        _table_row(reading, columns, line, cells)
    if not any(not d.placeholder for d in reading.drafts):
        raise AgendaFormatError(f"the table has the agenda's header but no items under it ({_LAYOUT})")
    return reading.result()


def _table_row(reading: _Reading, columns: dict[str, int], line: int, cells: list[str]) -> None:
    def cell(name: str) -> str:
        place = columns.get(name)
        return cells[place] if place is not None and place < len(cells) else ""

    filled = [(place, c) for place, c in enumerate(cells) if c]
    text = " | ".join(c for _, c in filled)
    if not filled:
        reading.closing = "" if reading.closing == "resolution" else reading.closing
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
    if all(_TIME_LINE.fullmatch(c) for _, c in filled):
        reading.report(line, text, problem=f"only a time ({text}), with no item beside it")
        return
    number, title = cell("number"), cell("title")
    if lone and not _NUMBER.fullmatch(lone) and not _SUB_ITEM.fullmatch(lone):
        _lone_text(reading, line, lone)
        return
    if not title:
        what = f"item number {number!r}" if number else f"{text!r}"
        reading.report(line, text, problem=f"{what} has nothing in the Item column")
        return
    draft = _Draft(line=line, title=title, section=reading.section, part=reading.part,
                   purpose=_purpose(cell("purpose")), lead=_lead(cell("lead")), verbal=bool(_VERBAL.search(title)))
    row = reading.report(line, text)
    if timing := cell("timing"):
        try:
            draft.planned_start = reading.time(timing)
        except ValueError as why:
            reading.rows[row][3] = f"the timing was not read: {why}"
    parent = _current_item(reading)
    if number_match := _NUMBER.fullmatch(number):
        draft.number = "".join(number_match.groups())
        if number_match[2] and parent and parent.number == number_match[1]:
            draft.parent = parent
    elif number:
        draft.number = number[:12]  # a numbering of its own ("A1"): kept as printed
    elif (sub := _SUB_ITEM.fullmatch(title)) and parent:
        draft.number, draft.title, draft.parent = parent.number + sub[1], sub[2], parent
    elif _BREAK.search(title):
        draft.kind, draft.title = ItemKind.break_, _break_title(title)
    reading.drafts.append(draft)
    reading.rows[row][2] = _became(draft)


def _current_item(reading: _Reading) -> _Draft | None:
    """The numbered item a sub-item written under it belongs to: the last one, if no section or break since."""
    last = reading.drafts[-1] if reading.drafts else None
    while last is not None and last.parent is not None:
        last = last.parent
    if last is None or last.kind is ItemKind.break_ or not last.number or last.section != reading.section:
        return None
    return last


def _lone_text(reading: _Reading, line: int, text: str) -> None:
    """A row with words in one cell only: a section heading, a part marker or a break."""
    if _BREAK.search(text):
        draft = _Draft(line=line, title=_break_title(text), kind=ItemKind.break_,
                       section=reading.section, part=reading.part)
        row = reading.report(line, text, "break")
        if token := _TIME_TOKEN.search(text):
            try:
                draft.planned_start = reading.time(token[0])
            except ValueError as why:
                reading.rows[row][3] = f"the break's time was not read: {why}"
        reading.drafts.append(draft)
        return
    if _PART.match(text):
        reading.part = _part_of(text)
    reading.section = text[:200]
    reading.sections.append(reading.section)
    part = f" (part {reading.part.value} from here)" if _PART.match(text) else ""
    reading.report(line, text, f"section {text!r}{part}")


def _became(draft: _Draft) -> str:
    if draft.kind is ItemKind.break_:
        return "break"
    if draft.parent is not None:
        return f"sub-item {draft.number}"
    return f"item {draft.number}" if draft.number else f"item {draft.title!r} (no number)"


# --- text copied out of a PDF ---------------------------------------------------------


def parse_agenda_text(text: str) -> AgendaImport:
    """Read an agenda copied out of a PDF, where each item's lead, time and paper are on lines of their own."""
    _check_text(text)
    reader = _TextReader()
    for line, said in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        reader.read(line, said.strip())
    reader.finish()
    if not any(not d.placeholder for d in reader.reading.drafts):
        raise AgendaFormatError("no agenda items were found: items are numbered lines like "
                                "'1. Apologies for absence'")
    return reader.reading.result()


_FIELDS = ("lead", "planned_start", "paper_ref")
_FIELD_NAMES = {"lead": "lead", "planned_start": "time", "paper_ref": "paper"}


class _TextReader:
    """Lines arrive in the order the PDF's columns were copied: an item's lead, time and paper
    may come before or after it. Each goes to the first item read that still lacks one."""

    def __init__(self) -> None:
        self.reading = _Reading()
        self.phase = "heading"  # heading → agenda → after (once the next meeting has been read)
        self.waiting = {name: deque() for name in _FIELDS}  # items still lacking each, in reading order
        self.held: dict[str, list[tuple[int, str | dt.time]]] = {name: [] for name in _FIELDS}
        self.last: tuple[str, object] = ("", None)  # what the previous line was, for lines that run on
        self.current: _Draft | None = None

    def read(self, line: int, text: str) -> None:
        reading = self.reading
        if not text:
            reading.report(line, "", "skipped: blank")
            if reading.closing == "resolution":
                reading.closing = ""
            return
        if self.phase == "after":
            reading.report(line, text, "skipped: after the end of the agenda")
            return
        if self.phase == "heading":
            if text.casefold() in _COLUMN_WORDS or _NUMBERED_LINE.fullmatch(text):
                self.phase = "agenda"
                reading.read_heading()
            else:
                reading.heading.append((line, text))
                return
        if text.casefold() in _COLUMN_WORDS:
            reading.report(line, text, "skipped: column heading")
        elif reading.closing_line(line, text):
            self.last = ("closing", None)
        elif reading.closing == "next":
            self.phase = "after"
            reading.report(line, text, "skipped: after the end of the agenda")
        elif _PART.match(text):
            reading.part = _part_of(text)
            reading.sections.append(text[:200])
            reading.section = text[:200]
            reading.report(line, text, f"section {text!r} (part {reading.part.value} from here)")
        else:
            self.read_agenda_line(line, text)

    def read_agenda_line(self, line: int, text: str) -> None:
        if numbered := _NUMBERED_LINE.fullmatch(text):
            self.numbered(line, numbered[1], numbered[2])
        elif (sub := _SUB_ITEM.fullmatch(text)) and self.current:
            parent = self.current.parent or self.current
            draft = self.new_draft(line, sub[2], number=parent.number + sub[1], parent=parent)
            self.insert_after(parent, draft)
            self.reading.report(line, text, f"sub-item {draft.number}")
            self.arrive(draft)
        elif _TIME_LINE.fullmatch(text):
            self.value(line, text, "planned_start", text)
        elif paper := _PAPER.fullmatch(text):
            self.paper(line, text, paper[1])
        elif (token := _TIME_TOKEN.search(text)) and token.end() == len(text) and _looks_like_lead(
                text[:token.start()].strip()):
            self.value(line, text, "planned_start", token[0])
            self.value(line, text, "lead", text[:token.start()].strip(), report=False)  # last: a name may run on
        elif self.runs_on_from_lead(text):
            self.extend_lead(line, text)
        elif _looks_like_lead(text):
            self.value(line, text, "lead", text)
        elif self.current and (_BULLET.match(text) or text.startswith("To ") or text.endswith(".")):
            self.current.description = f"{self.current.description}\n{text}".strip()
            self.reading.report(line, text, f"description of {self.current.label}")
            self.last = ("description", self.current)
        elif self.last[0] == "title":
            draft = self.last[1]
            draft.title = f"{draft.title} {text}"
            draft.verbal = draft.verbal or bool(_VERBAL.search(text))
            self.reading.report(line, text, f"title of {draft.label}, continued")
        elif not self.reading.drafts:
            self.reading.report(line, text, f"item {text!r} (no number)")
            self.arrive(self.add(self.new_draft(line, text)))
        else:
            self.reading.report(line, text, problem="could not tell what this is or which item it belongs to")
            self.last = ("", None)

    def new_draft(self, line: int, title: str, **values) -> _Draft:
        return _Draft(line=line, title=title, section=self.reading.section, part=self.reading.part,
                      verbal=bool(_VERBAL.search(title)), **values)

    def numbered(self, line: int, number: str, rest: str) -> None:
        """'5. Chair's update - verbal' — and, when the columns were kept apart, '  Chair  2.50pm'."""
        title, *others = _COMPOSITE.split(rest)
        if not others and (token := _TIME_TOKEN.search(title)) and token.end() == len(title):
            title, others = title[:token.start()].strip(" –-") or title, [token[0]]
        existing = next((d for d in self.reading.drafts if d.placeholder and d.number == number), None)
        if existing:
            existing.title, existing.line, existing.placeholder = title, line, False
            existing.verbal = bool(_VERBAL.search(title))
            draft = existing
        else:
            draft = self.new_draft(line, title, number=number)
            self.fill_gap(line, int(number))
            self.add(draft)
        row = self.reading.report(line, text=f"{number}. {rest}", became=f"item {number}")
        for other in others:
            try:
                if _TIME_LINE.fullmatch(other):
                    draft.planned_start = self.reading.time(_TIME_TOKEN.search(other)[0])
                elif paper := _PAPER.fullmatch(other):
                    draft.paper_ref = f"Paper {paper[1]}"
                elif _purpose(other) and other.split()[0].casefold() in _PURPOSE_WORDS:
                    draft.purpose = _purpose(other)
                else:
                    draft.lead = "\n".join(filter(None, [draft.lead, other]))
            except ValueError as why:
                self.reading.rows[row][3] = f"{other!r} was not read: {why}"
        self.arrive(draft)

    def fill_gap(self, line: int, number: int) -> None:
        """Items 7 and 8 missing before 9: they were copied later; keep their places and what waits for them."""
        numbers = [int(d.number) for d in self.reading.drafts if d.number.isdigit()]
        if not numbers or number <= max(numbers) + 1 or number - max(numbers) > 5:
            return
        for missing in range(max(numbers) + 1, number):
            draft = self.add(self.new_draft(line, f"item {missing}", number=str(missing), placeholder=True))
            for name in ("lead", "planned_start"):
                if self.held[name]:
                    self.give(draft, name, *self.held[name].pop(0))

    def add(self, draft: _Draft) -> _Draft:
        """Put a top-level item in its place by number (items copied out of order go back in order)."""
        drafts = self.reading.drafts
        place = len(drafts)
        if draft.number.isdigit():
            later = [n for n, d in enumerate(drafts) if d.parent is None and d.number.isdigit()
                     and int(d.number) > int(draft.number)]
            place = later[0] if later else place
        drafts.insert(place, draft)
        return draft

    def insert_after(self, parent: _Draft, draft: _Draft) -> None:
        drafts = self.reading.drafts
        place = max(n for n, d in enumerate(drafts) if d is parent or d.parent is parent) + 1
        drafts.insert(place, draft)

    def arrive(self, draft: _Draft) -> None:
        """A new item takes what was waiting for an item, and waits for the rest."""
        self.current, self.last = draft, ("title", draft)
        for name in _FIELDS:
            if getattr(draft, name) or (draft.parent and name != "paper_ref"):
                continue  # sub-items share their item's lead and time
            if self.held[name]:
                self.give(draft, name, *self.held[name].pop(0))
            else:
                self.waiting[name].append(draft)

    def value(self, line: int, text: str, name: str, value: str, report: bool = True) -> None:
        row = self.reading.report(line, text) if report else len(self.reading.rows) - 1
        if name == "planned_start":
            try:
                value = self.reading.time(_TIME_TOKEN.search(value)[0])
            except ValueError as why:
                self.reading.rows[row][3] = str(why)
                return
        waiting = self.waiting[name]
        while waiting and (getattr(waiting[0], name) or waiting[0].placeholder):
            waiting.popleft()
        taker = waiting.popleft() if waiting else None
        if taker:
            self.give(taker, name, row, value)
        else:
            self.held[name].append((row, value))
            self.reading.rows[row][2] = self.reading.rows[row][2] or f"{_FIELD_NAMES[name]} (for a later item)"
        self.last = ("lead", (row, taker)) if name == "lead" else (name, taker)

    def give(self, draft: _Draft, name: str, row: int, value) -> None:
        setattr(draft, name, value)
        said = self.reading.rows[row][2]
        now = f"{_FIELD_NAMES[name]} of {draft.label}"
        self.reading.rows[row][2] = now if not said or "later item" in said else f"{said}; {now}"

    def runs_on_from_lead(self, text: str) -> bool:
        """'Alison Blair/David' then 'Carter': a name cut in two by the PDF's column."""
        if self.last[0] != "lead" or " " in text or not text.isalpha() or _looks_like_lead(text):
            return False
        row, taker = self.last[1]
        lead = taker.lead if taker else next(v for r, v in self.held["lead"] if r == row)
        last_name = re.split(r"[/&,]", lead)[-1].strip()
        return " " not in last_name and not _looks_like_lead(last_name)

    def extend_lead(self, line: int, text: str) -> None:
        row, taker = self.last[1]
        if taker:
            taker.lead = f"{taker.lead} {text}"
        else:
            self.held["lead"] = [(r, f"{v} {text}" if r == row else v) for r, v in self.held["lead"]]
        self.reading.report(line, text, "lead, continued")

    def paper(self, line: int, text: str, ref: str) -> None:
        """'Paper 3a' names its item: it belongs there, and what comes after it belongs there or later."""
        row = self.reading.report(line, text)
        drafts = self.reading.drafts
        target = next((d for d in drafts if d.number.casefold() == ref.casefold() and not d.paper_ref), None)
        if target is None:
            waiting = self.waiting["paper_ref"]
            while waiting and waiting[0].paper_ref:
                waiting.popleft()
            if waiting:
                self.give(waiting.popleft(), "paper_ref", row, text)
            else:
                self.held["paper_ref"].append((row, text))
                self.reading.rows[row][2] = "paper (for a later item)"
            return
        self.give(target, "paper_ref", row, text)
        top = target.parent or target
        before = set(map(id, drafts[:drafts.index(top)]))
        for name in ("lead", "planned_start"):
            self.waiting[name] = deque(d for d in self.waiting[name] if id(d) not in before)
        self.last = ("paper", target)

    def finish(self) -> None:
        reading = self.reading
        if self.phase == "heading":
            reading.read_heading()
        for draft in reading.drafts:
            if draft.placeholder:
                reading.report(draft.line, "", problem=f"item {draft.number} was expected (the numbers skip it) "
                                                      "but never appeared")
        for name, held in self.held.items():
            for row, _ in held:
                reading.rows[row][2] = ""
                reading.rows[row][3] = f"this {_FIELD_NAMES[name]} was not matched to any item"


_PURPOSE_WORDS = {"note", "noting", "approve", "approval", "discuss", "discussion", "assure", "assurance",
                  "agree", "endorse", "information", "decision", "update", "ratify", "receive"}


def _looks_like_lead(text: str) -> bool:
    """'Chair', 'C Bell', 'Joanna Price/Sarah Okafor': short, capitalised, no digits, not a sentence."""
    if not text or len(text) > 80 or any(ch.isdigit() for ch in text) or text.endswith((".", ":")):
        return False
    words = [w for w in re.split(r"[\s/,]+", text) if w]
    if not words or not all(w[0].isupper() or w.casefold() in _LEAD_JOINERS for w in words):
        return False
    first = words[0].casefold().rstrip("'’s")
    return len(words) >= 2 or first in _ROLES or (words[0].isupper() and len(words[0]) > 1)


# --- files ----------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AgendaFormatError("this looks like a binary file (it holds NUL bytes), not an agenda; "
                                "save the agenda as tab-separated text, CSV or plain text")
    if data.startswith(b"%PDF"):
        raise AgendaFormatError("this is a PDF: copy the agenda's text out of it and save that as a text file")
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise AgendaFormatError("this is a Word or Excel file: save the agenda table as CSV or tab-separated text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="strict")  # Excel's "Unicode text"
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
    raise AgendaFormatError("could not read the file's characters: it is not UTF-8 or Windows-1252 text")


def parse_agenda(text: str) -> AgendaImport:
    """A table when the text has tabs or the agenda's header row; otherwise pasted text."""
    _check_text(text)
    first_lines = text.splitlines()[:60]
    header = any(_columns(next(csv.reader([line]))) for line in first_lines if "," in line)
    if "\t" in text or header:
        return parse_agenda_table(text)
    return parse_agenda_text(text)


def read_agenda_file(path: str | Path) -> AgendaImport:
    """Read an agenda file: .csv/.tsv as a table, anything else as a table or pasted text by its look."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as why:
        raise AgendaFormatError(f"could not open {path.name}: {why.strerror or why}") from None
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        raise AgendaFormatError("could not read the file's characters: it is not UTF-8 text") from None
    _check_text(text)
    if path.suffix.casefold() in (".csv", ".tsv", ".tab"):
        return parse_agenda_table(text)
    return parse_agenda(text)
