"""The audit chain's head in every package, and the county holding each station to the heads it has seen (docs/package-
format.md, "The audit chain's head").

A station's manifest (signed as a whole) carries ``audit``: its chain's entry count and last hash, and, for every
earlier export of this register, that export's count, the hash its chain has *now* at that count and the export's
package id (``checkpoints``). The county keeps, per station, the newest head it has imported and that package's
checkpoints. A new package must show the last seen head at its place (its checkpoints hold the same hash at the same
count): a chain cut below it, or rewritten and rehashed, cannot. An older package imported late must itself be one
of the checkpoints the county kept, package id included (a new package from a chain cut back to an old export's
length is not that export). The station needs no answer from the county: it lists every head it ever exported, so
whichever of them the county saw last is among them.
"""

from __future__ import annotations

import re
from typing import Any

from station_app.services.session import Session
from station_app.store import anchors as store
from station_app.store import audit

HASH = re.compile(r"[0-9a-f]{64}")
MAX_CHECKPOINTS = 100_000  # one per export: a station exporting every day for 270 years


def head(session: Session, package_id: str) -> dict[str, Any]:
    """What the manifest carries under ``audit`` (read in the export's own snapshot transaction)."""
    count, digest = audit.head(session.db)
    earlier = [(c, p) for c, _h, p in store.exported(session.db) if c < count]
    now = audit.hashes_at(session.db, [c for c, _p in earlier])
    points = [[c, now[c], p] for c, p in earlier if now[c] is not None] + [[count, digest, package_id]]
    return {"count": count, "hash": digest, "checkpoints": points}


def remember_export(session: Session, sent: dict[str, Any], package_id: str, at: str) -> None:
    """The station keeps the head it exported: its own ``audit verify`` then catches a chain cut below it."""
    store.add_export(session.db, sent["count"], sent["hash"], package_id, at)


def _carried(manifest: dict[str, Any]) -> tuple[int, str, dict[int, tuple[str, str]]] | None:
    """The manifest's head and checkpoints, checked for shape (a malformed one is a damaged package)."""
    from station_app.formats import package

    carried = manifest.get("audit")
    if carried is None:
        return None
    ok = isinstance(carried, dict) and isinstance(carried.get("checkpoints"), list)
    count, digest = (carried.get("count"), carried.get("hash")) if ok else (None, None)
    ok = ok and type(count) is int and count >= 0 and isinstance(digest, str) and HASH.fullmatch(digest) is not None
    points: dict[int, tuple[str, str]] = {}
    for point in carried["checkpoints"] if ok else []:
        if not (isinstance(point, list) and len(point) == 3 and type(point[0]) is int) or not (
            0 <= point[0] <= count and isinstance(point[1], str) and isinstance(point[2], str)
        ):
            ok = False
            break
        points[point[0]] = (point[1], point[2])
    own = (digest, manifest["package_id"])
    if not ok or len(points) > MAX_CHECKPOINTS or points.get(count, own) != own:
        raise package.damaged("清单中审计记录的结尾格式不对")
    points[count] = own
    return count, digest, points


def admit(session: Session, manifest: dict[str, Any], *, record: bool, reset: bool) -> str | None:
    """Why a package must be refused as ``audit_rewritten`` (the caller raises it), None if not: its station's
    chain no longer holds the head last seen here. An admitted package's head is remembered when it is newer.
    ``reset``: imported with ``--accept-key`` and the package's own fingerprint, after the county checked with the
    station by phone (a new PC, or a register restored from a backup older than its last export): the package's
    head is taken as it is."""
    code = manifest["station"]["code"]
    carried = _carried(manifest)
    seen = store.seen(session.db, code)
    if carried is None:
        if seen is not None and not reset:
            return (
                f"{code} 以前的数据包都带有审计记录的结尾，这个没有：可能是伪造的或旧版本程序导出的，整个数据包未导入"
            )
        return None
    count, digest, points = carried
    if seen is not None and not reset:
        if count >= seen["count"] and points.get(seen["count"], ("", ""))[0] != seen["hash"]:
            return _rewritten(code, seen, count)
        if count < seen["count"]:
            if seen["checkpoints"].get(count) != (digest, manifest["package_id"]):
                return _rewritten(code, seen, count)
            return None  # an older export imported late: the head seen stays
    if record and (seen is None or reset or count > seen["count"]):
        store.set_seen(session.db, code, count, digest, points, manifest["package_id"], session.now())
    return None


def _rewritten(code: str, seen: dict[str, Any], count: int) -> str:
    when = seen["seen_at"][:10]
    if count < seen["count"]:
        what = f"只有 {count} 条，少于 {when} 导入时的 {seen['count']} 条"
    else:
        what = f"前 {seen['count']} 条与 {when} 导入时的不同"
    return (
        f"{code} 的审计记录{what}：该站的审计记录被删除或改写（或登记簿被换成了旧备份），整个数据包未导入；请与该站核实"
    )
