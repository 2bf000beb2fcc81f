"""Finding 1 of issue 16: what a package may carry follows from whose key signed it and where that key is
registered, never from its manifest alone. Every attack is a real package re-signed with a real key."""

from __future__ import annotations

from station_app.services import audit_trail, exchange
from station_app.services.exchange.importing import import_packages
from tests.services.exchange.registers import accept, export, fingerprint, snapshot
from tests.trust.crafted_packages import opened, resigned

FAKE = {
    "code": "FAKE",
    "name": "不存在的站",
    "kind": "complaint_station",
    "venue_type": "village",
    "county": "示例县",
    "contact": "",
}


def _station_entry(session):
    return {k: session.station()[k] or "" for k in ("code", "name", "kind", "venue_type", "county", "contact")}


def test_a_station_key_cannot_speak_for_the_county(make_station, offices, tmp_path):
    """The attack as found: XJ's own registered key signs a "rollup" listing DL and a station that does not exist,
    carrying a higher revision of DL's case. The county refuses it whole; nothing changes; the audit stays clean."""
    county = offices("SXX")
    xj, dl = make_station("XJ"), make_station("DL", seed=8)
    for station in (xj, dl):
        assert accept(county, station, export(station, tmp_path / station.station()["code"]))["status"] == "imported"
    before = snapshot(county)
    _, dl_records = opened(export(dl, tmp_path / "dl-again"))
    case = dict(dl_records["complaints"][0], revision=dl_records["complaints"][0]["revision"] + 5, facts="被篡改")

    def as_rollup(manifest):
        manifest["kind"] = "rollup"
        manifest["stations"] = [_station_entry(dl), FAKE]

    def records(members):
        members["complaints"].append(case)
        members["complaints"].append(dict(case, id="fake-1", number="FAKE-2026-0001", station_code="FAKE"))

    crafted = resigned(
        export(xj, tmp_path / "xj-again"), tmp_path / "crafted.stpkg", xj, manifest=as_rollup, records=records
    )
    [result] = import_packages(county, [crafted])
    assert result["status"] == "refused" and result["code"] == "wrong_kind", result
    assert "汇总数据包只能在上一级" in result["reason"]
    assert snapshot(county) == before
    assert county.db.execute("SELECT count(*) FROM stations WHERE code = 'FAKE'").fetchone()[0] == 0
    assert audit_trail.verify(county) == []


def test_at_the_city_a_county_speaks_only_for_the_stations_it_brought(make_station, offices, tmp_path):
    city = offices("CITY", "city", "示例市")
    county_a, county_b = offices("CA", area="甲县"), offices("CB", area="乙县")
    xj, dl = make_station("XJ"), make_station("DL", seed=8)
    for county, station in ((county_a, xj), (county_b, dl)):
        assert accept(county, station, export(station, tmp_path / station.station()["code"]))["status"] == "imported"
    rollups = {}
    for county in (county_a, county_b):
        code = county.station()["code"]
        rollups[code] = export(county, tmp_path / f"up-{code}", rollup=True)
        assert accept(city, county, rollups[code])["status"] == "imported"
    assert city.db.execute("SELECT role FROM exchange_station_keys WHERE station_code = 'CA'").fetchone()[0] == "county"
    before = snapshot(city)

    # County A claims DL, which county B brought, with DL's records from B's roll-up at a higher revision.
    _, b_records = opened(rollups["CB"])
    stolen = [
        dict(r, revision=r["revision"] + 1, facts="甲县改写")
        for r in b_records["complaints"]
        if r["station_code"] == "DL"
    ]

    def claim_dl(manifest):
        manifest["stations"].append(_station_entry(dl))

    crafted = resigned(
        export(county_a, tmp_path / "up-a2", rollup=True),
        tmp_path / "claim.stpkg",
        county_a,
        manifest=claim_dl,
        records=lambda members: members["complaints"].extend(stolen),
    )
    [result] = import_packages(city, [crafted])
    assert result["status"] == "refused" and result["code"] == "foreign_record", result
    assert "DL" in result["reason"] and "CB" in result["reason"]

    # A station's own package is not the city's to take; a roll-up is not a county's to take.
    [result] = import_packages(city, [export(xj, tmp_path / "xj-city")], accept_key=fingerprint(xj))
    assert result["status"] == "refused" and result["code"] == "wrong_kind"
    [result] = import_packages(county_a, [rollups["CB"]], accept_key=fingerprint(county_b))
    assert result["status"] == "refused" and result["code"] == "wrong_kind"
    assert snapshot(city) == before


def test_a_key_registered_for_one_station_cannot_speak_for_another(make_station, offices, tmp_path):
    county = offices("SXX")
    xj = make_station("XJ")
    assert accept(county, xj, export(xj, tmp_path / "xj"))["status"] == "imported"
    before = snapshot(county)

    def as_fake(manifest):
        manifest["station"] = FAKE

    def records(members):
        for table in members:
            if table != "evidence_files":
                members[table] = []
        return members

    crafted = resigned(export(xj, tmp_path / "xj2"), tmp_path / "fake.stpkg", xj, manifest=as_fake, records=records)
    [result] = import_packages(county, [crafted], accept_key=exchange.station_key(xj)["fingerprint"])
    assert result["status"] == "refused" and result["code"] == "wrong_key", result
    assert "XJ" in result["reason"]
    assert snapshot(county) == before
