"""Evidence in USB packages (format 2): files travel only encrypted to the county, checked by their hash."""

from __future__ import annotations

from pathlib import Path

from station_app.exchange import package
from station_app.services import evidence
from station_app.services.exchange import _collect
from tests.exchange.conftest import accept, export, install_county_key

PHOTO = b"\xff\xd8\xff\xe0 invoice 13800138000 " + "张三".encode()


def attach(station, tmp_path, name="张三的发票.jpg"):
    number = station.db.execute("SELECT number FROM complaints ORDER BY pk LIMIT 1").fetchone()[0]
    source = tmp_path / name
    source.write_bytes(PHOTO)
    return evidence.attach(station, number, source, "发票")


def test_encrypted_package_carries_the_file_and_the_county_stores_it(make_station, county, tmp_path):
    station = make_station("XJ")
    install_county_key(county, station, tmp_path)
    added = attach(station, tmp_path)
    path = export(station, tmp_path)
    assert PHOTO not in path.read_bytes()  # encrypted
    result = accept(county, station, path)
    assert result["status"] == "imported" and result["evidence"] == 1
    rows = evidence.list_for(county, added["complaint_id"])
    assert [r["file_name"] for r in rows] == ["张三的发票.jpg"]
    assert Path(rows[0]["path"]).read_bytes() == PHOTO
    assert accept(county, station, path)["status"] == "unchanged"  # again: nothing new
    evidence.remove(station, added["id"], "传错了")
    later = export(station, tmp_path, since_last=True)
    assert accept(county, station, later)["evidence"] == 1
    assert evidence.list_for(county, added["complaint_id"]) == []


def test_masked_package_carries_neither_the_file_nor_its_name(make_station, county, tmp_path):
    station = make_station("XJ")
    attach(station, tmp_path)
    members, _, counts = _collect(station, False, masked=True)
    assert counts["evidence"] == 1 and counts["evidence_files"] == 0
    assert members["evidence"][0]["file_name"] == "" and members["evidence_files"] == []
    data = export(station, tmp_path).read_bytes()
    assert "张三的发票".encode() not in data


def test_a_file_that_does_not_match_its_hash_refuses_the_package(make_station, county, tmp_path, monkeypatch):
    station = make_station("XJ")
    install_county_key(county, station, tmp_path)
    attach(station, tmp_path)
    original = package.build

    def tampered(manifest, members, signer, recipient=None):
        members["evidence_files"][0]["data"] = "AAAA" + members["evidence_files"][0]["data"][4:]
        return original(manifest, members, signer, recipient)

    monkeypatch.setattr(package, "build", tampered)
    monkeypatch.setattr("station_app.services.exchange._verify_written", lambda *a, **k: None)
    path = export(station, tmp_path)
    monkeypatch.undo()
    result = accept(county, station, path)
    assert result["status"] == "refused" and result["code"] == "damaged"
    assert county.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    assert county.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0  # refused whole


def test_cancel_stops_between_packages_and_never_inside_one(make_station, county, tmp_path):
    from station_app.services.exchange import station_key
    from station_app.services.exchange_import import import_packages

    first, second = make_station("XJ"), make_station("DL", seed=9)
    folder = tmp_path / "stick"
    folder.mkdir()
    export(first, folder)
    export(second, folder)
    seen = []
    asked = iter([False, True])
    results = import_packages(
        county,
        [folder],
        accept_key=station_key(first)["fingerprint"],
        progress=lambda done, total, name: seen.append((done, total)),
        cancelled=lambda: next(asked),
    )
    assert [r["status"] for r in results][1] == "cancelled" and results[0]["status"] != "cancelled"
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    skipped = Path(results[1]["file"]).name.split("-")[0]
    held = {row[0] for row in county.db.execute("SELECT DISTINCT station_code FROM complaints")}
    assert skipped not in held  # the package not begun left nothing behind
