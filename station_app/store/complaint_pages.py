"""One page of the complaint register in a chosen column order (the desktop register's sortable columns)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from station_app.domain import search_grams
from station_app.store import county_search, pending_indexes, records, search_index
from station_app.store.complaints import ComplaintFilter, clauses_for

if TYPE_CHECKING:
    from sqlite_utils import Database

# sort key → ORDER BY expression (a fixed list: nothing from the caller reaches the SQL text)
ORDERS = {
    "number": "year {d}, number {d}",
    "received_on": "received_on {d}, pk {d}",
    "status": "status {d}, received_on DESC, pk DESC",
    "consumer_name": "consumer_name {d}, pk DESC",
    "business_name": "business_key {d}, pk DESC",
    "subject": "subject {d}, pk DESC",
    "amount_fen": "coalesce(amount_fen, -1) {d}, pk DESC",
    "due": "coalesce(CASE WHEN status = 'registered' THEN acceptance_due ELSE mediation_due END, '9999') {d}, pk DESC",
}


def find_page(
    db: Database, f: ComplaintFilter, *, sort: str = "received_on", descending: bool = True, limit: int, offset: int
) -> list[dict[str, Any]]:
    if sort not in ORDERS:
        raise ValueError(f"unknown sort key {sort!r}")
    where, params = clauses_for(db, f)
    order = ORDERS[sort].format(d="DESC" if descending else "ASC")
    return records.select(db, "complaint", where, params, order=order, limit=limit, offset=offset)


def find_first_page(
    db: Database, f: ComplaintFilter, *, sort: str = "received_on", descending: bool = True, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    """The total and the first page in one pass when searching (one scan of the matches instead of two).

    The matches are ordered by their sort columns alone, then only the page's rows are read whole:
    ordering thousands of whole rows (a common surname) cost more than finding them.
    Without a search term the count comes from an index and the page from the order index: two cheap reads.
    """
    if sort not in ORDERS:
        raise ValueError(f"unknown sort key {sort!r}")
    if not f.search.strip():
        return records.count(db, "complaint", *clauses_for(db, f)), find_page(
            db, f, sort=sort, descending=descending, limit=limit, offset=0
        )
    if (fast := _county_first_page(db, f, sort, descending, limit)) is not None:
        return fast
    where, params = clauses_for(db, f)
    order = ORDERS[sort].format(d="DESC" if descending else "ASC")
    sql = (
        f"WITH page AS (SELECT pk, count(*) OVER () AS total, row_number() OVER (ORDER BY {order}) AS position"
        f" FROM complaints WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?)"
        " SELECT complaints.*, page.total AS _total FROM page JOIN complaints ON complaints.pk = page.pk"
        " ORDER BY page.position"
    )
    rows = records.select_sql(db, sql, [*params, limit])
    total = rows[0].pop("_total") if rows else 0
    for row in rows[1:]:
        row.pop("_total")
    return total, rows


SCANNED_AT_MOST = 20_000  # rows of the date order read, at the expected density, to fill a page (a few ms)


def _county_first_page(
    db: Database, f: ComplaintFilter, sort: str, descending: bool, limit: int
) -> tuple[int, list[dict[str, Any]]] | None:
    """A county's search for words alone (no other filter), once its index knows every case: the total is the
    index's count (no case is read), and the page is read down the date order until it is full when the matches
    are many (王: 85,000 of a million), or from the matches themselves when they are few. None: not such a search.
    """
    terms = f.search.split()
    if (
        sort != "received_on"
        or replace(f, search="") != ComplaintFilter()
        or not all(map(search_grams.is_exact, terms))
        or search_index.present(db)
        or not county_search.present(db)
        or county_search.waiting(db)
    ):
        return None
    match = search_grams.match_expression(terms)
    count_sql, count_params = county_search.count(match)
    total = db.execute(count_sql, count_params).fetchone()[0]
    if not total:
        return 0, []
    hits, hit_params = county_search.hits(match)
    cases = db.execute("SELECT max(pk) FROM complaints").fetchone()[0] or 0
    order = ORDERS[sort].format(d="DESC" if descending else "ASC")
    dense = limit * cases / total <= SCANNED_AT_MOST
    source = f"complaints {pending_indexes.indexed_by(db, 'complaints_order')}" if dense else "complaints NOT INDEXED"
    keys = f"SELECT pk FROM {source} WHERE pk IN ({hits}) ORDER BY {order} LIMIT ?"
    rows = records.select_sql(
        db, f"SELECT * FROM complaints WHERE pk IN ({keys}) ORDER BY {order}", [*hit_params, limit]
    )
    return total, rows
