"""User text is shown as typed, never parsed as markup (a meeting called
"[Draft] budget" must show its brackets), and never obeyed by the terminal: a name
holding an escape sequence (from a book an older version wrote) shows it as ␛…"""

from __future__ import annotations

from rich.text import Text

from secretary.safety import visible_text


def plain(value: object, style: str = "") -> Text:
    return Text("" if value is None else visible_text(str(value)), style=style, no_wrap=False)


def one_line(value: str) -> str:
    """The clerk's words for a line of their own (a pane's title): shown as ``plain`` shows them,
    a tab or a line break read as a space."""
    return visible_text(value).replace("\t", " ").replace("\n", " ")
