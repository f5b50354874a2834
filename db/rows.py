"""Row <-> model mapping: the only place a model becomes a row and back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from db.book import Book, Refused

if TYPE_CHECKING:  # a model is given or asked for; this module never imports pydantic itself
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")


def to_row(model: BaseModel, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    row = model.model_dump(mode="json", exclude=set(exclude))
    if row.get("id", 0) is None:
        del row["id"]
    return row


def from_row(model: type[M], row: dict[str, Any] | None) -> M | None:
    return None if row is None else model.model_validate(row)


def rows(book: Book, model: type[M], sql: str, params: Iterable[Any] = ()) -> Iterator[M]:
    for row in book.query(sql, list(params)):
        yield model.model_validate(row)


def one(book: Book, model: type[M], sql: str, params: Iterable[Any] = ()) -> M | None:
    for row in book.query(sql, list(params)):
        return model.model_validate(row)
    return None


def insert(book: Book, table: str, model: M, *, exclude: Iterable[str] = ()) -> M:
    """Insert ``model`` and return it with the id the book gave it."""
    try:
        new_id = book.db.table(table).insert(to_row(model, exclude=exclude)).last_pk
    except sqlite3.IntegrityError as e:
        raise Refused(explain_integrity(table, e)) from e
    if "id" in type(model).model_fields:
        return model.model_copy(update={"id": new_id})
    return model


def update(book: Book, table: str, model: BaseModel, *, exclude: Iterable[str] = ()) -> None:
    row = to_row(model, exclude=set(exclude))
    pk = row.pop("id")
    try:
        book.db.table(table).update(pk, row)
    except sqlite3.IntegrityError as e:
        raise Refused(explain_integrity(table, e)) from e


def explain_integrity(table: str, error: sqlite3.IntegrityError) -> str:
    text = str(error)
    if "person.body_id, person.initials" in text:
        return "Those initials are already used by someone else in this body; initials must be unique."
    if "FOREIGN KEY" in text:
        return f"The {table.replace('_', ' ')} refers to something that is not in the book."
    if "UNIQUE" in text:
        return f"That {table.replace('_', ' ')} is already in the book."
    return f"The book refused the {table.replace('_', ' ')}: {text}."
