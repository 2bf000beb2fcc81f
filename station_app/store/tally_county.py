"""The county's monthly aggregates: ``tally_months`` summed over every station, kept by triggers on it.

A county tally of every station read ``tally_months`` per station: a year of 300 stations is about 100,000
rows, read and sorted once per figure and once more for last year. This table holds the same sums without
the station (a few thousand rows for all the years), so the county's states and value breakdowns read a
few hundred rows. Triggers on ``tally_months`` add each change of it here in the same transaction (its rows
are only ever upserted, or deleted by a rebuild), so the table always equals ``tally_months`` grouped without
the station (tested, property tests included). It is read only when a tally names every station of the
register (complaints reference their station: no case belongs to a station outside that list).

The schema below is migration m016's: never edit it; change it with a new migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

_KEY = "month, dim, value, status, accepted"
_UPSERT = (
    f"ON CONFLICT ({_KEY}) DO UPDATE SET n = n + excluded.n, recovered_fen = recovered_fen + excluded.recovered_fen,"
    " punitive_cases = punitive_cases + excluded.punitive_cases, punitive_fen = punitive_fen + excluded.punitive_fen"
)
_SAME_KEY = (
    "NEW.month = OLD.month AND NEW.dim = OLD.dim AND NEW.value = OLD.value AND NEW.status = OLD.status"
    " AND NEW.accepted = OLD.accepted"
)


def _add(row: str, sign: str, minus: str | None = None) -> str:
    """Add ``row``'s sums (NEW or OLD) with ``sign``; with ``minus``, add ``row`` less ``minus`` (an update)."""

    def amount(column: str) -> str:
        return f"{sign}({row}.{column}{f' - {minus}.{column}' if minus else ''})"

    sums = ", ".join(amount(c) for c in ("n", "recovered_fen", "punitive_cases", "punitive_fen"))
    return (
        f"INSERT INTO tally_county_months SELECT {row}.month, {row}.dim, {row}.value, {row}.status, {row}.accepted,"
        f" {sums} WHERE true {_UPSERT};"
    )


SCHEMA = f"""
    CREATE TABLE tally_county_months (
        month TEXT NOT NULL,
        dim TEXT NOT NULL,
        value TEXT NOT NULL,
        status TEXT NOT NULL,
        accepted INTEGER NOT NULL,
        n INTEGER NOT NULL,
        recovered_fen INTEGER NOT NULL,
        punitive_cases INTEGER NOT NULL,
        punitive_fen INTEGER NOT NULL,
        PRIMARY KEY ({_KEY})
    ) WITHOUT ROWID;
    INSERT INTO tally_county_months
    SELECT {_KEY}, sum(n), sum(recovered_fen), sum(punitive_cases), sum(punitive_fen)
    FROM tally_months GROUP BY {_KEY};
    CREATE TRIGGER tally_county_ai AFTER INSERT ON tally_months BEGIN
        {_add("NEW", "+")}
    END;
    CREATE TRIGGER tally_county_ad AFTER DELETE ON tally_months BEGIN
        {_add("OLD", "-")}
    END;
    CREATE TRIGGER tally_county_au AFTER UPDATE ON tally_months WHEN {_SAME_KEY} BEGIN
        {_add("NEW", "+", "OLD")}
    END;
    CREATE TRIGGER tally_county_au_key AFTER UPDATE ON tally_months WHEN NOT ({_SAME_KEY}) BEGIN
        {_add("OLD", "-")}
        {_add("NEW", "+")}
    END;
"""


def _months(months: list[str]) -> tuple[str, list[str]]:
    return f"month IN ({', '.join('?' for _ in months)})", list(months)


def states(db: Database, months: list[str]) -> list[dict[str, Any]]:
    """tally_months.states over every station."""
    where, params = _months(months)
    cursor = db.execute(
        "SELECT status, accepted, sum(n), sum(recovered_fen), sum(punitive_cases), sum(punitive_fen)"
        f" FROM tally_county_months WHERE {where} AND dim = 'all' GROUP BY status, accepted",
        params,
    )
    columns = ("st", "acc", "n", "recovered_fen", "punitive_cases", "punitive_fen")
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def breakdown(db: Database, months: list[str], dim: str) -> dict[str, int]:
    """tally_months.breakdown of a dimension of values over every station."""
    where, params = _months(months)
    sql = f"SELECT value, sum(n) FROM tally_county_months WHERE {where} AND dim = ? GROUP BY 1"
    rows = db.execute(sql, [*params, dim])
    return {value: n for value, n in rows.fetchall() if n}


def all_rows(db: Database) -> list[tuple[Any, ...]]:
    """Every non-empty row, in key order (tests compare it with tally_months grouped without the station)."""
    return db.execute(
        f"SELECT {_KEY}, n, recovered_fen, punitive_cases, punitive_fen FROM tally_county_months WHERE n != 0"
        f" OR recovered_fen != 0 ORDER BY {_KEY}"
    ).fetchall()


def recount(db: Database) -> list[tuple[Any, ...]]:
    """What the table should hold: ``tally_months`` grouped without the station."""
    return db.execute(
        f"SELECT {_KEY}, sum(n), sum(recovered_fen), sum(punitive_cases), sum(punitive_fen) FROM tally_months"
        f" GROUP BY {_KEY} HAVING sum(n) != 0 OR sum(recovered_fen) != 0 ORDER BY {_KEY}"
    ).fetchall()
