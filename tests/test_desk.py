"""The desk names every write of the book by its path, and imports none of them until a verb is used."""

from __future__ import annotations

import subprocess
import sys

import pytest

from db.desk import Desk, held_write, held_writes
from db.desk_queue import write_named
from db.pending import Change, PendingWrites


def _verbs() -> list:
    return [getattr(Desk, name) for name in dir(Desk) if hasattr(getattr(Desk, name), "write_name")]


def test_every_verb_names_a_write_of_the_book_where_it_is_defined() -> None:
    verbs = _verbs()
    assert len(verbs) >= 50
    for verb in verbs:
        write = write_named(verb.write_name)
        assert f"{write.__module__}.{write.__name__}" == verb.write_name
        assert next(iter(__import__("inspect").signature(write).parameters)) == "book"


def test_a_name_that_is_not_where_the_write_is_defined_is_refused() -> None:
    with pytest.raises(ValueError, match="where it is defined"):
        write_named("db.desk_queue.wraps")  # found in db.desk_queue, but defined in functools


def test_held_writes_are_the_held_verbs_only() -> None:
    assert "db.minutes.save_minute_text" in held_writes()
    assert "db.live.record_movement" in held_writes()
    assert "db.bodies.create_body" not in held_writes()  # a form's change is never held
    assert held_write("db.bodies.create_body") is None
    assert held_write("os.remove") is None
    assert held_write(["db.minutes.save_minute_text"]) is None  # a recovery file's nonsense


def test_a_change_no_held_verb_makes_is_refused_before_it_touches_the_book() -> None:
    from db.bodies import create_body

    with pytest.raises(ValueError, match="not the write of any"):
        PendingWrites().write(None, Change("a body", create_body))


def test_the_desk_imports_none_of_its_writes_until_a_verb_is_used() -> None:
    """Start-up makes the desk; the writes (and the domain they need) are imported when first used."""
    found = subprocess.run(
        [sys.executable, "-c", "import sys, db.desk; print(' '.join(sorted(m for m in sys.modules "
         "if m.startswith(('db.', 'secretary.')))))"], capture_output=True, text=True, check=True)
    loaded = set(found.stdout.split())
    for module in ("db.live", "db.actions", "db.minutes", "db.register", "db.planner", "secretary.actions"):
        assert module not in loaded
