"""The trigram search index of complaints (FTS5), kept in a station's register and not in a county's.

A county merges hundreds of thousands of cases from the stations' packages; indexing every word of their facts
cost more than writing them (the import could not keep within 2× of a plain insert), and a county clerk finds a
case by its number, names, phone or business, which the covering short-text index answers without it. The
index's table and triggers are dropped when a register becomes a county's, their SQL kept in ``meta`` (read
from the schema, not repeated here) so that a register turned back into a station's rebuilds the index.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "complaints_fts"
SAVED = "search_index_sql"


def present(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [TABLE]).fetchone() is not None


def switch_off(db: Database) -> bool:
    """Drop the index (in the caller's transaction); False when there was none."""
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE (type = 'table' AND name = ?)"
        " OR (type = 'trigger' AND tbl_name = 'complaints' AND sql LIKE '%' || ? || '%') ORDER BY type = 'trigger'",
        [TABLE, TABLE],
    ).fetchall()
    if not rows:
        return False
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [SAVED, json.dumps([sql for _type, _name, sql in rows])],
    )
    for kind, name, _sql in reversed(rows):  # triggers first, then the table
        db.execute(f"DROP {'TRIGGER' if kind == 'trigger' else 'TABLE'} {name}")
    return True


def switch_on(db: Database) -> bool:
    """Recreate the index dropped by ``switch_off`` and fill it from the register; False when it was there."""
    if present(db):
        return False
    row = db.execute("SELECT value FROM meta WHERE key = ?", [SAVED]).fetchone()
    if row is None:
        raise RuntimeError("the search index's definition was not kept")
    for sql in json.loads(row[0]):
        db.execute(sql)
    db.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    db.execute("DELETE FROM meta WHERE key = ?", [SAVED])
    return True
