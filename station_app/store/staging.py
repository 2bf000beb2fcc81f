"""A package's records staged as a small SQLite database, then merged into the register set-based.

The reader (a worker process for a big import) writes each record table of a package into an in-memory SQLite
database and hands over its bytes; the register attaches it as ``stage`` and copies the new rows with one
``INSERT … SELECT`` per table. Why: binding a million rows' values from Python cost the merging side as much
as the plain insert it is measured against, and it held the GIL the reader needed. Staged, the Python work of a
package (parsing, checking, binding) happens beside the merge, in another process, and the merge is SQLite's own.

A table is staged only when all its rows carry the same columns in the same order (what every export writes):
a row without a column must get the register's default, not NULL, so such a table stays in Python.

The reader also seals the rows (store/seals.py) when they will be stored exactly as staged: every column of the
register's table present, each value of the type the column keeps (text in a TEXT column, an integer in an INTEGER
one: SQLite converts nothing). The merge files those seals under the rows' new ``pk`` (``seal_new``); otherwise the
rows are resealed from the register as any other change. For such cases it also adds up what they bring to the
monthly aggregates (store/tally_months.py, ``contributions``); a bulk merge that inserts all of them upserts those
few hundred sums (``add_tally``) instead of sorting the new cases six times.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from station_app.store import seals, tally_months

if TYPE_CHECKING:
    from sqlite_utils import Database

STAGE = "stage"
SEALS = "__seals"  # ``{table}__seals``: the staged rows' seals, under the same row numbers
TALLY = "__tally"  # ``{table}__tally``: what the staged cases add to the monthly aggregates (store/tally_months.py)
# What a column of each declared type stores unchanged (every record column is INTEGER or TEXT): an integer in a
# TEXT column would be stored as text, "5" in an INTEGER one as 5. Exact Python types, as the stage binds them
# (int to SQLite's integer, str to text, None to NULL; a bool, a subclass of int, is not kept).
KEPT_AS_IS: dict[str, frozenset[type]] = {
    "INTEGER": frozenset({int, type(None)}),
    "TEXT": frozenset({str, type(None)}),
}
Layout = tuple[tuple[str, str], ...]  # a record table's columns but ``pk``, in order, with their declared types


@dataclass(frozen=True)
class Staged:
    """A serialized SQLite database: per staged table, its columns (the rows' keys, in order) and row count."""

    data: bytes
    columns: dict[str, tuple[str, ...]]
    counts: dict[str, int]
    seal_sums: dict[str, int] = field(default_factory=dict)  # sealed tables: the sum of their rows' seals
    tallied: frozenset[str] = frozenset()  # tables whose rows' aggregates are staged beside them


class Unstageable(ValueError):
    """A value SQLite cannot hold (an integer beyond 64 bits, text that is not valid Unicode)."""


def uniform_columns(rows: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """The rows' common columns when every row has the same keys in the same order, else None."""
    if not rows:
        return None
    first = tuple(rows[0])
    return first if all(tuple(row) == first for row in rows) else None


def layout(db: Database, table: str) -> Layout:
    """The table's columns but ``pk``, in order, with their declared types (what ``build`` seals against)."""
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    return tuple((name, kind.upper()) for _cid, name, kind, *_rest in info if name != "pk")


def _sealable(names: tuple[str, ...], layout: Layout | None) -> bool:
    """Do the staged columns hold every column of the register's table (whose types the stage can check)?"""
    return (
        layout is not None
        and len(names) == len(layout) > 1
        and set(names) == {name for name, _kind in layout}
        and all(kind in KEPT_AS_IS for _name, kind in layout)
    )


def _kept_as_is(names: tuple[str, ...], values: list[tuple[Any, ...]], layout: Layout) -> bool:
    """Is every value of the type its register column keeps? The stage's columns have no type, so each value is
    stored as parsed. Checked column by column on the rows turned into columns (five times quicker than asking
    SQLite's ``typeof`` of every staged value: a county stages a million rows of forty values)."""
    if not values:
        return True
    kinds = dict(layout)
    return all(
        KEPT_AS_IS[kinds[name]].issuperset(map(type, column))
        for name, column in zip(names, zip(*values, strict=True), strict=True)
    )


def build(
    tables: dict[str, tuple[tuple[str, ...], list[dict[str, Any]]]], layouts: dict[str, Layout] | None = None
) -> Staged:
    """Stage ``{table: (columns, rows)}``. The names must be checked columns of the register (they go into SQL).
    With ``layouts`` (the register's, from ``layout``) the rows that will be stored as they are get their seals,
    in ``{table}__seals`` under the same row numbers.

    Columns are declared without a type, so SQLite keeps each value exactly as parsed (no affinity)."""
    sums: dict[str, int] = {}
    tallied: set[str] = set()
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch copy: nothing to roll back to
        conn.execute("BEGIN")
        for table, (names, rows) in tables.items():
            values = list(map(tuple, map(dict.values, rows)))
            conn.execute(f"CREATE TABLE {table} ({', '.join(names)})")
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in names)})", values)
            layout = (layouts or {}).get(table)
            if layout is None or not _sealable(names, layout) or not _kept_as_is(names, values, layout):
                continue
            in_order = tuple(name for name, _kind in layout)
            ordered = values if names == in_order else list(map(itemgetter(*in_order), rows))
            found = [seals.seal_of(table, row) for row in ordered]
            conn.execute(f"CREATE TABLE {table}{SEALS} (seal)")
            conn.executemany(f"INSERT INTO {table}{SEALS} (rowid, seal) VALUES (?, ?)", enumerate(found, 1))
            sums[table] = sum(int(seal, 16) for seal in found)
            if table == "complaints" and (added := tally_months.contributions(rows)) is not None:
                marks = ", ".join("?" for _ in tally_months.CONTRIBUTION_COLUMNS)
                conn.execute(f"CREATE TABLE {table}{TALLY} ({', '.join(tally_months.CONTRIBUTION_COLUMNS)})")
                conn.executemany(f"INSERT INTO {table}{TALLY} VALUES ({marks})", added)
                tallied.add(table)
        conn.execute("COMMIT")
        data = conn.serialize()
    except (OverflowError, UnicodeEncodeError, sqlite3.Error) as exc:
        raise Unstageable(str(exc)) from None
    finally:
        conn.close()
    return Staged(
        data,
        {t: names for t, (names, _rows) in tables.items()},
        {t: len(rows) for t, (_names, rows) in tables.items()},
        sums,
        frozenset(tallied),
    )


