"""Keeping the clerk's data and terminal safe (DESIGN.md §7): control characters never reach
the book or the terminal, and a book should not live inside a folder a sync tool rewrites."""

from __future__ import annotations

import re
from pathlib import PurePath

# C0 and C1 controls and DEL, but tab and newline: ESC and CSI (0x9b) start terminal commands
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_ENDS = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """Text as it may enter the book: line ends made newlines, other control characters removed."""
    if text.isprintable():  # the usual case, at once
        return text
    return _CONTROL.sub("", _LINE_ENDS.sub("\n", text))


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control picture: ESC shows as ␛
    return "\u2421" if code == 0x7F else f"<{code:02X}>"


def visible_text(text: str) -> str:
    """Text as it may be written to a terminal: every control character but tab and newline made
    visible (ESC as ␛), so a name holding an escape sequence shows it instead of obeying it."""
    if text.isprintable():
        return text
    return _CONTROL.sub(_shown, text)

_SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud",
    "icloud": "iCloud",
    "mobile documents": "iCloud",
    "com~apple~clouddocs": "iCloud",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}


def sync_service(path: str | PurePath) -> str | None:
    """The sync service whose folder holds ``path`` ("OneDrive - NHS" counts), or None."""
    for part in PurePath(path).parts[:-1]:
        folded = part.casefold()
        for marker, name in _SYNC_FOLDERS.items():
            if folded == marker or folded.startswith(marker + " ") or folded.startswith(marker + "-"):
                return name
    return None


def sync_warning(path: str | PurePath) -> str | None:
    service = sync_service(path)
    if service is None:
        return None
    return (f"This book is inside a {service} folder. Sync tools copy files while they are open and can "
            "corrupt a database: keep the book in a local folder (exports and backups copied to "
            f"{service} are fine).")
