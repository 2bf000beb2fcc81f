"""Rows of the register tables: insert, fetch, update with revision, numbering, stations, settings."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


# record kind → table
TABLES = {
    "complaint": "complaints",
    "consultation": "consultations",
    "report": "reports",
    "outreach_event": "outreach_events",
    "warning": "warnings",
    "followup": "followups",
}
# record kind → the date column that gives its year, month and order
DATE_COLUMNS = {
    "complaint": "received_on",
    "consultation": "date",
    "report": "received_on",
    "outreach_event": "date",
    "warning": "date",
    "followup": "date",
}
JSON_COLUMNS = {"request_types", "outcomes"}


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if key in JSON_COLUMNS and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        out[key] = value
    return out


def decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in JSON_COLUMNS & row.keys():
        if isinstance(row[key], str):
            row[key] = json.loads(row[key])
    return row


def next_seq(db: Database, station_code: str, kind: str, year: int) -> int:
    db.execute(
        "INSERT INTO counters (station_code, kind, year, last_seq) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (station_code, kind, year) DO UPDATE SET last_seq = last_seq + 1",
        [station_code, kind, year],
    )
    return db.execute(
        "SELECT last_seq FROM counters WHERE station_code = ? AND kind = ? AND year = ?",
        [station_code, kind, year],
    ).fetchone()[0]


def insert(db: Database, kind: str, row: dict[str, Any]) -> None:
    encoded = _encode(row)
    columns = ", ".join(encoded)
    placeholders = ", ".join(f":{c}" for c in encoded)
    db.execute(f"INSERT INTO {TABLES[kind]} ({columns}) VALUES ({placeholders})", encoded)


def fetch(db: Database, kind: str, ref: str) -> dict[str, Any] | None:
    """By UUID or by human number (case-insensitive); deleted records are still returned."""
    table = TABLES[kind]
    cursor = db.execute(f"SELECT * FROM {table} WHERE id = ? OR number = ? COLLATE NOCASE", [ref, ref])
    values = cursor.fetchone()
    if values is None:
        return None
    columns = [d[0] for d in cursor.description]
    return decode(dict(zip(columns, values, strict=True)))


def update(db: Database, kind: str, record_id: str, changes: dict[str, Any]) -> None:
    """Write ``changes`` and bump the revision (every change is a new revision for the exchange)."""
    encoded = _encode(changes)
    assignments = ", ".join(f"{column} = :{column}" for column in encoded)
    db.execute(
        f"UPDATE {TABLES[kind]} SET {assignments}, revision = revision + 1 WHERE id = :_id",
        {**encoded, "_id": record_id},
    )


def select(
    db: Database,
    kind: str,
    where: list[str],
    params: list[Any],
    *,
    order: str,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    sql = f"SELECT * FROM {TABLES[kind]}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    cursor = db.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [decode(dict(zip(columns, values, strict=True))) for values in cursor]


def select_sql(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows of a query over one record table, decoded like ``select``'s (for this package's own SQL)."""
    cursor = db.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [decode(dict(zip(columns, values, strict=True))) for values in cursor]


def count(db: Database, kind: str, where: list[str], params: list[Any]) -> int:
    sql = f"SELECT count(*) FROM {TABLES[kind]}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return db.execute(sql, params).fetchone()[0]


# -- stations and settings ----------------------------------------------------------------------
def insert_station(db: Database, row: dict[str, Any]) -> None:
    db["stations"].insert(row)


def update_station(db: Database, code: str, changes: dict[str, Any]) -> None:
    names = ", ".join(f"{name} = :{name}" for name in changes)  # names from parse_station's own fields
    db.execute(f"UPDATE stations SET {names} WHERE code = :code", {**changes, "code": code})


def station(db: Database, code: str) -> dict[str, Any] | None:
    return next(db.query("SELECT * FROM stations WHERE code = ?", [code]), None)


def other_stations(db: Database) -> list[dict[str, Any]]:
    """The stations whose records this register holds besides its own (a county's merged stations)."""
    return list(db.query("SELECT * FROM stations WHERE is_local = 0 ORDER BY code"))


def local_station(db: Database) -> dict[str, Any] | None:
    return next(db.query("SELECT * FROM stations WHERE is_local = 1 LIMIT 1"), None)


def get_setting(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_setting(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def settings(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta ORDER BY key").fetchall())
