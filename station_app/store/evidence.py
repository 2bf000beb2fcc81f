"""Evidence rows (which file belongs to which complaint) and the content-addressed file store.

A file is kept once under ``evidence/<2 hex>/<sha256><suffix>`` beside the register, whatever its name and
however many cases it is attached to: the name is the content's hash, so a copy is checked by hashing it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app import durable

if TYPE_CHECKING:
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
    durable.copy_file(source, target)
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


def _revision_sql(alias: str) -> str:
    # An attachment changes once at most (detached), so its "revision" is 1, or 2 once detached.
    return f"CASE WHEN {alias}.deleted_at IS NULL THEN 1 ELSE 2 END"


def export_rows(db: Database, *, since_last: bool) -> list[dict[str, Any]]:
    """Evidence rows for a package (with ``_revision`` for the sent-log); only unsent ones with ``since_last``."""
    cols = ", ".join(f"e.{c.strip()}" for c in COLUMNS.split(","))
    sql = f"SELECT {cols}, {_revision_sql('e')} AS _revision FROM evidence e"
    if since_last:
        sql += " LEFT JOIN exchange_sent s ON s.record_id = e.id"
        sql += f" WHERE s.record_id IS NULL OR s.revision != {_revision_sql('e')}"
    cursor = db.execute(sql + " ORDER BY e.pk")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def complaint_station(db: Database, complaint_id: str) -> str | None:
    row = db.execute("SELECT station_code FROM complaints WHERE id = ?", [complaint_id]).fetchone()
    return row[0] if row else None


def column_names() -> set[str]:
    return {c.strip() for c in COLUMNS.split(",")}


def set_detached(db: Database, evidence_id: str, deleted_at: str | None, reason: str | None) -> None:
    db.execute("UPDATE evidence SET deleted_at = ?, delete_reason = ? WHERE id = ?", [deleted_at, reason, evidence_id])


def rename(db: Database, evidence_id: str, file_name: str) -> None:
    db.execute("UPDATE evidence SET file_name = ? WHERE id = ?", [file_name, evidence_id])


def file_still_attached(db: Database, sha256: str) -> bool:
    """Whether a case still shows this file (the same content may be attached to someone else's case)."""
    row = db.execute("SELECT 1 FROM evidence WHERE sha256 = ? AND deleted_at IS NULL LIMIT 1", [sha256]).fetchone()
    return row is not None
