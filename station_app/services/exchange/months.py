"""Month close: a station hands a month over with its figures frozen; the county accepts it or returns it.

- The station closes a month once it has ended: the month's tally is stored as it stands (frozen). Cases of a
  closed month keep moving (a settlement next month is normal work); a record of a closed month changed after
  the close travels in the next package marked as an **amendment** of that month.
- Packages carry the station's closed months (with their frozen figures) and the amendments; the county keeps
  both, so its report can use the frozen figures and list the amendments apart (docs/figures.md).
- The county answers — accepted, or returned with a reason — in a small **answers package** signed with the
  county's own key and carrying the county's public encryption key; the station imports it from the same stick
  (the first time after checking the county's fingerprint by phone). A returned month can be closed again.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from station_app import durable
from station_app.domain import periods, roles
from station_app.domain.errors import Problem, RuleViolation, ValidationError
from station_app.formats import keys, package
from station_app.services import tallies, volumes
from station_app.services.exchange import keys as station_keys
from station_app.services.exchange import manifest as manifest_file
from station_app.services.session import Session
from station_app.store import months as store
from station_app.store import records
from station_app.store.migrations import schema_version

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
STATES = {"closed": "已关账，待县局接收", "accepted": "县局已接收", "returned": "县局退回"}
COUNTY_SIGNING_KEY = "county_signing_key"


def _check_month(month: str) -> None:
    if not MONTH.fullmatch(month or ""):
        raise ValidationError([Problem("month", "月份", "应为 YYYY-MM，如 2026-11")])


def close_month(session: Session, month: str, today: date) -> dict[str, Any]:
    """Freeze ``month``'s figures and mark it handed over (station head)."""
    session.require(roles.MANAGE)
    _check_month(month)
    period = periods.month(month)
    if period.end >= today:
        raise RuleViolation(f"{period.label}还没有结束，月底以后才能关账")
    code = session.station()["code"]
    current = store.get(session.db, code, month)
    if current and current["state"] != "returned":
        raise RuleViolation(f"{period.label}已于 {current['closed_at'][:10]} 关账（{STATES[current['state']]}）")
    figures = tallies.as_json(tallies.tally(session, period, today, stations=(code,), with_previous=False))
    row = {"station_code": code, "month": month, "closed_at": session.now(), "closed_by": session.actor}
    with session.db.atomic():
        store.save_close(session.db, {**row, "figures": figures})
        session.audit(
            "month:close", "month", f"{code}:{month}", month, after={"registered": figures["complaints"]["registered"]}
        )
    return store.get(session.db, code, month)  # type: ignore[return-value]


def listing(session: Session, station_code: str | None = None) -> list[dict[str, Any]]:
    session.require(roles.READ)
    return store.listing(session.db, station_code)


