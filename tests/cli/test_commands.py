"""The command line as a county script sees it: exit codes, JSON on stdout, one-line errors on stderr."""

import json
from pathlib import Path

import pytest

from station_app.cli import main
from tests.conftest import complaint_payload


@pytest.fixture
def cli(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite3")

    def run(*args, stdin=None, monkeypatch=None):
        code = main(["--db", db, "--today", "2026-11-23", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def station(cli):
    code, _, err = cli(
        "init",
        "--station-code",
        "XJ",
        "--station-name",
        "新集镇消费维权服务站",
        "--kind",
        "维权服务站",
        "--venue",
        "农村",
        "--county",
        "示例县",
    )
    assert code == 0, err
    return cli


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "station-app" in capsys.readouterr().out


def test_add_show_transition_list(station, tmp_path):
    cli = station
    code, out, err = cli(
        "complaint",
        "add",
        "--json",
        write(tmp_path, "c.json", json.dumps(complaint_payload())),
        "--format",
        "json",
    )
    assert code == 0, err
    added = json.loads(out)
    assert added["number"] == "XJ-2026-0001" and len(added["id"]) == 36
    code, out, _ = cli("complaint", "show", added["id"], "--format", "json")
    shown = json.loads(out)
    assert shown["status"] == "registered" and shown["acceptance_due"] == "2026-11-11"
    assert shown["mediation_due"] is None and shown["amount_fen"] == 155000
    code, out, err = cli(
        "complaint",
        "transition",
        added["number"],
        "--to",
        "accepted",
        "--on",
        "2026-11-03",
        "--format",
        "json",
    )
    assert code == 0, err and json.loads(out)["mediation_due"] == "2027-01-02"
    step = write(tmp_path, "s.json", json.dumps({"method": "mediation", "recovered_yuan": "1550.00"}))
    code, out, err = cli(
        "complaint",
        "transition",
        added["number"],
        "--to",
        "settled",
        "--json",
        step,
        "--on",
        "2026-11-20",
        "--format",
        "json",
    )
    assert code == 0, err
    assert json.loads(out)["recovered_fen"] == 155000
    code, out, _ = cli("--format", "json", "complaint", "list", "--status", "settled")
    listing = json.loads(out)
    assert listing["total"] == 1 and listing["items"][0]["number"] == "XJ-2026-0001"
    code, out, _ = cli("complaint", "list")
    assert "XJ-2026-0001" in out and "调解结案" in out


def test_show_text_keeps_registered_and_accepted_apart(station, tmp_path):
    """登记日期 is the day received, 受理日期 the day accepted: a case only registered, or not accepted, has none
    (issue 18, finding 3)."""
    cli = station
    cases = [
        complaint_payload(),
        complaint_payload(transitions=[{"to": "accepted", "on": "2026-11-03"}]),
        complaint_payload(
            purchased_on="2023-06-01",
            transitions=[{"to": "not_accepted", "on": "2026-11-03", "ground": "na_time_barred"}],
        ),
    ]
    code, _, err = cli("complaint", "add", "--json", write(tmp_path, "c.json", json.dumps(cases)))
    assert code == 0, err
    expected = {
        "XJ-2026-0001": "受理日期：未受理",
        "XJ-2026-0002": "受理日期：2026-11-03",
        "XJ-2026-0003": "受理日期：不予受理",
    }
    for number, line in expected.items():
        code, out, _ = cli("complaint", "show", number)
        assert code == 0 and "登记日期：2026-11-02" in out and line in out, number
    code, out, _ = cli("complaint", "show", "XJ-2026-0003", "--format", "json")
    assert json.loads(out)["accepted_on"] is None and json.loads(out)["received_on"] == "2026-11-02"


def test_jsonl_input_is_all_or_nothing(station, tmp_path):
    cli = station
    good = json.dumps(complaint_payload())
    bad = json.dumps(complaint_payload(category="nope"))
    code, out, err = cli("complaint", "add", "--json", write(tmp_path, "c.jsonl", f"{good}\n{good}\n{bad}\n"))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("错误：") and "第 3 条" in err
    assert "Traceback" not in err
    code, out, _ = cli("complaint", "list", "--format", "json")
    assert json.loads(out)["total"] == 0
    code, out, err = cli(
        "complaint", "add", "--json", write(tmp_path, "ok.jsonl", f"{good}\n{good}\n"), "--format", "json"
    )
    assert code == 0 and [r["number"] for r in json.loads(out)] == ["XJ-2026-0001", "XJ-2026-0002"]


def test_malformed_json_names_the_line(station, tmp_path):
    code, _, err = station("complaint", "add", "--json", write(tmp_path, "c.jsonl", '{"a": 1}\n{oops\n'))
    assert code == 2 and "第 2 行" in err


def test_illegal_transition_exit_code_and_message(station, tmp_path):
    station("complaint", "add", "--json", write(tmp_path, "c.json", json.dumps(complaint_payload())))
    code, _, err = station("complaint", "transition", "XJ-2026-0001", "--to", "settled")
    assert code == 2 and "不能从已登记" in err and err.count("\n") == 1


def test_not_found_and_missing_database(cli, station):
    code, _, err = station("complaint", "show", "XJ-2026-0404")
    assert code == 3 and "找不到" in err


def test_uninitialised_register(cli, tmp_path):
    code, _, err = cli("complaint", "list")
    assert code == 4 and "init" in err


def test_other_records(station, tmp_path):
    cli = station
    inputs = {
        "consult": {"date": "2026-11-20", "persons": 3, "topic": "预付卡退费"},
        "report": {
            "received_on": "2026-11-20",
            "business": {"name": "某药店"},
            "facts": "销售过期药品",
            "to_case": True,
            "fine_yuan": "2000.00",
        },
        "event": {
            "date": "2026-03-15",
            "kind": "day_315",
            "venue_type": "school",
            "leaflets": 800,
            "banners": 2,
            "boards": 6,
            "onsite_consultations": 45,
            "audience": 600,
        },
        "warning": {"date": "2026-11-01", "title": "关于预付式消费的消费警示", "body": "谨慎办理预付卡。"},
    }
    prefixes = {
        "consult": "XJ-ZX-2026-0001",
        "report": "XJ-JB-2026-0001",
        "event": "XJ-HD-2026-0001",
        "warning": "XJ-JS-2026-0001",
    }
    for command, payload in inputs.items():
        code, out, err = cli(
            command,
            "add",
            "--json",
            write(tmp_path, f"{command}.json", json.dumps(payload)),
            "--format",
            "json",
        )
        assert code == 0, err
        assert json.loads(out)["number"] == prefixes[command]
        code, out, _ = cli(command, "list", "--format", "json")
        assert json.loads(out)["total"] == 1


def test_catalog_json_has_codes_and_labels(cli):
    _, out, _ = cli("catalog", "--format", "json")
    data = json.loads(out)
    natures = {e["code"]: e["label"] for e in data["natures"]}
    assert natures["quality"] == "质量" and len(natures) == 10


def test_compensation(cli):
    code, out, _ = cli("compensation", "--rule", "fraud", "--price", "99.00", "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["punitive_fen"] == 50000 and result["floor_applied"] is True
    code, out, _ = cli("compensation", "--rule", "food", "--price", "200", "--loss", "50")
    assert code == 0 and "2,000.00 元" in out  # read with separators
    code, _, err = cli("compensation", "--rule", "fraud", "--price", "abc")
    assert code == 2 and "价款" in err
    code, _, err = cli("compensation", "--rule", "fraud", "--price", "99", "--loss", "50")
    assert code == 2 and "--loss" in err and "不用损失金额" in err  # used or refused, never silently dropped
    code, out, _ = cli("compensation", "--rule", "drug", "--price", "50", "--loss", "1000", "--format", "json")
    assert code == 0 and json.loads(out)["punitive_fen"] == 300000 and json.loads(out)["conditions"]


def test_bad_command_line_is_one_line(cli):
    code, _, err = cli("complaint", "transition", "X", "--to", "closed")
    assert code == 2 and err.count("\n") == 1 and "--help" in err


def test_init_twice_is_refused(station):
    code, _, err = station(
        "init",
        "--station-code",
        "AB",
        "--station-name",
        "x",
        "--kind",
        "投诉站",
        "--venue",
        "学校",
        "--county",
        "y",
    )
    assert code == 2 and "已初始化" in err


def test_demo_small_register(cli):
    code, out, err = cli("demo", "--complaints", "60", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["counts"]["complaint"] == 60
    code, out, _ = cli("complaint", "list", "--format", "json", "--limit", "0")
    items = json.loads(out)["items"]
    assert len(items) == 60
    assert len({i["status"] for i in items}) >= 4


def test_selfcheck_reports_what_a_technician_asks(cli, station):
    code, out, _ = station("selfcheck", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["database_state"] == "ok" and report["version"]
    assert "uming.ttc" in report["fonts"] and report["qt"].startswith("6.")
    assert "free_disk_mb" in report and "last_backup" in report


def test_portable_marker_keeps_data_beside_the_program(tmp_path, monkeypatch):
    from station_app import paths

    monkeypatch.delenv("STATION_APP_DATA", raising=False)
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    assert not paths.portable()
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.portable() and paths.data_dir() == tmp_path / "data"


def test_files_the_program_writes_are_readable_by_their_owner_only(tmp_path):
    """Issue "Trust" 7: register, backups and evidence were world-readable (0644) on a shared PC."""
    import stat
    import subprocess
    import sys

    db = tmp_path / "register.sqlite3"
    base = [sys.executable, "-m", "station_app.cli", "--db", str(db), "--today", "2026-11-23"]
    root = Path(__file__).resolve().parents[2]
    for args in (["demo", "--complaints", "5"], ["backup"]):
        subprocess.run([*base, *args], check=True, capture_output=True, cwd=root)
    written = [db, *(tmp_path / "backups").glob("*.sqlite3")]
    assert len(written) == 2
    assert all(stat.S_IMODE(path.stat().st_mode) & 0o077 == 0 for path in written), [
        oct(p.stat().st_mode) for p in written
    ]


def test_list_overdue_names_untold_terminations(station, tmp_path):
    """Order 20 Art. 21 ¶2: `complaint list --overdue` adds the terminations not told within 7 working days
    (untold_terminations, untold_overdue_total) and leaves total and items as they were."""
    steps = [
        {"to": "accepted", "on": "2026-11-03"},
        {"to": "mediating", "on": "2026-11-03", "mediator": "王调解"},
        {"to": "terminated", "on": "2026-11-05", "ground": "t_no_agreement", "route": "court"},
    ]
    path = write(tmp_path, "c.json", json.dumps(complaint_payload(transitions=steps)))
    code, out, err = station("complaint", "add", "--json", path, "--format", "json")
    assert code == 0, err
    number = json.loads(out)["number"]
    code, out, _ = station("--format", "json", "complaint", "list", "--overdue")
    listing = json.loads(out)
    assert listing["total"] == 0 and listing["items"] == [] and listing["untold_overdue_total"] == 1
    assert listing["untold_terminations"][0]["number"] == number
    assert listing["untold_terminations"][0]["due"] == "2026-11-16"
    code, out, _ = station("complaint", "list", "--overdue")
    assert "另有终止调解尚未告知双方 1 件（其中超期 1 件）" in out and "应于 2026-11-16 前告知" in out
    code, out, _ = station("--format", "json", "complaint", "notified", number, "--way", "phone")
    assert code == 0 and json.loads(out)["history"][-1]["data"] == {"way": "phone"}
    code, out, _ = station("--format", "json", "complaint", "list", "--overdue")
    assert json.loads(out)["untold_overdue_total"] == 0


def test_complaint_entrust_sets_and_clears_the_flag(station, tmp_path):
    """Order 20 Art. 17: `complaint entrust ID --by 局` / `--clear`; `complaint show` JSON gains `entrusted`."""
    path = write(tmp_path, "c.json", json.dumps(complaint_payload()))
    code, out, err = station("complaint", "add", "--json", path, "--format", "json")
    number = json.loads(out)["number"]
    code, out, _ = station("--format", "json", "complaint", "show", number)
    assert json.loads(out)["entrusted"] is None
    code, out, err = station("--format", "json", "complaint", "entrust", number, "--by", "示例县市场监督管理局")
    assert code == 0, err
    assert json.loads(out)["entrusted"] == {"office": "示例县市场监督管理局", "on": "2026-11-23"}
    code, out, _ = station("complaint", "show", number)
    assert "受示例县市场监督管理局委托调解（2026-11-23 起）" in out
    code, _, err = station("complaint", "entrust", number)
    assert code != 0 and "--clear" in err
    code, out, _ = station("complaint", "entrust", number, "--clear")
    assert code == 0 and out.strip() == f"{number}：已取消委托调解"
