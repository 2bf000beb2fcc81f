"""A county's search index: the words of each case (domain/search_grams.py) in an FTS5 table, built after imports.

Merging a county's packages does not touch it (that is what kept the import within 2× of a plain insert): the
index knows the cases up to a row number (``meta``: ``county_search_upto``), and is brought up to date afterwards
in chunks (services/county_search.py), beside the window. A case changed or deleted after it was indexed is listed
by a trigger with its values as indexed (``county_search_stale``), so that its old words can be taken out (the
table keeps no copy of the text: ``content=''``, and only which cases hold a word: ``detail='none'``, a few bytes a
word). A search reads the index for the cases it knows and the register itself for the few it does not
(store/complaints.py): the answer is the same before, during and after a build, only faster.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from station_app.store import pending_indexes, records

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "county_search"
STALE = "county_search_stale"
UPTO = "county_search_upto"
SHORT = ("number", "consumer_name", "consumer_phone", "business_name", "subject", "search_initials")
INDEXED = (*SHORT, "facts")
# Every character but spaces and controls belongs to a word: a word of a number such as "J-2" stays whole.
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co Cf Cn Cs'"
_WATERMARK = f"(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{UPTO}')"
_OLD = ", ".join(f"old.{c}" for c in INDEXED)


def _schema() -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(words, content='', detail='none', tokenize=\"{TOKENIZER}\")",
        f"CREATE TABLE {STALE} (pk INTEGER PRIMARY KEY, {', '.join(INDEXED)}, deleted_at)",
        # The first change after indexing keeps the values as indexed (OR IGNORE): those are the words to take out.
        f"CREATE TRIGGER {TABLE}_changed AFTER UPDATE OF {', '.join(INDEXED)}, deleted_at ON complaints"
        f" WHEN old.pk <= {_WATERMARK}"
        f" BEGIN INSERT OR IGNORE INTO {STALE} VALUES (old.pk, {_OLD}, old.deleted_at); END",
        f"CREATE TRIGGER {TABLE}_deleted AFTER DELETE ON complaints WHEN old.pk <= {_WATERMARK}"
        f" BEGIN INSERT OR IGNORE INTO {STALE} VALUES (old.pk, {_OLD}, old.deleted_at); END",
    ]


SHORT_TEXT_INDEX = "complaints_short_text"  # the station's covering index for 1–2 character terms
SHORT_TEXT_SAVED = "short_text_index_sql"


def keep_short_text_index(db: Database, keep: bool) -> bool:
    """A county's register does without the station's covering index of the short fields (its index of words
    answers those terms; building the covering index was a tenth of a million-case import): dropped with its SQL
    kept in ``meta``, made again when the register is a station's once more. True when something changed."""
    there = _schema_sql(db, SHORT_TEXT_INDEX)
    if keep and there is None:
        saved = records.get_setting(db, SHORT_TEXT_SAVED)
        if saved is None:
            return False
        db.execute(saved)
        db.execute("DELETE FROM meta WHERE key = ?", [SHORT_TEXT_SAVED])
        return True
    if not keep and there is not None:
        records.set_setting(db, SHORT_TEXT_SAVED, there)
        db.execute(f"DROP INDEX {SHORT_TEXT_INDEX}")
        return True
    if not keep and (listed := pending_indexes.forget(db, SHORT_TEXT_INDEX)) is not None:
        records.set_setting(db, SHORT_TEXT_SAVED, listed)  # left pending by a big import: never built, only kept
        return True
    return False


