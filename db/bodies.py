"""Bodies and their quorum rules."""

from __future__ import annotations

from db.book import Book
from db.overview import find_body_line
from db.rows import insert, to_row
from secretary.models import Body, Category, QuorumRequirement, QuorumRule


def create_body(book: Book, body: Body) -> Body:
    with book.db.atomic():
        stored = insert(book, "body", body, exclude={"quorum_rule"})
        _write_rule(book, stored.id, body.quorum_rule)
    return stored


def update_body(book: Book, body: Body) -> None:
    with book.db.atomic():
        book.db.table("body").update(body.id, {"name": body.name, "short_name": body.short_name})
        _write_rule(book, body.id, body.quorum_rule)


def set_quorum_rule(book: Book, body_id: int, rule: QuorumRule) -> None:
    with book.db.atomic():
        _write_rule(book, body_id, rule)


def _write_rule(book: Book, body_id: int, rule: QuorumRule) -> None:
    db = book.db
    row = to_row(rule, exclude={"requirements"})
    db.table("quorum_rule").upsert({"body_id": body_id, **row}, pk="body_id")
    db.execute("DELETE FROM quorum_requirement WHERE body_id = ?", [body_id])
    for position, req in enumerate(rule.requirements):
        req_id = db.table("quorum_requirement").insert(
            {"body_id": body_id, "position": position, "label": req.label, "count": req.count}
        ).last_pk
        db.table("quorum_requirement_category").insert_all(
            {"requirement_id": req_id, "category": c.value} for c in req.categories
        )


def _read_rule(book: Book, body_id: int) -> QuorumRule:
    rows = list(book.db.query("SELECT * FROM quorum_rule WHERE body_id = ?", [body_id]))
    if not rows:
        return QuorumRule()
    rule = dict(rows[0])
    rule.pop("body_id")
    requirements = []
    for req in book.db.query(
        "SELECT * FROM quorum_requirement WHERE body_id = ? ORDER BY position", [body_id]
    ):
        cats = [
            Category(r["category"])
            for r in book.db.query(
                "SELECT category FROM quorum_requirement_category WHERE requirement_id = ? ORDER BY rowid",
                [req["id"]],
            )
        ]
        requirements.append(QuorumRequirement(label=req["label"], categories=tuple(cats), count=req["count"]))
    return QuorumRule.model_validate({**rule, "requirements": requirements})


def _body(book: Book, row: dict) -> Body:
    return Body(id=row["id"], name=row["name"], short_name=row["short_name"], quorum_rule=_read_rule(book, row["id"]))


def get_body(book: Book, body_id: int) -> Body | None:
    for row in book.db.query("SELECT * FROM body WHERE id = ?", [body_id]):
        return _body(book, row)
    return None


def list_bodies(book: Book) -> list[Body]:
    return [_body(book, row) for row in book.db.query("SELECT * FROM body ORDER BY name")]


def find_body(book: Book, ref: str | int) -> Body:
    """A body by id, short name or name (case-insensitive), as typed on the command line."""
    return get_body(book, find_body_line(book, ref).id)
