"""What an imported agenda becomes: its items, one report per line, and the meeting's details."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from secretary.importers.toolkit import RowReport
from secretary.models import ItemKind, Part


class AgendaFormatError(ValueError):
    """The file is not an agenda this importer can read."""


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


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
    controls_removed: int = 0

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

