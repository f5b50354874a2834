"""Completing a list of people as the clerk types it: "Catherine Bell, Chief Executive Officer
and Neil Foster, Chief Finance Officer" — each name after "and" or a comma is completed."""

from __future__ import annotations

import re

from textual.suggester import Suggester

_JOINS = re.compile(r"(.*(?:\band\b|&|;)\s*)(.*)$", re.IGNORECASE)


class PeopleSuggester(Suggester):
    def __init__(self, entries: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.entries = entries

    async def get_suggestion(self, value: str) -> str | None:
        match = _JOINS.match(value)
        head, tail = (match.group(1), match.group(2)) if match else ("", value)
        if len(tail.strip()) < 2:
            return None
        wanted = tail.casefold()
        for entry in self.entries:
            if entry.casefold().startswith(wanted):
                return head + tail + entry[len(tail):]
        return None
