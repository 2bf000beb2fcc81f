"""Finding 5: ``privacy erase`` left the person behind. Each attack, on a register file in which she is written
everywhere (tests/trust/erasure_register.py), now finds her or says it found no one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.domain.errors import NotFound, ValidationError
from station_app.domain.identity import ID_GONE, NAME_GONE, PHONE_GONE
from station_app.services import audit_trail, backup, complaint_views, erasure, evidence, privacy
from station_app.services.exchange.evidence import ERASED_REASON
from tests.conftest import TODAY
from tests.services.exchange.registers import accept, export, install_county_key, snapshot
from tests.trust.erasure_register import (
    FULL_WIDTH_ID15,
    ID15,
    ID18,
    NAME,
    PHONE,
    forms_of_her,
    found_in_files,
    write_her_in,
)


@pytest.fixture
def station(make_station, tmp_path):
    session = make_station("XJ", complaints_count=12)
    return session, write_her_in(session, tmp_path)


def her_texts(session, numbers) -> str:
    """Everything the register holds of her records and of the anonymous report naming her, as one text."""
    dump = {name: rows for name, rows in snapshot(session).items() if name != "audit"}
    return json.dumps(dump, ensure_ascii=False)


def without_namesake(texts: str) -> str:
    return texts.replace(f"与{NAME}同村", "")


@pytest.mark.parametrize(
    "request_",
    [
        {"id_number": FULL_WIDTH_ID15},  # the attack: full-width and old 15-digit matched nothing
        {"id_number": ID15},
        {"id_number": ID18.lower()},
        {"id_number": " ".join([ID18[:6], ID18[6:14], ID18[14:]])},
        {"phone": "１３９ １２３４ ５６７８"},
        {"phone": "+86 139-1234-5678"},
    ],
    ids=["full-width-15", "15-digit", "lower-x", "spaced-18", "full-width-phone", "+86-dashed-phone"],
)
def test_every_written_form_of_her_numbers_finds_all_her_records(station, request_):
    session, numbers = station
    _person, own = erasure.find_person(session, request_.get("phone", ""), request_.get("id_number", ""))
    found = {table: [number for _id, number in rows] for table, rows in own.items()}
    # The consultation kept her phone with spaces, the report her ID number in 15 digits (an old register).
    assert found == {
        "complaints": [numbers["settled"], numbers["paused"]],
        "consultations": [numbers["consultation"]],
        "reports": [numbers["report"]],
    }


def test_a_request_that_matches_no_one_says_so_and_changes_nothing(station, tmp_path, capsys):
    session, _numbers = station
    before = snapshot(session)
    with pytest.raises(NotFound, match="没有找到"):
        privacy.erase_person(session, id_number="110105491231999")
    assert snapshot(session) == before
    session.close()
    code = main(["--db", str(session.path), "--today", "2026-11-23", "privacy", "erase", "--phone", "13600136000"])
    assert code == 3
    assert "没有找到与该电话或身份证号码相符的记录，未删除任何信息" in capsys.readouterr().err
    with pytest.raises(ValidationError):
        privacy.erase_person(session, id_number="12345")  # not an ID number at all: said, not "not found"


def test_her_name_and_numbers_leave_every_text_and_history_note(station):
    session, numbers = station
    assert NAME in without_namesake(her_texts(session, numbers))
    result = privacy.erase_person(session, id_number=FULL_WIDTH_ID15)
    texts = without_namesake(her_texts(session, numbers))
    for label, form in forms_of_her().items():
        assert form.decode() not in texts, label
    paused = complaint_views.show(session, numbers["paused"], TODAY)
    note = next(e for e in paused["history"] if e["kind"] == "pause")
    assert f"等{NAME_GONE}（{PHONE_GONE}）送检测报告" in json.dumps(note, ensure_ascii=False)
    facts = session.db.execute("SELECT facts FROM reports WHERE number = ?", [numbers["anonymous_report"]]).fetchone()
    assert facts[0] == f"消费者{NAME_GONE}（电话{PHONE_GONE}，身份证 {ID_GONE}）也买到过期牛奶"
    assert result["other_records"] == [numbers["anonymous_report"]]
    assert result["followups"] and result["texts_cleaned"] >= 5
    # Someone of the same name in another consumer's case: maybe another person, so listed, not changed.
    assert result["name_mentions"] == [numbers["other"]]
    other = complaint_views.show(session, numbers["other"], TODAY)
    assert f"与{NAME}同村" in other["facts"]


def test_the_file_and_the_search_index_keep_no_fragment_of_her(make_station, tmp_path):
    session = make_station("XJ", complaints_count=12)
    # As SQLite is built for the stations' Windows PCs (Debian's build zeroes freed content by default, which
    # would hide the attack): freed pages keep their old bytes unless the erasure sees to it.
    session.db.execute("PRAGMA secure_delete = OFF")
    write_her_in(session, tmp_path, namesake=False)
    db = Path(session.path)
    wal = db.with_name(db.name + "-wal")
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert len(found_in_files(db)) == len(forms_of_her())  # she is in the file's bytes before
    result = privacy.erase_person(session, phone="139 1234 5678")
    assert result["search_index_rebuilt"] and result["secure_delete"] and result["log_emptied"]
    assert found_in_files(db, wal) == []  # neither the pages in use, the free ones, nor the log
    assert session.db.execute("PRAGMA secure_delete").fetchone()[0] == 0  # the connection's setting given back
    trigram = session.db.execute("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?", ['"欧阳春"'])
    assert trigram.fetchone()[0] == 0
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_her_evidence_file_leaves_the_disk_and_its_row_says_why(station):
    session, numbers = station
    [row] = evidence.list_for(session, numbers["paused"])
    stored = Path(row["path"])
    assert stored.exists()
    result = privacy.erase_person(session, id_number=ID18)
    assert result["evidence_removed"] == 1 and result["evidence_files_removed"] == 1
    assert not stored.exists()
    assert evidence.list_for(session, numbers["paused"]) == []
    kept = session.db.execute("SELECT file_name, delete_reason FROM evidence WHERE id = ?", [row["id"]]).fetchone()
    assert kept == ("照片.jpg", ERASED_REASON)  # the file's own name was hers


def test_the_next_export_carries_the_erasure_to_the_county(station, county, tmp_path):
    session, numbers = station
    install_county_key(county, session, tmp_path)
    assert accept(county, session, export(session, tmp_path))["status"] == "imported"
    before = json.dumps(snapshot(county), ensure_ascii=False)
    assert NAME in before and PHONE in before
    [row] = evidence.list_for(county, numbers["paused"])
    county_file = Path(row["path"])
    assert county_file.exists()

    privacy.erase_person(session, id_number=FULL_WIDTH_ID15)
    later = export(session, tmp_path / "later", since_last=True)
    result = accept(county, session, later)
    assert result["status"] == "imported" and result["changed"] >= 6

    after = without_namesake(
        json.dumps({k: v for k, v in snapshot(county).items() if k != "audit"}, ensure_ascii=False)
    )
    for label, form in forms_of_her().items():
        assert form.decode() not in after, label
    shown = complaint_views.show(county, numbers["settled"], TODAY)
    assert shown["consumer"]["name"] == privacy.ANONYMOUS and shown["consumer"]["phone"] == ""
    assert evidence.list_for(county, numbers["paused"]) == [] and not county_file.exists()


def test_the_audit_entry_says_who_when_and_what_but_not_her(station):
    session, numbers = station
    privacy.erase_person(session, phone=PHONE)
    entry = session.db.execute(
        "SELECT at, actor, entity_id, number, before, after FROM audit WHERE action = 'erase_person'"
    ).fetchone()
    at, actor, entity_id, _number, _before, after = entry
    assert actor == "李站长" and at.startswith("2026-11-23")
    assert numbers["settled"] in after and numbers["anonymous_report"] in after
    text = json.dumps(entry, ensure_ascii=False)
    assert not [label for label, form in forms_of_her().items() if form.decode() in text]
    assert entity_id.startswith("person:") and len(entity_id) > 30  # a salted, slow digest: no phone to guess
    assert audit_trail.verify(session) == []
    assert session.db.execute("SELECT count(*) FROM audit WHERE after LIKE ?", [f"%{NAME}%"]).fetchone()[0] == 0


def test_older_backups_are_counted_and_named_as_still_holding_her(station):
    session, _numbers = station
    made = backup.backup_now(session, Path(session.path))
    result = privacy.erase_person(session, id_number=ID18)
    left = result["left_behind"]
    assert left["backups"] == 1 and left["folder"] == str(Path(session.path).parent / "backups")
    assert f"此前的 1 份备份仍含该人信息（包括证据文件），位于 {left['folder']}" in left["note"]
    assert found_in_files(Path(made["path"]))  # said, because it is true: the backup was not changed


def test_the_command_line_keeps_its_json_and_says_what_is_left(station, capsys):
    session, numbers = station
    session.close()
    base = ["--db", str(session.path), "--today", "2026-11-23", "privacy", "erase"]
    assert main([*base, "--id-number", FULL_WIDTH_ID15, "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["complaints"] == [numbers["settled"], numbers["paused"]]  # the keys of before, lists as before
    assert result["consultations"] == [numbers["consultation"]] and result["reports"] == [numbers["report"]]
    assert {"other_records", "evidence_removed", "left_behind", "name_mentions"} <= result.keys()
    assert main([*base, "--id-number", ID18]) == 3  # done once: nothing of hers left to find
    assert "没有找到" in capsys.readouterr().err


def test_an_older_audit_entry_naming_her_is_counted_not_rewritten(station):
    session, numbers = station
    # As a release before this one wrote a settlement's wording into the trail.
    with session.db.atomic():
        session.audit("transition:settled", "complaint", "x", numbers["settled"], after={"agreement": f"退还{NAME}"})
    result = privacy.erase_person(session, phone=PHONE)
    assert result["audit_entries_naming"] == 1
    assert audit_trail.verify(session) == []  # the chain is intact: the entry was left as written
