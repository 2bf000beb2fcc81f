import json
import sqlite3

import pytest

from station_app.cli import main
from station_app.domain import periods
from station_app.domain.errors import RuleViolation
from station_app.services import backup, complaint_views, complaints, privacy, tallies
from station_app.services.station import set_setting
from tests.conftest import TODAY, complaint_payload

SETTLED = [
    {"to": "accepted", "on": "2021-03-02"},
    {"to": "settled", "on": "2021-03-10", "method": "mediation", "recovered_yuan": "300"},
]


def test_backup_restore_round_trip(session, tmp_path):
    db_path = tmp_path / "register.sqlite3"
    complaints.add_complaints(session, [complaint_payload()], TODAY)
    made = backup.backup_now(session, db_path)
    assert made["counts"]["complaints"] == 1
    complaints.add_complaints(session, [complaint_payload(consumer={"name": "李四", "phone": "13900139000"})], TODAY)
    result = backup.restore(db_path, __import__("pathlib").Path(made["path"]), session=session)
    assert result["counts"]["complaints"] == 1 and result["previous_kept_as"]
    restored = sqlite3.connect(db_path)
    assert restored.execute("SELECT count(*) FROM complaints").fetchone()[0] == 1
    kept = sqlite3.connect(result["previous_kept_as"])
    assert kept.execute("SELECT count(*) FROM complaints").fetchone()[0] == 2  # nothing thrown away


