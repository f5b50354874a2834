"""User text is shown as typed, never parsed as markup (a meeting called
"[Draft] budget" must show its brackets)."""

from __future__ import annotations

from rich.text import Text


def plain(value: object, style: str = "") -> Text:
    return Text("" if value is None else str(value), style=style, no_wrap=False)
