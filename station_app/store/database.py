"""Opening the register database: location, pragmas, version checks, backup, migrations."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.store import failures, pending_indexes, seals
from station_app.store.failures import StoreError
from station_app.store.migrations import MIGRATION_SET, known_names, migration_set

if TYPE_CHECKING:
    from sqlite_utils import Database


class DatabaseTooNew(StoreError):
    pass


class DatabaseDamaged(StoreError):
    pass


class LazyDatabase:
    """sqlite-utils' Database over the register's connection, made on the first use of its API.

    Importing sqlite-utils takes 80 ms (click, dateutil, pluggy), a third of the app's start-up budget, and
    the window's first figures need nothing but plain queries. Until something asks for more than
    ``conn``, ``execute`` or ``query``, this object answers them itself; then it turns, in place, into the
    Database it stands for (same object, same connection: every holder of it sees the change).
    ``execute`` is the connection's own: in autocommit mode (isolation_level None, transactions explicit)
    that is exactly what Database.execute does.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters if parameters is not None else ())

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            return self.become_database().query(sql, params)
        cursor = self.conn.execute(sql, params if params is not None else ())
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def become_database(self) -> Database:
        from sqlite_utils import Database

        self.__class__ = _register_class()  # type: ignore[assignment]  # same object: holders keep their reference
        # No sqlite-utils plugins: nothing installed beside the app may hook into the register's connection.
        Database.__init__(self, self.conn, execute_plugins=False)  # type: ignore[arg-type]
        return self  # type: ignore[return-value]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.become_database(), name)

    def __getitem__(self, table: str) -> Any:
        return self.become_database()[table]

    def __enter__(self) -> Database:
        return self.become_database()

    def __exit__(self, *exc: object) -> None:
        self.become_database().__exit__(*exc)


@functools.cache
def _register_class() -> type:
    """sqlite-utils' Database whose ``atomic()`` takes the write lock when it begins (BEGIN IMMEDIATE).

    With sqlite-utils' plain BEGIN a use case reads first and asks for the write lock at its first write; if
    another program holds it then, SQLite answers "database is locked" at once (waiting could not help a read
    snapshot that the other write makes stale), without the busy timeout's wait. Taken at BEGIN, the lock is
    waited for (failures.BUSY_SECONDS) like any other, and only then reported as another program writing.
    """
    from sqlite_utils import Database

    class RegisterDatabase(Database):
        @contextlib.contextmanager
        def atomic(self) -> Iterator[Database]:
            if self.conn.in_transaction:  # nested: sqlite-utils' savepoint
                with Database.atomic(self) as db:
                    yield db
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.rollback()  # a no-op when the error already ended the transaction
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    return RegisterDatabase


def connect(path: Path | str) -> Database:
    """A connection with the pragmas every connection must have (no migrations run)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None)  # transactions are explicit (db.atomic)
    db: Database = LazyDatabase(conn)  # type: ignore[assignment]  # it becomes one on first need
    db.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, whether or not it is made yet
    db.execute("PRAGMA foreign_keys = ON")
    # A write waits this long for another program's write (the window and a command at once) before "locked".
    db.execute(f"PRAGMA busy_timeout = {failures.BUSY_SECONDS * 1000}")
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
    # FULL: a save the app has acknowledged survives a power cut, not only a crash.
    db.execute("PRAGMA synchronous = FULL")
    return db


def applied_migrations(db: Database) -> list[str]:
    exists = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    if db.execute(exists).fetchone() is None:
        return []
    return [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and if needed create or migrate) the register at ``path``.

    Refuses a file that is not a register, that is damaged, or that a newer release made.
    Before migrating an existing register, a backup copy is written beside it. The connection lists the
    records it changes, to be resealed by the next audit entry (store/seals.py).
    """
    db = _open(path, create=create)
    seals.track(db)
    return db


def _open(path: Path | str, *, create: bool) -> Database:
    path_text = str(path)
    exists = path_text == ":memory:" or Path(path).exists()
    if not exists and not create:
        kept = sorted(Path(path).parent.glob(f"{Path(path).name}.before-restore-*[0-9]"), reverse=True)
        if kept:  # a register was kept aside by a restore: put it back, never start an empty one
            raise StoreError(
                f"找不到数据库文件：{path}。发现恢复前另存的登记簿 {kept[0].name}："
                f"请运行 station-app restore {kept[0]} 把它放回（不要运行 init，那会新建一个空登记簿）"
            )
        raise StoreError(f"找不到数据库文件：{path}（请先运行 station-app init）")
    try:
        db = connect(path)
        applied = applied_migrations(db)
    except (sqlite3.DatabaseError, OSError) as exc:
        # A read-only folder, a full disk or another program's write is not damage: never invite a restore then.
        plain = failures.explain(exc, path)
        if plain is not None:
            raise plain from None
        if isinstance(exc, OSError):
            raise
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
    if set(applied) >= set(known_names()):
        return db  # up to date: sqlite-utils' Migrations not needed (nor imported)
    migrations = migration_set()
    pending = migrations.pending(db)
    if pending and applied:
        # Indexes a big import left to be built are made first, as the steps they were written for expect: a later
        # step may change or drop one (store/pending_indexes.py).
        pending_indexes.build_all(db)
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
    names = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return any(not name.startswith("sqlite_") for (name,) in names)


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
