"""Benchmark of the county import: many station packages into one county register, beside a plain
sqlite3 bulk insert of the same complaint rows in the same run (issue "USB exchange": target within 2×).

    .venv/bin/python bench/bench_import.py                                   # 100,000 complaints, 30 stations
    .venv/bin/python bench/bench_import.py --complaints 1000000 --stations 300

The packages are made directly from a small demo register's cases, copied with new ids, numbers and
station codes (the demo generator would take half an hour for a million), signed by one key per station,
masked (no county key), written to a folder; then a county register (county mode: no trigram search index) that
already knows every station's key (as after the first month, when each fingerprint was checked by phone) imports
the whole folder in one call, as `station-app import FOLDER` does. A first import that big leaves the register's
lookup indexes to the background build beside the window (store/pending_indexes.py): that build is timed on its
own afterwards (``indexes_built_after_seconds``), so a kept register has them. Writes bench/out/import.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app import __version__
from station_app.formats import keys, package
from station_app.services import county_search, demo, station
from station_app.services.exchange.importing import import_packages
from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.store import exchange as exchange_store
from station_app.store.migrations import schema_version

TODAY = date(2026, 11, 23)


def seed_rows(folder: Path, count: int) -> list[dict]:
    session = Session.open(folder / "seed.sqlite3")
    demo.build_demo(session, count, TODAY)
    rows = exchange_store.export_rows(session.db, "complaints", since_last=False)
    session.close()
    for row in rows:
        row.pop("_events")
    return rows


def make_packages(
    folder: Path,
    pool: list[dict],
    complaints: int,
    stations: int,
    known: list[tuple[Path, Ed25519PrivateKey, str]] | None = None,
    prefix: str = "S",
) -> list[tuple[Path, Ed25519PrivateKey, str]]:
    """Packages of new cases; with ``known`` (an earlier month's), signed by the same stations' keys."""
    made = []
    per_station = complaints // stations
    for index in range(stations):
        code = f"{prefix}{index:03d}"
        signer = known[index][1] if known else Ed25519PrivateKey.generate()
        tag = "M" if known else ""
        rows = []
        for n in range(per_station):
            row = dict(pool[(index * per_station + n) % len(pool)])
            row.update(id=str(uuid.uuid4()), station_code=code, number=f"{code}-{row['year']}-{tag}{n + 1:05d}")
            rows.append(row)
        manifest = {
            "package_id": str(uuid.uuid4()),
            "schema_version": schema_version(),
            "app_version": __version__,
            "created_at": "2026-12-02T08:00:00+00:00",
            "created_by": "bench",
            "station": {
                "code": code,
                "name": f"第{index}站",
                "kind": "liaison_station",
                "venue_type": "village",
                "county": "示例县",
                "contact": "",
            },
            "installation_id": known[index][2] if known else str(uuid.uuid4()),
            "period": {"kind": "full", "since": None, "until": "2026-12-02T08:00:00+00:00"},
            "masked": True,
            "counts": {"complaints": len(rows)},
        }
        path = folder / f"{code}.stpkg"
        path.write_bytes(package.build(manifest, {"complaints": rows}, signer))
        made.append((path, signer, manifest["installation_id"]))
    return made


def register_keys(session: Session, made: list[tuple[Path, Ed25519PrivateKey, str]]) -> None:
    """The stations' keys registered, as after the fingerprints were checked by phone."""
    with session.db.atomic():
        for path, signer, installation in made:
            public = keys.raw_public(signer.public_key())
            exchange_store.register_key(
                session.db,
                {
                    "station_code": path.stem,
                    "public_key": keys.b64(public),
                    "fingerprint": keys.fingerprint(public),
                    "installation_id": installation,
                    "registered_at": "2026-11-02T08:00:00+00:00",
                    "role": "station",
                    "registered_by": "bench",
                },
            )


def plain_insert(folder: Path, county_db: Path, made: list[tuple[Path, Ed25519PrivateKey, str]]) -> tuple[float, float]:
    """The same rows into a bare table of the same columns, one transaction: (insert alone, reading the packages
    and inserting). The target compares with the first; the second says how much of an import is reading."""
    read_start = time.perf_counter()
    rows = []
    for path, _signer, _installation in made:
        members = package.open_members(package.parse(path.read_bytes(), max_schema=schema_version()))
        rows += members["complaints"]
    read = time.perf_counter() - read_start
    conn = sqlite3.connect(folder / "plain.sqlite3")
    columns = [r[1] for r in sqlite3.connect(county_db).execute("PRAGMA table_info(complaints)") if r[1] != "pk"]
    conn.execute(f"CREATE TABLE complaints ({', '.join(columns)})")
    start = time.perf_counter()
    with conn:
        conn.executemany(
            f"INSERT INTO complaints ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [[row.get(c) for c in columns] for row in rows],
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, read + elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--seed-complaints", type=int, default=5_000)
    parser.add_argument(
        "--then-month", type=int, default=0, help="then import a month of N new cases (all stations) into the result"
    )
    parser.add_argument("--keep", type=Path, help="keep the county register made here (bench/bench_county.py reads it)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    figures: dict[str, object] = {"complaints": args.complaints, "stations": args.stations}
    start = time.perf_counter()
    pool = seed_rows(folder, args.seed_complaints)
    packages = folder / "stick"
    packages.mkdir()
    made = make_packages(packages, pool, args.complaints, args.stations)
    figures["packages_made_seconds"] = round(time.perf_counter() - start, 1)
    figures["packages_mb"] = round(sum(p.stat().st_size for p, _s, _i in made) / 1e6, 1)
    county = Session.open(folder / "county.sqlite3")
    init_station(county, {"code": "COUNTY", "name": "示例县消费者协会", "kind": "branch", "venue_type": "other"}, TODAY)
    station.set_mode(county, "county")
    register_keys(county, made)  # every station's key checked by phone in an earlier month
    start = time.perf_counter()
    results = import_packages(county, [packages])
    imported = time.perf_counter() - start
    refused = sum(r["status"] != "imported" for r in results)
    total = county.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    # A big import leaves the lookup indexes to the background build (store/pending_indexes.py): timed on its own.
    start = time.perf_counter()
    figures["indexes_left_pending"] = county_search.build_indexes(county)
    figures["indexes_built_after_seconds"] = round(time.perf_counter() - start, 1)
    if args.then_month:  # the usual month: a county already holding the cases imports every station's month
        month = folder / "month"
        month.mkdir()
        make_packages(month, pool, args.then_month, args.stations, known=made)
        start = time.perf_counter()
        results = import_packages(county, [month])
        figures.update(
            month_cases=sum(r.get("added", 0) for r in results),
            month_import_seconds=round(time.perf_counter() - start, 1),
            month_refused=sum(r["status"] != "imported" for r in results),
        )
    county.close()
    if args.keep:
        shutil.copy(folder / "county.sqlite3", args.keep)
    plain, plain_with_reading = plain_insert(folder, folder / "county.sqlite3", made)
    figures.update(
        import_seconds=round(imported, 1),
        plain_insert_seconds=round(plain, 1),
        ratio=round(imported / plain, 1),
        plain_insert_with_reading_seconds=round(plain_with_reading, 1),
        ratio_to_reading_and_insert=round(imported / plain_with_reading, 1),
        complaints_in_county=total,
        refused=refused,
    )
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "import.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
