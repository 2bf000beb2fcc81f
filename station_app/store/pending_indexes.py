"""The complaints' indexes a big import left to be built afterwards (store/bulk.py), one per transaction.

A batch as big as the register drops the complaints' secondary indexes and, instead of making them again before its
commit (at a million cases most of the import's last, single-core seconds, the clerk waiting), lists them in
``meta`` (their name and SQL, read from the schema) in the same transaction as its commit. They are built
afterwards beside the window or by ``search-index`` (services/county_search.py), and always before a new
migration (store/database.py: a later step may change an index). Every query answers the same without them, only
slower (SQLite reads the table, or the unique indexes on id and number, instead).

Each index is made and taken off the list in one transaction: a build cut short (the window closed, a power cut)
loses nothing and repeats nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from station_app.store import records

if TYPE_CHECKING:
    from sqlite_utils import Database

KEY = "pending_indexes"


def indexed_by(db: Database, name: str) -> str:
    """``INDEXED BY name`` for a query that reads the complaints through that index, or nothing while the index is
    pending (SQLite refuses a query naming an index that is not there; without it the planner chooses)."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name]).fetchone()
    return f"INDEXED BY {name}" if found is not None else ""


def pending(db: Database) -> list[tuple[str, str]]:
    """The indexes still to be built, as (name, SQL), in the order they will be."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return []  # a register being created
    value = records.get_setting(db, KEY)
    return [(name, sql) for name, sql in json.loads(value)] if value else []


def add(db: Database, indexes: list[tuple[str, str]]) -> None:
    """List ``indexes`` (dropped by the caller, in its transaction) after those already pending: a second big import
    before the build keeps them all."""
    listed = pending(db)
    names = {name for name, _sql in listed}
    listed += [(name, sql) for name, sql in indexes if name not in names]
    if listed:
        _write(db, listed)


def forget(db: Database, name: str) -> str | None:
    """Take ``name`` off the list without building it (the caller keeps it otherwise); its SQL, None if not listed.
    In the caller's transaction."""
    listed = pending(db)
    found = next((sql for n, sql in listed if n == name), None)
    if found is not None:
        _write(db, [(n, sql) for n, sql in listed if n != name])
    return found


def build_one(db: Database) -> bool:
    """Build the first pending index and take it off the list, in one transaction; False when none was pending."""
    with db.atomic():
        listed = pending(db)
        if not listed:
            return False
        name, sql = listed[0]
        if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name]).fetchone() is None:
            db.execute(sql)
        _write(db, listed[1:])
    return True


def build_all(db: Database) -> int:
    """Build every pending index, one transaction each; how many were built."""
    built = 0
    while build_one(db):
        built += 1
    return built


def _write(db: Database, listed: list[tuple[str, str]]) -> None:
    if listed:
        records.set_setting(db, KEY, json.dumps(listed, ensure_ascii=False))
    else:
        db.execute("DELETE FROM meta WHERE key = ?", [KEY])
