"""The audit trail: append-only, each entry chained to the previous one by a SHA-256 hash."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


GENESIS = "0" * 64


def _canonical(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    import hashlib  # on first use: loading OpenSSL is 3 ms of the window's start, which writes nothing

    return hashlib.sha256((prev_hash + _canonical(entry)).encode("utf-8")).hexdigest()


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_digest(row: dict[str, Any]) -> str:
    """SHA-256 of a record's content: the audit proves what was written without copying personal data."""
    import hashlib

    return hashlib.sha256(_canonical(row).encode("utf-8")).hexdigest()


def last_hash(db: Database) -> str:
    row = db.execute("SELECT hash FROM audit ORDER BY pk DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(
    db: Database,
    *,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    number: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    prev_hash: str | None = None,
) -> str:
    """Append one entry; returns its hash (pass it as ``prev_hash`` to skip a lookup in bulk work)."""
    prev = last_hash(db) if prev_hash is None else prev_hash
    entry = {
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "number": number,
        "before": _dump(before),
        "after": _dump(after),
    }
    digest = _entry_hash(prev, entry)
    db.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, number, before, after, prev_hash, hash)"
        " VALUES (:at, :actor, :action, :entity, :entity_id, :number, :before, :after, :prev, :hash)",
        {**entry, "prev": prev, "hash": digest},
    )
    return digest


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM audit").fetchone()[0]


ENTRY_COLUMNS = ("at", "actor", "action", "entity", "entity_id", "number", "before", "after")


def entries(db: Database, entity_id: str | None = None) -> list[dict[str, Any]]:
    sql = f"SELECT pk, {', '.join(ENTRY_COLUMNS)} FROM audit"
    params: list[Any] = []
    if entity_id is not None:
        sql += " WHERE entity_id = ?"
        params.append(entity_id)
    rows = []
    for pk, *values in db.execute(sql + " ORDER BY pk", params):
        entry: dict[str, Any] = {"seq": pk, **dict(zip(ENTRY_COLUMNS, values, strict=True))}
        for side in ("before", "after"):
            entry[side] = json.loads(entry[side]) if entry[side] else None
        rows.append(entry)
    return rows


def verify(db: Database) -> list[str]:
    """Every break in the chain, as Chinese sentences; empty when the trail is intact."""
    problems: list[str] = []
    prev = GENESIS
    cursor = db.execute(f"SELECT pk, {', '.join(ENTRY_COLUMNS)}, prev_hash, hash FROM audit ORDER BY pk")
    for pk, *values, stored_prev, stored_hash in cursor:
        entry = dict(zip(ENTRY_COLUMNS, values, strict=True))
        if stored_prev != prev:
            problems.append(f"第 {pk} 条审计记录之前的记录被删除或改动")
        if _entry_hash(stored_prev, entry) != stored_hash:
            problems.append(f"第 {pk} 条审计记录的内容被改动")
        prev = stored_hash
    return problems
