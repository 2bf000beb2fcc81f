"""The county's bulletin: holiday tables, catalog updates and consumer warnings, county → stations on the stick.

A station PC is offline and cannot update the ``holidays`` package: when the State Council publishes next
year's holidays, the county enters (or imports) the notice once as a holiday table file and issues a
**bulletin package** (``kind: "bulletin"``), signed with the county register's signing key like its answers
package and trusted the same way (the first one after checking the county's fingerprint by phone, later ones
only when signed by the same key). The station keeps it in its register; the calendar uses its tables from
then on, and the open cases' deadlines are worked out again.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from station_app.domain import roles, workflow
from station_app.domain.errors import InvalidValue, RuleViolation
from station_app.domain.provisional import next_year_warning
from station_app.domain.workdays import parse_overrides
from station_app.formats import keys, package
from station_app.services import station as station_service
from station_app.services.exchange import keys as station_keys
from station_app.services.exchange import manifest as manifest_file
from station_app.services.exchange.months import COUNTY_SIGNING_KEY, county_signer
from station_app.services.session import Session, calendar_from_tables, register_calendar
from station_app.store import bulletins as store
from station_app.store import records
from station_app.store.migrations import schema_version

KIND = "bulletin"
NOTE = "国务院办公厅公布的放假调休安排（县局录入）：off 为放假日期，work 为调休上班的周末日期"


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidValue(f"{what} {path} 无法读取：{exc}") from None


def _check_catalog(catalog: Any) -> dict[str, Any]:
    """Catalog updates: ``{"aliases": {"categories": {"百货类": "<code>"}, …}}`` (old labels a county still uses)."""
    if not isinstance(catalog, dict) or not all(isinstance(v, dict) for v in catalog.values()):
        raise InvalidValue('目录更新格式错误：应为 {"aliases": {"categories": {"旧名称": "代码"}}}')
    for table in catalog.get("aliases", {}).values():
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise InvalidValue("目录更新格式错误：别名应为“旧名称: 代码”")
    return catalog


def _warning_list(items: Any) -> list[dict[str, Any]]:
    items = [items] if isinstance(items, dict) else items
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InvalidValue("消费警示格式错误：应为一条或多条警示（与 warning add 的 JSON 相同）")
    return items


def _check_warnings(session: Session, items: Any, today: date) -> list[dict[str, Any]]:
    """Warnings in the ``warning add`` shape, checked as the station will check them when it publishes."""
    from station_app.domain.record_input import parse_warning

    items = _warning_list(items)
    for item in items:
        parse_warning(item, session.catalogs, today)
    return items


def export(
    session: Session,
    out_dir: Path,
    today: date,
    *,
    holidays: Path | None = None,
    warnings: Path | None = None,
    catalog: Path | None = None,
) -> dict[str, Any]:
    """County: keep the holiday table given (it then travels in every later bulletin too) and write a signed
    bulletin with every holiday table the register holds, the catalog updates and the warnings given."""
    session.require(roles.EXCHANGE)
    if station_service.mode(session) not in station_service.OFFICES:
        raise RuleViolation("公告包由县局的登记簿发布；站点请用 bulletin import 导入县局的公告包")
    tables = store.holiday_tables(session.db)
    if holidays is not None:
        given = _read_json(holidays, "节假日安排表")
        parse_overrides(given, str(holidays))  # refused here, not at every station
        tables.update(given["years"])
    content = {
        "holidays": {"note": NOTE, "years": dict(sorted(tables.items()))},
        "catalog": _check_catalog(_read_json(catalog, "目录更新")) if catalog else {},
        "warnings": _check_warnings(session, _read_json(warnings, "消费警示"), today) if warnings else [],
    }
    if not (tables or content["catalog"] or content["warnings"]):
        raise RuleViolation("公告包没有内容：请用 --holidays、--warnings 或 --catalog 指定要下发的内容")
    signer, _ = station_keys.signer(session)
    fingerprint = keys.fingerprint(keys.raw_public(signer.public_key()))
    created_at = session.now()
    manifest = {
        **manifest_file.manifest_header(session, session.new_id(), created_at),
        "kind": KIND,
        "period": {"kind": KIND, "since": None, "until": created_at},
        "masked": False,
        "counts": {"holiday_years": len(tables), "warnings": len(content["warnings"])},
        "bulletin": content,
    }
    data = package.build(manifest, {}, signer)
    code = session.station()["code"]
    target = Path(out_dir) / f"{code}-bulletin-{created_at[:10]}-{manifest['package_id'][:8]}{package.SUFFIX}"
    manifest_file.write_package_file(target, data)
    with session.db.atomic():
        _keep(session, manifest, fingerprint, created_at)
        session.audit("bulletin:export", "bulletin", manifest["package_id"], code, after=manifest["counts"])
    session.calendar = register_calendar(session.db)
    return {"file": str(target), "fingerprint": fingerprint, "years": sorted(tables), **manifest["counts"]}


def _keep(session: Session, manifest: dict[str, Any], fingerprint: str, issued_at: str) -> None:
    content = manifest["bulletin"]
    store.save(
        session.db,
        {
            "package_id": manifest["package_id"],
            "issued_at": issued_at,
            "issued_by": manifest["station"]["name"],
            "fingerprint": fingerprint,
            "received_at": session.now(),
            "received_by": session.actor,
            "published_at": None,
            "holidays": content["holidays"],
            "catalog": content["catalog"],
            "warnings": content["warnings"],
        },
    )


def import_bulletin(session: Session, path: Path, today: date, accept_key: str | None = None) -> dict[str, Any]:
    """Station: check the county's signature (as for its answers), keep the bulletin, and work the open cases'
    deadlines out again with the calendar its holiday tables complete."""
    session.require(roles.EXCHANGE)
    pkg = package.parse(Path(path).read_bytes(), max_schema=schema_version())
    manifest = pkg.manifest
    content = manifest.get("bulletin")
    if manifest.get("kind") != KIND or not isinstance(content, dict):
        raise RuleViolation("这不是县局的公告包")
    public = county_signer(session, pkg, accept_key, what="公告包", first="县局公告包")
    try:
        tables = parse_overrides(content.get("holidays", {"years": {}}), "（县局公告包）")
        _check_catalog(content.get("catalog", {}))
        # Only the shape here: each warning is checked in full when the station publishes it (a warning dated
        # today at the county must not be refused by a station PC whose clock is a day behind).
        _warning_list(content.get("warnings") or [])
    except InvalidValue as exc:
        raise package.damaged(f"公告内容不对：{exc}") from None
    content = {
        "holidays": content.get("holidays") or {"years": {}},
        "catalog": content.get("catalog") or {},
        "warnings": _warning_list(content.get("warnings") or []),
    }
    if store.get(session.db, manifest["package_id"]) is not None:
        return {**_summary(session, manifest, pkg.fingerprint, tables, today), "already": True, "deadlines_changed": 0}
    with session.db.atomic():
        records.set_setting(session.db, COUNTY_SIGNING_KEY, public)
        _keep(session, {**manifest, "bulletin": content}, pkg.fingerprint, manifest["created_at"])
        session.calendar = register_calendar(session.db)
        changed = _refresh_open_cases(session)
        session.audit(
            "bulletin:import",
            "bulletin",
            manifest["package_id"],
            manifest["station"]["name"],
            after={"years": sorted(tables), "warnings": len(content["warnings"]), "deadlines_changed": changed},
        )
    return {
        **_summary(session, manifest, pkg.fingerprint, tables, today),
        "already": False,
        "deadlines_changed": changed,
    }


def _summary(
    session: Session, manifest: dict[str, Any], fingerprint: str, tables: dict[int, Any], today: date
) -> dict[str, Any]:
    content = manifest["bulletin"]
    return {
        # Still said after the import when the bulletin did not bring next year (from November).
        "calendar_warning": next_year_warning(today, session.calendar),
        "package_id": manifest["package_id"],
        "issued_by": manifest["station"]["name"],
        "fingerprint": fingerprint,
        "years": sorted(tables),
        "warnings": len(content.get("warnings") or []),
        "catalog": content.get("catalog") or {},
    }


def _refresh_open_cases(session: Session) -> int:
    """Open cases' deadlines worked out with the new calendar; each one that moves is a change of the case."""
    from station_app.services.complaints import deadlines_now

    states = sorted(workflow.OPEN_STATES)
    cases = records.select(
        session.db,
        "complaint",
        [f"status IN ({', '.join('?' * len(states))})", "deleted_at IS NULL"],
        states,
        order="pk",
    )
    changed = 0
    for case in cases:
        new = deadlines_now(session, case)
        moved = {k: v for k, v in new.items() if case.get(k) != v}
        if not moved:
            continue
        records.update(session.db, "complaint", case["id"], {**moved, "updated_at": session.now()})
        session.audit(
            "complaint:deadlines",
            "complaint",
            case["id"],
            case["number"],
            before={k: case.get(k) for k in moved},
            after=moved,
        )
        changed += 1
    return changed


