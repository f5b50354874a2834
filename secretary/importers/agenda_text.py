"""Reading an agenda copied out of a PDF: numbered lines, with each item's lead, time and paper on
lines of their own, in whatever order the PDF's columns were copied."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque

from secretary.importers.agenda_model import AgendaFormatError, AgendaImport
from secretary.importers.agenda_reading import (
    COMPOSITE, PART, SUB_ITEM, TIME_LINE, TIME_TOKEN, VERBAL, Draft, Reading, check_agenda_text, part_of,
    read_purpose,
)
from secretary.importers.agenda_table import MAX_LINES
from secretary.importers.toolkit import MAX_CELL_CHARS, remove_controls

_F = re.IGNORECASE
NUMBERED_LINE = re.compile(r"(\d{1,3})[.)]\s+(\S.*)", re.ASCII)  # "5. Chair's update"; "9.30am" has no space
_PAPER = re.compile(r"(?:paper|enc(?:losure)?\.?|appendix)\s+([0-9]{1,3}[a-z]?|[a-z])", _F)
_BULLET = re.compile(r"[•·▪◦*\-–]\s")
_LEAD_JOINERS = {"of", "and", "for", "the", "&", "-", "–", "in", "to", "on"}
_ROLES = {"chair", "chairman", "chairperson", "chairs", "ceo", "cfo", "coo", "cmo", "cno", "cmd", "cnd",
          "clerk", "secretary", "all", "director", "directors", "officer", "executive", "lead", "members"}
_COLUMN_WORDS = {"item", "items", "lead", "leads", "lead(s)", "timing", "timings", "time", "times",
                 "purpose", "presenter", "presenters", "executive", "no.", "item no."}


def parse_agenda_text(text: str) -> AgendaImport:
    """Read an agenda copied out of a PDF, where each item's lead, time and paper are on lines of their own."""
    text, removed = remove_controls(check_agenda_text(text))
    reader = _TextReader()
    reader.reading.removed = removed
    for line, said in enumerate(text.splitlines(), start=1):
        if line > MAX_LINES:
            raise AgendaFormatError(f"the text has more than {MAX_LINES:,} lines, and an agenda has at most "
                                    f"{MAX_LINES:,}: is it the right file? Nothing was imported")
        if len(said) > MAX_CELL_CHARS:
            reader.reading.report(line, said[:60] + "…", problem=f"the line holds {len(said):,} characters; "
                                                                f"a line may hold at most {MAX_CELL_CHARS:,}")
            continue
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
        self.reading = Reading()
        self.phase = "heading"  # heading → agenda → after (once the next meeting has been read)
        self.waiting = {name: deque() for name in _FIELDS}  # items still lacking each, in reading order
        self.held: dict[str, list[tuple[int, str | dt.time]]] = {name: [] for name in _FIELDS}
        self.last: tuple[str, object] = ("", None)  # what the previous line was, for lines that run on
        self.current: Draft | None = None

    def read(self, line: int, text: str) -> None:
        reading = self.reading
        if not text:
            reading.report(line, "", "skipped: blank")
            reading.blank()
            return
        if self.phase == "after":
            reading.report(line, text, "skipped: after the end of the agenda")
            return
        if self.phase == "heading":
            if text.casefold() in _COLUMN_WORDS or NUMBERED_LINE.fullmatch(text):
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
        elif PART.match(text):
            reading.part = part_of(text)
            reading.sections.append(text[:200])
            reading.section = text[:200]
            reading.report(line, text, f"section {text!r} (part {reading.part.value} from here)")
        else:
            self.read_agenda_line(line, text)

    def read_agenda_line(self, line: int, text: str) -> None:
        if numbered := NUMBERED_LINE.fullmatch(text):
            self.numbered(line, numbered[1], numbered[2])
        elif (sub := SUB_ITEM.fullmatch(text)) and self.current:
            parent = self.current.parent or self.current
            draft = self.new_draft(line, sub[2], number=parent.number + sub[1], parent=parent)
            self.insert_after(parent, draft)
            self.reading.report(line, text, f"sub-item {draft.number}")
            self.arrive(draft)
        elif TIME_LINE.fullmatch(text):
            self.value(line, text, "planned_start", text)
        elif paper := _PAPER.fullmatch(text):
            self.paper(line, text, paper[1])
        elif (token := TIME_TOKEN.search(text)) and token.end() == len(text) and _looks_like_lead(
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
            draft.verbal = draft.verbal or bool(VERBAL.search(text))
            self.reading.report(line, text, f"title of {draft.label}, continued")
        elif not self.reading.drafts:
            self.reading.report(line, text, f"item {text!r} (no number)")
            self.arrive(self.add(self.new_draft(line, text)))
        else:
            self.reading.report(line, text, problem="could not tell what this is or which item it belongs to")
            self.last = ("", None)

    def new_draft(self, line: int, title: str, **values) -> Draft:
        return Draft(line=line, title=title, section=self.reading.section, part=self.reading.part,
                      verbal=bool(VERBAL.search(title)), **values)

    def numbered(self, line: int, number: str, rest: str) -> None:
        """'5. Chair's update - verbal' — and, when the columns were kept apart, '  Chair  2.50pm'."""
        title, *others = COMPOSITE.split(rest)
        if not others and (token := TIME_TOKEN.search(title)) and token.end() == len(title):
            title, others = title[:token.start()].strip(" –-") or title, [token[0]]
        existing = next((d for d in self.reading.drafts if d.placeholder and d.number == number), None)
        if existing:
            existing.title, existing.line, existing.placeholder = title, line, False
            existing.verbal = bool(VERBAL.search(title))
            draft = existing
        else:
            draft = self.new_draft(line, title, number=number)
            self.fill_gap(line, int(number))
            self.add(draft)
        row = self.reading.report(line, text=f"{number}. {rest}", became=f"item {number}")
        for other in others:
            try:
                if TIME_LINE.fullmatch(other):
                    draft.planned_start = self.reading.time(TIME_TOKEN.search(other)[0])
                elif paper := _PAPER.fullmatch(other):
                    draft.paper_ref = f"Paper {paper[1]}"
                elif read_purpose(other) and other.split()[0].casefold() in _PURPOSE_WORDS:
                    draft.purpose = read_purpose(other)
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

    def add(self, draft: Draft) -> Draft:
        """Put a top-level item in its place by number (items copied out of order go back in order)."""
        drafts = self.reading.drafts
        place = len(drafts)
        if draft.number.isdigit():
            later = [n for n, d in enumerate(drafts) if d.parent is None and d.number.isdigit()
                     and int(d.number) > int(draft.number)]
            place = later[0] if later else place
        drafts.insert(place, draft)
        return draft

    def insert_after(self, parent: Draft, draft: Draft) -> None:
        drafts = self.reading.drafts
        place = max(n for n, d in enumerate(drafts) if d is parent or d.parent is parent) + 1
        drafts.insert(place, draft)

    def arrive(self, draft: Draft) -> None:
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
                value = self.reading.time(TIME_TOKEN.search(value)[0])
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

    def give(self, draft: Draft, name: str, row: int, value) -> None:
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
