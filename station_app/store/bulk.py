"""Bulk loading of complaints (a county importing a station's package): index the new rows once, at the end.

The search index (FTS5 trigram) and the monthly aggregates are kept by row triggers; for thousands of rows a
trigger per row cost five times the insert itself. Inside the caller's transaction the two insert triggers
are dropped, the rows written, the new rows indexed and aggregated in two set-based statements, and the
triggers put back exactly as they were (their SQL is read from the schema, not repeated here). If anything
fails, the caller's rollback restores the triggers with everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from station_app.store import tally_months

if TYPE_CHECKING:
    from sqlite_utils import Database

INSERT_TRIGGERS = ("complaints_fts_ai", "tally_months_ai")
FTS_COLUMNS = "number, consumer_name, consumer_phone, business_name, subject, facts"


@contextmanager
def complaints_indexed_at_end(db: Database) -> Iterator[None]:
    if not db.conn.in_transaction:
        raise RuntimeError("bulk loading must run inside the caller's transaction")
    marks = ", ".join("?" for _ in INSERT_TRIGGERS)
    triggers = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", list(INSERT_TRIGGERS)
    ).fetchall()
    first_new = db.execute("SELECT coalesce(max(pk), 0) FROM complaints").fetchone()[0]
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER {name}")
    yield
    names = {name for name, _sql in triggers}
    if "complaints_fts_ai" in names:
        db.execute(
            f"INSERT INTO complaints_fts(rowid, {FTS_COLUMNS}) SELECT pk, {FTS_COLUMNS} FROM complaints WHERE pk > ?",
            [first_new],
        )
    if "tally_months_ai" in names:
        tally_months.add_rows_after(db, first_new)
    for _name, sql in triggers:
        db.execute(sql)