def _schema_sql(db: Database, name: str) -> str | None:
    """The SQL that made a table or index of the register, None when there is none (an FTS5 table's is there)."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()
    return None if row is None else row[0]


def short_text_index_present(db: Database) -> bool:
    return _schema_sql(db, SHORT_TEXT_INDEX) is not None


def present(db: Database) -> bool:
    return _schema_sql(db, TABLE) is not None


def create(db: Database) -> bool:
    """An empty index knowing no case (in the caller's transaction); False when there is one."""
    if present(db):
        return False
    for sql in _schema():
        db.execute(sql)
    _set_upto(db, 0)
    return True


def drop(db: Database) -> bool:
    """Drop the index (a register that is a station's again, or erased personal data: its words are gone)."""
    if not present(db):
        return False
    for sql in (
        f"DROP TRIGGER IF EXISTS {TABLE}_changed",
        f"DROP TRIGGER IF EXISTS {TABLE}_deleted",
        f"DROP TABLE IF EXISTS {STALE}",
        f"DROP TABLE {TABLE}",
    ):
        db.execute(sql)
    db.execute("DELETE FROM meta WHERE key = ?", [UPTO])
    return True


def _set_upto(db: Database, pk: int) -> None:
    records.set_setting(db, UPTO, str(pk))


def upto(db: Database) -> int:
    return int(records.get_setting(db, UPTO) or 0)


def cases(db: Database) -> int:
    """Every case of the register (what an index not there yet has to take in)."""
    return db.execute("SELECT count(*) FROM complaints").fetchone()[0]


def waiting(db: Database) -> int:
    """How many cases the index does not know as they are now (new since the last build, or changed)."""
    if not present(db):
        return 0
    newest = db.execute("SELECT count(*) FROM complaints WHERE pk > ?", [upto(db)]).fetchone()[0]
    return newest + db.execute(f"SELECT count(*) FROM {STALE}").fetchone()[0]


def stale(db: Database, limit: int) -> list[dict[str, Any]]:
    """Changed cases: their values as indexed (``old``) and as they are now (``now``, None when deleted), each in
    ``INDEXED`` order as ``new_cases`` gives them."""
    now_columns = ", ".join(f"c.{col}" for col in INDEXED)
    cursor = db.execute(
        f"SELECT s.pk, {', '.join(f's.{col}' for col in INDEXED)}, s.deleted_at, c.pk, {now_columns}, c.deleted_at"
        f" FROM {STALE} AS s LEFT JOIN complaints AS c ON c.pk = s.pk ORDER BY s.pk LIMIT ?",
        [limit],
    )
    width = len(INDEXED) + 1
    changed = []
    for pk, *values in cursor:
        old, now = values[:width], values[width:]
        changed.append(
            {
                "pk": pk,
                "old": None if old[-1] is not None else tuple(old[:-1]),
                "now": None if now[0] is None or now[-1] is not None else tuple(now[1:-1]),
            }
        )
    return changed


def new_cases(db: Database, after: int, limit: int) -> tuple[list[tuple[Any, ...]], int]:
    """The next cases past row ``after`` (deleted ones are never indexed) as (pk, *INDEXED), and the last row
    number looked at."""
    rows = db.execute(
        f"SELECT pk, deleted_at, {', '.join(INDEXED)} FROM complaints WHERE pk > ? ORDER BY pk LIMIT ?",
        [after, limit],
    ).fetchall()
    last = rows[-1][0] if rows else after
    return [(pk, *values) for pk, deleted_at, *values in rows if deleted_at is None], last


def write(
    db: Database,
    removed: Iterable[tuple[int, str]],
    added: Iterable[tuple[int, str]],
    done: Iterable[int],
    new_upto: int | None,
) -> None:
    """Take words out, put words in, strike changed cases done off the list, and move the watermark."""
    db.conn.executemany(f"INSERT INTO {TABLE} ({TABLE}, rowid, words) VALUES ('delete', ?, ?)", removed)
    db.conn.executemany(f"INSERT INTO {TABLE} (rowid, words) VALUES (?, ?)", added)
    db.conn.executemany(f"DELETE FROM {STALE} WHERE pk = ?", ((pk,) for pk in done))
    if new_upto is not None:
        _set_upto(db, new_upto)


def hits(match: str) -> tuple[str, list[Any]]:
    """The SQL (and its parameters) of the cases the index knows to hold the words of ``match``; a case changed
    since it was indexed is left to the register (``unknown``)."""
    return (
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? AND rowid NOT IN (SELECT pk FROM {STALE})",
        [match],
    )


def unknown() -> tuple[str, list[Any]]:
    """The condition choosing the cases the index does not know as they are (searched in the register)."""
    return f"(pk > {_WATERMARK} OR pk IN (SELECT pk FROM {STALE}))", []


def count(match: str) -> tuple[str, list[Any]]:
    return f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH ?", [match]
