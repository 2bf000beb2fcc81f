"""Station → county: every record type arrives intact; merging follows the revision rules."""

from __future__ import annotations

from station_app.domain import periods
from station_app.formats import package
from station_app.services import complaints, exchange, tallies
from station_app.services.exchange.importing import import_packages
from station_app.services.exchange.log import import_log, open_conflicts
from station_app.store.migrations import schema_version
from tests.conftest import TODAY
from tests.services.exchange.registers import (
    accept,
    add_followup_and_delete,
    events,
    export,
    install_county_key,
    open_case,
    rows,
    snapshot,
)

TABLES = ("complaints", "followups", "consultations", "reports", "outreach_events", "warnings")


def test_round_trip_every_record_type_encrypted(make_station, county, tmp_path):
    station = make_station("XJ")
    add_followup_and_delete(station)
    install_county_key(county, station, tmp_path)
    path = export(station, tmp_path / "usb")
    result = accept(county, station, path)
    assert result["status"] == "imported", result
    assert result["encrypted"] and not result["masked"]
    for table in TABLES:
        assert rows(station, table, "XJ"), table
        assert rows(county, table, "XJ") == [_tombstoned(table, r) for r in rows(station, table, "XJ")], table
    assert events(county, "XJ") == events(station, "XJ")
    deleted = [r for r in rows(county, "complaints", "XJ") if r["deleted_at"]]
    assert len(deleted) == 1 and deleted[0]["consumer_name"] == ""  # a tombstone carries no personal data
    station_row = county.db.execute("SELECT name, is_local FROM stations WHERE code = 'XJ'").fetchone()
    assert station_row == ("新集镇消费维权服务站", 0)
    [log] = import_log(county)
    assert log["station_code"] == "XJ" and log["added"] == result["added"] > 0


def _tombstoned(table: str, row: dict) -> dict:
    if row["deleted_at"]:
        return {**row, **dict.fromkeys(exchange.PERSONAL.get(table, {}), "")}
    return row


def test_same_package_twice_changes_nothing(make_station, county, tmp_path):
    station = make_station("XJ")
    path = export(station, tmp_path / "usb")
    assert accept(county, station, path)["status"] == "imported"
    before = snapshot(county)
    again = accept(county, station, path)
    assert again["status"] == "unchanged" and again["added"] == again["changed"] == 0
    assert snapshot(county) == before


def test_newer_revision_replaces_older_never_overwrites(make_station, county, tmp_path):
    station = make_station("XJ")
    first = export(station, tmp_path / "usb1")
    number = open_case(station)
    complaints.transition(station, number, "accepted", {"on": "2026-11-23"}, TODAY)
    second = export(station, tmp_path / "usb2")

    def status() -> tuple:
        return county.db.execute("SELECT status, revision FROM complaints WHERE number = ?", [number]).fetchone()

    assert accept(county, station, second)["status"] == "imported"
    assert status() == ("accepted", 2)
    older = accept(county, station, first)
    assert older["older"] == 1 and status() == ("accepted", 2)
    assert events(county, "XJ") == events(station, "XJ")


def test_older_then_newer_is_a_change(make_station, county, tmp_path):
    station = make_station("XJ")
    first = export(station, tmp_path / "usb1")
    number = open_case(station)
    complaints.transition(station, number, "accepted", {"on": "2026-11-23"}, TODAY)
    second = export(station, tmp_path / "usb2", since_last=True)
    accept(county, station, first)
    result = accept(county, station, second)
    assert result["changed"] == 1 and result["added"] == 0
    assert events(county, "XJ") == events(station, "XJ")
    assert rows(county, "complaints", "XJ") == [
        {
            **r,
            "consumer_name": c["consumer_name"],
            "consumer_phone": c["consumer_phone"],
            "consumer_id_number": c["consumer_id_number"],
            "consumer_address": c["consumer_address"],
            "search_initials": c["search_initials"],
        }
        for r, c in zip(rows(station, "complaints", "XJ"), rows(county, "complaints", "XJ"), strict=True)
    ]


def test_since_last_carries_only_the_changes(make_station, tmp_path):
    station = make_station("XJ")
    export(station, tmp_path / "usb1")
    complaints.transition(station, open_case(station), "accepted", {"on": "2026-11-23"}, TODAY)
    result = exchange.export_package(station, tmp_path / "usb2", since_last=True)
    assert result["counts"]["complaints"] == 1
    assert sum(result["counts"][t] for t in TABLES) == 1
    empty = exchange.export_package(station, tmp_path / "usb3", since_last=True)
    assert sum(empty["counts"][t] for t in TABLES) == 0


