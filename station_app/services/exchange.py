"""USB exchange at the station: its signing key, the county's public key, and the export of a package.

Format: docs/package-format.md. Import at the county: services/exchange_import.py.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from station_app import __version__, durable
from station_app.domain import roles
from station_app.domain.errors import RuleViolation
from station_app.domain.validation import mask_id_number, mask_name, mask_phone
from station_app.exchange import keys, package
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
COUNTY_KEY_SETTING = "county_public_key"
COUNTY_NAME_SETTING = "county_key_county"
PUBLIC_KEY_SETTING = "exchange_public_key"


def _register_path(session: Session) -> Path:
    if session.path is None or str(session.path) == ":memory:":
        raise RuleViolation("数据交换需要保存在文件中的登记簿")
    return Path(session.path)


def signing_key_path(session: Session) -> Path:
    path = _register_path(session)
    return path.with_name(path.name + keys.SIGNING_KEY_SUFFIX)


def county_key_path(session: Session) -> Path:
    path = _register_path(session)
    return path.with_name(path.name + keys.COUNTY_KEY_SUFFIX)


def _signer(session: Session, *, renew: bool = False) -> tuple[Ed25519PrivateKey, bool]:
    """The station's signing key; made on first use. A key file that does not match the one this
    register knows (a database copied to another PC) is refused until the head renews it."""
    try:
        key, created = keys.signing_key(signing_key_path(session))
    except keys.KeyFileError as exc:
        raise RuleViolation(str(exc)) from None
    public = keys.b64(keys.raw_public(key.public_key()))
    known = records.get_setting(session.db, PUBLIC_KEY_SETTING)
    if known and known != public and not renew:
        raise RuleViolation(
            "本机的签名密钥与登记簿记录的不一致（登记簿可能是从另一台电脑复制来的）。"
            "如确需在本机导出，请站长运行 station-app exchange key --renew，并请县局重新核对密钥指纹"
        )
    if known != public:
        with session.db.atomic():
            records.set_setting(session.db, PUBLIC_KEY_SETTING, public)
            if known:  # another PC: another installation
                records.set_setting(session.db, "installation_id", session.new_id())
            session.audit("key", "exchange", "signing_key", after={"fingerprint": keys.fingerprint(_raw(public))})
    return key, created


def _raw(b64: str) -> bytes:
    return keys.unb64(b64, 32)


def station_key(session: Session, *, renew: bool = False) -> dict[str, Any]:
    """The station's key fingerprint (made on first use), to read to the county over the phone."""
    session.require(roles.MANAGE if renew else roles.EXCHANGE)
    key, created = _signer(session, renew=renew)
    raw = keys.raw_public(key.public_key())
    return {
        "station": session.station()["code"],
        "fingerprint": keys.fingerprint(raw),
        "public_key": keys.b64(raw),
        "created": created,
        "key_file": str(signing_key_path(session)),
        "county_key": county_key_installed(session),
    }


def county_key_installed(session: Session) -> dict[str, str] | None:
    value = records.get_setting(session.db, COUNTY_KEY_SETTING)
    if not value:
        return None
    return {
        "county": records.get_setting(session.db, COUNTY_NAME_SETTING) or "",
        "fingerprint": keys.fingerprint(_raw(value)),
    }


def install_county_key(session: Session, data: bytes) -> dict[str, str]:
    """At the station: packages are encrypted to this county key from now on."""
    session.require(roles.MANAGE)
    try:
        parsed = keys.read_county_key_file(data)
    except keys.KeyFileError as exc:
        raise RuleViolation(str(exc)) from None
    with session.db.atomic():
        before = county_key_installed(session)
        records.set_setting(session.db, COUNTY_KEY_SETTING, parsed["public_key"])
        records.set_setting(session.db, COUNTY_NAME_SETTING, parsed["county"])
        session.audit("county_key", "exchange", "county_key", before=before, after=county_key_installed(session))
    return {"county": parsed["county"], "fingerprint": parsed["fingerprint"]}


def county_private_key(session: Session, *, create: bool) -> X25519PrivateKey | None:
    try:
        return keys.county_key(county_key_path(session), create=create)[0]
    except keys.KeyFileError:
        if create:
            raise
        return None


