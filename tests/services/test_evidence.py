"""Evidence: copied in under its hash, listed, detached with a reason, audited, carried by backups."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.domain.errors import ValidationError
from station_app.services import backup, backup_stick, complaints, evidence
from station_app.store import audit
from tests.conftest import TODAY, complaint_payload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def case(session):
    return complaints.add_complaints(session, [complaint_payload()], TODAY)[0]["number"]


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "发票 照片.png"
    path.write_bytes(PNG)
    return path


def test_attach_copies_under_the_hash_once(session, case, photo):
    first = evidence.attach(session, case, photo, "发票")
    second = evidence.attach(session, case, photo, "照片")
    stored = list((session.path.parent / "evidence").rglob("*.png"))
    assert len(stored) == 1 and stored[0].name == first["sha256"] + ".png" and stored[0].read_bytes() == PNG
    listed = evidence.list_for(session, case)
    assert [r["label"] for r in listed] == ["发票", "照片"] and listed[0]["file_name"] == "发票 照片.png"
    assert first["path"] == second["path"] == str(stored[0])
    trail = [e for e in audit.entries(session.db) if e["action"] == "evidence:add"]
    assert trail and trail[-1]["after"]["sha256"] == first["sha256"] and "content" not in trail[-1]["after"]


def test_wrong_files_are_refused_with_reasons(session, case, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("x")
    with pytest.raises(ValidationError, match="图片或 PDF"):
        evidence.attach(session, case, text)
    big = tmp_path / "big.jpg"
    with big.open("wb") as handle:
        handle.truncate(evidence.MAX_BYTES + 1)
    with pytest.raises(ValidationError, match="太大"):
        evidence.attach(session, case, big)
    assert evidence.list_for(session, case) == []


def test_detach_needs_a_reason_and_keeps_the_file(session, case, photo):
    row = evidence.attach(session, case, photo)
    with pytest.raises(ValidationError):
        evidence.remove(session, row["id"], " ")
    evidence.remove(session, row["id"], "传错了照片")
    assert evidence.list_for(session, case) == []
    assert list((session.path.parent / "evidence").rglob("*.png"))


def test_backups_carry_the_evidence_and_restore_brings_it_back(session, case, photo, tmp_path):
    row = evidence.attach(session, case, photo, "发票")
    db_path = session.path
    stick = tmp_path / "U盘"
    stick.mkdir()
    made = backup.backup_now(session, db_path, stick)
    assert made["evidence_copied"] == 1 and list((stick / "evidence").rglob("*.png"))
    sealed = backup_stick.backup_to(session, db_path, stick, "station-2026")
    assert b"PNG" not in Path(sealed["path"]).read_bytes()
    for stored in (db_path.parent / "evidence").rglob("*"):
        if stored.is_file():
            stored.unlink()  # the PC's copy is lost
    result = backup_stick.restore_from(db_path, Path(sealed["path"]), "station-2026")
    assert result["evidence_restored"] == 1
    assert Path(row["path"]).read_bytes() == PNG
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM evidence").fetchone()[0] == 1


def test_cli_attach_and_list(session, case, photo, capsys):
    db = str(session.path)
    session.close()
    base = ["--db", db, "--today", "2026-11-23", "--format", "json"]
    assert main([*base, "complaint", "attach", case, str(photo), "--label", "三包凭证"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["label"] == "三包凭证" and len(added["sha256"]) == 64
    assert main([*base, "complaint", "evidence", case]) == 0
    assert [r["file_name"] for r in json.loads(capsys.readouterr().out)] == [photo.name]
