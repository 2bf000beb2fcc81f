"""The county office's commands: init --mode county, keys, export --to, import (exit 2 on refusal),
completeness and cross-station duplicates — the names county offices script with."""

from __future__ import annotations

import json
from pathlib import Path

from station_app.cli import main
from tests.conftest import complaint_payload

BASE = ["--today", "2026-11-23", "--format", "json"]


def run(capsys, db, *args):
    code = main(["--db", str(db), *BASE, *args])
    captured = capsys.readouterr()
    return (
        code,
        (json.loads(captured.out) if captured.out.strip().startswith(("{", "[")) else captured.out),
        captured.err,
    )


def station(tmp_path, capsys, code, county_pub):
    db = tmp_path / code / "register.sqlite3"
    db.parent.mkdir()
    init = ["init", "--station-code", code, "--station-name", f"{code}站", "--kind", "投诉站", "--venue", "学校"]
    assert run(capsys, db, *init, "--county", "示例县")[0] == 0
    assert run(capsys, db, "keys", "import-county", str(county_pub))[0] == 0
    cases = tmp_path / f"{code}.json"
    older = complaint_payload(
        received_on="2026-10-20", purchased_on="2026-10-01", consumer={"name": "李四", "phone": "13900139000"}
    )
    cases.write_text(json.dumps([complaint_payload(), older], ensure_ascii=False), encoding="utf-8")
    assert run(capsys, db, "complaint", "add", "--json", str(cases))[0] == 0
    return db


def test_county_round_trip_with_the_issue_command_names(tmp_path, capsys):
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
    damaged = stick / "broken.stpkg"
    damaged.write_bytes(Path(packages["XJ"][0]).read_bytes()[:-10])
    code, results, _ = run(capsys, county, "import", str(damaged))
    assert code == 2 and results[0]["code"] == "truncated" and results[0]["file"] == str(damaged)


def test_station_init_still_needs_its_fields(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "r.sqlite3", "init", "--county", "示例县")
    assert code != 0 and "--station-code" in err
