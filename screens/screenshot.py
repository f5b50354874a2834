"""The palette's Screenshot: saved next to the book (or in the current folder), and the clerk is
told where. Textual's own saves to ~/Downloads and says nothing when that folder does not exist."""

from __future__ import annotations

from pathlib import Path

from textual.app import App


def screenshot_folder(book_path: Path | None) -> Path:
    """Where a screenshot goes: the book's folder, or the current folder for a book in memory."""
    return Path(book_path).resolve().parent if book_path is not None else Path.cwd()


def take_screenshot(app: App, folder: Path, filename: str | None = None) -> Path | None:
    """Save the screen as SVG in ``folder`` and say where; a folder that cannot be written is told."""
    try:
        saved = Path(app.save_screenshot(filename, path=str(folder)))
    except OSError as error:
        app.notify(f"No screenshot saved: {folder} could not be written ({error.strerror or error}).",
                   title="Screenshot", severity="error", timeout=15, markup=False)
        return None
    app.notify(f"Saved to {saved}", title="Screenshot", timeout=10, markup=False)
    return saved
