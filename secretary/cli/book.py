"""The commands that look after the book itself: backup, backups, restore and check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretary.cli import BOOK, CommandError, _naming_the_backup, default_book, open_book, read_book


def add_book_commands(sub) -> None:
    backup = sub.add_parser("backup", parents=[BOOK], help="make a verified backup of the book now")
    backup.set_defaults(run=run_backup)
    backups = sub.add_parser("backups", parents=[BOOK], help="list the book's backups: when, size, meetings held")
    backups.set_defaults(run=run_backups)
    restore = sub.add_parser("restore", parents=[BOOK], help="put a backup in the book's place (the book replaced is kept)")
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    restore.set_defaults(run=run_restore)
    check = sub.add_parser("check", parents=[BOOK], help="check the book: integrity, references, where it lives")
    check.set_defaults(run=run_check)


def run_backup(args: argparse.Namespace) -> int:
    from db.backup import make_backup

    with open_book(args.book) as book:
        path = make_backup(book, "manual")
    print(f"Backed up to {path} (checked).")
    return 0


def run_backups(args: argparse.Namespace) -> int:
    from db.backup import backup_folder, list_backups

    path = (args.book or default_book()).expanduser()
    found = list_backups(path)
    if not found:
        print(f"No backups yet in {backup_folder(path)}.")
    for info in found:
        print(info.line())
    if any(not info.good for info in found):
        print("A DAMAGED backup is never restored, and one from a newer version needs that version; "
              "restore a verified one.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db.backup import refuse_unless_regular, restore

    path = (args.book or default_book()).expanduser()
    refuse_unless_regular(args.backup.expanduser())  # at once, before asking
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError("there is no terminal to ask; run again with --yes to restore")
        answer = input(f"Replace {path} with {args.backup}? The current book is kept beside it. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 0
    replaced = restore(args.backup, path)
    print(f"Restored {args.backup.name} as {path}. The book it replaced is kept as {replaced}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from db.backup import check
    from secretary.safety import sync_warning

    from db.book import verify

    path = (args.book or default_book()).expanduser()
    with read_book(path) as book:
        with _naming_the_backup(path.absolute()):
            verify(book.conn, path.absolute())  # damaged: said so, with the newest good backup
        problems = check(book)
    warning = sync_warning(path.absolute())
    for line in problems:
        print(line)
    if warning:
        print(f"Warning: {warning}")
    if problems:
        print(f"{path}: NOT OK — {len(problems)} problem(s) found; restore from a backup (secretary backups).")
        return 1
    print(f"{path}: OK — integrity and references checked{'; see the warning above' if warning else ''}.")
    return 0

