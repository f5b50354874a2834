"""The desk: the one service the app is given for changing the book (DESIGN.md §2, §7).

Its methods are the clerk's verbs. Each names, in the clerk's words, what it does and, by its
path, which write of ``db/`` does it (imported when the verb is first used: start-up imports
none of them); the decorator sends it through the pending-writes queue:

- ``held``: a change made during a meeting. In the book at once or, if the book cannot be
  written, held in order and retried — the clerk never loses it. Returns an ``Outcome``.
- ``at_once``: a form's change. In the book at once or ``NotSaved`` raised, the form keeping
  what the clerk typed. Returns what the write returns.
- ``tried``: a small change no form holds. In the book at once, or the clerk is told that
  nothing of it was saved. Returns an ``Outcome``.

The writes a recovery file may ask for are exactly the held verbs' writes (``held_writes``,
``held_write``): a write no verb names cannot be made, so there is no list to keep by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from db.desk_meeting import MeetingVerbs
from db.desk_preparing import PreparingVerbs
from db.desk_queue import write_named


class Desk(MeetingVerbs, PreparingVerbs):
    """The clerk's verbs on one book (the queue: db/desk_queue.py)."""


@cache
def held_writes() -> frozenset[str]:
    """The name of every write a held change may make: what a recovery file may ask for, and nothing else."""
    verbs = (getattr(Desk, name) for name in dir(Desk))
    return frozenset(v.write_name for v in verbs if getattr(v, "holds", False))


def held_write(name: str) -> Callable[..., Any] | None:
    """The write of that name if a held verb makes it (imported now, if no verb has made it yet), else None."""
    return write_named(name) if isinstance(name, str) and name in held_writes() else None
