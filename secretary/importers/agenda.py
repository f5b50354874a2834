"""Importing an agenda: the table from the papers (TSV/CSV), or text copied out of a PDF.

Every line of the file is reported as what it became, or why it could not be read.
"""

from __future__ import annotations

from pathlib import Path

from secretary.importers.agenda_model import AgendaFormatError, AgendaImport, ParsedItem
from secretary.importers.agenda_reading import check_agenda_text
from secretary.importers.agenda_table import parse_agenda_table, table_delimiter
from secretary.importers.agenda_text import parse_agenda_text
from secretary.importers.toolkit import RowReport, decode_text, read_file

__all__ = [
    "AgendaFormatError", "AgendaImport", "ParsedItem", "RowReport",
    "parse_agenda", "parse_agenda_table", "parse_agenda_text", "read_agenda_file",
]


MAX_FILE_BYTES = 5 * 1024 * 1024  # a whole board pack pasted as text is well under this (280 KB)


def parse_agenda(text: str) -> AgendaImport:
    """A table when the text has tabs or the agenda's header row; otherwise pasted text."""
    check_agenda_text(text)
    if "\t" in text or table_delimiter(text):
        return parse_agenda_table(text)
    return parse_agenda_text(text)


def read_agenda_file(path: str | Path) -> AgendaImport:
    """Read an agenda file: .csv/.tsv as a table, anything else as a table or pasted text by its look."""
    path = Path(path)
    text = decode_text(read_file(path, AgendaFormatError, max_bytes=MAX_FILE_BYTES), AgendaFormatError,
                       save_as="tab-separated text, CSV or plain text")
    check_agenda_text(text)
    if path.suffix.casefold() in (".csv", ".tsv", ".tab"):
        return parse_agenda_table(text)
    return parse_agenda(text)
