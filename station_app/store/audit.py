"""The audit trail: append-only, each entry chained to the previous one by a SHA-256 hash."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from station_app.store import seals

if TYPE_CHECKING:
    from sqlite_utils import Database


GENESIS = "0" * 64


def _canonical(entry: dict[str, Any]) -> str:
    if "seal" in entry and entry["seal"] is None:  # entries written before seals hash as they always did
        entry = {k: v for k, v in entry.items() if k != "seal"}
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
    """Append one entry; returns its hash (pass it as ``prev_hash`` to skip a lookup in bulk work).

    The entry carries the register's seal sum after the rows changed since the last entry are resealed
    (store/seals.py): each change of a record is bound to the chain by the entry that records it."""
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
        "seal": seals.flush(db),
    }
    digest = _entry_hash(prev, entry)
    db.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, number, before, after, seal, prev_hash, hash)"
        " VALUES (:at, :actor, :action, :entity, :entity_id, :number, :before, :after, :seal, :prev, :hash)",
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


def head(db: Database) -> tuple[int, str]:
    """The chain's head: how many entries, and the last one's hash (GENESIS for an empty chain)."""
    return count(db), last_hash(db)


def hashes_at(db: Database, positions: Iterable[int]) -> dict[int, str | None]:
    """The hash of the n-th entry (1-based, in chain order; 0 is the genesis) for each n, None past the end:
    one pass over the chain's hashes."""
    wanted = set(positions)
    found: dict[int, str | None] = dict.fromkeys(wanted)
    if 0 in wanted:
        found[0] = GENESIS
    top = max(wanted, default=0)
    for n, (digest,) in enumerate(db.execute("SELECT hash FROM audit ORDER BY pk"), start=1):
        if n > top:
            break
        if n in wanted:
            found[n] = digest
    return found


KIND_LABELS = {
    "complaints": "投诉",
    "followups": "回访",
    "consultations": "咨询",
    "reports": "举报",
    "outreach_events": "宣传活动",
    "warnings": "消费提示",
}


def verify(db: Database) -> list[str]:
    """Every break in the chain, as Chinese sentences; empty when the trail is intact.

    Three checks in one pass each: the hash chain itself; the heads this register exported (a chain shorter than
    one of them, or no longer holding it at its place, was cut or rewritten: ``audit_exports``); and every record
    against the seal sum of the last entry (a record changed outside the program: store/seals.py)."""
    problems: list[str] = []
    prev = GENESIS
    last_seal: str | None = None
    n = 0
    columns = ", ".join(ENTRY_COLUMNS)
    for pk, *values, seal, stored_prev, stored_hash in db.execute(
        f"SELECT pk, {columns}, seal, prev_hash, hash FROM audit ORDER BY pk"
    ):
        entry = {**dict(zip(ENTRY_COLUMNS, values, strict=True)), "seal": seal}
        if stored_prev != prev:
            problems.append(f"第 {pk} 条审计记录之前的记录被删除或改动")
        if _entry_hash(stored_prev, entry) != stored_hash:
            problems.append(f"第 {pk} 条审计记录的内容被改动")
        prev = stored_hash
        last_seal = seal if seal is not None else last_seal
        n += 1
    problems += _exported_heads(db, n)
    problems += _records(db, last_seal)
    return problems


def _exported_heads(db: Database, total: int) -> list[str]:
    exported = db.execute("SELECT count, hash, exported_at FROM audit_exports ORDER BY count").fetchall()
    if not exported:
        return []
    longest = exported[-1]
    if total < longest[0]:
        return [f"审计记录只剩 {total} 条，少于 {longest[2][:10]} 导出时的 {longest[0]} 条：最后的记录被删除"]
    now = hashes_at(db, [c for c, _h, _at in exported])
    for c, h, at in exported:
        if now[c] != h:
            return [f"审计记录的前 {c} 条与 {at[:10]} 导出时不同：审计记录被改写"]
    return []


def _records(db: Database, last_seal: str | None) -> list[str]:
    live_sum, found = seals.check(db)
    if last_seal is None:  # just upgraded, nothing written since: the records' seals taken at the upgrade
        last_seal = seals.hex_sum(seals.current_sum(db))
    if live_sum == last_seal:
        return []
    named = [f"{KIND_LABELS[table]} {number}" for table, number, kind in found if kind != "deleted"]
    gone = sum(1 for *_x, kind in found if kind == "deleted")
    problems = []
    if named:
        shown = "、".join(named[:20]) + (f" 等 {len(named)} 条" if len(named) > 20 else "")
        problems.append(f"以下记录在本程序之外被改动（与审计记录不符）：{shown}")
    if gone:
        problems.append(f"有 {gone} 条记录在本程序之外被删除（与审计记录不符）")
    if not problems:
        problems.append("登记簿中的记录在本程序之外被改动（与审计记录不符）")
    return problems
