"""`secretary import …`: an agenda, a roster, a register of interests or an action tracker.

Every import has the same shape: read the file (a bar shows if that takes more than a second),
print what every row became, a summary line, then ask (or --yes / --dry-run). An import in which
every row was refused fails, saying which rows and why.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretary.cli import BOOK, CommandError, _skip_unused_imports, import_book
from secretary.cli.progress import DelayedProgress


def add_import_commands(sub) -> None:
    """The `import` command and its four kinds, added to the command line's sub-parsers."""
    imp = sub.add_parser("import", help="import an agenda, a roster, a register or an action tracker")
    kinds = imp.add_subparsers(title="what to import", metavar="KIND", required=True)
    agenda = kinds.add_parser("agenda", parents=[BOOK], help="an agenda table (TSV/CSV) or text pasted from a PDF")
    agenda.add_argument("file", type=Path, metavar="FILE")
    agenda.add_argument("--meeting", required=True, metavar="ID", help="meeting ID, next or latest")
    agenda.add_argument("--append", action="store_true", help="add after the items already there")
    agenda.set_defaults(run=run_import_agenda)
    roster = kinds.add_parser("roster", parents=[BOOK], help="a roster CSV: name, initials, category, role, voting")
    roster.add_argument("file", type=Path, metavar="FILE")
    target = roster.add_mutually_exclusive_group(required=True)
    target.add_argument("--body", metavar="ID", help="the body (ID or short name)")
    target.add_argument("--new-body", metavar="NAME", help="create this body first")
    roster.add_argument("--short", metavar="S", default="", help="short name for --new-body")
    roster.set_defaults(run=run_import_roster)
    register = kinds.add_parser("register", parents=[BOOK], help="a register of interests (TSV/CSV, the 13-column layout)")
    register.add_argument("file", type=Path, metavar="FILE")
    register.add_argument("--body", required=True, metavar="ID", help="the body (ID or short name)")
    register.add_argument("--append", action="store_true",
                          help="add to the entries already held instead of replacing them")
    register.set_defaults(run=run_import_register)
    actions = kinds.add_parser("actions", parents=[BOOK], help="an existing action tracker (CSV/TSV), so numbering continues")
    actions.add_argument("file", type=Path, metavar="FILE")
    actions.add_argument("--body", required=True, metavar="ID", help="the body (ID or short name)")
    actions.set_defaults(run=run_import_actions)
    from secretary.cli import records

    records.add_imports(kinds)  # the decision planner
    for command in (agenda, roster, register, actions):
        command.add_argument("--yes", action="store_true", help="accept without asking")
        command.add_argument("--dry-run", action="store_true", help="show the preview only; change nothing")


