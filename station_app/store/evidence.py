"""Evidence rows (which file belongs to which complaint) and the content-addressed file store.

A file is kept once under ``evidence/<2 hex>/<sha256><suffix>`` beside the register, whatever its name and
however many cases it is attached to: the name is the content's hash, so a copy is checked by hashing it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from sqlite_utils import Database

COLUMNS = "id, complaint_id, sha256, file_name, suffix, size, label, added_at, added_by, deleted_at, delete_reason"


def folder(register: Path) -> Path:
    return register.parent / "evidence"


def stored_path(root: Path, sha256: str, suffix: str) -> Path:
    return root / sha256[:2] / f"{sha256}{suffix}"


def file_hash(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def store_file(source: Path, root: Path, sha256: str, suffix: str) -> Path:
    """Copy ``source`` in under its hash (temporary name, flushed, renamed); nothing to do when present."""
    target = stored_path(root, sha256, suffix)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        with source.open("rb") as src, partial.open("wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def insert(db: Database, row: dict[str, Any]) -> None:
    names = list(row)
    db.execute(f"INSERT INTO evidence ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})", row)


def for_complaint(db: Database, complaint_id: str) -> list[dict[str, Any]]:
    cursor = db.execute(
        f"SELECT {COLUMNS} FROM evidence WHERE complaint_id = ? AND deleted_at IS NULL ORDER BY pk", [complaint_id]
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def get(db: Database, evidence_id: str) -> dict[str, Any] | None:
    cursor = db.execute(f"SELECT {COLUMNS} FROM evidence WHERE id = ?", [evidence_id])
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    return dict(zip(names, row, strict=True)) if row else None


def mark_deleted(db: Database, evidence_id: str, at: str, reason: str) -> None:
    db.execute("UPDATE evidence SET deleted_at = ?, delete_reason = ? WHERE id = ?", [at, reason, evidence_id])


def all_files(db: Database) -> list[tuple[str, str]]:
    """(sha256, suffix) of every file the register refers to (deleted attachments' files are kept too)."""
    return db.execute("SELECT DISTINCT sha256, suffix FROM evidence").fetchall()
