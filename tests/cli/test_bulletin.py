"""The county's bulletin through the command line (issue 18, "Unknown years are said, and filled from the county"):
a case received on 2026-12-31 has an estimated acceptance deadline until the bulletin with the 2027 calendar is
imported, then a firm one on the right day.

The 2027 table is TEST DATA (tests/data/holidays-2027-TEST-DATA.json): the State Council's 2027 notice could not be
found when this was written. It makes 2027-01-01..04 days off (the package guesses only 01-01) and 2027-02-06 (Saturday)
a working day, so the count differs from the package's guess.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.county_registers import run
from tests.conftest import complaint_payload

TEST_2027 = Path(__file__).resolve().parents[1] / "data" / "holidays-2027-TEST-DATA.json"


def _registers(tmp_path, capsys):
    county = tmp_path / "county" / "register.sqlite3"
    county.parent.mkdir()
    assert run(capsys, county, "init", "--mode", "county", "--county", "示例县")[0] == 0
    db = tmp_path / "XJ" / "register.sqlite3"
    db.parent.mkdir()
    init = ["init", "--station-code", "XJ", "--station-name", "XJ站", "--kind", "投诉站", "--venue", "学校"]
    assert run(capsys, db, *init, "--county", "示例县")[0] == 0
    return county, db


def _add_case(tmp_path, capsys, db, received_on: str) -> str:
    cases = tmp_path / f"case-{received_on}.json"
    cases.write_text(json.dumps(complaint_payload(received_on=received_on), ensure_ascii=False), encoding="utf-8")
    code, added, err = run(capsys, db, "--today", "2026-12-31", "complaint", "add", "--json", str(cases))
    assert code == 0, err
    return added[0]["number"] if isinstance(added, list) else added["number"]


def test_a_case_received_on_new_years_eve_is_provisional_then_firm_after_the_bulletin(tmp_path, capsys):
    county, db = _registers(tmp_path, capsys)
    number = _add_case(tmp_path, capsys, db, "2026-12-31")
    shown = run(capsys, db, "complaint", "show", number)[1]
    # The package's guess for 2027: only 01-01 off → 7 working days after 12-31 end on 01-12, an estimate.
    assert shown["acceptance_due"] == "2027-01-12"
    assert shown["deadlines_provisional"] == {"acceptance_due": True, "mediation_due": False}
    assert shown["calendar_unknown_years"] == [2027]
    text = run(capsys, db, "--format", "text", "complaint", "show", number)[1]
    assert "2027-01-12（暂估）" in text
    listed = run(capsys, db, "complaint", "list")[1]["items"][0]
    assert listed["deadlines_provisional"]["acceptance_due"] is True

    stick = tmp_path / "stick"
    stick.mkdir()
    # A station issues no bulletin; the county does, with the holiday table entered once.
    assert run(capsys, db, "bulletin", "export", "--to", str(stick), "--holidays", str(TEST_2027))[0] != 0
    code, issued, err = run(capsys, county, "bulletin", "export", "--to", str(stick), "--holidays", str(TEST_2027))
    assert code == 0, err
    assert issued["years"] == ["2027"] and Path(issued["file"]).exists()
    # First import: the county's fingerprint is checked by phone.
    code, _, err = run(capsys, db, "bulletin", "import", issued["file"])
    assert code != 0 and issued["fingerprint"] in err
    code, imported, err = run(capsys, db, "bulletin", "import", issued["file"], "--accept-key", issued["fingerprint"])
    assert code == 0, err
    assert imported["years"] == [2027] and imported["deadlines_changed"] == 1

    shown = run(capsys, db, "complaint", "show", number)[1]
    # 2027-01-01..04 off: the 7 working days are 01-05, 06, 07, 08, 11, 12, 13.
    assert shown["deadlines_provisional"] == {"acceptance_due": False, "mediation_due": False}
    assert shown["calendar_unknown_years"] == []
    assert shown["acceptance_due"] == "2027-01-13"
    assert "暂估" not in run(capsys, db, "--format", "text", "complaint", "show", number)[1]
    # The next bulletin needs no fingerprint: signed by the same key.
    again = run(capsys, county, "bulletin", "export", "--to", str(stick))[1]
    assert again["years"] == ["2027"]  # the county entered the table once; every bulletin carries it
    assert run(capsys, db, "bulletin", "import", again["file"])[0] == 0


def test_the_countys_import_refuses_a_bulletin_and_says_where_it_goes(tmp_path, capsys):
    county, _ = _registers(tmp_path, capsys)
    stick = tmp_path / "stick"
    stick.mkdir()
    issued = run(capsys, county, "bulletin", "export", "--to", str(stick), "--holidays", str(TEST_2027))[1]
    code, results, _ = run(capsys, county, "import", issued["file"], "--accept-key", issued["fingerprint"])
    assert code == 2 and results[0]["code"] == "wrong_kind" and "bulletin import" in str(results[0])
