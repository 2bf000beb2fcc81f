import sqlite3

import pytest
from sqlite_utils.migrations import Migrations

from station_app.store import audit, database
from station_app.store.database import DatabaseDamaged, DatabaseTooNew, StoreError, open_database
from station_app.store.migrations import m001_register


def test_new_register_is_migrated_with_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "r.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"complaints", "consultations", "reports", "outreach_events", "warnings", "audit"} <= set(db.table_names())


def test_refuses_a_register_from_a_newer_version_and_leaves_it_untouched(tmp_path):
    path = tmp_path / "r.sqlite3"
    db = open_database(path)
    db["_sqlite_migrations"].insert({"migration_set": "station_app", "name": "m999_future", "applied_at": "x"})
    db.conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before


def test_refuses_a_file_that_is_not_a_register(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="不是本程序的数据库"):
        open_database(other)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseDamaged):
        open_database(garbage)


def test_missing_register_is_not_created_unless_asked(tmp_path):
    with pytest.raises(StoreError, match="init"):
        open_database(tmp_path / "none.sqlite3", create=False)
    assert not (tmp_path / "none.sqlite3").exists()


def test_backup_copy_before_migrating(tmp_path, monkeypatch):
    from station_app.store import migrations as real

    path = tmp_path / "r.sqlite3"
    first = Migrations("station_app")
    first()(m001_register)
    monkeypatch.setattr(database, "migration_set", lambda: first)
    monkeypatch.setattr(database, "known_names", lambda: ["m001_register"])
    open_database(path).conn.close()  # a register made by the first release

    newer = Migrations("station_app")
    for step in real.migration_set()._migrations:
        newer(name=step.name)(step.fn)

    @newer()
    def m999_extra(db):
        db.execute("CREATE TABLE extra (x)")

    monkeypatch.setattr(database, "migration_set", lambda: newer)
    monkeypatch.setattr(database, "known_names", lambda: [m.name for m in newer._migrations])
    db = open_database(path)
    assert "extra" in db.table_names()
    assert "已升级" in db.upgrade_note
    backups = list(tmp_path.glob("r.sqlite3.before-*.bak*"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert "extra" not in [r[0] for r in copy.execute("SELECT name FROM sqlite_master")]


def test_failed_migration_leaves_nothing_half_done(tmp_path, monkeypatch):
    broken = Migrations("station_app")

    @broken()
    def m001_register(db):
        db.execute("CREATE TABLE half (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(database, "migration_set", lambda: broken)
    with pytest.raises(RuntimeError):
        open_database(tmp_path / "r.sqlite3")
    conn = sqlite3.connect(tmp_path / "r.sqlite3")
    assert "half" not in [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]


def test_audit_chain_detects_edits_and_deletions(tmp_path):
    db = open_database(tmp_path / "r.sqlite3")
    for i in range(5):
        audit.append(
            db,
            at="2026-11-23T09:00:00+00:00",
            actor="王",
            action="create",
            entity="complaint",
            entity_id=f"id{i}",
            after={"n": i},
        )
    assert audit.verify(db) == []
    db.execute("UPDATE audit SET after = '{\"n\": 99}' WHERE pk = 3")
    assert any("第 3 条" in p for p in audit.verify(db))
    db.execute("UPDATE audit SET after = '{\"n\": 2}' WHERE pk = 3")
    db.execute("DELETE FROM audit WHERE pk = 2")
    assert any("第 3 条" in p and "删除" in p for p in audit.verify(db))


def test_an_up_to_date_register_opens_without_importing_sqlite_utils(tmp_path):
    """The window's start: sqlite-utils (80 ms of imports) is loaded after the workbench is painted."""
    import subprocess
    import sys

    open_database(tmp_path / "r.sqlite3").conn.close()
    script = (
        "import sys; from station_app.store.database import open_database; "
        f"db = open_database({str(tmp_path / 'r.sqlite3')!r}); "
        "row = next(db.query('SELECT count(*) AS n FROM meta')); "
        "print('sqlite_utils' in sys.modules, type(db).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "LazyDatabase"]


def test_the_lazy_connection_becomes_the_database_it_stands_for(tmp_path):
    from sqlite_utils import Database

    db = open_database(tmp_path / "r.sqlite3")
    db.conn.close()
    db = open_database(tmp_path / "r.sqlite3")
    conn = db.conn
    assert db.execute("SELECT count(*) FROM meta").fetchone() == (0,)
    assert db["meta"].count == 0  # the first use of sqlite-utils' API
    assert isinstance(db, Database) and db.conn is conn
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert db.execute("PRAGMA recursive_triggers").fetchone() == (1,)