# -- what travels in a station's package ------------------------------------------------------------------
def for_package(session: Session, members: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The station's closed months and the records in the package that amend one of them."""
    closes = {row["month"]: row for row in store.listing(session.db, session.station()["code"])}
    amendments = []
    for table, rows in members.items():
        day = manifest_file.RECORD_DAY.get(table)
        if not day:
            continue
        for row in rows:
            month = str(row.get(day) or "")[:7]
            close = closes.get(month)
            # Times are kept to the second: a change in the very second of the close counts as an amendment
            # (marking one too many is harmless; missing one would hide a change from the county).
            if close and str(row.get("updated_at") or "") >= close["closed_at"]:
                amendments.append({"table": table, "id": row["id"], "number": row["number"], "month": month})
    closed = [
        {"month": c["month"], "closed_at": c["closed_at"], "closed_by": c["closed_by"], "figures": c["figures"]}
        for c in closes.values()
    ]
    return {"closed_months": closed, "amendments": amendments}


def receive(session: Session, station_code: str, manifest: dict[str, Any]) -> None:
    """County: keep the closed months a package reports, and count the amendments of each month."""
    closed = manifest.get("closed_months") or []
    amendments = manifest.get("amendments") or []
    if not isinstance(closed, list) or not isinstance(amendments, list):
        raise package.damaged("关账清单不对")
    for item in closed:
        if not (
            isinstance(item, dict)
            and MONTH.fullmatch(str(item.get("month")))
            and isinstance(item.get("figures"), dict)
            and isinstance(item.get("closed_at"), str)
            and isinstance(item.get("closed_by"), str)
        ):
            raise package.damaged("关账清单不对")
        known = store.get(session.db, station_code, item["month"])
        if known is None or known["closed_at"] < item["closed_at"]:
            store.save_close(
                session.db,
                {"station_code": station_code, **{k: item[k] for k in ("month", "closed_at", "closed_by", "figures")}},
            )
    per_month: dict[str, int] = {}
    for item in amendments:
        if not (isinstance(item, dict) and MONTH.fullmatch(str(item.get("month")))):
            raise package.damaged("更正清单不对")
        per_month[item["month"]] = per_month.get(item["month"], 0) + 1
    for month, count in per_month.items():
        store.add_amendments(session.db, station_code, month, count)


# -- the county's answers ---------------------------------------------------------------------------------
def answer(session: Session, station_code: str, month: str, accept: bool, reason: str = "") -> dict[str, Any]:
    session.require(roles.EXCHANGE)
    _check_month(month)
    current = store.get(session.db, station_code, month)
    if current is None:
        raise RuleViolation(f"还没有收到站点 {station_code} {month} 的关账数据")
    if not accept and not reason.strip():
        raise ValidationError([Problem("reason", "退回原因", "退回时必须写明原因，站点据此更正")])
    state = "accepted" if accept else "returned"
    with session.db.atomic():
        store.set_answer(session.db, station_code, month, state, reason.strip(), session.now())
        session.audit(f"month:{state}", "month", f"{station_code}:{month}", month, after={"reason": reason.strip()})
    return store.get(session.db, station_code, month)  # type: ignore[return-value]


def export_answers(session: Session, out_dir: Path, device: int | None = None) -> dict[str, Any]:
    """County: the answers given, and the county's public encryption key, in a small signed package.

    ``device``: the stick's device id when chosen; still the same when written and read back (services/volumes.py).
    """
    session.require(roles.EXCHANGE)
    volumes.recheck(Path(out_dir), device)
    answers = [
        {k: row[k] for k in ("station_code", "month", "closed_at", "state", "reason", "answered_at")}
        for row in store.listing(session.db)
        if row["answered_at"]
    ]
    county_key = station_keys.county_private_key(session, create=True)
    assert county_key is not None
    signer, _ = station_keys.signer(session)
    station = session.station()
    created_at = session.now()
    manifest = {
        **manifest_file.manifest_header(session, session.new_id(), created_at),
        "kind": "answers",
        "period": {"kind": "answers", "since": None, "until": created_at},
        "masked": False,
        "counts": {"answers": len(answers)},
        "answers": answers,
        "county_key": keys.b64(keys.raw_public(county_key.public_key())),
    }
    data = package.build(manifest, {}, signer)
    target = Path(out_dir) / f"{station['code']}-answers-{created_at[:10]}-{manifest['package_id'][:8]}{package.SUFFIX}"
    volumes.recheck(Path(out_dir), device)  # the moment of writing: still the chosen stick
    manifest_file.write_package_file(target, data, make_folder=device is None)
    if durable.read_from_device(target) != data or (device is not None and target.stat().st_dev != device):
        target.unlink(missing_ok=True)
        raise RuleViolation("答复包写入后读回校验失败，文件已删除；请换一个U盘重试")
    return {
        "file": str(target),
        "answers": len(answers),
        "fingerprint": keys.fingerprint(keys.raw_public(signer.public_key())),
    }


def county_signer(session: Session, pkg: package.Package, accept_key: str | None, *, what: str, first: str) -> str:
    """A package the county sends a station (answers, a bulletin) must be signed by the county key this register
    knows, or the first time by the fingerprint read out by phone; its public key (base64). ``what`` and ``first``
    name it in the refusals ("答复数据包", "县局答复")."""
    registered = records.get_setting(session.db, COUNTY_SIGNING_KEY)
    public = keys.b64(pkg.public_key)
    if registered != public and not keys.fingerprint_matches(accept_key, pkg.fingerprint):
        if registered is not None:
            raise RuleViolation(f"{what}不是用已登记的县局密钥签名的（指纹 {pkg.fingerprint}），已拒收")
        raise RuleViolation(f"首次导入{first}：请电话核对县局指纹 {pkg.fingerprint} 后用 --accept-key 导入")
    return public


def import_answers(session: Session, path: Path, accept_key: str | None = None) -> dict[str, Any]:
    """Station: check the county's signature (its key registered the first time, by fingerprint) and apply."""
    session.require(roles.EXCHANGE)
    pkg = package.parse(Path(path).read_bytes(), max_schema=schema_version())
    manifest = pkg.manifest
    if manifest.get("kind") != "answers" or not isinstance(manifest.get("answers"), list):
        raise RuleViolation("这不是县局的答复数据包")
    public = county_signer(session, pkg, accept_key, what="答复数据包", first="县局答复")
    code = session.station()["code"]
    applied = 0
    with session.db.atomic():
        records.set_setting(session.db, COUNTY_SIGNING_KEY, public)
        for item in manifest["answers"]:
            if not isinstance(item, dict) or item.get("station_code") != code:
                continue
            if item.get("state") not in ("accepted", "returned") or not MONTH.fullmatch(str(item.get("month"))):
                raise package.damaged("答复内容不对")
            current = store.get(session.db, code, item["month"])
            if current is None or current["closed_at"] != item.get("closed_at"):
                continue  # an answer to an earlier close of a month closed again since
            if current["state"] != item["state"] or current["reason"] != item.get("reason", ""):
                store.set_answer(
                    session.db,
                    code,
                    item["month"],
                    item["state"],
                    str(item.get("reason", "")),
                    str(item.get("answered_at")),
                )
                applied += 1
        session.audit("month:answers", "month", manifest["package_id"], code, after={"applied": applied})
    if station_keys.county_key_installed(session) is None and isinstance(manifest.get("county_key"), str):
        raw = keys.unb64(manifest["county_key"], 32)
        station_keys.install_county_key(
            session, keys.county_key_file(raw, manifest["station"]["county"] or manifest["station"]["name"])
        )
    return {"applied": applied, "fingerprint": pkg.fingerprint, "answers": store.listing(session.db, code)}
