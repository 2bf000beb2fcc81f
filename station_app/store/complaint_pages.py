"""One page of the complaint register in a chosen column order (the desktop register's sortable columns)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from station_app.store import records
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
