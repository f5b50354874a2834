"""The `secretary` command: the composition root.

It alone wires the domain, the book and the app together; it imports `db`
and `screens` lazily, inside the commands that need them, so `--help` and
`--version` stay instant.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from secretary import __version__
from secretary.safety import visible_text

DEFAULT_BOOK_NAME = "book.secretary"
DEMO_BOOK_NAME = "demo.secretary"


class CommandError(Exception):
    """A one-line message for the clerk; the command exits non-zero."""


def data_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("secretary", appauthor=False)


def default_book() -> Path:
    return data_folder() / DEFAULT_BOOK_NAME


# --book, declared once: every command takes it, before its name or after. SUPPRESS: a command
# given no --book keeps the one given before its name (argparse would reset it to None).
BOOK = argparse.ArgumentParser(add_help=False)
BOOK.add_argument("--book", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                  help=f"the book to use (default: {DEFAULT_BOOK_NAME} in your user data folder)")


# Every command's name, and where its parser is made. A command named first on the line gets a
# parser holding it alone: building all 21 (and importing the modules that add them) is a sixth
# of a short command's time. Anything else (--help, options first, a mistyped name) gets them all.
COMMANDS = {
    "demo": "", "search": "", "bodies": "", "meetings": "", "new-meeting": "",
    "import": "imports", "backup": "book", "backups": "book", "restore": "book", "check": "book", "export": "exports",
}


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, after the book if that comes first (``--book FILE search …``);
    None for anything else: help, the version, a name mistyped."""
    at = 0
    while at < len(argv) and argv[at].startswith("--book"):
        at += 1 if "=" in argv[at] else 2
    return argv[at] if at < len(argv) and argv[at] in COMMANDS else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command's, or (``command``) that command's alone, which
    parses that command's arguments exactly as the whole parser does."""
    def wanted(name: str) -> bool:
        return command is None or command == name

    parser = argparse.ArgumentParser(
        prog="secretary",
        description="The clerk's book: attendance, quoracy, minutes and actions for boards and committees.",
    )
    parser.add_argument("--version", action="version", version=f"secretary {__version__}")
    parser.add_argument(
        "--book", type=Path, metavar="FILE",
        help=f"the book to use (default: {DEFAULT_BOOK_NAME} in your user data folder)",
    )
    parser.set_defaults(run=run_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    if wanted("demo"):
        demo = sub.add_parser("demo", parents=[BOOK], help="create the demo book (Northbridge ICB) and open its next meeting")
        demo.add_argument("--no-open", action="store_true", help="create the demo book but do not open the app")
        demo.add_argument("--years", type=int, metavar="N",
                          help="a large book instead: N years of the Board and four committees (about 50 meetings "
                               "a year), generated the same way every time")
        demo.set_defaults(run=run_demo)

    if wanted("search"):
        search = sub.add_parser("search", parents=[BOOK], help="search the minutes, decisions and actions of every meeting")
        search.add_argument("query", metavar="QUERY",
                            help='words, "a phrase", a prefix such as estat*, and AND / OR / NOT in capitals')
        search.add_argument("--body", metavar="ID", help="only this body (ID or short name)")
        search.add_argument("--since", metavar="DATE", help="only meetings on or after this date, e.g. 01/04/2023")
        search.add_argument("--confidential", action="store_true",
                            help="include Part II (confidential) items, which are left out otherwise")
        search.add_argument("--limit", type=int, default=20, metavar="N", help="show at most N results (default 20)")
        search.set_defaults(run=run_search)

    if wanted("bodies"):
        bodies = sub.add_parser("bodies", parents=[BOOK], help="list the bodies in the book, with their IDs")
        bodies.set_defaults(run=run_bodies)

    if wanted("meetings"):
        meetings = sub.add_parser("meetings", parents=[BOOK], help="list meetings, upcoming first, with their IDs")
        meetings.add_argument("--body", metavar="ID", help="only this body (ID or short name)")
        meetings.set_defaults(run=run_meetings)

    if wanted("new-meeting"):
        new = sub.add_parser("new-meeting", parents=[BOOK], help="create a meeting and print its ID")
        new.add_argument("--body", required=True, metavar="ID", help="the body (ID or short name)")
        new.add_argument("--date", required=True, help="the date, e.g. 27/06/2025")
        new.add_argument("--start", metavar="HH:MM", help="planned start, e.g. 09:30 or 9.30am")
        new.add_argument("--end", metavar="HH:MM", help="planned end")
        new.add_argument("--title", help="title (default: 'Meeting of the <body>')")
        new.add_argument("--venue", default="", help="where it is held")
        new.add_argument("--private", action="store_true", help="a meeting held in private")
        new.set_defaults(run=run_new_meeting)

    if command is None or COMMANDS.get(command) == "imports":
        from secretary.cli.imports import add_import_commands  # here: that module needs this one loaded

        add_import_commands(sub)
    if command is None or COMMANDS.get(command) == "book":
        from secretary.cli.book import add_book_commands

        add_book_commands(sub)
    if command is None or COMMANDS.get(command) == "exports":
        from secretary.cli.exports import add_export_commands

        add_export_commands(sub)
    return parser


def the_app_alone(argv: list[str]) -> argparse.Namespace | None:
    """The app on a book, the commonest start (``secretary`` or ``secretary --book FILE``), read
    without building the parser of every command (a few per cent of the start); anything else,
    None, for the parser. Gives exactly what the parser would."""
    if not argv:
        return argparse.Namespace(book=None, run=run_app)
    if len(argv) == 2 and argv[0] == "--book" and not argv[1].startswith("-"):
        return argparse.Namespace(book=Path(argv[1]), run=run_app)
    if len(argv) == 1 and argv[0].startswith("--book="):
        return argparse.Namespace(book=Path(argv[0].removeprefix("--book=")), run=run_app)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from secretary.cli.terminal import reader_gone, visible_output

    given = sys.argv[1:] if argv is None else list(argv)
    args = the_app_alone(given) or build_parser(command_named(given)).parse_args(given)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        with visible_output(run not in (run_app, run_demo)):  # the app draws its own screen (screens/terminal.py)
            code = run(args) or 0
            sys.stdout.flush()  # a reader that has gone is found here, not at exit
            return code
    except BrokenPipeError:  # `secretary meetings | head -5`: the reader has all it wanted
        reader_gone()
        return 0
    except KeyboardInterrupt:
        print("secretary: interrupted; everything already saved is in the book.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - every failure becomes one clear line
        message = describe_error(error)
        if message is None:
            raise
        print(f"secretary: {visible_text(message)}", file=sys.stderr)
        return 1


def describe_error(error: Exception) -> str | None:
    """The clerk's words for an error, or None for a bug (which keeps its traceback)."""
    from pydantic import ValidationError

    from db import BookError

    if isinstance(error, (CommandError, BookError)):
        return str(error)
    if isinstance(error, ValidationError):
        from secretary.errors import explain

        return explain(error)
    if isinstance(error, ValueError):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")
    import sqlite3

    if isinstance(error, sqlite3.Error):
        from db.pending import storage_trouble

        trouble = storage_trouble(error)
        if trouble:  # each command writes in one transaction: the failed one left nothing behind
            return f"the book could not be written ({trouble.rstrip('.')}); nothing of this command was saved."
    return None


def open_book(path: Path | None, *, create: bool = False):
    from db import Book

    path = (path or default_book()).expanduser().absolute()
    with _naming_the_backup(path):
        return Book.open(path, create=create)


def import_book(args: argparse.Namespace, *, create: bool = False):
    """An import opens the book for writing only when it may write: a dry run, or one with no
    terminal to ask and no --yes, reads it and leaves every byte as it was."""
    if args.dry_run or (not args.yes and not sys.stdin.isatty()):
        path = (args.book or default_book()).expanduser()
        if not (create and not path.exists()):
            return read_book(args.book)
    return open_book(args.book, create=create)


def read_book(path: Path | None):
    """The book for a reading command: opened read-only, never written, never migrated."""
    from db.reading import open_for_reading

    path = (path or default_book()).expanduser().absolute()
    with _naming_the_backup(path):
        return open_for_reading(path)


@contextmanager
def _naming_the_backup(path: Path) -> Iterator[None]:
    """A damaged book is told with the newest good backup to restore, and the command."""
    from db import DamagedBook

    try:
        yield
    except DamagedBook as error:
        from db.backup import restore_advice  # only for a damaged book: the backups module is not small

        raise DamagedBook(f"{error.message} {restore_advice(path)}") from error


# --- commands ----------------------------------------------------------------


def run_app(args: argparse.Namespace) -> int:
    with _long_lived():
        screens = _import_meanwhile("screens.app")
        from db import Book

        path = (args.book or default_book()).expanduser()
        if not path.exists():
            # the app asks the clerk before creating a new book
            app = screens().SecretaryApp(None, create_path=path)
        else:
            from db import DamagedBook

            try:
                book = Book.open(path)  # any integrity check it needs reads the book while the screens import
                app = screens().SecretaryApp(book)
            except DamagedBook as error:  # the app says so and offers the newest good backup
                app = screens().SecretaryApp(None, create_path=path.absolute(), damaged=error)
    return _run(app)


@contextmanager
def _long_lived() -> Iterator[None]:
    """What start-up makes (some 100,000 objects: modules, classes, the screens' code) lives as long
    as the app. Python's collector need not pass over it again and again while it is made (about
    30 ms of the imports), nor in every full pass afterwards: frozen, those walk only what the
    screens make and let go of, which keeps them short while the clerk works."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _import_meanwhile(module: str):
    """Start importing ``module`` in a second thread; returns a function that waits for it and gives
    the module. Start-up overlaps its two slow parts: Python reading Textual and the screens, and
    SQLite checking the book (which lets go of the GIL while it reads)."""
    import importlib
    import threading

    def load() -> None:
        try:
            importlib.import_module(module)
        except BaseException:  # noqa: BLE001 - raised again, with its traceback, by the import below
            pass

    thread = threading.Thread(target=load, name=f"import {module}", daemon=True)
    thread.start()

    def finish():
        thread.join()
        return importlib.import_module(module)

    return finish


def _skip_unused_imports() -> None:
    """sqlite-utils without numpy and pandas (db/book.py ``load_sqlite_utils``)."""
    from db.book import load_sqlite_utils

    load_sqlite_utils()


def _run(app) -> int:
    try:
        app.run()
    finally:
        if app.book is not None:
            app.book.close()
    shutdown = getattr(app, "shutdown", None)
    if shutdown is not None:
        shutdown.end_process(app.return_code or 0)  # stopped by a signal or a closed terminal: at once
    return app.return_code or 0


def run_demo(args: argparse.Namespace) -> int:
    _skip_unused_imports()
    name = f"demo-{args.years}-years.secretary" if args.years is not None else DEMO_BOOK_NAME
    path = (args.book or data_folder() / name).expanduser().absolute()
    with _naming_the_backup(path):  # an existing demo book is opened again: damaged, it is told like any
        if args.years is not None:
            from db.demo.years import build_big_demo

            if not path.exists():
                print(f"Generating {args.years} year{'' if args.years == 1 else 's'} of meetings at {path} …",
                      flush=True)
            book, meeting_id, created = build_big_demo(path, args.years)
        else:
            from db.demo import build_demo

            book, meeting_id, created = build_demo(path)
    if args.no_open:
        print(f"{'Created' if created else 'Using'} the demo book at {path}")
        book.close()
        return 0
    from screens.app import SecretaryApp

    return _run(SecretaryApp(book, open_meeting=meeting_id))


def run_search(args: argparse.Namespace) -> int:
    from db.search import search
    from secretary.search import snippet_parts

    since = None
    if args.since:  # dateutil only when a date is given
        from secretary.dates import read_date

        since = read_date(args.since)
    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    with read_book(args.book) as book:
        body = None
        if args.body:
            from db.overview import find_body_line

            body = find_body_line(book, args.body)
        page = search(book, args.query, body_id=body.id if body else None, since=since,
                      confidential=args.confidential, limit=args.limit)
    where = f" in {body.label}" if body else ""
    left_out = "" if args.confidential else "; Part II items left out (--confidential includes them)"
    shown = f", the {len(page.hits)} most recent shown" if page.total > len(page.hits) else ""
    print(f"{page.total} result{'' if page.total == 1 else 's'} for {args.query!r}{where}{shown}{left_out}.")
    from secretary.cli.terminal import styled

    bold = ("\x1b[1;7m", "\x1b[0m") if sys.stdout.isatty() else ("**", "**")
    for hit in page.hits:
        when = f"{hit.meeting_date:%d/%m/%Y}" if hit.meeting_date else "(no date)"
        part = "  [Part II]" if hit.confidential else ""
        print(f"{when}  {hit.body_label:<6} {hit.item_label or hit.meeting_title}  · {hit.kind.label}{part}")
        print("    ", end="")
        for text, matched in snippet_parts(hit.snippet):  # the book's text shown, the matches styled
            if matched:
                styled(bold[0])
            print(text, end="")
            if matched:
                styled(bold[1])
        print()
    return 0


def run_bodies(args: argparse.Namespace) -> int:
    from db.overview import body_lines

    with read_book(args.book) as book:
        bodies = body_lines(book)
        if not bodies:
            print("The book holds no bodies yet.")
        for body in bodies:
            print(f"{body.id:>4}  {body.short_name or '-':<12}  {body.name}")
    return 0


def run_meetings(args: argparse.Namespace) -> int:
    from db.overview import body_lines, find_body_line, meeting_lines
    from secretary.formats import long_date, time_range

    with read_book(args.book) as book:  # plain rows: neither the models nor sqlite-utils for a list
        bodies = [find_body_line(book, args.body)] if args.body else body_lines(book)
        for body in bodies:
            print(f"{body.name} ({body.label}, ID {body.id})")
            meetings = meeting_lines(book, body.id)
            if not meetings:
                print("    no meetings yet")
            for m in meetings:
                when = f"{long_date(m.date)} {time_range(m.planned_start, m.planned_end)}".strip()
                private = " (private)" if not m.public else ""
                print(f"{m.id:>6}  {when:<36}  {m.status.value:<8}  {m.title}{private}")
    return 0


def run_new_meeting(args: argparse.Namespace) -> int:
    from db.bodies import find_body
    from db.meetings import create_meeting
    from secretary.dates import read_date
    from secretary.models import Meeting
    from secretary.times import read_time

    with open_book(args.book) as book:
        body = find_body(book, args.body)
        meeting = Meeting(
            body_id=body.id,
            title=args.title or f"Meeting of the {body.name}",
            date=read_date(args.date),
            planned_start=read_time(args.start) if args.start else None,
            planned_end=read_time(args.end) if args.end else None,
            venue=args.venue,
            public=not args.private,
        )
        stored = create_meeting(book, meeting)
        print(stored.id)
    return 0
