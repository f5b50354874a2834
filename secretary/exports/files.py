"""Writing an export so that a failure never leaves half a file: write beside the target
under a temporary name, flush to disk, then rename over it (DESIGN.md §7)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportRefused(ValueError):
    """The file was not written; the message says why, in the clerk's words."""


def write_atomically(path: Path, data: bytes, *, force: bool = False) -> Path:
    path = Path(path).expanduser()
    if path.exists() and not force:
        raise ExportRefused(f"{path} already exists; choose another name, or use --force to replace it.")
    folder = path.parent
    if not folder.is_dir():
        raise ExportRefused(f"There is no folder {folder} to write {path.name} into.")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise ExportRefused(f"Could not write {path}: {error.strerror or error}. Nothing was written.") from error
    return path
