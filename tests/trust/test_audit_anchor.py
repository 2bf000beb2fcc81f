"""Finding 6 of issue 16: the audit chain rewritten unseen. Real registers on files, edited with sqlite3 as an
attacker with the file would: a record changed or deleted, the chain cut short, an entry rewritten and every later
hash recomputed. Each is now found by ``audit verify`` and ``check`` and, at the county, refused at the next import
(``audit_rewritten``)."""

from __future__ import annotations

import sqlite3

import pytest

from station_app.cli import main
from station_app.cli.base import ExitCode
from station_app.services import backup, complaints, printing
from station_app.services.exchange import plan
from station_app.services.exchange.importing import import_packages
from station_app.store import audit
from tests.conftest import TODAY, complaint_payload
from tests.services.exchange.registers import accept, export
from tests.trust.crafted_packages import resigned

BASE = ["--today", TODAY.isoformat(), "--format", "json"]


def cli(capsys, session, *args):
    import json

    code = main(["--db", str(session.path), *BASE, *args])
    return code, json.loads(capsys.readouterr().out)


def tamper(session, *statements):
    """sqlite3 on the register file, beside the program (a connection of its own, without the program's triggers)."""
    con = sqlite3.connect(session.path)
    for sql, *params in statements:
        con.execute(sql, *params)
    con.commit()
    con.close()


def rehash_from(session, start: int) -> None:
    """What a careful attacker does after editing entry ``start``: recompute every hash from there on."""
    con = sqlite3.connect(session.path)
    rows = con.execute(
        f"SELECT pk, {', '.join(audit.ENTRY_COLUMNS)}, seal FROM audit WHERE pk >= ? ORDER BY pk", [start]
    ).fetchall()
    prev = con.execute("SELECT hash FROM audit WHERE pk < ? ORDER BY pk DESC LIMIT 1", [start]).fetchone()[0]
    for pk, *values, seal in rows:
        digest = audit._entry_hash(prev, {**dict(zip(audit.ENTRY_COLUMNS, values, strict=True)), "seal": seal})
        con.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE pk = ?", [prev, digest, pk])
        prev = digest
    con.commit()
    con.close()


def again(county, path):
    """A later package of a station whose key the county already holds: no ``--accept-key`` (that re-checks by phone
    and takes the package's head as it is)."""
    return import_packages(county, [path])[0]


def first_number(session, table="complaints"):
    return session.db.execute(f"SELECT number FROM {table} ORDER BY pk LIMIT 1").fetchone()[0]


def test_a_complaint_edited_with_sqlite3_is_named_by_verify_and_check(make_station, capsys):
    station = make_station("XJ", 12)
    assert cli(capsys, station, "audit", "verify")[0] == ExitCode.OK
    number = first_number(station)
    tamper(station, ("UPDATE complaints SET recovered_fen = 9999900 WHERE number = ?", [number]))
    code, state = cli(capsys, station, "audit", "verify")
    assert code == ExitCode.AUDIT_BROKEN and not state["ok"]
    assert any(number in p and "本程序之外被改动" in p for p in state["problems"]), state
    code, checked = cli(capsys, station, "check")
    assert code == ExitCode.AUDIT_BROKEN and any(number in p for p in checked["audit_problems"])
    # The program writing on afterwards does not bless the edit: the next entry seals only its own rows.
    complaints.add_complaints(station, [complaint_payload()], TODAY)
    assert any(number in p for p in cli(capsys, station, "audit", "verify")[1]["problems"])


def test_a_record_deleted_or_slipped_in_with_sqlite3_is_found(make_station, capsys):
    station = make_station("XJ", 6)
    tamper(station, ("DELETE FROM consultations WHERE pk = (SELECT min(pk) FROM consultations)",))
    code, state = cli(capsys, station, "audit", "verify")
    assert code == ExitCode.AUDIT_BROKEN and any("被删除" in p for p in state["problems"]), state
    station_two = make_station("DL", 6, folder="DL")
    tamper(
        station_two,
        (
            "INSERT INTO warnings (id, station_code, number, year, created_at, updated_at, created_by, date, type,"
            " title, body) SELECT 'w-forged', 'DL', 'DL-TS-2026-0999', 2026, 'x', 'x', 'x', '2026-11-01', 'consumer',"
            " 't', 'b'",
        ),
    )
    code, state = cli(capsys, station_two, "audit", "verify")
    assert code == ExitCode.AUDIT_BROKEN and any("DL-TS-2026-0999" in p for p in state["problems"]), state


@pytest.mark.parametrize("bulk", [False, True], ids=["row_by_row", "bulk_insert_select"])
def test_the_county_finds_a_merged_case_edited_with_sqlite3(make_station, county, tmp_path, capsys, monkeypatch, bulk):
    if bulk:  # the path of a big package: INSERT … SELECT from the stage, indexes and seals at the end
        monkeypatch.setattr(plan, "BULK_ROWS", 1)
    station = make_station("XJ", 12)
    assert accept(county, station, export(station, tmp_path / "usb"))["status"] == "imported"
    assert cli(capsys, county, "audit", "verify")[0] == ExitCode.OK  # a bulk merge is sealed too
    number = first_number(county)
    tamper(county, ("UPDATE complaints SET status = 'closed_settled' WHERE number = ?", [number]))
    code, state = cli(capsys, county, "audit", "verify")
    assert code == ExitCode.AUDIT_BROKEN and any(number in p for p in state["problems"]), state


