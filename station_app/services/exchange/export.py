"""A station's export (and a county's roll-up for the city): the records of a period collected in one snapshot,
personal data masked unless the county's key encrypts them, signed, written to the stick and read back.

Format: docs/package-format.md. Import at the county: importing.py.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from station_app import durable
from station_app.domain import roles
from station_app.domain.errors import RuleViolation
from station_app.domain.validation import mask_id_number, mask_name, mask_phone
from station_app.formats import keys, package
from station_app.services import volumes
from station_app.services.exchange import anchors, months
from station_app.services.exchange import keys as station_keys
from station_app.services.exchange import manifest as manifest_file
from station_app.services.exchange.manifest import RECORD_DAY
from station_app.services.session import Session
from station_app.store import evidence as evidence_store
from station_app.store import exchange as store
from station_app.store import records
from station_app.store.migrations import schema_version

# Personal data: masked when no county key is installed; emptied in tombstones (deleted records).
PERSONAL: dict[str, dict[str, Any]] = {
    "complaints": {
        "consumer_name": mask_name,
        "consumer_phone": mask_phone,
        "consumer_id_number": mask_id_number,
        "consumer_address": lambda _: "",
        "search_initials": lambda _: "",
    },
    "consultations": {"consumer_name": mask_name, "consumer_phone": mask_phone},
    "reports": {"reporter_name": mask_name, "reporter_phone": mask_phone, "reporter_id_number": mask_id_number},
}


def _mask(table: str, row: dict[str, Any], *, tombstone: bool) -> None:
    for column, mask in PERSONAL.get(table, {}).items():
        if row.get(column):
            row[column] = "" if tombstone else mask(row[column])


def collect(
    session: Session, since_last: bool, masked: bool, month: str | None = None
) -> tuple[dict[str, list], list, dict[str, int]]:
    members: dict[str, list[dict[str, Any]]] = {}
    sent: list[tuple[str, int, int]] = []
    counts: dict[str, int] = {"tombstones": 0}
    for table in store.RECORD_TABLES:
        rows = store.export_rows(session.db, table, since_last=since_last)
        if month:
            rows = [r for r in rows if str(r.get(RECORD_DAY.get(table, "date")) or "").startswith(month)]
        for row in rows:
            sent.append((row["id"], row["revision"], row.pop("_events")))
            tombstone = row.get("deleted_at") is not None
            counts["tombstones"] += tombstone
            if masked or tombstone:
                _mask(table, row, tombstone=tombstone)
        members[table] = rows
        counts[table] = len(rows)
    members["complaint_events"] = store.events_of(session.db, (r["id"] for r in members["complaints"]))
    counts["complaint_events"] = len(members["complaint_events"])
    _collect_evidence(session, members, sent, counts, since_last=since_last, masked=masked)
    if month:  # only the attachments of the month's complaints
        ids = {r["id"] for r in members["complaints"]}
        dropped = {r["id"] for r in members["evidence"] if r["complaint_id"] not in ids}
        members["evidence"] = [r for r in members["evidence"] if r["id"] not in dropped]
        sent[:] = [entry for entry in sent if entry[0] not in dropped]  # not sent: not marked as sent
        wanted = {(r["sha256"], r["suffix"]) for r in members["evidence"]}
        members["evidence_files"] = [f for f in members["evidence_files"] if (f["sha256"], f["suffix"]) in wanted]
        counts["evidence"], counts["evidence_files"] = len(members["evidence"]), len(members["evidence_files"])
    return members, sent, counts


def _collect_evidence(
    session: Session, members: dict, sent: list, counts: dict, *, since_last: bool, masked: bool
) -> None:
    """Which file belongs to which case always travels; the files only in a package encrypted to the county
    (a photo of an ID card or an invoice is personal data). A masked package also leaves out the file names."""
    rows = evidence_store.export_rows(session.db, since_last=since_last)
    for row in rows:
        sent.append((row["id"], row.pop("_revision"), 0))
        if masked:
            row["file_name"] = ""
    files = []
    if not masked:
        root = evidence_store.folder(station_keys.register_path(session))
        for sha256, suffix in sorted({(r["sha256"], r["suffix"]) for r in rows if not r["deleted_at"]}):
            path = evidence_store.stored_path(root, sha256, suffix)
            if path.exists():
                files.append({"sha256": sha256, "suffix": suffix, "data": base64.b64encode(path.read_bytes()).decode()})
    members["evidence"], members["evidence_files"] = rows, files
    counts["evidence"], counts["evidence_files"] = len(rows), len(files)


def export_package(
    session: Session,
    out_dir: Path,
    *,
    since_last: bool = False,
    month: str | None = None,
    rollup: bool = False,
    device: int | None = None,
) -> dict[str, Any]:
    """Write one package into ``out_dir``: temporary name, flushed, renamed, read back and verified.

    ``device``: the stick's device id when the user chose it; the folder must still be on it as the package is
    written and read back (services/volumes.py). The folder is never created: a pulled stick's empty mount
    folder is not the stick.
    """
    session.require(roles.EXCHANGE)
    volumes.recheck(Path(out_dir), device)
    station = session.station()
    signer, _ = station_keys.signer(session)
    county = records.get_setting(session.db, station_keys.COUNTY_KEY_SETTING)
    recipient = X25519PublicKey.from_public_bytes(station_keys.decode_key(county)) if county else None
    last = records.get_setting(session.db, "last_export_at") if since_last else None
    created_at = session.now()
    package_id = session.new_id()
    with session.db.atomic():  # one consistent snapshot of the register
        members, sent, counts = collect(session, since_last, masked=recipient is None, month=month)
        chain = anchors.head(session, package_id)  # the chain as of this snapshot, signed with the manifest
    manifest = {
        **manifest_file.manifest_header(session, package_id, created_at),
        "period": {
            "kind": "month" if month else "since_last" if since_last else "full",
            "since": last,
            "until": created_at,
            **({"month": month} if month else {}),
        },
        "masked": recipient is None,
        "counts": counts,
        "audit": chain,
    }
    if not rollup:
        manifest.update(months.for_package(session, members))
    if rollup:
        # A county's package for the city: every station it holds, signed with the county's own key.
        if records.get_setting(session.db, "mode") != "county":
            raise RuleViolation("只有县局登记簿（init --mode county）才能导出汇总数据包")
        manifest["kind"] = "rollup"
        manifest["stations"] = [
            {k: s.get(k) or "" for k in package.STATION_FIELDS} for s in records.other_stations(session.db)
        ]
    data = package.build(manifest, members, signer, recipient)
    stamp = created_at[:19].replace("-", "").replace(":", "").replace("T", "-")
    target = Path(out_dir) / f"{station['code']}-{stamp}-{package_id[:8]}{package.SUFFIX}"
    volumes.recheck(Path(out_dir), device)  # the moment of writing: still the chosen stick
    manifest_file.write_package_file(target, data, make_folder=device is None)
    _verify_written(target, data, open_members=recipient is None, device=device)
    with session.db.atomic():
        store.mark_sent(session.db, sent)
        records.set_setting(session.db, "last_export_at", created_at)
        records.set_setting(session.db, "last_export_id", package_id)
        anchors.remember_export(session, chain, package_id, created_at)
        summary = {"file": target.name, "masked": recipient is None, "counts": counts, "since_last": since_last}
        session.audit("export", "exchange", package_id, station["code"], after=summary)
    return {
        "file": str(target),
        "package_id": package_id,
        "bytes": len(data),
        "masked": recipient is None,
        "encrypted": recipient is not None,
        "since_last": since_last,
        "counts": counts,
        "fingerprint": keys.fingerprint(keys.raw_public(signer.public_key())),
        "verified": True,
    }


def _verify_written(target: Path, data: bytes, *, open_members: bool, device: int | None) -> None:
    try:
        back = durable.read_from_device(target)
        if device is not None and os.stat(target).st_dev != device:
            raise package.damaged("读回的文件不在选择的那个U盘上")
        if back != data:
            raise package.damaged("读回的内容与写入的不同")
        parsed = package.parse(back, max_schema=schema_version())
        if open_members:
            package.open_members(parsed)
    except (OSError, package.PackageError) as exc:
        target.unlink(missing_ok=True)
        raise RuleViolation(f"写入后读回校验失败（{exc}），文件已删除；请换一个U盘或文件夹重试") from None
