"""Bulk loading of complaints (a county importing a station's package): index the new rows once, at the end.

The search index (FTS5 trigram) and the monthly aggregates are kept by row triggers; for thousands of rows a
trigger per row cost five times the insert itself. Inside the caller's transaction the two insert triggers
are dropped, the rows written, the new rows indexed and aggregated in two set-based statements, and the
triggers put back exactly as they were (their SQL is read from the schema, not repeated here). If anything
fails, the caller's rollback restores the triggers with everything else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from station_app.store import pending_indexes, seals, tally_months

if TYPE_CHECKING:
    from sqlite_utils import Database

INSERT_TRIGGERS = ("complaints_fts_ai", "tally_months_ai")
FTS_COLUMNS = "number, consumer_name, consumer_phone, business_name, subject, facts"


@dataclass
class NewComplaints:
    """The rows a bulk load writes: past ``first_new``. The writer that adds the aggregates of the first of them itself
    (a staged package's, computed by its reader: ``staging.add_tally``) sets ``tallied_upto`` to the last of those."""

    first_new: int
    tallied_upto: int = 0


@contextmanager
def complaints_indexed_at_end(db: Database) -> Iterator[NewComplaints]:
    if not db.conn.in_transaction:
        raise RuntimeError("bulk loading must run inside the caller's transaction")
    marks = ", ".join("?" for _ in INSERT_TRIGGERS)
    triggers = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", list(INSERT_TRIGGERS)
    ).fetchall()
    first_new = db.execute("SELECT coalesce(max(pk), 0) FROM complaints").fetchone()[0]
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER {name}")
    listed = seals.pause(db, "complaints")  # the new rows are listed for resealing at the end, in one statement
    new = NewComplaints(first_new)
    yield new
    if listed:
        seals.resume(db, "complaints", first_new)
    names = {name for name, _sql in triggers}
    if "complaints_fts_ai" in names:
        db.execute(
            f"INSERT INTO complaints_fts(rowid, {FTS_COLUMNS}) SELECT pk, {FTS_COLUMNS} FROM complaints WHERE pk > ?",
            [first_new],
        )
    if "tally_months_ai" in names:
        tally_months.add_rows_after(db, max(first_new, new.tallied_upto))
    for _name, sql in triggers:
        db.execute(sql)


BIG_CACHE_MIB = 256
MONTH_CACHE_MIB = 64


class ImportBatch:
    """Many packages merged under one transaction, each in a savepoint of its own (store side of a batch import).

    A package is still applied whole or not at all (its savepoint is rolled back when it is refused), but the
    register is committed every ``commit_rows`` cases and at the end instead of after each package: a commit
    writes every page the package touched, and a county's random-keyed indexes made three hundred commits cost
    more than the rows themselves. A power cut loses at most the packages since the last commit, never part of
    one; importing them again is the same idempotent merge. The page cache is enlarged while it lasts so the
    indexes stay in memory between packages.

    With ``defer_indexes`` (packages at least as big as the register: a new county's first months, a roll-up)
    the complaints' secondary indexes are dropped at the start instead of being updated case by case at random
    places, and are not made again by the batch: it lists them as pending (store/pending_indexes.py) in the same
    transaction as its one commit, at the end, and they are built afterwards, one at a time, beside the window or
    by ``search-index`` (services/county_search.py); queries answer the same meanwhile, only slower. A batch
    rolled back brings them back with everything else (DROP INDEX is transactional) and lists nothing. The unique
    indexes (id, number) stay: the merge looks cases up by them. Such a batch also writes
    through a rollback journal when no other connection has the register open: in WAL mode each of its pages was
    written twice (into the log, then checkpointed into the register), for a new county two gigabytes per million
    cases. A rollback journal keeps only the few pages that existed before (new pages need no copy) and is as safe
    against a power cut; the register is back in WAL mode when the batch ends.
    """

    def __init__(
        self, db: Database, *, commit_rows: int = 50_000, cache_mib: int | None = None, defer_indexes: bool = False
    ):
        """``cache_mib``: the page cache while the batch lasts; by default 256 MiB for a batch as big as the register
        (the unique indexes on id and number, written at random places, stay in that cache) and 64 MiB for a month
        into a big register: the window importing a month stays within its memory (issue 20: 250 MB with the
        window; 48 MiB took a million-case county's month of 90,000 cases 14.2 s and 157 MB, 256 MiB 10.7 s and
        393 MB)."""
        if cache_mib is None:
            cache_mib = BIG_CACHE_MIB if defer_indexes else MONTH_CACHE_MIB
        self.db, self.commit_rows, self.cache_mib, self.defer_indexes = db, commit_rows, cache_mib, defer_indexes
        self.since_commit = 0
        self.dropped: list[tuple[str, str]] = []
        self.journal_switched = False

    def __enter__(self) -> ImportBatch:
        if self.db.conn.in_transaction:
            raise RuntimeError("an import batch opens its own transaction")
        self.cache_size = self.db.execute("PRAGMA cache_size").fetchone()[0]
        self.db.execute(f"PRAGMA cache_size = -{self.cache_mib * 1024}")
        if self.defer_indexes:
            self.journal_switched = _set_journal(self.db, "delete")
        self.db.execute("BEGIN")
        if self.defer_indexes:
            self.dropped = self.db.execute(
                "SELECT name, sql FROM sqlite_master"
                " WHERE type = 'index' AND tbl_name = 'complaints' AND sql IS NOT NULL"
            ).fetchall()
            for name, _sql in self.dropped:
                self.db.execute(f"DROP INDEX {name}")
        return self

    def applied(self, rows: int) -> None:
        """A package is done (``rows`` cases written): commit when enough have gathered."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("the import batch's transaction was lost")
        self.since_commit += rows
        # Indexes dropped by this batch are listed as pending only with its one commit, at the end.
        if self.since_commit >= self.commit_rows and not self.dropped:
            self.db.execute("COMMIT")
            self.db.execute("BEGIN")
            self.since_commit = 0

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        try:
            if self.db.conn.in_transaction and kind is None:
                # Listed with the rows they index: a commit never leaves an index both missing and unlisted.
                pending_indexes.add(self.db, self.dropped)
                self.db.execute("COMMIT")
            elif self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")  # the dropped indexes come back with it
        finally:
            self.db.execute(f"PRAGMA cache_size = {self.cache_size}")
            if self.journal_switched:
                _set_journal(self.db, "wal")


def _set_journal(db: Database, mode: str) -> bool:
    """Switch the journal mode if no other connection is open right now (never wait for one); True when done."""
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        return db.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0] == mode
    except sqlite3.OperationalError:  # another connection (the window's, a second import) has it open
        return False
    finally:
        db.execute(f"PRAGMA busy_timeout = {timeout}")