def listing(session: Session) -> list[dict[str, Any]]:
    session.require(roles.READ)
    return store.listing(session.db)


def publish_warnings(session: Session, package_id: str, today: date) -> dict[str, Any]:
    """Station: the bulletin's consumer warnings become the station's own warning records (once)."""
    from station_app.services.records import add_records

    session.require(roles.WRITE)
    found = [b for b in store.listing(session.db) if b["package_id"].startswith(package_id.strip() or "?")]
    if len(found) != 1:
        raise RuleViolation(f"找不到公告包“{package_id}”（可用 bulletin list 查看编号）")
    bulletin = found[0]
    if bulletin["published_at"]:
        raise RuleViolation(f"该公告包的消费警示已于 {bulletin['published_at'][:10]} 发布过")
    if not bulletin["warnings"]:
        raise RuleViolation("该公告包没有消费警示")
    added = add_records(session, "warning", bulletin["warnings"], today)
    with session.db.atomic():
        store.mark_published(session.db, bulletin["package_id"], session.now())
        session.audit("bulletin:publish", "bulletin", bulletin["package_id"], after={"warnings": len(added)})
    return {"package_id": bulletin["package_id"], "added": added}


def calendar_check(db_path: Path, today: date) -> dict[str, Any]:
    """For the self-check: this year's and later years the calendar knows (bundled, or from the register's
    bulletins), and the warning from November when next year is not one of them."""
    tables = store.holiday_tables_in(db_path) if Path(db_path).exists() else {}
    calendar = calendar_from_tables(tables)
    return {
        "calendar_known_years": sorted(y for y in calendar.known_years if y >= today.year),
        "calendar_warning": next_year_warning(today, calendar),
    }
