"""The SQL of an erasure on request: whose records, every text they hold, and no trace left in the file.

The caller (services/erasure.py) decides what is the person's; this module reads candidates, writes the cleaned
values with a new revision (so the next export carries the erasure to the county, whose merge takes the higher
revision), and clears the pages that held the old values: ``secure_delete`` zeroes what SQLite frees, the
search index is rebuilt from the cleaned rows (its old segments held the person's trigrams), and a checkpoint
and VACUUM leave neither the write-ahead log nor free pages with fragments of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from station_app.store import county_search, search_index

if TYPE_CHECKING:
    from sqlite_utils import Database

# The records a person can be named in, with their own personal columns (phone, ID number, name).
OWN_COLUMNS = {
    "complaints": ("consumer_phone", "consumer_id_number", "consumer_name"),
    "consultations": ("consumer_phone", None, "consumer_name"),
    "reports": ("reporter_phone", "reporter_id_number", "reporter_name"),
}
CLEARED = {
    "complaints": "consumer_name = :anon, consumer_phone = '', consumer_id_number = '', consumer_address = '',"
    " search_initials = ''",
    "consultations": "consumer_name = '', consumer_phone = ''",
    "reports": "reporter_name = '', reporter_phone = '', reporter_id_number = ''",
}
RECORD_TABLES = ("complaints", "followups", "consultations", "reports", "outreach_events", "warnings")
# Text tables beside the records: the case histories, evidence names, and at a county the incoming copies
# of records kept for a clerk's decision.
OTHER_TABLES = ("complaint_events", "evidence", "exchange_conflicts")
# The column that says whose a row is, where it is not the row's own id (a follow-up is its case's).
OWNER = {"followups": "complaint_id", "complaint_events": "complaint_id", "evidence": "complaint_id"}
OWNER["exchange_conflicts"] = "record_id"
# Keys, stamps, users and derived columns: never free text about a consumer.
NOT_TEXT = {
    "id",
    "number",
    "station_code",
    "complaint_id",
    "record_id",
    "created_by",
    "created_at",
    "updated_at",
    "deleted_at",
    "business_key",
    "search_initials",
    "at",
    "actor",
    "added_at",
    "added_by",
    "sha256",
    "suffix",
    "package_id",
    "local_digest",
    "incoming_digest",
    "detected_at",
    "resolved_at",
}
HIT = "erasure_hit"


def identifiers(db: Database) -> Iterator[tuple[str, str, str, str, str, str]]:
    """(table, id, number, phone, ID number, name) of every record that has a phone or an ID number."""
    for table, (phone, idn, name) in OWN_COLUMNS.items():
        idn_sql = idn or "''"
        cursor = db.execute(
            f"SELECT id, number, {phone}, {idn_sql}, {name} FROM {table} WHERE {phone} != '' OR {idn_sql} != ''"
        )
        for row in cursor:
            yield (table, *row)


def clear_own(db: Database, table: str, ids: list[str], anon: str) -> None:
    """Empty the personal columns of the person's own records, each with a new revision."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        db.execute(
            f"UPDATE {table} SET {CLEARED[table].replace(':anon', '?')}, revision = revision + 1 WHERE id IN ({marks})",
            ([anon] if table == "complaints" else []) + chunk,
        )


def text_columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[2].upper() == "TEXT" and r[1] not in NOT_TEXT]


def rows_mentioning(db: Database, table: str, hit: Callable[[str | None], bool]) -> list[dict[str, Any]]:
    """Rows of ``table`` whose text columns ``hit`` finds the person in (the test runs inside SQLite's scan)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone() is None:
        return []
    columns = text_columns(db, table)
    owner = OWNER.get(table, "id")
    db.conn.create_function(HIT, 1, lambda value: 1 if isinstance(value, str) and hit(value) else 0)
    try:
        where = " OR ".join(f"{HIT}({c})" for c in columns)
        cursor = db.execute(f"SELECT pk, {owner} AS _owner, * FROM {table} WHERE {where}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=False)) for row in cursor]
    finally:
        db.conn.create_function(HIT, 1, None)


def count_mentioning(db: Database, table: str, hit: Callable[[str | None], bool]) -> int:
    columns = text_columns(db, table)
    db.conn.create_function(HIT, 1, lambda value: 1 if isinstance(value, str) and hit(value) else 0)
    try:
        where = " OR ".join(f"{HIT}({c})" for c in columns)
        return db.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
    finally:
        db.conn.create_function(HIT, 1, None)


def backups_recorded(db: Database) -> list[str]:
    """The ``after`` of every backup's audit entry (file, folder): where copies of the register went."""
    return [r[0] for r in db.execute("SELECT after FROM audit WHERE action = 'backup' AND after IS NOT NULL")]


def rewrite(db: Database, table: str, pk: int, changes: dict[str, str], *, new_revision: bool) -> None:
    sets = ", ".join(f"{column} = :{column}" for column in changes)
    bump = ", revision = revision + 1" if new_revision else ""
    db.execute(f"UPDATE {table} SET {sets}{bump} WHERE pk = :_pk", {**changes, "_pk": pk})


def new_revisions(db: Database, table: str, ids: list[str]) -> None:
    """A new revision for records whose history changed (the export sends a case's whole history with it)."""
    for record_id in ids:
        db.execute(f"UPDATE {table} SET revision = revision + 1 WHERE id = ?", [record_id])


def evidence_of(db: Database, complaint_ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for complaint_id in complaint_ids:
        cursor = db.execute(
            "SELECT id, sha256, suffix, label, deleted_at FROM evidence WHERE complaint_id = ?", [complaint_id]
        )
        names = [d[0] for d in cursor.description]
        found += [dict(zip(names, row, strict=True)) for row in cursor]
    return found


def erase_evidence(db: Database, evidence_id: str, file_name: str, at: str, reason: str) -> None:
    """Detached, its file name (which may name the person) replaced; ``at`` kept when already detached."""
    db.execute(
        "UPDATE evidence SET file_name = ?, deleted_at = coalesce(deleted_at, ?), delete_reason = ? WHERE id = ?",
        [file_name, at, reason, evidence_id],
    )


def set_secure_delete(db: Database, on: bool) -> bool:
    """Switch SQLite's secure_delete (freed content overwritten with zeros); returns the previous setting."""
    before = bool(db.execute("PRAGMA secure_delete").fetchone()[0])
    db.execute(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")
    return before


def rebuild_search_index(db: Database) -> bool:
    """Refill the trigram index from the cleaned rows (in the caller's transaction); False when there is none.

    A county's index of words (store/county_search.py) keeps no text to refill from: it is dropped, its pages
    zeroed with the rest, and built again from the cleaned rows after the erasure (services/county_search.py)."""
    if county_search.drop(db):
        return True
    if not search_index.present(db):
        return False
    db.execute(f"INSERT INTO {search_index.TABLE}({search_index.TABLE}) VALUES ('rebuild')")
    return True


def compact(db: Database) -> dict[str, bool]:
    """After the commit: rewrite the file without free pages, and empty the write-ahead log into it.

    VACUUM needs free disk as large as the register; without it the zeroed pages still hold nothing, so
    a failure is reported, not raised.
    """
    vacuumed = True
    try:
        db.execute("VACUUM")
    except sqlite3.OperationalError:
        vacuumed = False
    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return {"vacuumed": vacuumed, "log_emptied": not busy or busy[0] == 0}