def test_restore_refuses_a_damaged_file(session, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    with pytest.raises(RuleViolation):
        backup.restore(tmp_path / "register.sqlite3", bad, session=session)
    assert complaint_views.list_complaints.__name__  # the register is still in place
    assert (tmp_path / "register.sqlite3").exists()


def test_backups_are_pruned_to_the_kept_number(session, tmp_path):
    from datetime import UTC, datetime, timedelta

    set_setting(session, "backup_keep", "3")
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for day in range(6):
        session.clock = lambda d=day: start + timedelta(days=d)
        backup.backup_now(session, tmp_path / "register.sqlite3")
    assert len(list((tmp_path / "backups").glob("register-*.sqlite3"))) == 3


def test_retention_anonymises_closed_cases_and_tallies_stay_the_same(session):
    old = complaint_payload(
        received_on="2021-03-01",
        purchased_on="2021-02-01",
        transitions=SETTLED,
        consumer={"name": "张三", "phone": "13800138000", "id_number": "34052419800101001X"},
    )
    recent = complaint_payload()
    complaints.add_complaints(session, [old, recent], TODAY)
    before = tallies.as_json(tallies.tally(session, periods.year("2021"), TODAY))
    result = privacy.anonymise_closed(session, TODAY, years=3)
    assert result["complaints"] == 1
    shown = complaint_views.show(session, "XJ-2021-0001", TODAY)
    assert shown["consumer"] == {"name": privacy.ANONYMOUS, "phone": "", "id_number": "", "address": ""}
    assert complaint_views.show(session, "XJ-2026-0001", TODAY)["consumer"]["name"] == "张三"
    after = tallies.as_json(tallies.tally(session, periods.year("2021"), TODAY))
    assert before["complaints"] == after["complaints"]
    assert "张三" not in json.dumps(complaint_views.show(session, "XJ-2021-0001", TODAY), ensure_ascii=False)


def test_erase_on_request_leaves_an_audit_entry_without_the_person(session):
    complaints.add_complaints(session, [complaint_payload()], TODAY)
    result = privacy.erase_person(session, phone="138 0013 8000")
    assert result["complaints"] == ["XJ-2026-0001"]
    assert complaint_views.show(session, "XJ-2026-0001", TODAY)["consumer"]["phone"] == ""
    entry = session.db.execute("SELECT after, entity_id FROM audit WHERE action = 'erase_person'").fetchone()
    assert "XJ-2026-0001" in entry[0] and "13800138000" not in entry[0] + entry[1]


def test_masking_policy():
    assert privacy.mask_person("张小三", "13800138000", "11010119900307123X") == {
        "name": "张**",
        "phone": "138****8000",
        "id_number": "110***********123X",
    }


def test_cli_needs_user_and_password_once_users_exist(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "r.sqlite3")
    base = ["--db", db, "--today", "2026-11-23"]
    assert (
        main(
            [
                *base,
                "init",
                "--station-code",
                "XJ",
                "--station-name",
                "站",
                "--kind",
                "投诉站",
                "--venue",
                "学校",
                "--county",
                "县",
            ]
        )
        == 0
    )
    monkeypatch.setenv("STATION_APP_NEW_PASSWORD", "secret-1")
    assert main([*base, "user", "add", "李站长", "--role", "head"]) == 0
    capsys.readouterr()
    assert main([*base, "complaint", "list"]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("STATION_APP_PASSWORD", "wrong")
    assert main([*base, "--user", "李站长", "complaint", "list"]) == 2
    monkeypatch.setenv("STATION_APP_PASSWORD", "secret-1")
    assert main([*base, "--user", "李站长", "complaint", "list"]) == 0
    assert main([*base, "--user", "李站长", "backup"]) == 0
    assert main([*base, "--user", "李站长", "check"]) == 0
    assert "登记簿完好" in capsys.readouterr().out


def test_a_backup_to_a_stick_is_sealed_and_restores_with_its_password(session, tmp_path):
    from pathlib import Path

    from station_app.services import backup_stick

    db_path = tmp_path / "register.sqlite3"
    stick = tmp_path / "U盘"
    stick.mkdir()
    complaints.add_complaints(session, [complaint_payload()], TODAY)
    made = backup_stick.backup_to(session, db_path, stick, "station-2026")
    assert made["encrypted"] and made["counts"]["complaints"] == 1
    assert [p.suffix for p in stick.iterdir()] == [".stbak"]
    assert b"13800138000" not in Path(made["path"]).read_bytes()
    complaints.add_complaints(session, [complaint_payload(consumer={"name": "李四", "phone": "13900139000"})], TODAY)
    with pytest.raises(RuleViolation, match="密码"):
        backup_stick.restore_from(db_path, Path(made["path"]), "wrong-password", session=session)
    result = backup_stick.restore_from(db_path, Path(made["path"]), "station-2026", session=session)
    assert result["counts"]["complaints"] == 1 and result["restored_from"] == made["path"]
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM complaints").fetchone()[0] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("station-")]  # no clear copy left behind


def test_a_plain_backup_to_a_stick_only_when_chosen(session, tmp_path):
    from station_app.services import backup_stick

    made = backup_stick.backup_to(session, tmp_path / "register.sqlite3", tmp_path, None)
    assert not made["encrypted"] and made["path"].endswith(".sqlite3")
    with pytest.raises(RuleViolation, match="至少"):
        backup_stick.backup_to(session, tmp_path / "register.sqlite3", tmp_path, "short")


def test_cli_backs_up_sealed_to_a_stick_and_restores_it(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "r.sqlite3")
    base = ["--db", db, "--today", "2026-11-23", "--format", "json"]
    init = [
        "init",
        "--station-code",
        "XJ",
        "--station-name",
        "站",
        "--kind",
        "投诉站",
        "--venue",
        "学校",
        "--county",
        "县",
    ]
    assert main([*base, *init]) == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    capsys.readouterr()
    monkeypatch.setenv("STATION_APP_BACKUP_PASSWORD", "station-2026")
    assert main([*base, "backup", "--to", str(stick), "--encrypt"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["encrypted"] and made["path"].endswith(".stbak")
    assert main([*base, "restore", made["path"]]) == 0
    assert json.loads(capsys.readouterr().out)["restored_from"] == made["path"]
    monkeypatch.setenv("STATION_APP_BACKUP_PASSWORD", "not-the-password")
    assert main([*base, "restore", made["path"]]) != 0
    assert "密码" in capsys.readouterr().err
    assert main([*base, "backup", "--encrypt"]) != 0  # the local daily copies stay plain