@contextmanager
def attached(db: Database) -> Iterator[None]:
    """The ``stage`` schema for the length of an import (leave it after the import's transaction has ended)."""
    db.execute(f"ATTACH DATABASE ':memory:' AS {STAGE}")
    try:
        yield
    finally:
        db.execute(f"DETACH DATABASE {STAGE}")


_LOADS = itertools.count(1_000)


def load(db: Database, staged: Staged) -> None:
    """The package's staged records in ``stage`` (replacing the previous package's; allowed inside a transaction).

    Every stage ``build`` makes has the same schema cookie (the count of its CREATE TABLEs), so SQLite took the
    statements the connection had prepared for the previous stage (``existing_rows``: the same SQL for every
    package) as still valid and ran them on the previous stage's table pages: a package of another size found
    none of its rows, or others. Each loaded stage gets a cookie of its own, and those statements are prepared
    again."""
    db.conn.deserialize(staged.data, name=STAGE)
    db.execute(f"PRAGMA {STAGE}.schema_version = {next(_LOADS)}")


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


def seal_new(db: Database, table: str, before: int, skip: list[int], count: int, staged: Staged) -> bool:
    """File the staged seals of the ``count`` rows ``insert_new`` just wrote past ``before`` (store/seals.py,
    ``adopt_staged``); False when the table was not sealed in the stage (its rows are resealed as usual)."""
    if table not in staged.seal_sums:
        return False
    skipped = 0
    if skip:
        chosen = f"SELECT seal FROM {STAGE}.{table}{SEALS} WHERE rowid IN (SELECT value FROM json_each(?))"
        skipped = sum(int(seal, 16) for (seal,) in db.execute(chosen, [json.dumps(skip)]))
    where, params = _new_rows(skip)
    source = f"SELECT s.rowid AS r, s.seal AS seal FROM {STAGE}.{table}{SEALS} AS s{where} ORDER BY s.rowid"
    total = staged.seal_sums[table] - skipped
    return seals.adopt_staged(db, table, before, count, source, params, total, numbered=not skip)


def add_tally(db: Database, table: str, staged: Staged) -> bool:
    """Add the staged rows' aggregates (all of them were just inserted, none skipped); False when the reader did not
    stage them (the rows are then added up from the register as usual)."""
    if table not in staged.tallied:
        return False
    tally_months.add_contributions(db, f"{STAGE}.{table}{TALLY}")
    return True
