"""Complaint queries: case history events, duplicates, search and the filtered register list."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from station_app.domain import search_grams
from station_app.store import county_search, records, search_index

if TYPE_CHECKING:
    from sqlite_utils import Database

OPEN = ("registered", "accepted", "mediating")
SHORT_COLUMNS = ("number", "consumer_name", "consumer_phone", "business_name", "subject")
DUPLICATE_WINDOW_DAYS = 30


def insert_event(db: Database, event: dict[str, Any]) -> None:
    event = dict(event)
    event["data"] = json.dumps(event.get("data") or {}, ensure_ascii=False)
    db.execute(
        "INSERT INTO complaint_events (complaint_id, kind, from_status, to_status, on_date, data, at, actor)"
        " VALUES (:complaint_id, :kind, :from_status, :to_status, :on_date, :data, :at, :actor)",
        event,
    )


def events(db: Database, complaint_id: str) -> list[dict[str, Any]]:
    cursor = db.execute(
        "SELECT kind, from_status, to_status, on_date, data, at, actor FROM complaint_events"
        " WHERE complaint_id = ? ORDER BY pk",
        [complaint_id],
    )
    return [
        {
            "kind": kind,
            "from": from_status,
            "to": to_status,
            "on": on_date,
            "data": json.loads(data),
            "at": at,
            "actor": actor,
        }
        for kind, from_status, to_status, on_date, data, at, actor in cursor
    ]


def likely_duplicates(
    db: Database, *, phone: str, business_key: str, received_on: str, exclude_id: str | None = None
) -> list[str]:
    """Numbers of cases from the same consumer phone against the same business within 30 days."""
    if not phone:
        return []  # an anonymised case has no phone to compare
    day = date.fromisoformat(received_on)
    low = (day - timedelta(days=DUPLICATE_WINDOW_DAYS)).isoformat()
    high = (day + timedelta(days=DUPLICATE_WINDOW_DAYS)).isoformat()
    rows = db.execute(
        "SELECT number FROM complaints WHERE consumer_phone = ? AND business_key = ?"
        " AND received_on BETWEEN ? AND ? AND deleted_at IS NULL AND id IS NOT ? ORDER BY received_on",
        [phone, business_key, low, high, exclude_id],
    )
    return [r[0] for r in rows]


@dataclass
class ComplaintFilter:
    status: list[str] = field(default_factory=list)
    search: str = ""
    month: str = ""  # YYYY-MM of received_on
    date_from: str = ""
    date_to: str = ""
    category: str = ""  # a top group, class or second-level code
    nature: str = ""
    station_code: str = ""
    overdue_on: str = ""  # ISO date: only cases overdue on that day
    due_by: str = ""  # ISO date: open cases whose current deadline is on or before it
    due_from: str = ""  # ISO date: open, not paused cases whose current deadline is on or after it
    include_deleted: bool = False


def _search_clauses(
    text: str, full_text: bool = True, county: bool = False, short_index: bool = True
) -> tuple[list[str], list[Any]]:
    """Every whitespace-separated term must match somewhere.

    3+ characters: the trigram FTS index over number, names, phone, business, subject and facts.
    1–2 characters: the trigram index cannot answer them (SQLite returns nothing), so instr() over
    the short columns, read from their covering index (a two-character name such as 张三 is found;
    a one- or two-character fragment of the free-text facts would match almost every case).
    Latin letters also match the pinyin initials of the consumer and business names (``zs`` → 张三).
    Without the trigram index every term is looked for in the short columns that way; the facts are not searched.
    A county's register (``county``) answers from its own index of words (store/county_search.py), the same cases.
    """
    where: list[str] = []
    params: list[Any] = []
    for term in text.split():
        if county:
            clause, values = _county_clause(term)
            where.append(clause)
            params.extend(values)
            continue
        initials = term.isascii() and term.isalpha()
        if len(term) >= 3 and full_text:
            clause = "pk IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)"
            params.append('"' + term.replace('"', '""') + '"')
            if initials:
                clause = f"({clause} OR instr(search_initials, ?) > 0)"
                params.append(term.lower())
        else:
            tests = [f"instr({c}, ?) > 0" for c in SHORT_COLUMNS]
            params.extend([term] * len(SHORT_COLUMNS))
            if initials:
                tests.append("instr(search_initials, ?) > 0")
                params.append(term.lower())
            source = "complaints INDEXED BY complaints_short_text" if short_index else "complaints"
            clause = f"pk IN (SELECT pk FROM {source} WHERE " + " OR ".join(tests) + ")"
        where.append(clause)
    return where, params


def _text_test(term: str) -> tuple[str, list[Any]]:
    """The term in the case's own text, as the county's index finds it: any letter case; the facts from three
    characters on; Latin letters also in the pinyin initials."""
    columns = [*SHORT_COLUMNS, *(("facts",) if len(term) >= 3 else ())]
    tests = [f"instr(lower({c}), lower(?)) > 0" for c in columns]
    params: list[Any] = [term] * len(columns)
    if term.isascii() and term.isalpha():
        tests.append("instr(search_initials, ?) > 0")
        params.append(term.lower())
    return "(" + " OR ".join(tests) + ")", params


def _county_clause(term: str) -> tuple[str, list[Any]]:
    """The cases the county's index knows to hold the term's words, with the few it does not know yet looked for
    in the register; a term longer than one word is checked against the text (its words may stand apart)."""
    hits, hit_params = county_search.hits(search_grams.match_expression([term]))
    unknown, unknown_params = county_search.unknown()
    test, test_params = _text_test(term)
    clause = f"pk IN ({hits} UNION ALL SELECT pk FROM complaints WHERE {unknown} AND {test})"
    params = [*hit_params, *unknown_params, *test_params]
    if not search_grams.is_exact(term):
        clause += f" AND {test}"
        params += test_params
    return clause, params


def filter_clauses(
    f: ComplaintFilter, *, full_text: bool = True, county: bool = False, short_index: bool = True
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if not f.include_deleted:
        where.append("deleted_at IS NULL")
    if f.status:
        where.append(f"status IN ({', '.join('?' * len(f.status))})")
        params.extend(f.status)
    if f.month:
        where.append("received_on >= ? AND received_on < ?")
        params.extend([f"{f.month}-01", f"{f.month}-99"])
    if f.date_from:
        where.append("received_on >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("received_on <= ?")
        params.append(f.date_to)
    if f.category:
        where.append("(category = ? OR category_class = ? OR category_top = ?)")
        params.extend([f.category] * 3)
    if f.nature:
        where.append("nature = ?")
        params.append(f.nature)
    if f.station_code:
        where.append("station_code = ?")
        params.append(f.station_code)
    if f.overdue_on:
        where.append(
            "((status = 'registered' AND acceptance_due < ?)"
            " OR (status IN ('accepted', 'mediating') AND paused_since IS NULL AND mediation_due < ?))"
        )
        params.extend([f.overdue_on, f.overdue_on])
    if f.due_by:
        where.append(
            "((status = 'registered' AND acceptance_due <= ?)"
            " OR (status IN ('accepted', 'mediating') AND paused_since IS NULL AND mediation_due <= ?))"
        )
        params.extend([f.due_by, f.due_by])
    if f.due_from:
        where.append(
            "((status = 'registered' AND acceptance_due >= ?)"
            " OR (status IN ('accepted', 'mediating') AND paused_since IS NULL AND mediation_due >= ?))"
        )
        params.extend([f.due_from, f.due_from])
    if f.search.strip():
        search_where, search_params = _search_clauses(f.search, full_text, county, short_index)
        where.extend(search_where)
        params.extend(search_params)
    return where, params


def clauses_for(db: Database, f: ComplaintFilter) -> tuple[list[str], list[Any]]:
    """The filter's SQL for this register: with its trigram search index (a station's), its index of words (a
    county's), or neither (a county's register made before it had one)."""
    if not f.search.strip():
        return filter_clauses(f)
    short_index = county_search.short_text_index_present(db)  # not while a big import left it pending
    if search_index.present(db):
        return filter_clauses(f, full_text=True, short_index=short_index)
    if county_search.present(db):
        return filter_clauses(f, full_text=False, county=True)
    # A county's register between an erasure and the next build of its index: the register is read whole.
    return filter_clauses(f, full_text=False, short_index=short_index)


def find(db: Database, f: ComplaintFilter, *, limit: int | None, offset: int = 0) -> list[dict[str, Any]]:
    where, params = clauses_for(db, f)
    return records.select(db, "complaint", where, params, order="received_on DESC, pk DESC", limit=limit, offset=offset)


def find_keys_first(db: Database, f: ComplaintFilter, *, limit: int | None, offset: int = 0) -> list[dict[str, Any]]:
    """As ``find``, but the page's keys are chosen first (from an index when the filter allows, e.g. the
    workbench's urgent cases) and only the page's rows are read whole, not every matching row."""
    where, params = clauses_for(db, f)
    order = "received_on DESC, pk DESC"
    keys = f"SELECT pk FROM complaints WHERE {' AND '.join(where) or '1'} ORDER BY {order}"
    if limit is not None:
        keys += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return records.select_sql(db, f"SELECT * FROM complaints WHERE pk IN ({keys}) ORDER BY {order}", params)


def count(db: Database, f: ComplaintFilter) -> int:
    where, params = clauses_for(db, f)
    return records.count(db, "complaint", where, params)
