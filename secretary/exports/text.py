"""Text as every export format can hold it (issue 17): any string the book accepts must
reach Word, HTML and Markdown, and Word's XML refuses control characters.

The vertical tab Word itself puts in pasted text (and form feeds, Unicode line and
paragraph separators, lone carriage returns) becomes a line break; every other control
character is dropped."""

from __future__ import annotations

import dataclasses
import re
from enum import Enum

_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# what XML 1.0 refuses (tab and newline are kept), plus the C1 controls nobody means to print
_REFUSED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """The text with line breaks as '\\n' and no character an export format would refuse."""
    return _REFUSED.sub("", _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """For a table cell or a heading that holds one line: breaks become spaces."""
    return " ".join(printable(text).split())


def cleaned(value):
    """The same value with every string in it made printable: a document model, a tuple
    of them, a string; anything else is returned as is."""
    if isinstance(value, str) and not isinstance(value, Enum):
        return printable(value)
    if isinstance(value, tuple):
        return tuple(cleaned(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: cleaned(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
