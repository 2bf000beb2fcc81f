"""Where the audit chain's heads are kept outside the chain itself (docs/package-format.md, "The audit chain's
head"): the heads this register exported (``audit_exports``) and, at the county, the last head seen from each
station (``audit_heads``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def exported(db: Database) -> list[tuple[int, str, str]]:
    """(count, hash, package id) of every head this register exported, oldest first."""
    return [tuple(r) for r in db.execute("SELECT count, hash, package_id FROM audit_exports ORDER BY count")]


def add_export(db: Database, count: int, digest: str, package_id: str, at: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO audit_exports (count, hash, package_id, exported_at) VALUES (?, ?, ?, ?)",
        [count, digest, package_id, at],
    )


def seen(db: Database, station_code: str) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT count, hash, checkpoints, package_id, seen_at FROM audit_heads WHERE station_code = ?", [station_code]
    ).fetchone()
    if row is None:
        return None
    count, digest, checkpoints, package_id, seen_at = row
    return {
        "count": count,
        "hash": digest,
        "checkpoints": {int(c): (h, p) for c, h, p in json.loads(checkpoints)},
        "package_id": package_id,
        "seen_at": seen_at,
    }


def set_seen(
    db: Database,
    station_code: str,
    count: int,
    digest: str,
    checkpoints: dict[int, tuple[str, str]],
    package_id: str,
    at: str,
) -> None:
    db.execute(
        "INSERT INTO audit_heads (station_code, count, hash, checkpoints, package_id, seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (station_code) DO UPDATE SET count = excluded.count,"
        " hash = excluded.hash, checkpoints = excluded.checkpoints, package_id = excluded.package_id,"
        " seen_at = excluded.seen_at",
        [station_code, count, digest, json.dumps([[c, *hp] for c, hp in sorted(checkpoints.items())]), package_id, at],
    )
