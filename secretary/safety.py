"""Where a book should not live: inside a folder a sync tool rewrites (DESIGN.md §7)."""

from __future__ import annotations

from pathlib import PurePath

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
