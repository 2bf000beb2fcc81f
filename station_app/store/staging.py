"""A package's records staged as a small SQLite database, then merged into the register set-based.

The reader (a worker process for a big import) writes each record table of a package into an in-memory SQLite
database and hands over its bytes; the register attaches it as ``stage`` and copies the new rows with one
``INSERT … SELECT`` per table. Why: binding a million rows' values from Python cost the merging side as much
as the plain insert it is measured against, and it held the GIL the reader needed. Staged, the Python work of a
package (parsing, checking, binding) happens beside the merge, in another process, and the merge is SQLite's own.

A table is staged only when all its rows carry the same columns in the same order (what every export writes):
a row without a column must get the register's default, not NULL, so such a table stays in Python.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

STAGE = "stage"


@dataclass(frozen=True)
class Staged:
    """A serialized SQLite database: per staged table, its columns (the rows' keys, in order) and row count."""

    data: bytes
    columns: dict[str, tuple[str, ...]]
    counts: dict[str, int]


class Unstageable(ValueError):
    """A value SQLite cannot hold (an integer beyond 64 bits, text that is not valid Unicode)."""


def uniform_columns(rows: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """The rows' common columns when every row has the same keys in the same order, else None."""
    if not rows:
        return None
    first = tuple(rows[0])
    return first if all(tuple(row) == first for row in rows) else None


def build(tables: dict[str, tuple[tuple[str, ...], list[dict[str, Any]]]]) -> Staged:
    """Stage ``{table: (columns, rows)}``. The names must be checked columns of the register (they go into SQL).

    Columns are declared without a type, so SQLite keeps each value exactly as parsed (no affinity)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch copy: nothing to roll back to
        conn.execute("BEGIN")
        for table, (names, rows) in tables.items():
            conn.execute(f"CREATE TABLE {table} ({', '.join(names)})")
            conn.executemany(
                f"INSERT INTO {table} VALUES ({', '.join('?' for _ in names)})", map(tuple, map(dict.values, rows))
            )
        conn.execute("COMMIT")
        data = conn.serialize()
    except (OverflowError, UnicodeEncodeError, sqlite3.Error) as exc:
        raise Unstageable(str(exc)) from None
    finally:
        conn.close()
    return Staged(
        data, {t: names for t, (names, _rows) in tables.items()}, {t: len(rows) for t, (_names, rows) in tables.items()}
    )


@contextmanager
def attached(db: Database) -> Iterator[None]:
    """The ``stage`` schema for the length of an import (leave it after the import's transaction has ended)."""
    db.execute(f"ATTACH DATABASE ':memory:' AS {STAGE}")
    try:
        yield
    finally:
        db.execute(f"DETACH DATABASE {STAGE}")


def load(db: Database, staged: Staged) -> None:
    """The package's staged records in ``stage`` (replacing the previous package's; allowed inside a transaction)."""
    db.conn.deserialize(staged.data, name=STAGE)


def existing_rows(db: Database, table: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
    """The staged rows whose id the register already holds (the ones to decide one by one), each with its stage
    rowid under ``_stage_row``. The stage is scanned and the register probed by its unique id, never scanned."""
    cols = ", ".join(f"s.{n}" for n in names)
    cursor = db.execute(
        f"SELECT s.rowid AS _stage_row, {cols} FROM {STAGE}.{table} AS s"
        f" CROSS JOIN main.{table} AS c ON c.id = s.id ORDER BY s.rowid"
    )
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, values, strict=True)) for values in cursor]


def _new_rows(skip: list[int]) -> tuple[str, list[Any]]:
    """The condition choosing the staged rows that are new (all but ``skip``), without reading the register's
    table (reading the table an INSERT writes would make SQLite copy the whole selection first)."""
    if not skip:
        return "", []
    return " WHERE s.rowid NOT IN (SELECT value FROM json_each(?))", [json.dumps(skip)]


def insert_new(db: Database, table: str, names: tuple[str, ...], skip: list[int]) -> None:
    """Copy the new staged rows (all but the stage rowids in ``skip``) into the register, in package order."""
    where, params = _new_rows(skip)
    cols = ", ".join(names)
    db.execute(
        f"INSERT INTO main.{table} ({cols}) SELECT {', '.join(f's.{n}' for n in names)}"
        f" FROM {STAGE}.{table} AS s{where} ORDER BY s.rowid",
        params,
    )


def ids(db: Database, table: str) -> list[str]:
    return [row[0] for row in db.execute(f"SELECT id FROM {STAGE}.{table}")]
