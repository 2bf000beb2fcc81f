"""Opening the register database: location, pragmas, version checks, backup, migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from station_app.store.migrations import MIGRATION_SET, known_names, migrations


class StoreError(RuntimeError):
    """The database cannot be used; the message (Chinese) tells the user what to do."""


class DatabaseTooNew(StoreError):
    pass


class DatabaseDamaged(StoreError):
    pass


def connect(path: Path | str) -> Database:
    """A connection with the pragmas every connection must have (no migrations run)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None)  # transactions are explicit (db.atomic)
    # No sqlite-utils plugins: nothing installed beside the app may hook into the register's connection
    # (and looking them up cost a fifth of the window's start).
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
    # FULL: a save the app has acknowledged survives a power cut, not only a crash.
    db.execute("PRAGMA synchronous = FULL")
    return db


def applied_migrations(db: Database) -> list[str]:
    if not db["_sqlite_migrations"].exists():
        return []
    return [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and if needed create or migrate) the register at ``path``.

    Refuses a file that is not a register, that is damaged, or that a newer release made.
    Before migrating an existing register, a backup copy is written beside it.
    """
    path_text = str(path)
    exists = path_text == ":memory:" or Path(path).exists()
    if not exists and not create:
        raise StoreError(f"找不到数据库文件：{path}（请先运行 station-app init）")
    try:
        db = connect(path)
        applied = applied_migrations(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"数据库文件已损坏或不是本程序的数据库：{path}（{exc}）") from None
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        db.conn.close()
        raise DatabaseTooNew(
            f"该数据库由更新版本的程序创建（包含本版本不认识的结构：{', '.join(unknown)}），"
            "请安装最新版本的程序后再打开；为保护数据，本版本不会修改它。"
        )
    if exists and path_text != ":memory:" and not applied and _has_user_tables(db):
        db.conn.close()
        raise StoreError(f"该文件不是本程序的数据库：{path}")
    pending = migrations.pending(db)
    if pending and applied and path_text != ":memory:":
        copy = backup_copy(db, Path(path).with_name(f"{Path(path).name}.before-{pending[0].name}.bak"))
        migrations.apply(db)
        # Said to the user (CLI on stderr, the app in a message): the register changed shape.
        db.upgrade_note = (  # type: ignore[attr-defined]
            f"登记簿已升级到新版本的数据结构（{len(applied)} → {len(known_names())}），升级前的副本：{copy}"
        )
        return db
    migrations.apply(db)
    return db


def _has_user_tables(db: Database) -> bool:
    return any(not name.startswith("sqlite_") for name in db.table_names())


def backup_copy(db: Database, target: Path) -> Path:
    """A consistent copy through SQLite's online backup (safe while the register is open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = target.with_name(f"{target.name}.{stamp}")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target
