"""Closed months: the frozen figures a station handed over, and the county's answer (accepted or returned)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


COLUMNS = ("station_code", "month", "closed_at", "closed_by", "figures", "state", "reason", "answered_at", "amendments")


def _row(values: tuple) -> dict[str, Any]:
    row = dict(zip(COLUMNS, values, strict=True))
    row["figures"] = json.loads(row["figures"])
    return row


def get(db: Database, station_code: str, month: str) -> dict[str, Any] | None:
    found = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM month_closes WHERE station_code = ? AND month = ?", [station_code, month]
    ).fetchone()
    return _row(found) if found else None


def listing(db: Database, station_code: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE station_code = ?", [station_code]) if station_code else ("", [])
    cursor = db.execute(f"SELECT {', '.join(COLUMNS)} FROM month_closes {where} ORDER BY station_code, month", params)
    return [_row(values) for values in cursor]


def save_close(db: Database, row: dict[str, Any]) -> None:
    """A close (new, or again after the county returned the month): the answer is cleared."""
    db.execute(
        "INSERT INTO month_closes (station_code, month, closed_at, closed_by, figures, state, reason, answered_at,"
        " amendments) VALUES (:station_code, :month, :closed_at, :closed_by, :figures, 'closed', '', NULL, 0)"
        " ON CONFLICT (station_code, month) DO UPDATE SET closed_at = excluded.closed_at,"
        " closed_by = excluded.closed_by, figures = excluded.figures, state = 'closed', reason = '',"
        " answered_at = NULL",
        {**row, "figures": json.dumps(row["figures"], ensure_ascii=False, sort_keys=True)},
    )


def set_answer(db: Database, station_code: str, month: str, state: str, reason: str, at: str) -> None:
    db.execute(
        "UPDATE month_closes SET state = ?, reason = ?, answered_at = ? WHERE station_code = ? AND month = ?",
        [state, reason, at, station_code, month],
    )


def add_amendments(db: Database, station_code: str, month: str, count: int) -> None:
    db.execute(
        "UPDATE month_closes SET amendments = amendments + ? WHERE station_code = ? AND month = ?",
        [count, station_code, month],
    )
