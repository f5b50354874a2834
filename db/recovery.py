"""Recovery files: the changes the book could not take, written out when the app has to
stop before they are saved (the clerk quits, the terminal closes), and applied when the
book is next opened (DESIGN.md §7).

A recovery file is JSON a clerk can read — each change in words, with the text typed —
kept in a folder of the clerk's own (0700): ``recovery/`` beside the book or, if that
cannot be made, secretary's folder in the clerk's user state folder; never in a shared
folder such as /tmp. It is created exclusively and readable by its owner only. A file
found that another user owns or could have written — or in a folder they could write —
is refused with a message and left where it is: it would change the book. Applying one runs the same writes of
``db/`` the app would have run, in one transaction; notes never overwrite what the book
came to hold since: recovered notes that differ are added after it.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from db.book import Book, BookError
from db.pending import Change, held_write, storage_trouble

FORMAT = 1
_SAVE_TEXT = "db.minutes.save_minute_text"


class RecoveryError(BookError):
    pass


@dataclass(frozen=True)
class Recovery:
    path: Path
    book: str
    written_at: datetime
    reason: str
    entries: list[dict[str, Any]]


def recovery_folders(book_path: Path) -> list[Path]:
    """Where a recovery file is written, in order of preference: folders of the clerk's own."""
    from platformdirs import user_state_path

    return [Path(book_path).parent / "recovery", user_state_path("secretary", appauthor=False) / "recovery"]


def _searched_folders(book_path: Path) -> list[Path]:
    """Where recovery files are looked for: the clerk's folders, and where earlier versions wrote
    them (beside the book, home, the temporary folder), so that a file planted there is refused
    out loud rather than silently ignored."""
    folders = recovery_folders(book_path) + [Path(book_path).parent, Path.home(), Path(tempfile.gettempdir())]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def _untrusted(path: Path, *, folder: bool) -> str | None:
    """Why ``path`` cannot be trusted to hold the clerk's changes (None: it can): it must be the
    clerk's own, a real folder or file (not a link), and writable by no one else."""
    try:
        found = os.lstat(path)
    except OSError as e:
        return e.strerror or str(e)
    kind = "folder" if folder else "file"
    if not (stat.S_ISDIR(found.st_mode) if folder else stat.S_ISREG(found.st_mode)):
        return f"it is not a plain {kind}"
    if found.st_uid != os.geteuid():
        return f"the {kind} belongs to another user ({_user(found.st_uid)})"
    if found.st_mode & 0o022:
        return f"the {kind} can be written by other users"
    return None


