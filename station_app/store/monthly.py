"""Per-month complaint counts for the workbench's small chart (one grouped read per figure)."""

from __future__ import annotations

from sqlite_utils import Database


def received_and_settled(db: Database, start: str, end: str, station_code: str) -> dict[str, tuple[int, int]]:
    """YYYY-MM → (complaints received that month, complaints settled that month) between two ISO days."""
    received = db.execute(
        """
        SELECT substr(received_on, 1, 7), count(*) FROM complaints
        WHERE station_code = ? AND deleted_at IS NULL AND received_on BETWEEN ? AND ?
        GROUP BY 1
        """,
        [station_code, start, end],
    ).fetchall()
    settled = db.execute(
        """
        SELECT substr(closed_on, 1, 7), count(*) FROM complaints
        WHERE station_code = ? AND deleted_at IS NULL AND status = 'settled' AND closed_on BETWEEN ? AND ?
        GROUP BY 1
        """,
        [station_code, start, end],
    ).fetchall()
    months: dict[str, list[int]] = {}
    for month, count in received:
        months.setdefault(month, [0, 0])[0] = count
    for month, count in settled:
        months.setdefault(month, [0, 0])[1] = count
    return {month: (pair[0], pair[1]) for month, pair in months.items()}
