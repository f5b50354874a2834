"""Commands for the records kept between meetings: the decision planner, the attendance
record and the register of interests (imports and exports). Like the rest of the command
line, they import the book and the renderers inside each command."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from secretary.cli import BOOK


def add_exports(what) -> None:
    """`secretary export planner | attendance | register`."""
    planner = what.add_parser("planner", parents=[BOOK], help="the body's decision planner (forward plan), public entries only")
    register = what.add_parser("register", parents=[BOOK], help="the body's register of interests (the 13-column layout)")
    attendance = what.add_parser("attendance", parents=[BOOK], help="each member's attendance over a year: attended N of M")
    attendance.add_argument("--year", metavar="YYYY/YY",
                            help="a financial year, April to March, e.g. 2024/25 (default: the current one)")
    attendance.add_argument("--from", dest="start", metavar="DATE", help="instead of --year: the first day")
    attendance.add_argument("--to", dest="end", metavar="DATE", help="instead of --year: the last day")
    for command, run in ((planner, run_export_planner), (register, run_export_register),
                         (attendance, run_export_attendance)):
        command.add_argument("--body", required=True, metavar="ID", help="the body (ID or short name)")
        command.add_argument("--format", required=True, choices=["docx", "md", "csv"])
        command.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
        command.add_argument("--force", action="store_true", help="replace FILE if it exists")
        command.set_defaults(run=run)


def add_imports(kinds) -> None:
    """`secretary import planner`."""
    planner = kinds.add_parser("planner", parents=[BOOK], help="a decision planner (TSV/CSV, the nine published columns)")
    planner.add_argument("file", type=Path, metavar="FILE")
    planner.add_argument("--body", required=True, metavar="ID", help="the body (ID or short name)")
    planner.add_argument("--yes", action="store_true", help="accept without asking")
    planner.add_argument("--dry-run", action="store_true", help="show the preview only; change nothing")
    planner.set_defaults(run=run_import_planner)


def _write(args: argparse.Namespace, table, what: str, count: str) -> int:
    from secretary.exports.files import write_atomically
    from secretary.published_table import RENDERERS

    written = write_atomically(args.output, RENDERERS[args.format](table), force=args.force)
    print(f"Wrote {what} ({count}) to {written}.")
    return 0


def period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    from secretary.attendance_record import financial_year, year_of
    from secretary.cli import CommandError
    from secretary.dates import read_date

    if args.year and (args.start or args.end):
        raise CommandError("give either --year or --from/--to, not both")
    if args.start or args.end:
        if not (args.start and args.end):
            raise CommandError("--from and --to go together")
        start, end = read_date(args.start), read_date(args.end)
        if end < start:
            raise CommandError("--to comes before --from")
        return start, end
    return financial_year(args.year) if args.year else year_of(today)


def run_export_attendance(args: argparse.Namespace) -> int:
    from db.attendance_record import load_period
    from db.bodies import find_body
    from secretary.attendance_record import attendance_record, attendance_table
    from secretary.cli import read_book

    start, end = period(args, date.today())
    with read_book(args.book) as book:
        body = find_body(book, args.body)
        record = attendance_record(body.name, start, end, load_period(book, body.id, start, end))
    held = len(record.meetings)
    return _write(args, attendance_table(record), f"the attendance record of {body.name}",
                  f"{len(record.people)} people, {held} meeting{'' if held == 1 else 's'}")


def run_export_register(args: argparse.Namespace) -> int:
    from db.bodies import find_body
    from db.minutes import list_interests
    from db.register import confirmations
    from secretary.cli import read_book
    from secretary.register_record import register_table

    with read_book(args.book) as book:
        body = find_body(book, args.body)
        table = register_table(body.name, list_interests(book, body.id), confirmations(book, body.id),
                               today=date.today())
    return _write(args, table, f"the register of interests of {body.name}", f"{len(table.rows)} entries")


def run_export_planner(args: argparse.Namespace) -> int:
    from db.bodies import find_body
    from db.planner import list_entries
    from secretary.cli import read_book
    from secretary.planner import planner_table

    with read_book(args.book) as book:
        body = find_body(book, args.body)
        table, left_out = planner_table(body.name, list_entries(book, body.id), today=date.today())
    kept = f"{len(table.rows)} entries" + (f"; {left_out} linked to Part II items left out" if left_out else "")
    return _write(args, table, f"the decision planner of {body.name}", kept)


def run_import_planner(args: argparse.Namespace) -> int:
    from db.bodies import find_body
    from db.planner import list_entries, store_planner
    from secretary.cli import import_book
    from secretary.cli.imports import confirm_import
    from secretary.cli import CommandError
    from secretary.importers.planner import PlannerFormatError, read_planner_file
    from secretary.importers.report import report_lines

    try:
        imported = read_planner_file(args.file)
    except PlannerFormatError as error:
        raise CommandError(f"{args.file}: {error}") from None
    with import_book(args) as book:
        body = find_body(book, args.body)
        preview = report_lines(imported.rows)
        preview += [f"{w.line:>4}  check {w.column}: {w.message}" for w in imported.warnings]
        held = len(list_entries(book, body.id))
        if held:
            preview.append(f"The {held} entries held now for {body.name} are kept; entries with the same "
                           "Ref No. and decision are updated.")
        if confirm_import(args, preview, imported.summary(), f"Import this decision planner for {body.name}?"):
            added, updated = store_planner(book, body.id, imported)
            print(f"Imported the decision planner for {body.name}: {added} entries added, {updated} updated.")
    return 0
