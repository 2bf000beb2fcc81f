"""The county office's views over merged stations: packages received, cases per month, likely duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def stations(db: Database) -> list[dict[str, Any]]:
    """Every station whose data the county holds (not the county's own entry)."""
    cursor = db.execute("SELECT code, name FROM stations WHERE is_local = 0 ORDER BY code")
    return [{"code": code, "name": name} for code, name in cursor]


def packages_created(db: Database) -> dict[str, list[str]]:
    """Station code → creation times of the packages imported from it, oldest first."""
    found: dict[str, list[str]] = {}
    for code, created in db.execute(
        "SELECT station_code, package_created_at FROM exchange_imports ORDER BY package_created_at"
    ):
        found.setdefault(code, []).append(created)
    return found


def complaints_per_month(db: Database, year: int) -> dict[tuple[str, str], int]:
    rows = db.execute(
        "SELECT station_code, month, sum(n) FROM tally_months WHERE dim = 'all' AND month BETWEEN ? AND ?"
        " GROUP BY 1, 2",
        [f"{year}-01", f"{year}-12"],
    )
    return {(code, month): n for code, month, n in rows}


def likely_duplicates(db: Database, start: str, end: str, window_days: int) -> list[dict[str, Any]]:
    """Pairs of cases of different stations: same consumer phone, same business, received within the window.

    Cases that arrived masked (no county key at the station) are left out: a masked phone would match
    every other number of the same shape.
    """
    cursor = db.execute(
        """
        SELECT a.number, a.station_code, a.received_on, b.number, b.station_code, b.received_on,
               a.business_name, a.consumer_phone
        FROM complaints a
        JOIN complaints b ON b.consumer_phone = a.consumer_phone AND b.business_key = a.business_key
             AND b.station_code > a.station_code
             AND abs(julianday(b.received_on) - julianday(a.received_on)) <= ?
        WHERE a.received_on BETWEEN ? AND ? AND a.deleted_at IS NULL AND b.deleted_at IS NULL
          AND a.consumer_phone != '' AND a.consumer_phone NOT LIKE '%*%'
          AND NOT EXISTS (SELECT 1 FROM exchange_masked m WHERE m.record_table = 'complaints' AND m.record_pk = a.pk)
          AND NOT EXISTS (SELECT 1 FROM exchange_masked m WHERE m.record_table = 'complaints' AND m.record_pk = b.pk)
        ORDER BY a.received_on, a.number
        """,
        [window_days, start, end],
    )
    names = (
        "first",
        "first_station",
        "first_received",
        "second",
        "second_station",
        "second_received",
        "business",
        "phone",
    )
    return [dict(zip(names, row, strict=True)) for row in cursor]
