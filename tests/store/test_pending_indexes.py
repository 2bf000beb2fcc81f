"""Indexes a big import left pending (store/pending_indexes.py): built one per transaction, whatever stops a build,
and always before a new migration."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.services import demo
from station_app.services.session import Session
from station_app.store import bulk, database, migrations, pending_indexes
from station_app.store import county_search as index_store
from tests.conftest import TODAY

SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'complaints' ORDER BY name"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pending_register(tmp_path):
    """A register whose complaints' secondary indexes a big import left pending; and its schema with them."""
    path = tmp_path / "register.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 40, TODAY, seed=2)
    schema = session.db.execute(SCHEMA).fetchall()
    with bulk.ImportBatch(session.db, defer_indexes=True):
        pass
    assert len(pending_indexes.pending(session.db)) >= 5
    session.close()
    return path, schema


def secondary(db) -> list[str]:
    return [name for _type, name, sql in db.execute(SCHEMA).fetchall() if _type == "index" and sql]


def test_an_error_between_two_indexes_keeps_the_first_and_the_next_build_finishes(pending_register, monkeypatch):
    path, schema = pending_register
    db = database.open_database(path, create=False)
    listed = pending_indexes.pending(db)
    writes = []
    real = pending_indexes._write

    def failing(db, rest):
        writes.append(rest)
        if len(writes) == 2:  # the second index made, not yet taken off the list: the power cut
            raise OSError("disk gone")
        real(db, rest)

    monkeypatch.setattr(pending_indexes, "_write", failing)
    with pytest.raises(OSError):
        pending_indexes.build_all(db)
    assert secondary(db) == [listed[0][0]]  # the first built, the second rolled back with its transaction
    assert pending_indexes.pending(db) == listed[1:] and not db.conn.in_transaction
    monkeypatch.setattr(pending_indexes, "_write", real)
    assert pending_indexes.build_all(db) == len(listed) - 1
    assert db.execute(SCHEMA).fetchall() == schema and pending_indexes.pending(db) == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.conn.close()


KILLED = """
import os, signal, sys
from station_app.store import database, pending_indexes
db = database.open_database(sys.argv[1], create=False)
real, calls = pending_indexes._write, []
def killed(db, rest):
    calls.append(1)
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # inside the third index's transaction, its index made
    real(db, rest)
pending_indexes._write = killed
pending_indexes.build_all(db)
"""


def test_a_build_killed_half_way_loses_nothing_and_repeats_nothing(pending_register):
    path, schema = pending_register
    db = database.open_database(path, create=False)
    listed = pending_indexes.pending(db)
    db.conn.close()
    run = subprocess.run([sys.executable, "-c", KILLED, str(path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == -signal.SIGKILL, run.stderr
    db = database.open_database(path, create=False)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sorted(secondary(db)) == sorted(name for name, _sql in listed[:2])
    assert pending_indexes.pending(db) == listed[2:]
    assert pending_indexes.build_all(db) == len(listed) - 2
    assert db.execute(SCHEMA).fetchall() == schema
    db.conn.close()


def test_pending_indexes_are_built_before_a_new_migration(pending_register, monkeypatch):
    path, schema = pending_register
    seen = []

    def m999_later_step(db) -> None:  # a later release's step that changes an index
        seen.append(sorted(secondary(db)))
        db.execute("DROP INDEX complaints_closed")
        db.execute("CREATE INDEX complaints_closed ON complaints(closed_on, station_code)")

    steps = [*migrations._STEPS, m999_later_step]
    monkeypatch.setattr(migrations, "_STEPS", steps)
    monkeypatch.setattr(database, "known_names", lambda: [fn.__name__ for fn in steps])
    migrations.migration_set.cache_clear()
    try:
        db = database.open_database(path, create=False)
    finally:
        migrations.migration_set.cache_clear()
    assert seen == [sorted(name for _type, name, sql in schema if _type == "index" and sql)]
    assert pending_indexes.pending(db) == []  # not made again over the step's own
    assert "closed_on, station_code" in dict((n, s) for _t, n, s in db.execute(SCHEMA))["complaints_closed"]
    db.conn.close()


def test_an_up_to_date_register_opens_without_building_them(pending_register):
    path, _schema = pending_register
    db = database.open_database(path, create=False)
    assert secondary(db) == [] and pending_indexes.pending(db) != []  # the window's background build does it
    db.conn.close()


def test_a_county_never_builds_the_stations_short_text_index_left_pending(pending_register):
    path, _schema = pending_register
    db = database.open_database(path, create=False)
    assert index_store.SHORT_TEXT_INDEX in dict(pending_indexes.pending(db))
    with db.atomic():
        assert index_store.keep_short_text_index(db, False)  # the register becomes a county's
    assert index_store.SHORT_TEXT_INDEX not in dict(pending_indexes.pending(db))
    pending_indexes.build_all(db)
    assert not index_store.short_text_index_present(db)
    with db.atomic():
        assert index_store.keep_short_text_index(db, True)  # a station's again: made from the SQL kept
    assert index_store.short_text_index_present(db)
    db.conn.close()


def test_indexed_by_names_an_index_only_while_it_is_there(pending_register):
    path, _schema = pending_register
    db = database.open_database(path, create=False)
    assert pending_indexes.indexed_by(db, "complaints_tally") == ""
    pending_indexes.build_all(db)
    assert pending_indexes.indexed_by(db, "complaints_tally") == "INDEXED BY complaints_tally"
    assert db.execute("SELECT count(*) FROM meta WHERE key = ?", [pending_indexes.KEY]).fetchone() == (0,)
    db.conn.close()
