"""Evidence attached to a complaint: invoices, receipts, 三包凭证, chat screenshots, photos (copied in, hashed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station_app.domain import roles
from station_app.domain.errors import NotFound, Problem, RuleViolation, ValidationError
from station_app.services.complaint_views import get_case
from station_app.services.session import Session
from station_app.store import evidence as store

SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".pdf", ".heic", ".tif", ".tiff"}
MAX_BYTES = 20 * 1024 * 1024
LABELS = ("发票", "收据", "三包凭证", "合同", "聊天截图", "照片", "其他")


def _root(session: Session) -> Path:
    if session.path is None:
        raise RuleViolation("这个登记簿没有数据文件夹，不能保存证据文件")
    return store.folder(session.path)


def attach(session: Session, ref: str, source: Path, label: str = "其他") -> dict[str, Any]:
    """Copy ``source`` into the register's evidence folder and attach it to the complaint ``ref``."""
    session.require(roles.WRITE)
    case = get_case(session, ref)
    source = Path(source)
    suffix = source.suffix.lower()
    problems = []
    if suffix not in SUFFIXES:
        problems.append(Problem("file", "证据文件", f"只能附加图片或 PDF（{'、'.join(sorted(SUFFIXES))}）"))
    if label not in LABELS:
        problems.append(Problem("label", "证据类型", f"可选：{'、'.join(LABELS)}"))
    if not source.is_file():
        problems.append(Problem("file", "证据文件", f"找不到文件：{source}"))
    elif source.stat().st_size > MAX_BYTES:
        problems.append(
            Problem("file", "证据文件", f"文件太大（超过 {MAX_BYTES // (1024 * 1024)} MB），请压缩或拍小一些")
        )
    if problems:
        raise ValidationError(problems)
    sha256, size = store.file_hash(source)
    store.store_file(source, _root(session), sha256, suffix)  # before the row: a row never lacks its file
    row = {
        "id": session.new_id(),
        "complaint_id": case["id"],
        "sha256": sha256,
        "file_name": source.name,
        "suffix": suffix,
        "size": size,
        "label": label,
        "added_at": session.now(),
        "added_by": session.actor,
    }
    with session.db.atomic():
        store.insert(session.db, row)
        # The trail names the file by its hash and kind, never its content nor its name: a file's name is
        # often the consumer's ("张三身份证.jpg"), and the append-only trail could not forget it on request.
        session.audit(
            "evidence:add",
            "complaint",
            case["id"],
            case["number"],
            after={k: row[k] for k in ("sha256", "suffix", "label")},
        )
    return {**row, "path": str(path_of(session, row))}


def list_for(session: Session, ref: str) -> list[dict[str, Any]]:
    session.require(roles.READ)
    case = get_case(session, ref)
    return [{**row, "path": str(path_of(session, row))} for row in store.for_complaint(session.db, case["id"])]


def path_of(session: Session, row: dict[str, Any]) -> Path:
    return store.stored_path(_root(session), row["sha256"], row["suffix"])


def remove(session: Session, evidence_id: str, reason: str) -> None:
    """Detach (the file stays, so the audit trail and backups keep what was once attached)."""
    session.require(roles.WRITE)
    row = store.get(session.db, evidence_id)
    if row is None or row["deleted_at"]:
        raise NotFound(f"找不到证据 {evidence_id}")
    if not reason.strip():
        raise ValidationError([Problem("reason", "原因", "删除证据须写明原因")])
    case = get_case(session, row["complaint_id"])
    with session.db.atomic():
        store.mark_deleted(session.db, evidence_id, session.now(), reason.strip())
        session.audit(
            "evidence:remove",
            "complaint",
            case["id"],
            case["number"],
            before={"sha256": row["sha256"], "label": row["label"]},
            after={"reason": reason.strip()},
        )
