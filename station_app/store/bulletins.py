"""The county's bulletins held by a register (holiday tables, catalog updates, consumer warnings)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

COLUMNS = ("package_id", "issued_at", "issued_by", "fingerprint", "received_at", "received_by", "published_at")
JSON_COLUMNS = ("holidays", "catalog", "warnings")


def _row(values: tuple) -> dict[str, Any]:
    row = dict(zip(COLUMNS + JSON_COLUMNS, values, strict=True))
    for column in JSON_COLUMNS:
        row[column] = json.loads(row[column])
    return row


def get(db: Database, package_id: str) -> dict[str, Any] | None:
    found = db.execute(
        f"SELECT {', '.join(COLUMNS + JSON_COLUMNS)} FROM bulletins WHERE package_id = ?", [package_id]
    ).fetchone()
    return _row(found) if found else None


def listing(db: Database) -> list[dict[str, Any]]:
    """Oldest issued first: a later bulletin's table for a year replaces an earlier one's."""
    cursor = db.execute(f"SELECT {', '.join(COLUMNS + JSON_COLUMNS)} FROM bulletins ORDER BY issued_at, package_id")
    return [_row(values) for values in cursor]


def save(db: Database, row: dict[str, Any]) -> None:
    values = {**row, **{c: json.dumps(row[c], ensure_ascii=False, sort_keys=True) for c in JSON_COLUMNS}}
    names = COLUMNS + JSON_COLUMNS
    db.execute(
        f"INSERT OR REPLACE INTO bulletins ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})", values
    )


def mark_published(db: Database, package_id: str, at: str) -> None:
    db.execute("UPDATE bulletins SET published_at = ? WHERE package_id = ?", [at, package_id])


def holiday_tables(db: Database) -> dict[str, dict[str, list[str]]]:
    """Every year's holiday table the register holds, the latest issued winning: ``{"2027": {"off", "work"}}``.

    A register opened before its migration to this table (read-only self-check) has none."""
    tables: dict[str, dict[str, list[str]]] = {}
    try:
        cursor = db.execute("SELECT holidays FROM bulletins ORDER BY issued_at, package_id")
    except sqlite3.OperationalError:
        return tables
    for (holidays,) in cursor:
        tables.update(json.loads(holidays).get("years", {}))
    return tables


def holiday_tables_in(path: Path) -> dict[str, dict[str, list[str]]]:
    """The same, read from a register file opened read-only (the self-check logs no one in)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return holiday_tables(conn)  # type: ignore[arg-type]  (a plain connection executes the same)
    finally:
        conn.close()
