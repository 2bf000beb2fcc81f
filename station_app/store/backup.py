"""Backup copies of the register: SQLite's online backup, checked after writing; checks and restore."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from station_app import durable
from station_app.store import failures
from station_app.store.migrations import MIGRATION_SET, known_names

if TYPE_CHECKING:
    from sqlite_utils import Database

SUFFIX = ".sqlite3"
PREFIX = "register-"
RESTORING = ".restoring"  # the new register, written and checked beside the old one before the swap
ASIDE = ".before-restore-"  # the old register kept beside the new one after a restore


class BackupError(RuntimeError):
    """The file cannot serve as a backup; the message says why, in Chinese."""


def write_copy(db: Database, target: Path) -> Path:
    """A consistent copy while the register stays open (the online backup API), flushed to disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = durable.partial_path(target)  # named by this process: a later run knows whose it was
    try:
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dest.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)  # a half copy (a full disk) is not left behind as big as the register
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
        raise failures.explain(exc, target.parent) or exc from None
    return target


def check_file(path: Path, *, quick: bool = False) -> dict[str, int]:
    """Open ``path`` read-only and check it is an intact register this version can read.

    Returns its record counts; raises BackupError with the reason otherwise.
    """
    if not path.is_file():
        raise BackupError(f"找不到文件：{path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"无法打开：{exc}") from None
    try:
        pragma = "quick_check" if quick else "integrity_check"
        result = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
        if result != ["ok"]:
            raise BackupError(f"文件已损坏：{'；'.join(result[:3])}")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" not in names or "complaints" not in names:
            raise BackupError("不是本程序的登记簿文件")
        applied = [
            r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        ]
        newer = [n for n in applied if n not in known_names()]
        if newer:
            raise BackupError("该文件由更新版本的程序创建，本版本不能使用")
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("complaints", "consultations", "reports", "outreach_events", "warnings", "audit")
        }
    except sqlite3.DatabaseError as exc:
        # Another program writing, or a folder SQLite cannot make its -shm in, is not a damaged file.
        plain = failures.explain(exc, path)
        if plain is not None:
            raise plain from None
        raise BackupError(f"文件已损坏或不是数据库：{exc}") from None
    finally:
        conn.close()


def backup_name(stamp: datetime) -> str:
    return f"{PREFIX}{stamp:%Y%m%d-%H%M%S}{SUFFIX}"


def list_backups(folder: Path) -> list[Path]:
    """Newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def replace_register(copy_from: Path, path: Path, stamp: datetime) -> Path | None:
    """Put a verified copy of ``copy_from`` at ``path``; the current register is kept beside it (returned).

    At every moment ``path`` holds the old register or the new one, never nothing and never half of one: the
    new copy is written and checked beside the old first (``.restoring``), the old one is copied aside with its
    write-ahead log, and one rename swaps them. A kill at any step leaves a register that opens.
    """
    staged = path.with_name(path.name + RESTORING)
    durable.copy_file(copy_from, staged)
    check_file(staged)  # a copy that does not read back is never swapped in
    aside = None
    if path.exists():
        _checkpoint(path)  # a healthy register's log emptied into its file first: nothing waits in the -wal
        aside = path.with_name(f"{path.name}{ASIDE}{stamp:%Y%m%d-%H%M%S}")
        durable.copy_file(path, aside)
        for extra in ("-wal", "-shm"):
            side = path.with_name(path.name + extra)
            if side.exists():
                if extra == "-wal":
                    durable.copy_file(side, aside.with_name(aside.name + extra))
                # The old log must not be replayed into the new file (that corrupts it): it goes before the swap.
                side.unlink()
    os.replace(staged, path)
    durable.sync_folder(path.parent)
    return aside


def set_aside_copies(path: Path) -> list[Path]:
    """Registers kept beside ``path`` by earlier restores, newest first."""
    return sorted(path.parent.glob(f"{path.name}{ASIDE}*[0-9]"), reverse=True)


def remove_stale_restore(path: Path) -> None:
    """A copy staged by a restore that was killed before its swap: useless, and as big as the register."""
    path.with_name(path.name + RESTORING).unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # a damaged register is copied aside as it is
