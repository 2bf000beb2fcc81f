"""USB exchange at the county: check each package and merge it in one transaction, or refuse it whole.

Rules (docs/package-format.md): a newer revision replaces an older one, an older one never overwrites a
newer one, the same revision with other content is a conflict (listed, not applied); importing the same
package twice changes nothing.
"""

from __future__ import annotations

import re
import sqlite3
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from station_app.domain import roles
from station_app.domain.errors import RuleViolation
from station_app.formats import keys, package
from station_app.services import station
from station_app.services.exchange import anchors
from station_app.services.exchange.keys import county_private_key
from station_app.services.exchange.plan import Plan, Refused, record_columns, rollup_stations
from station_app.services.exchange.reading import Prepared, Trusted, prepare, readers
from station_app.services.session import Session
from station_app.store import bulk, staging
from station_app.store import exchange as store

STATION_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")


def package_files(paths: list[Path]) -> list[Path]:
    """The files named, and the packages inside the folders named (oldest name first)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob(f"*{package.SUFFIX}"))
        else:
            found.append(path)
    return found


def import_packages(
    session: Session,
    paths: list[Path],
    *,
    dry_run: bool = False,
    accept_key: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[dict[str, Any]]:
    """Each package checked and applied (or refused) on its own; one result per file.

    ``cancelled`` is asked between packages: a package is never stopped halfway (it is one transaction),
    the ones not yet begun are reported as not imported.
    """
    session.require(roles.EXCHANGE)
    files = package_files(paths)
    if not files:
        raise RuleViolation("没有找到数据包（*.stpkg）")
    county = county_private_key(session, create=False)
    results = []
    # Several packages: one transaction, each package in a savepoint of its own (store/bulk.py).
    batch = (
        bulk.ImportBatch(session.db, defer_indexes=_bigger_than_register(session, files))
        if len(files) > 1 and not dry_run
        else nullcontext()
    )
    # The packages ahead are read, verified, inflated, parsed, checked and staged by readers (reading.py)
    # while this one is merged; the stage is attached after the batch has begun and left after it has ended.
    with readers(files) as reader, staging.attached(session.db), batch:
        columns = record_columns(session.db)
        layouts = {table: staging.layout(session.db, table) for table in columns}
        county_raw = None if county is None else keys.raw_private(county)
        # A dry run reports what an unknown station's package would do (it is read, within the size bounds).
        trusted = None if dry_run else Trusted(store.station_public_keys(session.db), accept_key)
        ahead: deque[Future[Prepared]] = deque()
        for position, path in enumerate(files):
            while len(ahead) < reader.depth and position + len(ahead) < len(files):
                ahead.append(
                    reader.pool.submit(prepare, files[position + len(ahead)], county_raw, columns, trusted, layouts)
                )
            if cancelled is not None and cancelled():
                results += [
                    {"file": str(rest), "status": "cancelled", "code": "cancelled", "reason": "已取消，未导入"}
                    for rest in files[position:]
                ]
                break
            prepared = ahead.popleft().result()
            if progress is not None:
                progress(position, len(files), path.name)
            result = import_file(session, path, dry_run=dry_run, accept_key=accept_key, prepared=prepared)
            results.append(result)
            if isinstance(batch, bulk.ImportBatch):
                batch.applied(result.get("added", 0) + result.get("changed", 0))
    if progress is not None:
        progress(len(files), len(files), "")
    return results


PACKAGE_BYTES_PER_CASE = 220  # a masked case with its history, compressed (bench: 217 MB for a million)


def _bigger_than_register(session: Session, files: list[Path]) -> bool:
    """Do the packages hold about as many cases as the register already has (and at least 50,000)?"""
    try:
        cases = sum(f.stat().st_size for f in files) // PACKAGE_BYTES_PER_CASE
    except OSError:
        return False  # an unreadable file is refused by its own import
    return cases >= max(50_000, store.complaint_count(session.db))


def import_file(
    session: Session,
    path: Path,
    *,
    dry_run: bool,
    accept_key: str | None,
    prepared: Prepared,
) -> dict[str, Any]:
    """One package, read ahead by ``prepare`` (its stage, if any, loaded here: ``import_packages`` attached it)."""
    session.require(roles.EXCHANGE)
    result: dict[str, Any] = {"file": str(path), "status": "refused", "code": "", "reason": ""}
    try:
        if prepared.unreadable is not None:
            raise prepared.unreadable
        pkg = prepared.pkg
        assert pkg is not None  # read: unreadable is None
        manifest = pkg.manifest
        result.update(
            package_id=manifest["package_id"],
            station=manifest["station"]["code"],
            fingerprint=pkg.fingerprint,
            masked=manifest["masked"],
            encrypted=pkg.encrypted,
        )
        new_key, role = _check_station(session, pkg, dry_run=dry_run, accept_key=accept_key)
        brought = _check_rollup(session, pkg) if role == "county" else []
        if prepared.unopenable is not None:
            raise prepared.unopenable
        assert prepared.members is not None  # opened: unopenable is None
        _check_references(session, prepared.references)
        with session.db.atomic():
            reset = new_key or _accepted(accept_key, pkg)  # --accept-key: the county checked with the station
            if rewritten := anchors.admit(session, manifest, record=not dry_run, reset=reset):  # the chain's head
                raise Refused("audit_rewritten", rewritten)
            if prepared.staged is not None:
                staging.load(session.db, prepared.staged)
            plan = Plan(session, pkg, prepared.members, prepared.staged, dry_run=dry_run)
            result.update(plan.counts, new_key=new_key)
            if dry_run:
                result["status"] = "dry_run"
            elif plan.nothing_new():
                result["status"] = "unchanged"
            else:
                plan.apply(path, prepared.sha256, new_key, role=role, brought=brought)
                result["status"] = "imported"
        if result["status"] == "imported":
            plan.evidence.remove_erased_files()  # committed: an erased person's files may go now
    except package.PackageError as exc:
        result.update(code=exc.code, reason=str(exc))
    except Refused as exc:
        result.update(code=exc.code, reason=str(exc))
    except sqlite3.IntegrityError as exc:
        result.update(code="integrity", reason=f"数据包中的记录与本登记簿冲突（{exc}），整个数据包未导入")
    return result


ROLE_LABELS = {"station": "站点", "county": "县局"}


def _check_station(
    session: Session, pkg: package.Package, *, dry_run: bool, accept_key: str | None
) -> tuple[bool, str]:
    """Whose package this is and what it may carry, from the signer's registration and this register's level,
    never from the manifest alone (docs/package-format.md, "Who may speak for whom"). Returns (a new key, the
    key's role).

    The signing key must be the one registered for the station; the first one is accepted only with a matching
    ``--accept-key`` fingerprint (read out by the station over the phone)."""
    code = pkg.manifest["station"]["code"]
    if not STATION_CODE.match(code):
        raise Refused("unknown_station", f"站点编码“{code}”不正确，数据包不能导入")
    role = _role_here(session, pkg)
    if store.is_local_station(session.db, code):
        raise Refused("own_station", f"这是本站（{code}）自己导出的数据包，不能导入本登记簿")
    registered = store.station_key(session.db, code)
    public = keys.b64(pkg.public_key)
    if registered is not None and registered["role"] != role:
        raise Refused(
            "wrong_key",
            f"{code} 在本登记簿登记的是{ROLE_LABELS.get(registered['role'], '其他')}密钥，"
            f"不能用来导入{ROLE_LABELS[role]}的数据包，已拒收",
        )
    owner = store.key_owner(session.db, public)
    if owner is not None and owner != code:
        raise Refused("wrong_key", f"数据包的签名密钥已登记为 {owner} 的密钥，不能代表 {code}：可能是伪造的，已拒收")
    if registered is not None:
        if registered["public_key"] == public:
            return False, role
        if _accepted(accept_key, pkg):  # the station changed PCs: the new fingerprint was checked by phone
            return True, role
        raise Refused(
            "wrong_key",
            f"数据包不是用站点 {code} 登记的密钥签名的（登记的指纹 {registered['fingerprint']}，"
            f"数据包的指纹 {pkg.fingerprint}）：可能来自另一台电脑或是伪造的，已拒收。"
            "如站点确实更换了电脑，请电话核对新指纹后用 --accept-key 新指纹 导入",
        )
    if dry_run or _accepted(accept_key, pkg):
        return True, role
    raise Refused(
        "unregistered_key",
        f"首次导入{ROLE_LABELS[role]} {code}（{pkg.manifest['station']['name']}）的数据包：请电话向对方核对密钥指纹 "
        f'{pkg.fingerprint}，一致后用 --accept-key "{pkg.fingerprint}" 再导入',
    )


def _role_here(session: Session, pkg: package.Package) -> str:
    """The role a signer must have at this register: a county register (and a station's) takes the stations' own
    packages, a city register the counties' roll-ups; any other kind of package is refused here."""
    kind = pkg.manifest.get("kind")
    if station.mode(session) == "city":
        if kind != "rollup":
            raise Refused("wrong_kind", "市级登记簿只导入县局的汇总数据包；站点的数据包请交县局导入")
        return "county"
    if kind == "rollup":
        raise Refused(
            "wrong_kind", "汇总数据包只能在上一级（市级）登记簿导入；本登记簿只导入各站自己导出的数据包，已拒收"
        )
    if kind is not None:
        raise Refused(
            "wrong_kind",
            "这不是站点导出的数据包（可能是县局的答复包或公告包：请在站点用 answers import 或 bulletin import 导入）",
        )
    return "station"


def _check_rollup(session: Session, pkg: package.Package) -> list[str]:
    """A county speaks only for the stations it brought to this register: none of this register's own, none
    another county brought. Returns the stations it brings for the first time."""
    county = pkg.manifest["station"]["code"]
    listed = [s["code"] for s in rollup_stations(pkg.manifest)]
    if len(set(listed)) != len(listed) or county in listed:
        raise package.damaged("汇总数据包的站点清单有重复")
    bad = [c for c in listed if not STATION_CODE.match(c)]
    if bad:
        raise Refused("unknown_station", f"站点编码“{bad[0]}”不正确，数据包不能导入")
    spoken = store.spoken_for(session.db, listed)
    known = store.station_codes(session.db)
    for code in listed:
        if spoken.get(code, county) != county or (code in known and code not in spoken):
            owner = spoken.get(code)
            whose = f"县局 {owner}" if owner else "本登记簿"
            raise Refused(
                "foreign_record", f"汇总数据包列出的站点 {code} 属于{whose}，{county} 不能代表它，整个数据包已拒收"
            )
    return [code for code in listed if code not in spoken]


def _check_references(session: Session, references: dict[str, tuple[str, str]]) -> None:
    """The cases that follow-ups refer to outside their package: in the register, of the follow-up's station."""
    if not references:
        return
    found = store.current(session.db, "complaints", list(references))
    for case, (station_code, number) in references.items():
        row = found.get(case)
        if row is None or row["station_code"] != station_code:
            raise Refused(
                "invalid_record",
                f"回访 {number}：所回访的投诉不在本登记簿中或不属于站点 {station_code}，整个数据包已拒收",
            )


def _accepted(accept_key: str | None, pkg: package.Package) -> bool:
    return keys.fingerprint_matches(accept_key, pkg.fingerprint)
