"""Backups that leave the station (a USB stick): sealed with a password unless the user chooses otherwise.

The copy is made and checked exactly like every backup (services/backup.py), then sealed
(formats/sealed_backup.py), then opened again and checked before the user is told it is safe.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from station_app.domain import roles
from station_app.domain.errors import RuleViolation
from station_app.formats import sealed_backup as sealed
from station_app.services import backup, volumes
from station_app.services.session import Session
from station_app.store import failures


def is_sealed(path: Path) -> bool:
    """A password-sealed backup (.stbak): restoring it asks for its password."""
    return sealed.is_sealed(path)


def backup_to(
    session: Session, db_path: Path, folder: Path, password: str | None, device: int | None = None
) -> dict[str, Any]:
    """A verified backup in ``folder``: sealed with ``password``; in clear only when it is None.

    The whole register leaves the station: only a user who may hand data over (the exchange permission) may
    do it, never a viewer, and the audit trail records who took which copy where. ``device``: the stick's
    device id when chosen; the folder must still be on it when written and after the check (services/volumes.py),
    and it is never created (a pulled stick's empty mount folder is not the stick).
    """
    session.require(roles.EXCHANGE)
    if not folder.is_dir():  # a stick not plugged in: never a new folder of that name on the station's own disk
        raise failures.missing_folder(folder)
    volumes.recheck(folder, device)
    result = _backup_to(session, db_path, folder, password)
    if device is not None and os.stat(result["path"]).st_dev != device:
        raise RuleViolation("备份写入后发现已不在选择的那个U盘上：请插好U盘后重新备份")
    with session.db.atomic():
        copy = {"file": Path(result["path"]).name, "folder": str(folder), "encrypted": result["encrypted"]}
        session.audit("backup", "register", Path(result["path"]).name, after=copy)
    return result


def _backup_to(session: Session, db_path: Path, folder: Path, password: str | None) -> dict[str, Any]:
    if password is None:
        result = backup.backup_now(session, db_path, folder)
        return {**result, "encrypted": False}
    try:
        sealed.check_password(password)
    except sealed.SealError as exc:
        raise RuleViolation(str(exc)) from None
    with tempfile.TemporaryDirectory(prefix="station-backup-", dir=db_path.parent) as work:
        plain_folder = Path(work) / "plain"
        plain = backup.backup_now(session, db_path, plain_folder, prune=False)
        name = Path(plain["path"]).name
        target = folder / (Path(name).stem + sealed.SUFFIX)
        sealed.seal_folder(plain_folder, target, password)
        try:
            counts = _open_and_check(target, password, Path(work) / "check")[1]
        except RuleViolation as exc:
            target.unlink(missing_ok=True)
            raise RuleViolation(f"加密备份写入后校验失败，已删除：{exc}") from None
    return {"path": str(target), "counts": counts, "removed": [], "encrypted": True}


def _open_and_check(source: Path, password: str, folder: Path) -> tuple[Path, dict[str, int]]:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        names = sealed.open_sealed(source, folder, password)
    except sealed.SealError as exc:
        raise RuleViolation(str(exc)) from None
    registers = [n for n in names if n.endswith(".sqlite3") and "/" not in n]
    if len(registers) != 1:
        raise RuleViolation("加密备份里没有登记簿文件，无法恢复")
    copy = folder / registers[0]
    return copy, backup.check(copy)


def restore_from(db_path: Path, source: Path, password: str | None, *, session: Session | None = None) -> dict:
    """Restore a plain or sealed backup file (a sealed one needs its password)."""
    if not sealed.is_sealed(source):
        return backup.restore(db_path, source, session=session)
    if password is None:
        raise RuleViolation("这是加密备份，恢复需要备份时设的密码")
    if session is not None:
        session.require(roles.MANAGE)
    work = Path(tempfile.mkdtemp(prefix="station-restore-", dir=db_path.parent))
    try:
        copy, _counts = _open_and_check(source, password, work)
        result = backup.restore(db_path, copy, session=session)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {**result, "restored_from": str(source)}
