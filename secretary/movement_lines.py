"""Movement lines in place (issue 16): "VM arrived." put into the item's notes where the clerk
had reached when the movement was recorded, as ordinary text, and kept linked to the movement.

The link keeps the exact text inserted. Correcting the movement rewrites the line while the
notes still hold that text; deleting it (or a return that makes a departure a brief step-out,
which the minutes do not print) takes the line out. A line the clerk has edited is left as
written and the clerk is told. The minutes print a generated line only for movements that
have no line in the notes (movements recorded before this feature, or while the book was
refusing writes), so nothing is printed twice and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from secretary.annotations import RunningOrder, movement_sentences
from secretary.models import Movement, Person
from secretary.step_outs import step_outs, without_step_outs

_ENDS = ".!?"


class MovementLine(BaseModel):
    """A line inserted into an item's notes for one movement (``movement_id`` None once the
    movement is deleted and before its line is taken out)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: int | None = None
    movement_id: int | None
    item_id: int
    text: str


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def applied(text: str, edits: list[Edit]) -> str:
    """The text with the (non-overlapping) edits made, last first so offsets hold."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.new + text[edit.end:]
    return text


def lines_wanted(item_id: int, movements: list[Movement], people: dict[int, Person],
                 order: RunningOrder) -> dict[int, str]:
    """Each movement's line for this item, as the minutes would word it, one person a line;
    brief step-outs (not minuted) have none."""
    printed = without_step_outs(movements, step_outs(movements))
    return movement_sentences(item_id, printed, people, order)


def place_line(text: str, cursor: int, line: str) -> tuple[Edit, int]:
    """Where the line goes when the clerk's cursor is at ``cursor``: there if the clerk is between
    sentences, else at the end of the sentence (or line) the cursor is in — never inside a word.
    Returns the insertion and where the cursor goes: just after the line."""
    cursor = max(0, min(cursor, len(text)))
    point = cursor if _between_sentences(text, cursor) else _sentence_end(text, cursor)
    before = " " if point > 0 and not text[point - 1].isspace() else ""
    if before and text[point - 1] not in _ENDS and (point == len(text) or text[point] == "\n"):
        before = "\n"  # after a line that is no sentence ("- from RD", a heading): a line of its own
    after = " " if point < len(text) and not text[point].isspace() else ""
    return Edit(point, point, before + line + after), point + len(before) + len(line)


def _between_sentences(text: str, cursor: int) -> bool:
    """The cursor follows the end of a sentence or line, and is not inside a word ('3.|5')."""
    ahead = text[:cursor].rstrip(" \t")
    if not ahead:
        return True
    inside = ahead == text[:cursor] and cursor < len(text) and not text[cursor].isspace()
    return ahead[-1] == "\n" or (ahead[-1] in _ENDS and not inside)


def _sentence_end(text: str, cursor: int) -> int:
    """The first point at or after the cursor that ends a sentence ('.', '!' or '?' followed by a
    space or the end) or a line."""
    for at in range(cursor, len(text)):
        if text[at] == "\n":
            return at
        if text[at] in _ENDS and (at + 1 == len(text) or text[at + 1].isspace()):
            return at + 1
    return len(text)


@dataclass
class LineSync:
    """What bringing an item's lines into line with its movements does."""

    edits: list[Edit] = field(default_factory=list)
    rewritten: list[tuple[MovementLine, str]] = field(default_factory=list)  # the link and its new text
    dropped: list[MovementLine] = field(default_factory=list)
    edited: list[tuple[MovementLine, str]] = field(default_factory=list)  # the clerk's version left; what it should say

    @property
    def changes(self) -> bool:
        return bool(self.edits or self.rewritten or self.dropped)


def sync_lines(notes: str, links: list[MovementLine], wanted: dict[int, str]) -> LineSync:
    """Rewrite the lines whose movement was corrected and take out those whose movement is gone
    (or no longer printed), where the notes still hold them as inserted; a line the clerk edited
    stays as written and is reported in ``edited``."""
    sync = LineSync()
    taken: list[tuple[int, int]] = []
    for link in sorted(links, key=lambda x: x.id or 0):
        should = wanted.get(link.movement_id) if link.movement_id is not None else None
        if should == link.text:
            _find(notes, link.text, taken)  # holds its place, so a twin line is not mistaken for it
            continue
        found = _find(notes, link.text, taken)
        if should is None:
            sync.dropped.append(link)
            if found is not None:
                sync.edits.append(_removal(notes, *found))
            else:
                sync.edited.append((link, ""))
            continue
        sync.rewritten.append((link, should))  # the link follows the movement, edited or not
        if found is not None:
            sync.edits.append(Edit(found[0], found[1], should))
        else:
            sync.edited.append((link, should))
    return sync


def _find(notes: str, text: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    start = notes.find(text)
    while start != -1:
        span = (start, start + len(text))
        if not any(s < span[1] and span[0] < e for s, e in taken):
            taken.append(span)
            return span
        start = notes.find(text, start + 1)
    return None


def _removal(notes: str, start: int, end: int) -> Edit:
    """The line out, with the space or line break that joined it to the text before it (else after)."""
    if start > 0 and notes[start - 1] in " \n":
        start -= 1
    elif end < len(notes) and notes[end] in " \n":
        end += 1
    return Edit(start, end, "")
