"""Stations and a county office on files, as on the PCs: demo registers, keys beside them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from station_app.domain import workflow
from station_app.services import complaints, exchange
from station_app.services.exchange.importing import import_packages
from station_app.services.session import Session
from station_app.services.station import init_station
from tests.conftest import TODAY

PERSON = {"name": "张三丰", "phone": "13800138000", "id_number": "11010519491231002X", "address": "新集镇东街 8 号"}

STATIONS = {
    "XJ": ("新集镇消费维权服务站", "维权服务站", "农村"),
    "DL": ("东林社区投诉站", "投诉站", "社区"),
    "SXX": ("示例县消费者协会", "消协分会", "其他"),
}


def open_register(folder: Path, code: str, *, init: bool = True) -> Session:
    session = Session.open(folder / "register.sqlite3", actor="李站长")
    session.clock = lambda: datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    if init:
        name, kind, venue = STATIONS[code]
        init_station(
            session, {"code": code, "name": name, "kind": kind, "venue_type": venue, "county": "示例县"}, TODAY
        )
    return session


def export(station: Session, folder: Path, **options) -> Path:
    return Path(exchange.export_package(station, folder, **options)["file"])


def fingerprint(station: Session) -> str:
    return exchange.station_key(station)["fingerprint"]


def accept(county: Session, station: Session, path: Path, **options) -> dict:
    [result] = import_packages(county, [path], accept_key=fingerprint(station), **options)
    return result


def install_county_key(county: Session, station: Session, folder: Path) -> None:
    exported = exchange.export_county_key(county, folder / "county.pub")
    exchange.install_county_key(station, Path(exported["file"]).read_bytes())


def snapshot(session: Session) -> dict[str, list[tuple]]:
    """Every table's content (what "unchanged" means: the same rows, not the same file bytes)."""
    names = [
        r[0]
        for r in session.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'complaints_fts%'"
        )
    ]
    return {
        name: sorted(map(tuple, session.db.execute(f"SELECT * FROM {name}").fetchall()), key=repr) for name in names
    }


def rows(session: Session, table: str, station: str) -> list[dict]:
    cursor = session.db.execute(f"SELECT * FROM {table} WHERE station_code = ? ORDER BY id", [station])
    names = [d[0] for d in cursor.description]
    return [{k: v for k, v in zip(names, r, strict=True) if k != "pk"} for r in cursor]


def events(session: Session, station: str) -> list[tuple]:
    return session.db.execute(
        "SELECT e.complaint_id, e.kind, e.from_status, e.to_status, e.on_date, e.data, e.at, e.actor"
        " FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id WHERE c.station_code = ?"
        " ORDER BY e.complaint_id, e.pk",
        [station],
    ).fetchall()


def closed_case(station: Session) -> str:
    return station.db.execute(
        "SELECT number FROM complaints WHERE status IN ({}) AND deleted_at IS NULL ORDER BY pk LIMIT 1".format(
            ", ".join(f"'{s}'" for s in workflow.CLOSED_STATES)
        )
    ).fetchone()[0]


def open_case(station: Session) -> str:
    return station.db.execute(
        "SELECT number FROM complaints WHERE status = 'registered' AND deleted_at IS NULL ORDER BY pk LIMIT 1"
    ).fetchone()[0]


def add_followup_and_delete(station: Session) -> None:
    complaints.add_followup(station, closed_case(station), {"satisfaction": "satisfied", "date": "2026-11-23"}, TODAY)
    complaints.delete(station, open_case(station), "重复登记")
