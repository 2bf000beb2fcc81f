"""The readers of an import: one thread or worker processes, staged records or rows in Python — the same register."""

from __future__ import annotations

import pickle

import pytest

from station_app.formats import package
from station_app.services import complaints
from station_app.services.exchange import plan, reading
from station_app.services.exchange.importing import import_packages
from station_app.services.exchange.plan import Refused
from station_app.store import audit, seals, staging
from tests.conftest import TODAY, complaint_payload
from tests.services.exchange.registers import export, fingerprint, open_register

TABLES = (
    "complaints",
    "complaint_events",
    "followups",
    "tally_months",
    "exchange_masked",
    "exchange_imports",
    "audit_seals",  # sealed beside the merge (staged) or from the register (rows in Python): the same seals
)


def merged(session) -> dict[str, list[tuple]]:
    return {t: sorted(map(tuple, session.db.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in TABLES}


@pytest.fixture
def stick(make_station, tmp_path):
    """Two stations' first full packages and a later one of each (new cases, changed ones), plus a damaged file."""
    xj, dl = make_station("XJ"), make_station("DL", seed=3)
    folder = tmp_path / "stick"
    export(xj, folder).rename(folder / "1-xj.stpkg")
    export(dl, folder).rename(folder / "2-dl.stpkg")
    complaints.add_complaints(xj, [complaint_payload(), complaint_payload()], TODAY)
    complaints.add_complaints(dl, [complaint_payload()], TODAY)
    export(xj, folder, since_last=True).rename(folder / "3-xj.stpkg")
    data = bytearray(export(dl, tmp_path / "later", since_last=True).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "4-dl-damaged.stpkg").write_bytes(bytes(data))
    return folder, {"XJ": fingerprint(xj), "DL": fingerprint(dl)}


def import_into(tmp_path, name: str, stick) -> tuple[list, dict]:
    folder, prints = stick
    county = open_register(tmp_path / name, "SXX")
    try:
        for code, number in (("XJ", 1), ("DL", 2)):  # each station's key accepted on its first package
            [first] = import_packages(county, [next(folder.glob(f"{number}-*"))], accept_key=prints[code])
            assert first["status"] == "imported"
        results = import_packages(county, [folder])  # the whole stick again: two unchanged, one new, one damaged
        assert audit.verify(county.db) == []
        return [(r["status"], r["code"], r.get("added")) for r in results], merged(county)
    finally:
        county.close()


def test_threads_processes_and_rows_in_python_merge_the_same(stick, tmp_path, monkeypatch):
    threaded = import_into(tmp_path, "threaded", stick)
    assert threaded[0] == [
        ("unchanged", "", 0),
        ("unchanged", "", 0),
        ("imported", "", 2),
        ("refused", "damaged", None),
    ]  # few cases: the triggers counted each one; from here on as for thousands (aggregated once per package)
    monkeypatch.setattr(plan, "BULK_ROWS", 1)
    assert import_into(tmp_path, "bulk", stick) == threaded
    monkeypatch.setattr(reading, "PROCESS_BYTES", 0)  # worker processes for any size
    pools = []

    class Recorded(reading.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(reading, "ProcessPoolExecutor", Recorded)
    assert import_into(tmp_path, "processes", stick) == threaded
    assert pools and max(pools) == 2  # the folder of four: two workers
    monkeypatch.setattr(reading, "PROCESS_BYTES", 1 << 40)
    monkeypatch.setattr(staging, "uniform_columns", lambda rows: None)  # nothing staged: every row through Python
    assert import_into(tmp_path, "python", stick) == threaded


def test_staged_rows_are_sealed_by_the_reader_not_read_back_from_the_register(stick, tmp_path, monkeypatch):
    monkeypatch.setattr(plan, "BULK_ROWS", 1)
    resealed: list[str] = []
    real = seals._reseal

    def counted(db, table):
        resealed.extend(table for _ in db.execute("SELECT 1 FROM temp.audit_touched WHERE tbl = ?", [table]))
        return real(db, table)

    monkeypatch.setattr(seals, "_reseal", counted)
    import_into(tmp_path, "sealed", stick)
    assert "complaints" not in resealed and "consultations" not in resealed  # filed as the readers sealed them


def test_a_refusal_crosses_from_a_worker_process_whole():
    for error in (package.damaged("x"), Refused("foreign_record", "不属于")):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and back.code == error.code and str(back) == str(error)


def test_cancel_between_packages_with_worker_processes(stick, tmp_path, monkeypatch):
    folder, prints = stick
    monkeypatch.setattr(reading, "PROCESS_BYTES", 0)
    county = open_register(tmp_path / "county", "SXX")
    try:
        asked = iter([False, True, True, True])
        first = next(folder.glob("1-*"))
        results = import_packages(county, [first, folder], accept_key=prints["XJ"], cancelled=lambda: next(asked))
        assert [r["status"] for r in results] == ["imported"] + ["cancelled"] * 4  # the rest not begun
        assert not county.db.conn.in_transaction
        assert county.db.execute("SELECT count(DISTINCT station_code) FROM complaints").fetchone()[0] == 1
    finally:
        county.close()


def test_a_package_of_known_and_new_rows_files_the_new_rows_seals_under_the_right_rows(make_station, tmp_path):
    """Known rows skipped, the new ones' seals filed by their place among the staged rows (the stage's last two,
    not its first two) under the rows they were inserted as."""
    station = make_station("XJ")
    first = export(station, tmp_path / "usb1")
    complaints.add_complaints(station, [complaint_payload(), complaint_payload()], TODAY)
    again = export(station, tmp_path / "usb2")  # every record again: the known ones first, two new at the end
    county = open_register(tmp_path / "county", "SXX")
    try:
        assert import_packages(county, [first], accept_key=fingerprint(station))[0]["status"] == "imported"
        result = import_packages(county, [again])[0]
        assert result["status"] == "imported" and result["added"] == 2
        stored = county.db.execute("SELECT record_pk, seal FROM audit_seals WHERE record_table = 'complaints'")
        recomputed = {
            pk: seals.seal_of("complaints", row) for pk, *row in county.db.execute("SELECT * FROM complaints")
        }
        assert dict(stored.fetchall()) == recomputed
    finally:
        county.close()
