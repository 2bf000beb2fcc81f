"""Evidence in USB packages (format 2): files travel only encrypted to the county, checked by their hash."""

from __future__ import annotations

from pathlib import Path

from station_app.formats import package
from station_app.services import evidence
from station_app.services.exchange.export import collect
from tests.services.exchange.registers import accept, export, install_county_key

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
    members, _, counts = collect(station, False, masked=True)
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
    monkeypatch.setattr("station_app.services.exchange.export._verify_written", lambda *a, **k: None)
    path = export(station, tmp_path)
    monkeypatch.undo()
    result = accept(county, station, path)
    assert result["status"] == "refused" and result["code"] == "damaged"
    assert county.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    assert county.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0  # refused whole


def test_cancel_stops_between_packages_and_never_inside_one(make_station, county, tmp_path):
    from station_app.services.exchange.importing import import_packages
    from station_app.services.exchange.keys import station_key

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


def test_a_big_package_indexed_at_the_end_gives_the_same_register(make_station, tmp_path, monkeypatch):
    """Bulk path (triggers off, search index and aggregates built once) == row-by-row path, and search works."""
    from station_app.services.exchange import importing, plan
    from station_app.services.exchange.keys import station_key
    from station_app.store import tally_county, tally_months
    from station_app.store.complaints import ComplaintFilter, count
    from tests.services.exchange.registers import open_register, snapshot
    from tests.store.tally_checks import recount

    station = make_station("XJ", complaints_count=300)
    path = export(station, tmp_path)
    fingerprint = station_key(station)["fingerprint"]
    registers = []
    added = []  # the aggregates the reader staged beside the cases (store/staging.py), in the bulk path only
    real = tally_months.add_contributions
    monkeypatch.setattr(tally_months, "add_contributions", lambda db, source: added.append(source) or real(db, source))
    for folder, threshold in (("bulk", 1), ("rows", 10**9)):
        monkeypatch.setattr(plan, "BULK_ROWS", threshold)
        county = open_register(tmp_path / folder, "SXX")
        [result] = importing.import_packages(county, [path], accept_key=fingerprint)
        assert result["status"] == "imported"
        registers.append(county)
    bulk, rows = registers
    assert added == ["stage.complaints__tally"]
    assert snapshot(bulk)["complaints"] == snapshot(rows)["complaints"]
    assert tally_months.all_rows(bulk.db) == tally_months.all_rows(rows.db) == recount(bulk.db)
    for term in ("华联超市", "张三", "zs"):
        found = count(bulk.db, ComplaintFilter(search=term))
        assert found == count(rows.db, ComplaintFilter(search=term)), term
        assert found > 0 or term != "华联超市", term  # the bulk path's search index answers
    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    assert bulk.db.execute(triggers).fetchall() == rows.db.execute(triggers).fetchall()  # put back
    assert tally_county.all_rows(bulk.db) == tally_county.all_rows(rows.db) == tally_county.recount(bulk.db)
    for register in registers:
        register.close()