def export_county_key(session: Session, out: Path) -> dict[str, str]:
    """In county mode: the public key file the stations install (the private key stays here)."""
    session.require(roles.EXCHANGE)
    key = county_private_key(session, create=True)
    assert key is not None
    raw = keys.raw_public(key.public_key())
    county = session.station().get("county") or session.station()["name"]
    _write_flushed(out, keys.county_key_file(raw, county))
    return {"file": str(out), "county": county, "fingerprint": keys.fingerprint(raw)}


# -- export --------------------------------------------------------------------------------------
def _mask(table: str, row: dict[str, Any], *, tombstone: bool) -> None:
    for column, mask in PERSONAL.get(table, {}).items():
        if row.get(column):
            row[column] = "" if tombstone else mask(row[column])


# The day each record type is counted by (docs/figures.md): a month's package holds that month's records.
RECORD_DAY = {
    "complaints": "received_on",
    "followups": "date",
    "consultations": "date",
    "reports": "received_on",
    "outreach_events": "date",
    "warnings": "date",
}


def _collect(
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
        root = evidence_store.folder(_register_path(session))
        for sha256, suffix in sorted({(r["sha256"], r["suffix"]) for r in rows if not r["deleted_at"]}):
            path = evidence_store.stored_path(root, sha256, suffix)
            if path.exists():
                files.append({"sha256": sha256, "suffix": suffix, "data": base64.b64encode(path.read_bytes()).decode()})
    members["evidence"], members["evidence_files"] = rows, files
    counts["evidence"], counts["evidence_files"] = len(rows), len(files)


def manifest_header(session: Session, package_id: str, created_at: str) -> dict[str, Any]:
    """What every package's manifest opens with (a station's export, a roll-up, the county's answers)."""
    station = session.station()
    return {
        "package_id": package_id,
        "schema_version": schema_version(),
        "app_version": __version__,
        "created_at": created_at,
        "created_by": session.actor,
        "station": {k: station.get(k) or "" for k in package.STATION_FIELDS},
        "installation_id": records.get_setting(session.db, "installation_id") or "",
    }


def export_package(
    session: Session, out_dir: Path, *, since_last: bool = False, month: str | None = None, rollup: bool = False
) -> dict[str, Any]:
    """Write one package into ``out_dir``: temporary name, flushed, renamed, read back and verified."""
    session.require(roles.EXCHANGE)
    station = session.station()
    signer, _ = _signer(session)
    county = records.get_setting(session.db, COUNTY_KEY_SETTING)
    recipient = X25519PublicKey.from_public_bytes(_raw(county)) if county else None
    last = records.get_setting(session.db, "last_export_at") if since_last else None
    created_at = session.now()
    package_id = session.new_id()
    with session.db.atomic():  # one consistent snapshot of the register
        members, sent, counts = _collect(session, since_last, masked=recipient is None, month=month)
    manifest = {
        **manifest_header(session, package_id, created_at),
        "period": {
            "kind": "month" if month else "since_last" if since_last else "full",
            "since": last,
            "until": created_at,
            **({"month": month} if month else {}),
        },
        "masked": recipient is None,
        "counts": counts,
    }
    if not rollup:
        from station_app.services import months  # months builds on this module

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
    _write_flushed(target, data)
    _verify_written(target, data, open_members=recipient is None)
    with session.db.atomic():
        store.mark_sent(session.db, sent)
        records.set_setting(session.db, "last_export_at", created_at)
        records.set_setting(session.db, "last_export_id", package_id)
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


def _write_flushed(target: Path, data: bytes) -> None:
    """Write durably (the old file or the new one after a power cut); a full or locked stick said plainly."""
    try:
        durable.write_bytes(target, data)
    except OSError as exc:
        raise RuleViolation(f"无法写入 {target.parent}：{exc.strerror or exc}（U盘是否已满或写保护？）") from None


def _verify_written(target: Path, data: bytes, *, open_members: bool) -> None:
    try:
        back = target.read_bytes()
        if back != data:
            raise package.damaged("读回的内容与写入的不同")
        parsed = package.parse(back, max_schema=schema_version())
        if open_members:
            package.open_members(parsed)
    except (OSError, package.PackageError) as exc:
        target.unlink(missing_ok=True)
        raise RuleViolation(f"写入后读回校验失败（{exc}），文件已删除；请换一个U盘或文件夹重试") from None
