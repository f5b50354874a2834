"""Searching every meeting in the book: the FTS5 index that migration m003 keeps current.

Results come most recent meeting first, a page at a time: the page is chosen first without
snippets, then the snippets are made for that page alone, so a word found in thousands of
places costs no more than one page of highlighting.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from db.book import Book, Refused
from secretary.search import MARK_END, MARK_START, SearchHit, SearchKind, SearchPage, explain_syntax, index_query

PAGE = 50
SNIPPET_TOKENS = 24


class SearchRefused(Refused):
    """The index could not read the query: told to the clerk, never a crash."""


# The page's sort keys. FTS5 returns a stored column's value through its own per-row lookup,
# which for the 6,000 matches of a common word was half the query; its content table (FTS5's
# documented shadow table, columns c0-c3 in the order m003 declares them: text, kind,
# meeting_id, item_id) read by rowid as any table gives the same values at a third of the cost.
_KEYS = """
FROM search_index s
JOIN search_index_content c ON c.id = s.rowid
LEFT JOIN meeting m ON m.id = c.c2
LEFT JOIN agenda_item i ON i.id = c.c3
LEFT JOIN action a ON c.c1 = 'action' AND a.id = s.rowid / 8
WHERE search_index MATCH :query AND coalesce(m.body_id, a.body_id) IS NOT NULL"""

_FROM = """
FROM search_index s
LEFT JOIN meeting m ON m.id = s.meeting_id
LEFT JOIN agenda_item i ON i.id = s.item_id
LEFT JOIN action a ON s.kind = 'action' AND a.id = s.rowid / 8
JOIN body b ON b.id = coalesce(m.body_id, a.body_id)
WHERE search_index MATCH :query"""


def search(
    book: Book,
    typed: str,
    *,
    body_id: int | None = None,
    since: date | None = None,
    confidential: bool = False,
    limit: int = PAGE,
    offset: int = 0,
) -> SearchPage:
    """The places ``typed`` is found, most recent meeting first. Part II items are left out
    unless ``confidential`` (the clerk's own screen shows them, marked). Raises SearchRefused
    for a query the index cannot read (an unclosed quote, a dangling AND)."""
    query = index_query(typed)
    if not query:
        return SearchPage(query=typed)
    where, params = _filters(body_id, since, confidential)
    params["query"] = query
    # the page first, from the matches' sort keys alone (every match is read, so only what orders
    # them), with the total from the same pass; then what is shown, for the page's rows only
    page = _run(book, f"""
        SELECT count(*) OVER () AS total, s.rowid AS rowid, coalesce(m.date, a.meeting_date) AS day {_KEYS}{where}
        ORDER BY day DESC, i.position, s.rowid % 8 = 4, s.rowid % 8, s.rowid
        LIMIT :limit OFFSET :offset""", {**params, "limit": limit, "offset": offset}, typed)
    total = page[0]["total"] if page else _run(book, f"SELECT count(*) AS n {_KEYS}{where}", params, typed)[0]["n"]
    if not page:
        return SearchPage(query=typed, total=total, offset=offset)
    rowids = [r["rowid"] for r in page]
    # "+s.rowid": the page's rows picked from one pass over the matches. Handed to FTS5 as they are,
    # it runs the whole query again for each of the 50 (5-10 ms where one pass is under 2 ms)
    shown = {r["rowid"]: r for r in _run(book, f"""
        SELECT s.rowid AS rowid, s.kind AS kind, b.id AS body_id, coalesce(nullif(b.short_name, ''), b.name) AS body,
               m.id AS meeting_id, coalesce(m.date, a.meeting_date) AS day, coalesce(m.title, '') AS meeting_title,
               i.id AS item_id, coalesce(i.number, '') AS item_number,
               coalesce(i.title, a.item_title, '') AS item_title, coalesce(i.part, 'I') = 'II' AS confidential,
               snippet(search_index, 0, :start, :end, '…', {SNIPPET_TOKENS}) AS snippet
        {_FROM} AND +s.rowid IN ({",".join(str(int(r)) for r in rowids)})""",
        {"query": query, "start": MARK_START, "end": MARK_END}, typed)}
    rows = [shown[r] for r in rowids if r in shown]
    hits = tuple(
        SearchHit(
            kind=SearchKind(r["kind"]), ref_id=r["rowid"] // 8, body_id=r["body_id"], body_label=r["body"],
            meeting_id=r["meeting_id"], meeting_date=date.fromisoformat(r["day"]) if r["day"] else None,
            meeting_title=r["meeting_title"],
            item_id=r["item_id"], item_number=r["item_number"], item_title=r["item_title"],
            confidential=bool(r["confidential"]), snippet=r["snippet"] or "",
        )
        for r in rows
    )
    return SearchPage(query=typed, hits=hits, total=total, offset=offset)


def _filters(body_id: int | None, since: date | None, confidential: bool) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if body_id is not None:
        clauses.append("coalesce(m.body_id, a.body_id) = :body_id")
        params["body_id"] = body_id
    if since is not None:
        clauses.append("coalesce(m.date, a.meeting_date) >= :since")
        params["since"] = since.isoformat()
    if not confidential:
        clauses.append("coalesce(i.part, 'I') <> 'II'")
    return "".join(f"\n  AND {c}" for c in clauses), params


_UNREADABLE = ("fts5", "syntax error", "no such column", "unterminated string", "unknown special query")


def _run(book: Book, sql: str, params: dict[str, Any] | list[Any], typed: str) -> list[dict[str, Any]]:
    try:
        return list(book.query(sql, params))
    except sqlite3.OperationalError as error:
        if any(word in str(error) for word in _UNREADABLE):
            raise SearchRefused(explain_syntax(typed, str(error))) from error
        raise