def _user(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (KeyError, ImportError):
        return f"user {uid}"


def _own_folder(folder: Path) -> Path:
    """``folder``, made 0700 if missing; raises OSError if it is not one the clerk alone can write."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)
    why = _untrusted(folder, folder=True)
    if why:
        raise OSError(f"not a folder of your own: {why}")
    return folder


def write_recovery(book: Book, changes: list[Change], reason: str, *, now: datetime | None = None) -> Path:
    """Write ``changes`` to a new recovery file for ``book``; return where it went. Raises
    RecoveryError (with every folder's reason) if no folder would take it."""
    now = now or datetime.now().astimezone()
    document = {
        "secretary_recovery": FORMAT,
        "read_me": (
            "Changes made in secretary that could not be saved to the book below. Open the book in "
            "secretary to apply them (it offers to when it finds this file); until then nothing here "
            "is in the book. Notes are under \"kwargs\" as they were typed."
        ),
        "book": str(book.path),
        "written_at": now.isoformat(),
        "reason": reason,
        "changes": [_entry(book, change) for change in changes],
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    name = f"{book.path.name}.recovery-{now:%Y%m%d-%H%M%S}.json"
    failures = []
    for folder in recovery_folders(book.path):
        try:
            return _write_private(_own_folder(folder) / name, text)
        except OSError as e:
            failures.append(f"{folder}: {e.strerror or e}")
    raise RecoveryError("The recovery file could not be written anywhere (" + "; ".join(failures) + ").")


def _write_private(path: Path, text: str) -> Path:
    """Written to a new file made exclusively (no link followed, nothing else's reused), then
    renamed into place in the clerk's own folder."""
    temp = path.with_name(f".{path.name}.part")
    temp.unlink(missing_ok=True)  # one left by a crash, in a folder only the clerk can write
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def _entry(book: Book, change: Change) -> dict[str, Any]:
    entry = {
        "what": change.what,
        "made_at": change.made_at.isoformat(),
        "write": change.name,
        "args": [_encode(a) for a in change.args],
        "kwargs": {k: _encode(v) for k, v in change.kwargs.items()},
    }
    if change.name == _SAVE_TEXT:
        entry["book_held"] = _held(book, change.args[0], change.kwargs)
    return entry


def _held(book: Book, item_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
    """What the book held for these minute fields when the file was written (None if unreadable)."""
    from db.minutes import get_minute

    try:
        minute = get_minute(book, item_id)
    except Exception:  # noqa: BLE001 — a book that cannot be read still gets its recovery file
        return None
    return {k: getattr(minute, k) for k in fields}


def _encode(value: Any) -> Any:
    from pydantic import BaseModel  # here: the app looks for recovery files at start, before any model

    if isinstance(value, BaseModel):
        return {"$model": type(value).__name__, **value.model_dump(mode="json")}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$model" in value:
            from pydantic import BaseModel

            from secretary import models

            model = getattr(models, value["$model"], None)
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                raise ValueError(f"unknown kind of record {value['$model']!r}")
            return model.model_validate({k: v for k, v in value.items() if k != "$model"})
    return value


def find_recoveries(book_path: Path) -> list[Recovery]:
    """Recovery files waiting for this book that can be trusted, oldest first."""
    return scan_recoveries(book_path)[0]


def refused_recoveries(book_path: Path) -> list[str]:
    """What was found and refused, one sentence each, for the clerk."""
    return scan_recoveries(book_path)[1]


def scan_recoveries(book_path: Path) -> tuple[list[Recovery], list[str]]:
    """(the trusted recovery files for this book, oldest first; why each other one was refused)."""
    book_path = Path(book_path).absolute()
    found, refused = [], []
    for folder in _searched_folders(book_path):
        folder_doubt = _untrusted(folder, folder=True)
        for path in sorted(folder.glob(f"{book_path.name}.recovery-*.json")):
            if ".applied-" in path.name:
                continue
            why = _untrusted(path, folder=False) or (folder_doubt and f"its folder is not yours alone ({folder_doubt})")
            if why:
                refused.append(f"The recovery file {path} was not offered: {why}. Changes from it could alter "
                               "the book, so it has been left where it is, unread.")
                continue
            try:
                recovery = read_recovery(path)
            except (OSError, ValueError):
                continue
            if Path(recovery.book) == book_path:
                found.append(recovery)
    return sorted(found, key=lambda r: r.written_at), refused


def read_recovery(path: Path) -> Recovery:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("secretary_recovery") != FORMAT:
        raise ValueError(f"{path} is not a secretary recovery file")
    return Recovery(
        path=Path(path), book=document["book"], written_at=datetime.fromisoformat(document["written_at"]),
        reason=document.get("reason", ""), entries=list(document["changes"]),
    )


def recovery_text(recovery: Recovery) -> str:
    """The recovery file in words, for the clerk to read before applying it."""
    lines = [
        f"Recovery file {recovery.path}",
        f"written {recovery.written_at:%d/%m/%Y at %H.%M}: {recovery.reason}",
        f"{len(recovery.entries)} change(s) not in the book:",
        "",
    ]
    for entry in recovery.entries:
        made = datetime.fromisoformat(entry["made_at"])
        lines.append(f"{made:%H.%M.%S}  {entry['what']}")
        for field, value in entry.get("kwargs", {}).items():
            if isinstance(value, str) and value:
                lines.append(f"    {field}:")
                lines += [f"      {line}" for line in value.splitlines()]
    return "\n".join(lines)


def apply_recovery(book: Book, recovery: Recovery) -> list[str]:
    """Apply the file's changes, all in one transaction; return what happened to each, in
    words. A change the book refuses (already there, say) is reported and skipped. Raises
    RecoveryError, changing nothing, if the book cannot be written now."""
    report = []
    try:
        with book.db.atomic():
            for entry in recovery.entries:
                report.append(_apply_one(book, entry))
    except Exception as error:  # noqa: BLE001 — storage trouble becomes one clear message
        trouble = storage_trouble(error)
        if trouble is None:
            raise
        raise RecoveryError(f"The recovery file could not be applied now: {trouble}. It is kept.") from error
    return report


def _apply_one(book: Book, entry: dict[str, Any]) -> str:
    write = held_write(entry.get("write", ""))
    what = entry.get("what", "a change")
    if write is None:
        return f"not applied (unknown kind of change): {what}"
    args = [_decode(a) for a in entry.get("args", [])]
    kwargs = {k: _decode(v) for k, v in entry.get("kwargs", {}).items()}
    note = ""
    if entry["write"] == _SAVE_TEXT:
        kwargs, note = _merge_text(book, args[0], kwargs, entry.get("book_held"))
        if not kwargs:
            return f"already in the book: {what}"
    try:
        with book.db.atomic():
            write(book, *args, **kwargs)
    except Exception as error:  # noqa: BLE001 — one refused change does not stop the rest
        if storage_trouble(error) is not None:
            raise
        return f"not applied ({getattr(error, 'message', None) or error}): {what}"
    return f"applied{note}: {what}"


def _merge_text(book: Book, item_id: int, fields: dict[str, Any], held: dict | None) -> tuple[dict, str]:
    """The minute fields to write: recovered notes never overwrite notes the book came to
    hold since the file was written — they are added after them."""
    from db.minutes import get_minute

    minute = get_minute(book, item_id)
    out, note = {}, ""
    for field, value in fields.items():
        now = getattr(minute, field)
        before = (held or {}).get(field)  # None: not known, so never overwritten
        if value == now:
            continue
        if field == "notes" and now not in ("", before) and not value.startswith(now):
            out[field] = f"{now}\n\n{value}"
            note = " (added after the notes written since)"
        else:
            out[field] = value
    return out, note


def set_aside(recovery: Recovery, *, now: datetime | None = None) -> Path:
    """Rename an applied recovery file so that it is not offered again (it is kept)."""
    now = now or datetime.now()
    done = recovery.path.with_name(recovery.path.name.removesuffix(".json") + f".applied-{now:%Y%m%d-%H%M%S}.json")
    os.replace(recovery.path, done)
    return done
