"""What every importer shares: opening the file safely, decoding it, taking out control codes,
and reading its rows (tab, comma or semicolon separated), each row reported as what it became."""

from __future__ import annotations

import csv
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

MAX_FILE_BYTES = 20 * 1024 * 1024  # a real register of thousands of rows is under 2 MB
MAX_CELL_CHARS = 10_000  # the longest "details of interest" seen is a few hundred characters
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")  # our CSV exports prefix these with '
# ESC sequences (CSI, OSC, two-character) whole, so "[2J" goes with its ESC; then lone C0 and C1 codes
# (a C1 code alone is taken out, not what follows it: without it, the rest is plain text)
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -~]?"
    r"|[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]"
)
_SPACING = {"\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85"}  # they part words: they become a space
_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")
Progress = Callable[[int, int], None]  # (done, total), told now and then while a long file is read


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class RowReport(_Value):
    """What one line of an imported file became, or why it could not be read."""

    line: int
    text: str
    became: str = ""
    problem: str = ""


class CellWarning(_Value):
    """A cell worth a second look: kept as written, but not fully understood."""

    line: int
    column: str
    text: str
    message: str


# --- the file ---------------------------------------------------------------------


def read_file(path: str | Path, error: type[ValueError], *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file; a pipe, a device or a folder is refused at once (reading one
    would wait for ever), and so is a file too big to be what it claims."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opened so does not wait
    except OSError as why:
        raise error(f"could not open {path.name}: {why.strerror or why}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise error(f"{path.name} is {_kind_of(info.st_mode)}, not a file: give the path of a saved file")
    with os.fdopen(fd, "rb") as file:
        data = file.read(max_bytes + 1) if info.st_size <= max_bytes else b""
        if info.st_size > max_bytes or len(data) > max_bytes:  # refused before it is read, or as it grew
            size = max(info.st_size, len(data)) / 1024 / 1024
            raise error(f"{path.name} is {size:.0f} MB; a file to import may be at most "
                        f"{max_bytes // 1024 // 1024} MB, so this is not the file meant (nothing was read)")
        return data


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def decode_text(data: bytes, error: type[ValueError], *, save_as: str = "CSV or tab-separated text") -> str:
    """Text from a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise error(f"this is a Word or Excel file, or another packaged document; save it as {save_as}")
    if data.startswith(b"%PDF"):
        raise error(f"this is a PDF; copy the text out of it, or save it from its spreadsheet, as {save_as}")
    if b"\x00" in data[:4096] and not utf16:
        raise error(f"this looks like a binary file (it holds NUL bytes), not text; save it as {save_as}")
    if utf16:
        try:
            return data.decode("utf-16")  # Excel's "Unicode text"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise error("could not read the file's characters: it is not UTF-8 or Windows-1252 text")


def check_text(text: str, error: type[ValueError]) -> str:
    """Refuse what is not text at all, or nothing; the text without its byte-order mark."""
    if "\x00" in text:
        raise error("this looks like a binary file (it holds NUL bytes), not text; "
                    "save it as CSV, tab-separated or plain text")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise error("the file is empty")
    return text


# --- control codes ------------------------------------------------------------------


def remove_controls(text: str) -> tuple[str, int]:
    """The text without control codes (terminal escapes, bells, vertical tabs…), and how many were
    taken out; tab, newline and carriage return stay. Codes that part words become a space."""
    removed = 0

    def replace(match: re.Match) -> str:
        nonlocal removed
        removed += 1
        return " " if match[0] in _SPACING else ""

    return _CONTROL.sub(replace, text), removed


def controls_note(removed: int) -> list[str]:
    """The preview's line saying what was taken out, if anything was."""
    if not removed:
        return []
    codes = "control code was" if removed == 1 else "control codes were"
    return [f"{removed} {codes} removed from the file (invisible characters such as terminal escapes)."]


# --- rows -----------------------------------------------------------------------------


def sniff_delimiter(text: str) -> str:
    """Tab, semicolon (Excel in many locales) or comma: the one the header, the first line, is cut by."""
    first = next((_unquoted(line) for line in text.splitlines() if line.strip()), "")
    return max(("\t", ";", ","), key=lambda candidate: first.count(candidate))  # ties: the earlier


def _unquoted(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)


def clean_cell(value: str) -> str:
    """A cell trimmed, with the ' our own CSV exports put before = + - @ taken off again."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")  # a lone CR would overwrite the preview's line
    return _FORMULA_GUARD.sub("", value.strip(), count=1)


class Record(NamedTuple):
    line: int
    cells: list[str]
    problem: str = ""  # the row could not be read: cells hold what there was, for the report


class Records:
    """The rows of a CSV, semicolon or tab-separated file, read one at a time.

    ``removed`` says how many control codes were taken out; a row that cannot be read (a cell too
    long, a quote never closed) comes with its problem and the rows after it are still read; more
    than ``limit`` rows under the header and the file is refused before the rest is read, saying
    ``what`` ("a roster holds at most 5,000 people")."""

    def __init__(self, text: str, error: type[ValueError], *, limit: int, what: str,
                 progress: Progress | None = None, delimiter: str | None = None) -> None:
        text, self.removed = remove_controls(check_text(text, error))
        self.error, self.limit, self.what, self.progress = error, limit, what, progress
        self.delimiter = delimiter or sniff_delimiter(text)
        self.lines = _LINE_END.split(text)
        if self.lines and not self.lines[-1]:
            self.lines.pop()

    def __iter__(self) -> Iterator[Record]:
        at, rows = 0, 0
        while at < len(self.lines):
            reader = csv.reader(iter(self.lines[at:]), delimiter=self.delimiter)
            restart = None
            while restart is None:
                start = at + reader.line_num + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as why:
                    yield Record(start, [], _csv_problem(why))
                    continue
                end = at + reader.line_num
                if end == len(self.lines) and self._never_closed(start):  # read to the end inside quotes
                    ran = f", so lines {start}–{end} ran together; the lines after it are read" if end > start else ""
                    yield Record(start, [self.lines[start - 1].strip()[:200]],
                                 f"a quote mark (\") opens a cell on this line and is never closed{ran}")
                    restart = start
                    continue
                if any(cells):
                    rows += 1
                    if rows > self.limit + 1:  # the first row is the header
                        raise self.error(f"the file has more than {self.limit:,} rows under its header, and "
                                         f"{self.what}: is it the right file? Nothing was imported")
                    if self.progress and rows % 200 == 0:
                        self.progress(end, len(self.lines))
                yield self._record(start, cells)
            at = restart

    def _never_closed(self, start: int) -> bool:
        strict = csv.reader(iter(self.lines[start - 1:]), delimiter=self.delimiter, strict=True)
        try:
            next(strict)
        except csv.Error as why:
            return "unexpected end of data" in str(why)
        return False

    def _record(self, line: int, cells: list[str]) -> Record:
        cells = [clean_cell(cell) for cell in cells]
        while cells and not cells[-1]:
            cells.pop()  # spreadsheets pad rows with empty cells
        long = next((n for n, cell in enumerate(cells, start=1) if len(cell) > MAX_CELL_CHARS), None)
        if long is not None:
            shown = [cell if len(cell) <= 60 else cell[:57] + "…" for cell in cells]
            return Record(line, shown, f"cell {long} holds {len(cells[long - 1]):,} characters; a cell may hold "
                                       f"at most {MAX_CELL_CHARS:,}")
        return Record(line, cells)


def _csv_problem(why: csv.Error) -> str:
    if "field larger than field limit" in str(why):
        return f"a cell is longer than the {MAX_CELL_CHARS:,} characters a cell may hold"
    return f"could not be read: {why}"

