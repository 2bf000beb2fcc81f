"""The county office's commands: init --mode county, keys, export --to, import (exit 2 on refusal),
completeness and cross-station duplicates — the names county offices script with."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.cli import main
from tests.cli.county_registers import run, station


def test_county_round_trip_with_the_issue_command_names(tmp_path, capsys, frozen_clock):
    """The packages are made on 2026-11-23 (the clock frozen as --today says), so November is not yet due."""
    county = tmp_path / "county" / "register.sqlite3"
    county.parent.mkdir()
    code, made, _ = run(capsys, county, "init", "--mode", "county", "--county", "示例县")
    assert code == 0 and made["mode"] == "county" and made["code"] == "COUNTY"
    pub = tmp_path / "county.pub"
    assert run(capsys, county, "keys", "export", "--out", str(pub))[0] == 0 and pub.exists()
    stick = tmp_path / "stick"
    stick.mkdir()
    packages = {}
    for name in ("XJ", "HL"):
        db = station(tmp_path, capsys, name, pub)
        code, shown, _ = run(capsys, db, "keys", "show")
        assert shown["county_key"]["fingerprint"]
        main(["--db", str(db), "--today", "2026-11-23", "export", "--to", str(stick), "--period", "2026-11"])
        path = capsys.readouterr().out.strip()
        assert path.endswith(".stpkg") and path.startswith(str(stick))
        packages[name] = (path, shown["fingerprint"])
    for path, fingerprint in packages.values():
        code, result, _ = run(capsys, county, "import", path, "--accept-key", fingerprint)
        assert code == 0, result
    # Only November travelled with --period: one complaint per station.
    code, grid, _ = run(capsys, county, "completeness", "--year", "2026")
    assert [s["code"] for s in grid["stations"]] == ["HL", "XJ"]
    months = grid["stations"][0]["months"]
    assert months["2026-11"]["status"] == "not_due" and months["2026-11"]["complaints"] == 1
    assert months["2026-10"]["status"] == "late" and months["2026-10"]["complaints"] == 0
    code, pairs, _ = run(capsys, county, "duplicates", "--year", "2026")
    assert len(pairs) == 1 and {pairs[0]["first_station"], pairs[0]["second_station"]} == {"HL", "XJ"}
    assert "*" in pairs[0]["phone"]
    # A folder as big as the register (a new county's first months) leaves the lookup indexes to be built after.
    from station_app.services.exchange import importing

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importing, "_bigger_than_register", lambda *_a: True)
        assert main(["--db", str(county), "--today", "2026-11-23", "import", str(stick)]) == 0
    said = capsys.readouterr().out
    assert "索引" in said and "search-index" in said, said
    code, status, _ = run(capsys, county, "search-index", "--status")
    assert code == 0 and status["indexes_pending"] >= 5 and status["indexes_built"] == 0
    code, built, _ = run(capsys, county, "search-index")
    assert code == 0 and built["indexes_pending"] == built["indexes_built"] == status["indexes_pending"]
    assert run(capsys, county, "search-index", "--status")[1]["indexes_pending"] == 0
    damaged = stick / "broken.stpkg"
    damaged.write_bytes(Path(packages["XJ"][0]).read_bytes()[:-10])
    code, results, _ = run(capsys, county, "import", str(damaged))
    assert code == 2 and results[0]["code"] == "truncated" and results[0]["file"] == str(damaged)


def test_station_init_still_needs_its_fields(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "r.sqlite3", "init", "--county", "示例县")
    assert code != 0 and "--station-code" in err


def test_a_county_rolls_up_its_stations_for_the_city(tmp_path, capsys):
    county = tmp_path / "county" / "register.sqlite3"
    county.parent.mkdir()
    assert run(capsys, county, "init", "--mode", "county", "--county", "示例县")[0] == 0
    pub = tmp_path / "county.pub"
    assert run(capsys, county, "keys", "export", "--out", str(pub))[0] == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    for name in ("XJ", "HL"):
        db = station(tmp_path, capsys, name, pub)
        fingerprint = run(capsys, db, "keys", "show")[1]["fingerprint"]
        path = run(capsys, db, "export", "--to", str(stick))[1]["file"]
        assert run(capsys, county, "import", path, "--accept-key", fingerprint)[0] == 0
    city = tmp_path / "city" / "register.sqlite3"
    city.parent.mkdir()
    assert run(capsys, city, "init", "--mode", "city", "--county", "示例市")[0] == 0
    city_pub = tmp_path / "city.pub"
    assert run(capsys, city, "keys", "export", "--out", str(city_pub))[0] == 0
    assert run(capsys, county, "keys", "import-county", str(city_pub))[0] == 0
    code, made, _ = run(capsys, county, "rollup", "--to", str(stick))
    assert code == 0 and made["encrypted"]
    county_fp = run(capsys, county, "keys", "show")[1]["fingerprint"]
    code, results, err = run(capsys, city, "import", made["file"], "--accept-key", county_fp)
    assert code == 0 and results[0]["status"] == "imported", err
    here = run(capsys, county, "tally", "--year", "2026")[1]["complaints"]
    there = run(capsys, city, "tally", "--year", "2026")[1]["complaints"]
    assert here["registered"] == there["registered"] == 4
    assert {k: here["by_station"][k] for k in ("HL", "XJ")} == {k: there["by_station"][k] for k in ("HL", "XJ")}
    # A station cannot roll up: only a county register can.
    xj = tmp_path / "XJ" / "register.sqlite3"
    assert run(capsys, xj, "rollup", "--to", str(stick))[0] != 0


def test_month_close_amendment_and_the_countys_signed_answers(tmp_path, capsys):
    county = tmp_path / "county" / "register.sqlite3"
    county.parent.mkdir()
    assert run(capsys, county, "init", "--mode", "county", "--county", "示例县")[0] == 0
    pub = tmp_path / "county.pub"
    assert run(capsys, county, "keys", "export", "--out", str(pub))[0] == 0
    db = station(tmp_path, capsys, "XJ", pub)  # one October and one November case
    stick = tmp_path / "stick"
    stick.mkdir()
    code, closed, _ = run(capsys, db, "month", "close", "2026-10")
    assert code == 0 and closed["state"] == "closed" and closed["figures"]["complaints"]["registered"] == 1
    assert run(capsys, db, "month", "close", "2026-11")[0] != 0  # not over yet
    assert run(capsys, db, "month", "close", "2026-10")[0] != 0  # closed already
    # The October case moves on after the close: an amendment of October, the frozen figures stay.
    october = run(capsys, db, "complaint", "list", "--month", "2026-10")[1]["items"][0]["number"]
    assert run(capsys, db, "complaint", "transition", october, "--to", "accepted", "--on", "2026-11-20")[0] == 0
    fingerprint = run(capsys, db, "keys", "show")[1]["fingerprint"]
    package_path = run(capsys, db, "export", "--to", str(stick))[1]["file"]
    assert run(capsys, county, "import", package_path, "--accept-key", fingerprint)[0] == 0
    received = run(capsys, county, "month", "list", "--station", "XJ")[1]
    assert [(r["month"], r["state"], r["amendments"]) for r in received] == [("2026-10", "closed", 1)]
    assert received[0]["figures"]["complaints"]["accepted"] == 0  # frozen as it was at the close
    assert run(capsys, county, "month", "return", "XJ", "2026-10")[0] != 0  # a return needs its reason
    assert run(capsys, county, "month", "return", "XJ", "2026-10", "--reason", "10月投诉数与台账不符")[0] == 0
    answers = run(capsys, county, "answers", "export", "--to", str(stick))[1]
    county_fp = answers["fingerprint"]
    assert run(capsys, db, "answers", "import", answers["file"])[0] != 0  # first time: fingerprint by phone
    code, result, _ = run(capsys, db, "answers", "import", answers["file"], "--accept-key", county_fp)
    assert code == 0 and result["applied"] == 1
    assert result["answers"][0]["state"] == "returned" and "台账" in result["answers"][0]["reason"]
    assert run(capsys, db, "answers", "import", answers["file"])[1]["applied"] == 0  # again: nothing new
    assert run(capsys, db, "month", "close", "2026-10")[0] == 0  # corrected and handed over again
    again = run(capsys, db, "export", "--to", str(stick), "--since-last")[1]["file"]
    assert run(capsys, county, "import", again)[0] == 0
    assert run(capsys, county, "month", "accept", "XJ", "2026-10")[0] == 0
    grid = run(capsys, county, "completeness", "--year", "2026")[1]
    assert grid["stations"][0]["months"]["2026-10"]["status"] == "accepted" and grid["summary"]["accepted"] == 1
    # A tampered answers package is refused.
    tampered = stick / "tampered.stpkg"
    data = bytearray(Path(answers["file"]).read_bytes())
    data[200] ^= 1
    tampered.write_bytes(bytes(data))
    assert run(capsys, db, "answers", "import", str(tampered), "--accept-key", county_fp)[0] != 0
