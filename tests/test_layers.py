"""The three layers depend one way: screens -> db -> secretary (DESIGN.md §2)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import db
import secretary


def modules(package) -> list[str]:
    return sorted(
        name for _, name, _ in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    )


def imported_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize("module", [m for m in modules(secretary) if not m.startswith("secretary.cli")])
def test_domain_imports_neither_ui_nor_storage(module: str) -> None:
    loaded = imported_after(module)
    assert not loaded & {"textual", "sqlite_utils", "db", "screens"}, module


@pytest.mark.parametrize("module", modules(db))
def test_storage_imports_no_ui(module: str) -> None:
    loaded = imported_after(module)
    assert not loaded & {"textual", "screens"}, module


def test_cli_imports_nothing_heavy_at_start() -> None:
    loaded = imported_after("secretary.cli")
    assert not loaded & {"textual", "sqlite_utils", "db", "screens", "docx"}


def test_the_book_opens_without_waiting_for_the_models() -> None:
    # the app opens the book (its integrity check) while the screens import in a thread: the
    # sooner it starts, the sooner the first screen (secretary/cli.py run_app)
    assert "pydantic" not in imported_after("db")


def test_start_up_keeps_numpy_out_of_sqlite_utils_and_leaves_nothing_behind() -> None:
    code = ("import sys; from secretary.cli import _skip_unused_imports; _skip_unused_imports(); "
            "import sqlite_utils.db as d; print(d.np is None, d.pd is None, 'numpy' in sys.modules, "
            "'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # numpy not loaded for sqlite-utils, and no None left in sys.modules to trip others (hypothesis)
    assert out.split() == ["True", "True", "False", "False"]


def test_there_are_modules_to_check() -> None:
    assert len(modules(secretary)) >= 3 and len(modules(db)) >= 3


def _imports_of(path) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_screens_write_no_sql_and_never_touch_the_queue() -> None:
    # screens reach the book through db/ functions and the desk: never SQLite itself, never the queue
    from pathlib import Path

    import screens

    checked = 0
    for path in sorted(Path(screens.__path__[0]).glob("*.py")):
        text = path.read_text()
        assert not _imports_of(path) & {"sqlite3", "sqlite_utils"}, path.name
        assert ".execute(" not in text and "db.query(" not in text, path.name
        assert "PendingWrites" not in text or path.name == "saving.py", path.name  # only the saver shows it
        if path.name != "saving.py":  # the saver lists what is held; no other screen looks inside
            assert ".kwargs[" not in text and ".waiting" not in text.replace("saver.waiting", ""), path.name
        checked += 1
    assert checked >= 10
@pytest.mark.parametrize("module", ["db", "db.book", "secretary.cli", "screens.app"])
def test_the_demo_generators_stay_out_of_the_app(module: str) -> None:
    # only the demo command imports db.demo (issue 14): the app neither loads nor depends on it
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert not [name for name in out if name.startswith("db.demo")], module
