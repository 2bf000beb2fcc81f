"""SQL of the USB exchange: rows to export, rows to merge, station keys, import log, conflicts.

Rows travel as the database holds them (JSON columns stay JSON text), so a digest of a row is the same
at the station and at the county.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


# member name of the package → table (the member names are the table names)
RECORD_TABLES = ("complaints", "followups", "consultations", "reports", "outreach_events", "warnings")
EVENT_COLUMNS = ("complaint_id", "kind", "from_status", "to_status", "on_date", "data", "at", "actor")
_CHUNK = 500


def _check_table(table: str) -> str:
    if table not in RECORD_TABLES:
        raise ValueError(f"not a register table: {table}")
    return table


def columns(db: Database, table: str) -> list[str]:
    """The table's columns except the local ``pk`` (never exported)."""
    _check_table(table)
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "pk"]


def _rows(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


# -- export (station) ----------------------------------------------------------------------------
def export_rows(db: Database, table: str, *, since_last: bool) -> list[dict[str, Any]]:
    """Every row (without ``pk``); with ``since_last``, only rows not yet sent at their revision.

    A complaint also counts as changed when its history has grown (a follow-up adds an event without
    a new revision). Each complaint row carries ``_events`` (its event count) for ``mark_sent``.
    """
    cols = ", ".join(f"t.{c}" for c in columns(db, _check_table(table)))
    events = "(SELECT count(*) FROM complaint_events e WHERE e.complaint_id = t.id)" if table == "complaints" else "0"
    sql = f"SELECT {cols}, {events} AS _events FROM {table} t"
    if since_last:
        sql += (
            " LEFT JOIN exchange_sent s ON s.record_id = t.id"
            f" WHERE s.record_id IS NULL OR s.revision != t.revision OR s.events != {events}"
        )
    return _rows(db.execute(sql + " ORDER BY t.pk"))


def events_of(db: Database, complaint_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The history of these complaints, in the order it was written."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(set(complaint_ids))):
        marks = ", ".join("?" for _ in chunk)
        out += _rows(
            db.execute(
                f"SELECT pk AS _pk, {', '.join(EVENT_COLUMNS)} FROM complaint_events WHERE complaint_id IN ({marks})",
                chunk,
            )
        )
    out.sort(key=lambda e: e.pop("_pk"))
    return out


def mark_sent(db: Database, sent: Iterable[tuple[str, int, int]]) -> None:
    db.conn.executemany(
        "INSERT INTO exchange_sent (record_id, revision, events) VALUES (?, ?, ?)"
        " ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision, events = excluded.events",
        list(sent),
    )


# -- merge (county) ------------------------------------------------------------------------------
def current(db: Database, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The rows the county holds for these ids (without ``pk``)."""
    cols = ", ".join(columns(db, _check_table(table)))
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for row in _rows(db.execute(f"SELECT {cols} FROM {table} WHERE id IN ({marks})", chunk)):
            found[row["id"]] = row
    return found


def complaint_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM complaints").fetchone()[0]


def number_owner(db: Database, table: str, number: str) -> str | None:
    row = db.execute(f"SELECT id FROM {_check_table(table)} WHERE number = ?", [number]).fetchone()
    return row[0] if row else None


def insert_row(db: Database, table: str, row: dict[str, Any]) -> None:
    names = list(row)
    db.execute(
        f"INSERT INTO {_check_table(table)} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})", row
    )


def insert_rows(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    """Many new rows of one table with the same columns in the same order, in one statement."""
    if not rows:
        return
    names = list(rows[0])
    db.conn.executemany(
        f"INSERT INTO {_check_table(table)} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        map(tuple, map(dict.values, rows)),  # the values in the columns' order (C-level, no list per row)
    )


def replace_row(db: Database, table: str, row: dict[str, Any]) -> None:
    names = [n for n in row if n != "id"]
    assignments = ", ".join(f"{n} = :{n}" for n in names)
    db.execute(f"UPDATE {_check_table(table)} SET {assignments} WHERE id = :id", row)


def replace_events(db: Database, complaint_id: str, events: list[dict[str, Any]]) -> None:
    db.execute("DELETE FROM complaint_events WHERE complaint_id = ?", [complaint_id])
    add_events(db, events)


def add_events(db: Database, events: list[dict[str, Any]]) -> None:
    db.conn.executemany(
        f"INSERT INTO complaint_events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})",
        [[e.get(c) for c in EVENT_COLUMNS] for e in events],
    )


def ensure_station(db: Database, station: dict[str, Any], now: str) -> bool:
    """Insert a station met for the first time (is_local = 0); True when it was new."""
    if db.execute("SELECT 1 FROM stations WHERE code = ?", [station["code"]]).fetchone():
        return False
    db.execute(
        "INSERT INTO stations (code, name, kind, venue_type, county, contact, is_local, created_at, updated_at)"
        " VALUES (:code, :name, :kind, :venue_type, :county, :contact, 0, :now, :now)",
        {**station, "now": now},
    )
    return True


def is_local_station(db: Database, code: str) -> bool:
    return db.execute("SELECT 1 FROM stations WHERE code = ? AND is_local = 1", [code]).fetchone() is not None


# exchange_masked lists the county's copies whose personal data came masked, by table and row number (m011).
def has_numbers_of(db: Database, table: str, station_code: str) -> bool:
    """Does the table hold any record numbered by this station (``{code}-…``)? One step down the unique index of
    numbers: a record's number starts with its station's code and a hyphen (domain/stored_records.py)."""
    found = db.execute(
        f"SELECT 1 FROM {_check_table(table)} WHERE number >= ? AND number < ? LIMIT 1",
        [f"{station_code}-", f"{station_code}."],  # "." follows "-": every number of the station lies between
    )
    return found.fetchone() is not None


def masked_ids(db: Database, table: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        found |= {
            r[0]
            for r in db.execute(
                f"SELECT t.id FROM {_check_table(table)} t JOIN exchange_masked m"
                f" ON m.record_table = ? AND m.record_pk = t.pk WHERE t.id IN ({marks})",
                [table, *chunk],
            )
        }
    return found


def set_masked(db: Database, table: str, record_id: str, masked: bool) -> None:
    pk = f"(SELECT pk FROM {_check_table(table)} WHERE id = ?)"
    if masked:
        db.execute(f"INSERT OR IGNORE INTO exchange_masked SELECT ?, {pk}", [table, record_id])
    else:
        db.execute(f"DELETE FROM exchange_masked WHERE record_table = ? AND record_pk = {pk}", [table, record_id])


def set_masked_after(db: Database, table: str, pk: int, masked: bool) -> None:
    """Mark (or unmark) the rows inserted after row ``pk`` (new rows get the next numbers, in order)."""
    if masked:
        db.execute(
            f"INSERT OR IGNORE INTO exchange_masked SELECT ?, pk FROM {_check_table(table)} WHERE pk > ?", [table, pk]
        )
    else:
        db.execute("DELETE FROM exchange_masked WHERE record_table = ? AND record_pk > ?", [table, pk])


def last_pk(db: Database, table: str) -> int:
    return db.execute(f"SELECT coalesce(max(pk), 0) FROM {_check_table(table)}").fetchone()[0]


# -- keys, log, conflicts ------------------------------------------------------------------------
def station_key(db: Database, code: str) -> dict[str, Any] | None:
    rows = _rows(db.execute("SELECT * FROM exchange_station_keys WHERE station_code = ?", [code]))
    return rows[0] if rows else None


def key_owner(db: Database, public_key: str) -> str | None:
    """The station (or county) this public key is registered for, if any."""
    row = db.execute("SELECT station_code FROM exchange_station_keys WHERE public_key = ? LIMIT 1", [public_key])
    found = row.fetchone()
    return found[0] if found else None


def station_public_keys(db: Database) -> dict[str, str]:
    """Each station's registered signing key (base64), by station code."""
    return dict(db.execute("SELECT station_code, public_key FROM exchange_station_keys").fetchall())


def register_key(db: Database, row: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO exchange_station_keys"
        " (station_code, public_key, fingerprint, installation_id, registered_at, registered_by, role)"
        " VALUES (:station_code, :public_key, :fingerprint, :installation_id, :registered_at, :registered_by, :role)"
        " ON CONFLICT (station_code) DO UPDATE SET public_key = excluded.public_key,"
        " fingerprint = excluded.fingerprint, installation_id = excluded.installation_id,"
        " registered_at = excluded.registered_at, registered_by = excluded.registered_by, role = excluded.role",
        row,
    )


def spoken_for(db: Database, codes: list[str]) -> dict[str, str]:
    """Which county brought each of these stations to this (city) register, by station code."""
    found: dict[str, str] = {}
    for chunk in _chunks(codes):
        marks = ", ".join("?" for _ in chunk)
        found.update(
            db.execute(
                f"SELECT station_code, county_code FROM exchange_spoken_for WHERE station_code IN ({marks})", chunk
            ).fetchall()
        )
    return found


def station_codes(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT code FROM stations")}


def speak_for(db: Database, county_code: str, codes: list[str], now: str) -> None:
    """The county ``county_code`` speaks for these stations at this register from now on (first come only)."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO exchange_spoken_for (station_code, county_code, registered_at) VALUES (?, ?, ?)",
        [(code, county_code, now) for code in codes],
    )


def log_import(db: Database, row: dict[str, Any]) -> None:
    names = list(row)
    db.execute(f"INSERT INTO exchange_imports ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})", row)


def package_logged(db: Database, package_id: str) -> bool:
    return db.execute("SELECT 1 FROM exchange_imports WHERE package_id = ?", [package_id]).fetchone() is not None


def import_log(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    return _rows(db.execute("SELECT * FROM exchange_imports ORDER BY pk DESC LIMIT ?", [limit]))


def add_conflict(db: Database, row: dict[str, Any]) -> bool:
    """List a conflict once (the same incoming content again is not a new conflict)."""
    names = list(row)
    cursor = db.execute(
        f"INSERT OR IGNORE INTO exchange_conflicts ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})",
        row,
    )
    return cursor.rowcount > 0


def conflict_known(db: Database, record_id: str, revision: int, digest: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM exchange_conflicts WHERE record_id = ? AND revision = ? AND incoming_digest = ?",
            [record_id, revision, digest],
        ).fetchone()
        is not None
    )


def conflicts(db: Database, *, open_only: bool = True) -> list[dict[str, Any]]:
    sql = (
        "SELECT pk, station_code, kind, record_id, number, revision, local_digest, incoming_digest, package_id,"
        " detected_at, resolved_at FROM exchange_conflicts"
    )
    if open_only:
        sql += " WHERE resolved_at IS NULL"
    return _rows(db.execute(sql + " ORDER BY pk"))
