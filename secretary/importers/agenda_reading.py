"""What both agenda readers share: the patterns of an agenda's lines, the items as they are read
(drafts), and the meeting's heading and closing block (the exclusion resolution, the next meeting)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from secretary.dates import dates_within, read_date
from secretary.errors import explain
from secretary.importers.agenda_model import AgendaFormatError, AgendaImport, ParsedItem
from secretary.importers.toolkit import RowReport
from secretary.models import ItemKind, Part
from secretary.times import read_time, read_time_range

COLUMNS = ("Item No.", "Item", "Purpose", "Executive", "Timing")
LAYOUT = " | ".join(COLUMNS)
_F = re.IGNORECASE
NUMBER = re.compile(r"(?:item\s*)?(\d{1,3})([a-z]?)\.?", _F | re.ASCII)
SUB_ITEM = re.compile(r"\(?([a-z])[).]\s+(\S.*)")  # "a) Apologies", "b. Action log"
BREAK = re.compile(r"\b(?:break|lunch|refreshments?)\b", _F)
PART = re.compile(r"part\s+(ii|2|two|i|1|one)\b", _F)
VERBAL = re.compile(r"\bverbal\b", _F)
_NO_PURPOSE = {"-", "–", "—", "n/a", "na", "none"}
COMPOSITE = re.compile(r"\s{2,}")  # "Note  Note & Agree": two values printed side by side
TIME_TOKEN = re.compile(r"(?<![\d.])\d{1,2}(?:[.:]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?![\d\w])", _F | re.ASCII)
TIME_LINE = re.compile(rf"{TIME_TOKEN.pattern}(?:\s*(?:-|–|—|to)\s*{TIME_TOKEN.pattern})?", _F | re.ASCII)
_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}\b", _F)
_RESOLUTION = re.compile(r"resolution to exclude\b", _F)
_NUMBERED = re.compile(r"(?:item\s*)?\d{1,3}[a-z]?[.)]?\s", _F | re.ASCII)  # "17. Minutes", "17 Minutes"
_NEXT_MEETING = re.compile(r"(?:date\s+of\s+(?:the\s+)?)?(?:next|future)\s+meetings?\b", _F)
_DETAIL = re.compile(r"(date|time|venue|place|location)\s*[:\-–]\s*(.*)", _F)


@dataclass(eq=False)  # eq=False: two drafts with the same words are still two items
class Draft:
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
    parent: Draft | None = None
    description: str = ""
    placeholder: bool = False  # a number skipped in the pasted text, expected later

    @property
    def label(self) -> str:
        return f"item {self.number}" if self.number else f"item {self.title!r}"


@dataclass
class Reading:
    """What both readers collect: drafts in agenda order, one report per line, and the meeting's details."""

    drafts: list[Draft] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # [line, text, became, problem], settled at the end
    sections: list[str] = field(default_factory=list)
    section: str = ""
    part: Part = Part.public
    last_time: dt.time | None = None
    heading: list[tuple[int, str]] = field(default_factory=list)
    details: dict = field(default_factory=dict)
    closing: str = ""  # "resolution" or "next" while reading the closing block
    removed: int = 0  # control codes taken out of the file

    def report(self, line: int, text: str, became: str = "", problem: str = "") -> int:
        self.rows.append([line, text, became, problem])
        return len(self.rows) - 1

    def time(self, text: str) -> dt.time | None:
        moment = read_time(text, after=self.last_time)
        self.last_time = max(self.last_time or moment, moment) if moment else self.last_time
        return moment

    def closing_line(self, line: int, text: str) -> bool:
        """The resolution to exclude the press and public, and the next meeting's details."""
        if heading := _RESOLUTION.match(text):
            self.closing = "resolution"
            self.report(line, text, "exclusion resolution")
            if ":" in text[heading.end():]:  # "Resolution to exclude the press and public: The Board resolves…"
                self.details["exclusion_resolution"] = text[heading.end():].partition(":")[2].strip()
            return True
        if _NEXT_MEETING.match(text):
            self.closing = "next"
            self.report(line, text, "next meeting")
            rest = text[_NEXT_MEETING.match(text).end():].lstrip(" :–-")
            if any(ch.isdigit() for ch in rest):  # "Next meeting: 27 June 2025", not "Future meetings of the Board"
                self.next_meeting_detail(line, "date", rest)
            return True
        if self.closing == "resolution" and (PART.match(text) or _NUMBERED.match(text)):
            self.closing = ""  # the agenda goes on: Part II, or an item, after the resolution's heading
        elif self.closing == "resolution":
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

    def blank(self) -> None:
        """A blank line ends the resolution's text, but not the blank between its heading and its text."""
        if self.closing == "resolution" and self.details.get("exclusion_resolution"):
            self.closing = ""

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
        return AgendaImport(items=items, rows=rows, sections=self.sections, controls_removed=self.removed,
                            **self.details)


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


def read_purpose(text: str) -> str:
    return "; ".join(p for p in COMPOSITE.split(text.strip()) if p.strip().casefold() not in _NO_PURPOSE)


def read_lead(text: str) -> str:
    return "\n".join(p for p in COMPOSITE.split(text.strip()) if p.strip() not in _NO_PURPOSE)


def break_title(text: str) -> str:
    """'Refreshment Break – 10.50 – 11.05' is titled 'Refreshment Break'."""
    return re.split(r"\s*[-–—]?\s*(?=\d{1,2}[.:]\d{2}|\d{1,2}\s*[ap]m)", text, maxsplit=1)[0].strip(" -–—") or text


def part_of(text: str) -> Part:
    return Part.confidential if PART.match(text)[1].casefold() in ("ii", "2", "two") else Part.public


def check_agenda_text(text: str) -> str:
    """Refuse what is not an agenda's text at all, before reading it; the text without its byte-order mark."""
    if "\x00" in text:
        raise AgendaFormatError("this looks like a binary file (it holds NUL bytes), not an agenda; "
                                "save the agenda as tab-separated text, CSV or plain text")
    if not text.strip():
        raise AgendaFormatError("the agenda is empty")
    return text.removeprefix("\ufeff")
