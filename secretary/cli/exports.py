"""`secretary export …`: draft minutes and the action tracker, public unless asked, in the
organisation's Word template when the body has one (or ``--template``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretary.cli import BOOK


def add_export_commands(sub) -> None:
    export = sub.add_parser("export", help="export draft minutes or the action tracker")
    what = export.add_subparsers(title="what to export", metavar="KIND", required=True)
    tracker = what.add_parser("actions", parents=[BOOK], help="the body's action tracker (public: no Part II actions)")
    tracker.add_argument("--body", required=True, metavar="ID", help="the body (ID or short name)")
    tracker.add_argument("--format", required=True, choices=["csv", "md", "docx"])
    tracker.add_argument("--confidential", action="store_true",
                         help="include the actions raised on Part II items, marked (default: the public tracker)")
    tracker.add_argument("--all-closed", action="store_true",
                         help="every closed action (default: those closed at the last meeting)")
    _common(tracker)
    tracker.set_defaults(run=run_export_actions)
    minutes = what.add_parser("minutes", parents=[BOOK], help="a meeting's draft minutes")
    minutes.add_argument("--meeting", required=True, metavar="ID", help="meeting ID, next or latest")
    minutes.add_argument("--format", required=True, choices=["docx", "md", "html"])
    minutes.add_argument("--confidential", action="store_true",
                         help="the confidential minutes, with the Part II items (default: the public minutes)")
    minutes.add_argument("--agenda-order", action="store_true",
                         help="items in agenda order (default: the order they were taken)")
    minutes.add_argument("--sub-items", choices=["paragraphs", "rows"],
                         help="sub-items as a) b) paragraphs of their parent, or as rows of their own "
                              "(default: the body's setting)")
    minutes.add_argument("--member-order", choices=["seat", "surname"],
                         help="members by seat type, or the Chair then by surname (default: the body's setting)")
    _common(minutes)
    minutes.set_defaults(run=run_export_minutes)
    from secretary.cli import records

    records.add_exports(what)  # the decision planner, the register, the attendance record


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", type=Path, metavar="FILE.docx",
                        help="write the Word file into this template (default: the body's template, if set)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _template(given: Path | None, settings) -> Path | None:
    if given is not None:
        return given
    return Path(settings.template).expanduser() if settings.template else None


def _tell(notes: list[str]) -> None:
    for note in notes:
        print(f"secretary: {note}", file=sys.stderr)


def run_export_actions(args: argparse.Namespace) -> int:
    from datetime import date

    from db.bodies import find_body
    from db.exports import export_settings, load_tracker
    from secretary.cli import read_book
    from secretary.exports.files import write_atomically
    from secretary.exports.tracker import render

    with read_book(args.book) as book:
        body = find_body(book, args.body)
        settings = export_settings(book, body.id)
        tracker = load_tracker(book, body, date.today(), confidential=args.confidential,
                               every_closed=args.all_closed)
    notes: list[str] = []
    data = render(args.format, tracker, template=_template(args.template, settings), notes=notes)
    written = write_atomically(args.output, data, force=args.force)
    _tell(notes)
    kind = "confidential" if args.confidential else "public"
    print(f"Wrote the {kind} action tracker of {body.name} ({len(tracker.rows)} actions) to {written}.")
    return 0


def run_export_minutes(args: argparse.Namespace) -> int:
    from db.exports import export_settings
    from db.record import read_record
    from db.meetings import resolve_meeting
    from secretary.cli import read_book
    from secretary.exports.files import write_atomically
    from secretary.exports.minutes import render
    from secretary.exports.settings import MemberOrder, SubItems
    from secretary.minutes_doc import build_minutes

    with read_book(args.book) as book:
        meeting = resolve_meeting(book, args.meeting)
        settings = export_settings(book, meeting.body_id)
        doc = build_minutes(read_record(book, meeting.id), confidential=args.confidential,
                            agenda_order=args.agenda_order,
                            sub_items=SubItems(args.sub_items or settings.sub_items),
                            member_order=MemberOrder(args.member_order or settings.member_order))
    notes: list[str] = []
    data = render(args.format, doc, template=_template(args.template, settings), notes=notes)
    written = write_atomically(args.output, data, force=args.force)
    _tell(notes)
    kind = "confidential" if args.confidential else "public"
    print(f"Wrote the {'draft ' if doc.draft else ''}{kind} minutes of {doc.date} ({len(doc.items)} items) "
          f"to {written}.")
    return 0