def confirm_import(args: argparse.Namespace, preview: list[str], summary: str, question: str) -> bool:
    """The shape of every import: the preview, a summary line, then ask (or --yes / --dry-run)."""
    for line in preview:
        print(line)
    print(summary)
    if args.dry_run:
        print("Dry run: nothing was changed.")
        return False
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CommandError("there is no terminal to ask; run again with --yes to accept, or --dry-run to preview")
    answer = input(f"{question} [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        print("Nothing was changed.")
        return False
    return True


def refuse_if_nothing(imported: int, rows, preview: list[str], summary: str) -> None:
    """An import that would import nothing fails: the preview says why each row was refused."""
    from secretary.importers.report import not_read

    if imported:
        return
    for line in preview:
        print(line)
    print(summary)
    refused = [row for row in rows if not_read(row)]
    if not refused:
        raise CommandError("the file has no rows to import under its header; nothing was changed")
    said = "; ".join(f"line {row.line}: {row.problem}" for row in refused[:3])
    more = f"; and {len(refused) - 3} more (listed above)" if len(refused) > 3 else ""
    rows_word = "the only row was" if len(refused) == 1 else f"all {len(refused)} rows were"
    raise CommandError(f"nothing was imported: {rows_word} refused ({_clip(said, 300)}{more}); nothing was changed")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _preview(imported) -> list[str]:
    """What every row became, and how many control codes were taken out of the file."""
    from secretary.importers.report import report_lines
    from secretary.importers.toolkit import controls_note

    return report_lines(imported.rows) + controls_note(imported.controls_removed)


def run_import_agenda(args: argparse.Namespace) -> int:
    from secretary.importers.agenda import read_agenda_file
    from secretary.importers.report import agenda_details, report_lines

    with DelayedProgress(f"Reading {args.file.name}"):
        imported = read_agenda_file(args.file)
    preview = report_lines(imported.rows) + agenda_details(imported)  # with the control codes removed
    refuse_if_nothing(len(imported.items), imported.rows, preview, imported.summary())
    _skip_unused_imports()  # the file is read, and refused if it must be, before the book's code loads
    from db.imports import store_agenda
    from db.meetings import list_items, resolve_meeting
    from secretary.formats import long_date

    with import_book(args) as book:
        meeting = resolve_meeting(book, args.meeting)
        had = len(list_items(book, meeting.id))
        replace = f" (replacing its {had} items)" if had and not args.append else ""
        question = f"Import into the meeting of {long_date(meeting.date)}{replace}?"
        if confirm_import(args, preview, imported.summary(), question):
            with DelayedProgress("Storing the agenda"):
                stored = store_agenda(book, meeting.id, imported, append=args.append)
            print(f"Imported {len(stored)} agenda entries into meeting {meeting.id}.")
    return 0


def run_import_roster(args: argparse.Namespace) -> int:
    from secretary.importers.roster import read_roster_file

    with DelayedProgress(f"Reading {args.file.name}") as progress:
        imported = read_roster_file(args.file, progress=progress)
    preview = _preview(imported)
    refuse_if_nothing(len(imported.seats), imported.rows, preview, imported.summary())
    _skip_unused_imports()
    from db.bodies import create_body, find_body
    from db.imports import store_roster
    from secretary.models import Body

    with import_book(args, create=bool(args.new_body)) as book:
        body = None if args.new_body else find_body(book, args.body)
        name = args.new_body or body.name
        if confirm_import(args, preview, imported.summary(), f"Add these people to {name}?"):
            with book.db.atomic(), DelayedProgress("Storing the roster"):
                if body is None:
                    body = create_body(book, Body(name=args.new_body, short_name=args.short))
                added = store_roster(book, body.id, imported)
            print(f"Added {added} people to {body.name} (ID {body.id}).")
    return 0


def run_import_register(args: argparse.Namespace) -> int:
    from secretary.importers.register import parse_register, read_register_file

    text = read_register_file(args.file)
    _skip_unused_imports()
    from db.bodies import find_body
    from db.imports import store_register
    from db.minutes import list_interests

    with import_book(args) as book:
        body = find_body(book, args.body)
        with DelayedProgress(f"Reading {args.file.name}") as progress:
            imported = parse_register(text, body_id=body.id, progress=progress)
        preview = _preview(imported)
        preview += [f"{w.line:>4}  check {w.column}: {w.message}  ({w.text[:40]})" for w in imported.warnings]
        refuse_if_nothing(len(imported.interests), imported.rows, preview, imported.summary())
        held = len(list_interests(book, body.id))
        if held and not args.append:
            preview.append(f"This register replaces the {held} entries held now for {body.name} "
                           "(--append keeps them).")
        if confirm_import(args, preview, imported.summary(), f"Import this register for {body.name}?"):
            with DelayedProgress("Storing the register"):
                unmatched = store_register(book, body.id, imported, replace=not args.append)
            print(f"Imported {len(imported.interests)} register entries for {body.name}.")
            if unmatched:
                print("Not matched to a member (kept, with their names as written): " + ", ".join(unmatched))
    return 0


def run_import_actions(args: argparse.Namespace) -> int:
    from datetime import date

    from secretary.importers.actions import parse_actions, read_actions_file

    text = read_actions_file(args.file)
    _skip_unused_imports()
    from db.actions import list_actions, next_action_number
    from db.bodies import find_body
    from db.imports import store_actions

    with import_book(args) as book:
        body = find_body(book, args.body)
        with DelayedProgress(f"Reading {args.file.name}") as progress:
            imported = parse_actions(text, body_id=body.id, today=date.today(), progress=progress)
        preview = _preview(imported)
        refuse_if_nothing(len(imported.actions), imported.rows, preview, imported.summary())
        held = {a.number for a in list_actions(book, body.id, include_deleted=True)}
        clashes = sorted(a.number for a in imported.actions if a.number in held)
        if clashes:
            raise CommandError(
                f"{body.name} already holds actions numbered {', '.join(map(str, clashes[:10]))}"
                f"{'…' if len(clashes) > 10 else ''}; nothing was imported (numbers are never reused)."
            )
        if confirm_import(args, preview, imported.summary(), f"Add these actions to {body.name}?"):
            with DelayedProgress("Storing the actions"):
                added = store_actions(book, body.id, imported)
            print(f"Imported {added} actions; the next action raised will be {next_action_number(book, body.id)}.")
    return 0
