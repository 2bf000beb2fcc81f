"""Registers made through the command line as a county office and its stations do (for the CLI and window tests)."""

from __future__ import annotations

import json

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