def exported_once(make_station, county, tmp_path):
    station = make_station("XJ", 8)
    first = accept(county, station, export(station, tmp_path / "usb1"))
    assert first["status"] == "imported"
    complaints.add_complaints(station, [complaint_payload()], TODAY)  # work goes on after the export
    return station


def test_cutting_the_chain_below_the_last_export_is_caught_here_and_at_the_county(
    make_station, county, tmp_path, capsys
):
    station = exported_once(make_station, county, tmp_path)
    sent = station.db.execute("SELECT max(count) FROM audit_exports").fetchone()[0]
    tamper(station, ("DELETE FROM audit WHERE pk > ?", [sent - 5]))
    code, state = cli(capsys, station, "audit", "verify")
    assert code == ExitCode.AUDIT_BROKEN and any("最后的记录被删除" in p for p in state["problems"]), state
    # The station's own memory of its exports is in the file too: the attacker clears it; the county still knows.
    tamper(station, ("DELETE FROM audit_exports",))
    refused = again(county, export(station, tmp_path / "usb2"))
    assert refused["status"] == "refused" and refused["code"] == "audit_rewritten", refused
    assert "少于" in refused["reason"] and "XJ" in refused["reason"]


def test_rewriting_an_entry_and_rehashing_the_rest_is_caught_here_and_at_the_county(
    make_station, county, tmp_path, capsys
):
    station = exported_once(make_station, county, tmp_path)
    tamper(station, ("UPDATE audit SET actor = '某某' WHERE pk = 3",))
    rehash_from(station, 3)
    code, state = cli(capsys, station, "audit", "verify")
    assert code == ExitCode.AUDIT_BROKEN
    assert not any("审计记录的内容被改动" in p for p in state["problems"])  # the chain itself links up again
    assert any("审计记录被改写" in p for p in state["problems"]), state
    tamper(station, ("DELETE FROM audit_exports",))
    refused = again(county, export(station, tmp_path / "usb2"))
    assert refused["status"] == "refused" and refused["code"] == "audit_rewritten", refused
    assert "不同" in refused["reason"]


def test_a_chain_cut_back_to_an_earlier_exports_length_is_not_that_export(make_station, county, tmp_path):
    station = make_station("XJ", 6)
    early = export(station, tmp_path / "usb1")
    early_count = station.db.execute("SELECT max(count) FROM audit_exports").fetchone()[0]
    complaints.add_complaints(station, [complaint_payload()], TODAY)
    assert accept(county, station, export(station, tmp_path / "usb2"))["status"] == "imported"  # first: by phone
    assert again(county, early)["status"] != "refused"  # an older export imported late is fine
    tamper(station, ("DELETE FROM audit WHERE pk > ?", [early_count]), ("DELETE FROM audit_exports",))
    refused = again(county, export(station, tmp_path / "usb3"))
    assert refused["status"] == "refused" and refused["code"] == "audit_rewritten", refused


def test_a_package_without_the_head_after_ones_with_it_is_refused(make_station, county, tmp_path):
    station = exported_once(make_station, county, tmp_path)
    later = export(station, tmp_path / "usb2")
    stripped = resigned(later, tmp_path / "stripped.stpkg", station, manifest=lambda m: m.pop("audit"))
    refused = again(county, stripped)
    assert refused["status"] == "refused" and refused["code"] == "audit_rewritten", refused
    forged = resigned(
        later, tmp_path / "forged.stpkg", station, manifest=lambda m: m["audit"].update(checkpoints="many")
    )
    assert again(county, forged)["code"] == "damaged"
    assert again(county, later)["status"] == "imported"


def test_backups_prints_and_exports_leave_audit_entries(make_station, tmp_path):
    station = make_station("XJ", 4)
    backup.backup_now(station, station.path)
    number = first_number(station)
    printing.print_case(station, "registration", number, tmp_path / "登记表.pdf", TODAY)
    printing.print_month(station, "tally", "2026-11", tmp_path / "月报.pdf", TODAY)
    export(station, tmp_path / "usb")
    actions = [e["action"] for e in audit.entries(station.db)[-5:] if e["action"] != "key"]  # export's first key
    assert actions == ["backup", "print", "print", "export"]
    assert audit.verify(station.db) == []


def test_a_station_back_on_an_older_backup_is_taken_again_once_the_county_checked_by_phone(
    make_station, county, tmp_path
):
    station = exported_once(make_station, county, tmp_path)
    sent = station.db.execute("SELECT max(count) FROM audit_exports").fetchone()[0]
    tamper(station, ("DELETE FROM audit WHERE pk > ?", [sent - 2]), ("DELETE FROM audit_exports",))
    package = export(station, tmp_path / "usb2")
    assert again(county, package)["code"] == "audit_rewritten"
    assert accept(county, station, package)["status"] == "imported"  # --accept-key: checked with the station
