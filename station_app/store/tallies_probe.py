"""A first count over a year (the tallies issue replaces this with the full tally engine)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def year_counts(db: Database, year: int) -> dict[str, object]:
    """Complaints received in ``year`` by status and nature, with money recovered, in one pass each."""
    low, high = f"{year}-01-01", f"{year}-12-31"
    where = "deleted_at IS NULL AND received_on BETWEEN ? AND ?"
    by_status = dict(db.execute(f"SELECT status, count(*) FROM complaints WHERE {where} GROUP BY status", [low, high]))
    by_nature = dict(db.execute(f"SELECT nature, count(*) FROM complaints WHERE {where} GROUP BY nature", [low, high]))
    by_top = dict(
        db.execute(f"SELECT category_top, count(*) FROM complaints WHERE {where} GROUP BY category_top", [low, high])
    )
    recovered = db.execute(f"SELECT coalesce(sum(recovered_fen), 0) FROM complaints WHERE {where}", [low, high])
    return {
        "registered": sum(by_status.values()),
        "by_status": by_status,
        "by_nature": by_nature,
        "by_category_top": by_top,
        "recovered_fen": recovered.fetchone()[0],
    }
