"""Backups: on demand, daily and on exit; each copy checked after writing; restore that keeps the old file.

No acknowledged record is lost: a backup is an online copy of the committed register, verified before
it counts; a restore checks the chosen file, writes and checks the new register beside the old one, keeps
the old one beside it and swaps them with one rename.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from station_app import durable
from station_app.domain import roles
from station_app.domain.errors import RuleViolation
from station_app.services.session import Session
from station_app.store import backup as store
from station_app.store import evidence as evidence_store
from station_app.store import records

DEFAULT_KEEP = 10


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def keep_count(session: Session) -> int:
    value = records.get_setting(session.db, "backup_keep")
    return int(value) if value else DEFAULT_KEEP


def backup_now(session: Session, db_path: Path, folder: Path | None = None, *, prune: bool = True) -> dict[str, Any]:
    """Write a verified copy; in the backup folder keep only the newest ``backup_keep`` copies."""
    session.require(roles.READ)
    target_folder = folder or backup_folder(db_path)
    durable.remove_stale_parts(target_folder, ours=folder is None)  # a stick's folder: only by age
    stamp = session.clock().astimezone()
    target = store.write_copy(session.db, target_folder / store.backup_name(stamp))
    try:
        counts = store.check_file(target)
    except store.BackupError as exc:
        target.unlink(missing_ok=True)
        raise RuleViolation(f"备份写入后校验失败，已删除该备份：{exc}") from None
    copied = copy_evidence(session, db_path, target_folder)
    removed = []
    if prune and folder is None:
        for old in store.list_backups(target_folder)[keep_count(session) :]:
            old.unlink(missing_ok=True)
            removed.append(old.name)
    if folder is None:  # who took a copy, and when (a copy elsewhere is audited by backup_stick, its caller)
        with session.db.atomic():
            session.audit("backup", "register", target.name, after={"counts": counts, "removed": len(removed)})
    return {"path": str(target), "counts": counts, "removed": removed, "evidence_copied": copied}


def copy_evidence(session: Session, db_path: Path, target_folder: Path) -> int:
    """Evidence files the register refers to, copied beside the backup under their hashes (only new ones).

    The same content always has the same name, so each backup folder holds every file once.
    """
    source_root, target_root = evidence_store.folder(db_path), target_folder / "evidence"
    copied = 0
    for sha256, suffix in evidence_store.all_files(session.db):
        source = evidence_store.stored_path(source_root, sha256, suffix)
        if source.exists() and not evidence_store.stored_path(target_root, sha256, suffix).exists():
            written = evidence_store.store_file(source, target_root, sha256, suffix)
            if evidence_store.file_hash(written)[0] != sha256:
                written.unlink(missing_ok=True)
                raise RuleViolation(f"证据文件 {source.name} 复制到备份后校验不符（磁盘或U盘可能有问题）")
            copied += 1
    return copied


def restore_evidence(backup_folder_path: Path, db_path: Path) -> int:
    """Bring back evidence files kept beside a backup; a file whose content no longer matches its name is left."""
    source_root = backup_folder_path / "evidence"
    restored = 0
    for source in sorted(source_root.glob("*/*")) if source_root.is_dir() else []:
        sha256, suffix = source.stem, source.suffix
        if len(sha256) != 64 or evidence_store.file_hash(source)[0] != sha256:
            continue
        target = evidence_store.stored_path(evidence_store.folder(db_path), sha256, suffix)
        if not target.exists():
            evidence_store.store_file(source, evidence_store.folder(db_path), sha256, suffix)
            restored += 1
    return restored


def remove_stale_parts(db_path: Path) -> list[Path]:
    """At each start (command or window): partial files a killed run left beside the register, in its backups
    and its evidence folders (durable.remove_stale_parts says which are stale and why no live writer's is)."""
    evidence_root = evidence_store.folder(db_path)
    folders = [db_path.parent, backup_folder(db_path), evidence_root]
    folders += [p for p in evidence_root.glob("*") if p.is_dir()] if evidence_root.is_dir() else []
    return [removed for folder in folders for removed in durable.remove_stale_parts(folder)]


def daily_backup_if_due(session: Session, db_path: Path, today: date) -> dict[str, Any] | None:
    """The automatic backup: at most one a day (and one on exit, by the app)."""
    newest = store.list_backups(backup_folder(db_path))
    if newest and newest[0].name.startswith(f"{store.PREFIX}{today:%Y%m%d}"):
        return None
    return backup_now(session, db_path)


def check(path: Path, *, quick: bool = False) -> dict[str, int]:
    """Counts of an intact register; raises RuleViolation with the reason otherwise."""
    try:
        return store.check_file(path, quick=quick)
    except store.BackupError as exc:
        raise RuleViolation(str(exc)) from None


def newest_good_backup(db_path: Path) -> Path | None:
    for candidate in store.list_backups(backup_folder(db_path)):
        try:
            store.check_file(candidate)
        except store.BackupError:
            continue
        return candidate
    return None


def restore(db_path: Path, backup_file: Path, *, session: Session | None = None) -> dict[str, Any]:
    """Check ``backup_file`` and swap it in for the current register, which is kept beside it.

    A kill at any moment leaves the old register or the new one in place (store.replace_register).

    With a healthy current register the caller passes its logged-in ``session`` (station head only);
    a damaged register can be replaced without one (there is nothing left to protect).
    """
    if session is not None:
        session.require(roles.MANAGE)
    counts = check(backup_file)
    if session is not None:
        session.close()
    store.remove_stale_restore(db_path)
    try:
        aside = store.replace_register(backup_file, db_path, datetime.now())
    except store.BackupError as exc:
        raise RuleViolation(f"恢复的副本写入后校验失败，登记簿未改动：{exc}") from None
    evidence = restore_evidence(backup_file.parent, db_path)
    return {
        "restored_from": str(backup_file),
        "previous_kept_as": str(aside) if aside else None,
        "counts": counts,
        "evidence_restored": evidence,
    }
