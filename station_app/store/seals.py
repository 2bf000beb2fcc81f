"""Each record bound to the audit chain: a seal per record row, and their sum carried by every audit entry.

A record's seal is a 128-bit hash of its row as stored, all but the local ``pk`` (hex: every table stays plain
text). Without the ``pk`` a seal depends on the record alone, so the reader of a county's import computes the seals
of a package's new rows beside the merge (store/staging.py), and the merge only files them under the rows' ``pk``
(``adopt_staged``): resealing a million merged rows afterwards had cost as much as merging them. ``audit_seals``
keeps the current seal of every record; the sum of all seals (mod 2**128, a multiset hash: it changes by exactly the
seals that changed) is kept in ``meta`` and written into every new audit entry's ``seal`` column, inside the entry's
hash. ``audit verify`` recomputes every live row's seal in one pass and compares their sum with the last entry's: a
row changed, added or deleted outside the program (sqlite3 on the file) no longer adds up, and the row whose seal
differs from ``audit_seals`` is named.

Which rows the program changed is not left to each writer to declare: every connection the program opens carries
TEMP triggers (they exist only on that connection, never in the file, so a sqlite3 shell editing the file has none)
that list the changed rows in a TEMP table; the next audit entry reseals exactly those rows. Rows whose seals came
with them (``adopt_staged``) are taken off that list.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator
from hashlib import blake2b
from typing import TYPE_CHECKING, Any

from station_app.store import records

if TYPE_CHECKING:
    from sqlite_utils import Database

# The register's records: the tables with the common record columns (id, number, revision …).
TABLES = ("complaints", "followups", "consultations", "reports", "outreach_events", "warnings")
MOD = 1 << 128
SUM_KEY = "audit_seal_sum"

SCHEMA = """
    CREATE TABLE audit_seals (
        record_table TEXT NOT NULL,
        record_pk INTEGER NOT NULL,
        seal TEXT NOT NULL,
        PRIMARY KEY (record_table, record_pk)
    ) WITHOUT ROWID;