def test_same_revision_other_content_is_a_conflict_not_applied(make_station, county, tmp_path):
    station = make_station("XJ")
    accept(county, station, export(station, tmp_path / "usb1"))
    number = open_case(station)
    # Another copy of the register changed the record without a new revision (restored backup, two PCs …).
    station.db.execute("UPDATE complaints SET subject = '改过的商品' WHERE number = ?", [number])
    station.db.execute("DELETE FROM exchange_sent")
    second = export(station, tmp_path / "usb2")
    result = accept(county, station, second)
    assert result["status"] == "imported" and result["conflicts"] == 1
    subject = county.db.execute("SELECT subject FROM complaints WHERE number = ?", [number]).fetchone()[0]
    assert subject != "改过的商品"
    [conflict] = open_conflicts(county)
    assert conflict["number"] == number and conflict["revision"] == 1
    before = snapshot(county)
    again = accept(county, station, second)
    assert again["status"] == "unchanged" and again["conflicts"] == 0 and again["conflicts_known"] == 1
    assert snapshot(county) == before


def test_dry_run_writes_nothing(make_station, county, tmp_path):
    station = make_station("XJ")
    path = export(station, tmp_path / "usb")
    before = snapshot(county)
    [result] = import_packages(county, [path], dry_run=True)  # no key accepted yet: still a report
    assert result["status"] == "dry_run" and result["added"] > 0 and result["new_key"]
    assert snapshot(county) == before


def test_folder_of_two_stations_and_county_tally_is_their_sum(make_station, county, tmp_path):
    xj, dl = make_station("XJ", 30, seed=1), make_station("DL", 20, seed=2)
    usb = tmp_path / "usb"
    export(xj, usb)
    export(dl, usb)
    for station in (xj, dl):
        [result] = [
            r
            for r in import_packages(county, [usb], accept_key=exchange.station_key(station)["fingerprint"])
            if r.get("station") == station.station()["code"]
        ]
        assert result["status"] == "imported", result
    for period in (periods.year("2026"), periods.year("2025"), periods.month("2026-03")):
        total = tallies.tally(county, period, TODAY, with_previous=False)
        parts = [tallies.tally(s, period, TODAY, with_previous=False) for s in (xj, dl)]
        assert total["complaints"]["by_station"].pop("SXX") == 0  # the county registers no cases itself
        assert not list(_diff(_figures(total), _add(_figures(parts[0]), _figures(parts[1]))))
        assert total["complaints"]["registered"] > 0 or period.kind == "month"


def _figures(block: dict) -> dict:
    """The counted figures (rates and shares are not additive)."""
    skip = {"period", "as_of", "stations", "shares", "settlement_rate", "satisfaction_rate"}
    out = {}
    for key, value in block.items():
        if key in skip:
            continue
        out[key] = _figures(value) if isinstance(value, dict) else value
    return out


def _add(a: dict, b: dict) -> dict:
    out = {}
    for key in a.keys() | b.keys():
        x, y = a.get(key, 0), b.get(key, 0)
        out[key] = _add(x, y) if isinstance(x, dict) or isinstance(y, dict) else x + y
    return out


def test_newer_schema_and_format_refused(make_station, county, tmp_path, monkeypatch):
    station = make_station("XJ")
    monkeypatch.setattr(package, "FORMAT_VERSION", package.FORMAT_VERSION + 1)
    path = export_unverified(station, tmp_path)
    monkeypatch.undo()
    before = snapshot(county)
    result = accept(county, station, path)
    assert result["status"] == "refused" and result["code"] == "newer_version"
    assert "更新版本" in result["reason"]
    assert snapshot(county) == before
    assert schema_version() >= 2


def export_unverified(station, tmp_path):
    """A package as a newer release would write it (this release cannot read it back)."""
    from station_app.services.exchange.export import collect
    from station_app.services.exchange.keys import signer as station_signer

    signer, _ = station_signer(station)
    members, _, counts = collect(station, False, masked=True)
    manifest = {
        "package_id": station.new_id(),
        "schema_version": schema_version(),
        "app_version": "9.0",
        "created_at": station.now(),
        "installation_id": "x",
        "masked": True,
        "counts": counts,
        "period": {"kind": "full"},
        "station": {k: station.station()[k] or "" for k in ("code", "name", "kind", "venue_type", "county", "contact")},
    }
    path = tmp_path / f"newer{package.SUFFIX}"
    path.write_bytes(package.build(manifest, members, signer))
    return path


def _diff(a, b, path=""):
    for key in a.keys() | b.keys():
        x, y = a.get(key), b.get(key)
        if isinstance(x, dict) and isinstance(y, dict):
            yield from _diff(x, y, f"{path}.{key}")
        elif x != y:
            yield f"{path}.{key}: {x} != {y}"


def test_an_entrusted_mediation_reaches_the_county_in_the_cases_history(make_station, county, tmp_path):
    """受市场监管部门委托调解 (Order 20 Art. 17) is a history entry of the case, not a new record field: it travels in
    the package format as it is (complaint_events lines), and the county's case shows the same office."""
    from datetime import date

    from station_app.services import complaint_views, entrustment

    station = make_station("XJ")
    number = open_case(station)
    entrustment.set_entrusted(station, number, "示例县市场监督管理局", date(2026, 11, 23), TODAY)
    assert accept(county, station, export(station, tmp_path / "usb"))["status"] == "imported"
    assert complaint_views.show(county, number, TODAY)["entrusted"] == {
        "office": "示例县市场监督管理局",
        "on": "2026-11-23",
    }
    assert events(county, "XJ") == events(station, "XJ")