"""


MARSHAL_VERSION = 2  # fixed: the oldest format without back-references, so equal rows give equal bytes


def seal_of(table: str, values: Iterable[Any]) -> str:
    """The row's values in column order, ``pk`` left out, hashed with the table's name. A record holds only text,
    integers and NULL: marshal's version-2 bytes of them are exact (type, length, UTF-8) and do not depend on the
    Python version or its Unicode tables, unlike ``repr``, and are twice as quick to make."""
    data = marshal.dumps(tuple(values), MARSHAL_VERSION)
    return blake2b(table.encode("ascii") + b"\0" + data, digest_size=16).hexdigest()


def _number(seal: str | None) -> int:
    return int(seal, 16) if seal else 0


def hex_sum(value: int) -> str:
    return f"{value % MOD:032x}"


def _tracking_script() -> str:
    lines = [
        "CREATE TEMP TABLE IF NOT EXISTS audit_touched (tbl TEXT NOT NULL, pk INTEGER NOT NULL,"
        " PRIMARY KEY (tbl, pk)) WITHOUT ROWID;",
        # The row ranges whose seals came with them (``adopt_staged``), until the bulk insert lists the rest.
        "CREATE TEMP TABLE IF NOT EXISTS audit_adopted (tbl TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL);",
    ]
    for table in TABLES:
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")):
            lines.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS audit_touch_{table}_{event.lower()} AFTER {event} ON main.{table}"
                f" BEGIN INSERT OR IGNORE INTO audit_touched VALUES ('{table}', {row}.pk); END;"
            )
    # (The program never changes a record's pk; an edit that does is outside the program, and caught by verify.)
    return "BEGIN;\n" + "\n".join(lines) + "\nCOMMIT;"


def track(db: Database) -> None:
    """Install this connection's TEMP triggers listing the record rows it changes (see the module's note): one
    script in one transaction (a few milliseconds of opening the register, statement by statement three times
    more)."""
    if db.conn.in_transaction:  # re-armed inside the caller's transaction (after a bulk insert)
        for statement in _tracking_script().splitlines()[1:-1]:
            db.execute(statement)
    else:
        db.conn.executescript(_tracking_script())


def pause(db: Database, table: str) -> bool:
    """Stop listing inserted rows of ``table`` one by one (a bulk insert lists them with ``resume``); False when
    this connection does not list rows at all."""
    if not _tracking(db):
        return False
    db.execute(f"DROP TRIGGER IF EXISTS temp.audit_touch_{table}_insert")
    return True


def resume(db: Database, table: str, after_pk: int) -> None:
    """List the rows a bulk insert added (every row past ``after_pk`` but the ranges whose seals came with them,
    ``adopt_staged``) and list inserts one by one again."""
    adopted = db.execute(
        "SELECT lo, hi FROM temp.audit_adopted WHERE tbl = ? AND hi > ? ORDER BY lo", [table, after_pk]
    ).fetchall()
    listed = f"INSERT OR IGNORE INTO temp.audit_touched SELECT '{table}', pk FROM main.{table} WHERE pk > ?"
    start = after_pk
    for lo, hi in adopted:
        if lo > start + 1:
            db.execute(listed + " AND pk < ?", [start, lo])
        start = max(start, hi)
    db.execute(listed, [start])
    db.execute("DELETE FROM temp.audit_adopted WHERE tbl = ?", [table])
    track(db)


def adopt_staged(
    db: Database, table: str, before: int, count: int, source: str, params: list[Any], total: int, numbered: bool
) -> bool:
    """File the seals computed beside the merge for the ``count`` rows just inserted past ``before``: ``source``
    selects ``(r, seal)`` of those rows, ``r`` in the order they were inserted, and with ``numbered`` exactly 1 …
    ``count`` (the n-th row's ``pk`` is then ``before + r``); ``total`` is the sum of their seals.
    False (nothing done: the rows stay listed and are resealed from the register) unless the new rows took exactly
    the next ``count`` row numbers and none of those numbers has a seal yet, so that the n-th seal is the n-th row's.
    """
    if not _tracking(db):
        return False  # a connection that does not seal at all (see ``track``)
    newest = f"SELECT count(*), coalesce(max(pk), 0) FROM main.{table} WHERE pk > ?"
    added, top = db.execute(newest, [before]).fetchone()
    if added != count or top != before + count:
        return False
    taken = "SELECT 1 FROM audit_seals WHERE record_table = ? AND record_pk > ? LIMIT 1"
    if db.execute(taken, [table, before]).fetchone():
        return False
    position = "r" if numbered else "row_number() OVER (ORDER BY r)"  # the window costs 2.5× the insert
    db.execute(
        f"INSERT INTO audit_seals (record_table, record_pk, seal) SELECT ?, ? + {position}, seal FROM ({source})",
        [table, before, *params],
    )
    _set_sum(db, current_sum(db) + total)
    db.execute("DELETE FROM temp.audit_touched WHERE tbl = ? AND pk > ?", [table, before])
    db.execute("INSERT INTO temp.audit_adopted VALUES (?, ?, ?)", [table, before + 1, before + count])
    return True


def _tracking(db: Database) -> bool:
    found = db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'audit_touched'").fetchone()
    return found is not None


def current_sum(db: Database) -> int:
    return int(records.get_setting(db, SUM_KEY) or "0", 16)


def _set_sum(db: Database, value: int) -> None:
    records.set_setting(db, SUM_KEY, hex_sum(value))


def flush(db: Database) -> str:
    """Reseal the rows this connection changed since the last audit entry; the register's seal sum (hex)."""
    total = current_sum(db)
    if not _tracking(db):
        return hex_sum(total)
    if db.execute("SELECT 1 FROM temp.audit_touched LIMIT 1").fetchone():
        for table in TABLES:
            total += _reseal(db, table)
        db.execute("DELETE FROM temp.audit_touched")
        _set_sum(db, total)
    db.execute("DELETE FROM temp.audit_adopted")
    return hex_sum(total)


def _reseal(db: Database, table: str) -> int:
    """Reseal the listed rows of one table; the change of the seal sum."""
    delta = 0
    old = db.execute(
        "SELECT s.seal FROM temp.audit_touched x JOIN audit_seals s"
        " ON s.record_table = x.tbl AND s.record_pk = x.pk WHERE x.tbl = ?",
        [table],
    )
    for (seal,) in old:
        delta -= _number(seal)
    db.execute(
        "DELETE FROM audit_seals WHERE record_table = ? AND record_pk IN"
        " (SELECT pk FROM temp.audit_touched WHERE tbl = ?)",
        [table, table],
    )
    rows = db.execute(
        f"SELECT t.* FROM temp.audit_touched x JOIN main.{table} t ON t.pk = x.pk WHERE x.tbl = ? ORDER BY t.pk",
        [table],
    )
    fresh = []
    for values in rows:
        seal = seal_of(table, values[1:])
        delta += _number(seal)
        fresh.append((table, values[0], seal))
    db.conn.executemany("INSERT INTO audit_seals (record_table, record_pk, seal) VALUES (?, ?, ?)", fresh)
    return delta


def seal_all(db: Database) -> int:
    """Seal every record as it is now (the baseline when a register first gets seals); how many."""
    db.execute("DELETE FROM audit_seals")
    total, count = 0, 0
    for table in TABLES:
        fresh = []
        for values in db.execute(f"SELECT * FROM main.{table} ORDER BY pk"):
            seal = seal_of(table, values[1:])
            total += _number(seal)
            fresh.append((table, values[0], seal))
        db.conn.executemany("INSERT INTO audit_seals (record_table, record_pk, seal) VALUES (?, ?, ?)", fresh)
        count += len(fresh)
    if count:  # an empty register has the sum 0 without a word in meta
        _set_sum(db, total)
    return count


def check(db: Database) -> tuple[str, list[tuple[str, str, str]]]:
    """One pass over every record: (the hex sum of the live rows' seals, the rows that differ from their seal
    as (table, number or row, "changed" | "unsealed" | "deleted")). Streams: no table is held in memory."""
    total = 0
    found: list[tuple[str, str, str]] = []
    for table in TABLES:
        cursor = db.execute(
            f"SELECT s.seal, t.* FROM main.{table} t LEFT JOIN audit_seals s"
            " ON s.record_table = ? AND s.record_pk = t.pk",
            [table],
        )
        number_at = [d[0] for d in cursor.description].index("number") - 2
        for stored, _pk, *values in cursor:
            seal = seal_of(table, values)
            total += _number(seal)
            if stored != seal:
                found.append((table, str(values[number_at]), "unsealed" if stored is None else "changed"))
        for (pk,) in _vanished(db, table):
            found.append((table, f"#{pk}", "deleted"))
    return hex_sum(total), found


def _vanished(db: Database, table: str) -> Iterator[tuple[int]]:
    return db.execute(
        f"SELECT s.record_pk FROM audit_seals s WHERE s.record_table = ?"
        f" AND NOT EXISTS (SELECT 1 FROM main.{table} t WHERE t.pk = s.record_pk)",
        [table],
    )
