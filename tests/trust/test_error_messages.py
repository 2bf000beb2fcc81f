"""Errors that say what happened (issue 16, finding 7), under the real conditions: a read-only folder, a full
disk, another program holding the write lock, a missing ``backup --to`` folder, a full disk during a backup.
Each gives its own exit code and a plain Chinese line, never "damaged" (exit 4) nor "internal error" (exit 1).

Root ignores chmod, so a read-only folder is a tmpfs remounted read-only (as root), else a chmod 0555 folder;
a full disk is a tiny tmpfs (only possible as root: skipped otherwise, with the reason).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.cli.base import ExitCode
from tests.conftest import complaint_payload

INIT = ["init", "--station-code", "XJ", "--station-name", "新集镇消费维权服务站", "--kind", "维权服务站"]
INIT += ["--venue", "农村", "--county", "示例县"]


@pytest.fixture
def run(capsys):
    def run_cli(db: Path, *args: str) -> tuple[int, str]:
        code = main(["--db", str(db), "--today", "2026-11-23", *args])
        return code, capsys.readouterr().err

    return run_cli


@pytest.fixture
def register(tmp_path, run):
    db = tmp_path / "data" / "register.sqlite3"
    code, err = run(db, *INIT)
    assert code == 0, err
    payload = tmp_path / "c.json"
    payload.write_text(json.dumps(complaint_payload()), encoding="utf-8")
    return db, payload


def _fill(folder: Path, leave: int = 0) -> None:
    """Take every free byte of the tmpfs, then give back ``leave`` bytes."""
    filler = folder / "filler"
    try:
        with open(filler, "wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
    except OSError:
        pass  # full
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))


def _plain(err: str) -> None:
    assert "已损坏" not in err and "内部错误" not in err and "Traceback" not in err, err
    assert err.startswith("错误：") and err.count("\n") == 1, err


def test_a_register_in_a_read_only_folder_is_said_read_only_not_damaged(register, read_only_folder, run):
    db, payload = register
    folder, make = read_only_folder
    shutil.copy(db, folder / "register.sqlite3")
    make()
    for args in (("complaint", "add", "--json", str(payload)), ("complaint", "list")):
        code, err = run(folder / "register.sqlite3", *args)
        assert code == ExitCode.READ_ONLY, err
        _plain(err)
        assert "只读" in err and "不需要恢复" in err


def test_init_in_a_read_only_folder_is_said_read_only(read_only_folder, run):
    folder, make = read_only_folder
    make()
    code, err = run(folder / "new" / "register.sqlite3", *INIT)
    assert code == ExitCode.READ_ONLY, err
    _plain(err)


def test_backup_to_a_write_protected_stick_is_said_read_only(register, read_only_folder, run):
    db, _ = register
    folder, make = read_only_folder
    make()
    code, err = run(db, "backup", "--to", str(folder))
    assert code == ExitCode.READ_ONLY, err
    _plain(err)


def test_a_full_disk_is_said_full_not_damaged(tmp_path, tiny_disk, run):
    db = tiny_disk / "register.sqlite3"
    code, err = run(db, *INIT)
    assert code == ExitCode.OK, err  # the register fits on the small disk; then the disk fills up
    _fill(tiny_disk)
    payload = tmp_path / "c.json"
    payload.write_text(json.dumps(complaint_payload(facts="很长的争议事实" * 2000)), encoding="utf-8")
    code, err = run(db, "complaint", "add", "--json", str(payload))
    assert code == ExitCode.DISK_FULL, err
    _plain(err)
    assert "磁盘空间已满" in err
    (tiny_disk / "filler").unlink()  # space again: the register was not damaged, and the record goes in
    assert run(db, "check")[0] == ExitCode.OK
    assert run(db, "complaint", "add", "--json", str(payload))[0] == ExitCode.OK


def test_init_on_a_full_disk_is_said_full(tiny_disk, run):
    _fill(tiny_disk)
    code, err = run(tiny_disk / "register.sqlite3", *INIT)
    assert code == ExitCode.DISK_FULL, err
    _plain(err)


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "encrypted"])
def test_a_full_disk_during_a_backup_is_said_and_no_part_file_is_left(register, tiny_disk, run, monkeypatch, sealed):
    db, _ = register
    monkeypatch.setenv("STATION_APP_BACKUP_PASSWORD", "stick-password-1")
    extra = ("--encrypt",) if sealed else ()
    _fill(tiny_disk, leave=db.stat().st_size // 8)  # a part of the copy fits, then the stick is full
    code, err = run(db, "backup", "--to", str(tiny_disk), *extra)
    assert code == ExitCode.DISK_FULL, err
    _plain(err)
    assert not [p for p in tiny_disk.iterdir() if p.name != "filler"]  # no half copy left behind
    (tiny_disk / "filler").unlink()
    assert run(db, "backup", "--to", str(tiny_disk), *extra)[0] == ExitCode.OK


def test_a_missing_backup_folder_is_said_and_never_created(register, tmp_path, run):
    db, _ = register
    stick = tmp_path / "media" / "U盘" / "备份"
    code, err = run(db, "backup", "--to", str(stick))
    assert code == ExitCode.MISSING_FOLDER, err
    _plain(err)
    assert "找不到文件夹" in err and "U盘是否已插好" in err
    assert not stick.exists() and not stick.parent.exists()


def test_another_program_writing_is_waited_for_then_said(register, run):
    db, payload = register
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock and keeps it
    try:
        started = time.monotonic()
        code, err = run(db, "complaint", "add", "--json", str(payload))
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == ExitCode.LOCKED, err
    _plain(err)
    assert "另一个程序正在写入" in err
    assert waited >= 4  # it waited (busy timeout) before giving up


def test_a_short_write_by_another_program_is_simply_waited_for(register, run):
    db, payload = register
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")

    def release() -> None:
        # A plain sleep, not threading.Timer: a timed condition wait never wakes under faketime (README's check on
        # another day), a sleep does.
        time.sleep(1.0)
        other.execute("COMMIT")
        other.close()

    releaser = threading.Thread(target=release)
    releaser.start()
    code, err = run(db, "complaint", "add", "--json", str(payload))
    releaser.join()
    assert code == ExitCode.OK, err


def test_stale_part_files_are_removed_at_the_next_run_and_a_live_writer_is_left(register, run):
    db, _ = register
    backups = db.parent / "backups"
    backups.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid of a process that has ended: its writer was killed
    killed = backups / f"register-20261122-101010.sqlite3.{dead.pid}.part"
    old = backups / "register-20261101-101010.sqlite3.part"  # an older release's name: no pid, an hour idle
    live = db.parent / f"register.sqlite3.restoring.{os.getppid()}.part"  # a running process is writing it
    fresh = backups / "register-20261123-101010.sqlite3.part"  # no pid, written a moment ago
    now = time.time()  # the program's clock (faketime sets another day; the file system stamps the real one)
    for path in (killed, old, live, fresh):
        path.write_bytes(b"x" * 1000)
        os.utime(path, (now, now))
    hour_ago = now - 3700
    os.utime(old, (hour_ago, hour_ago))
    code, err = run(db, "complaint", "list")
    assert code == 0, err
    assert not killed.exists() and not old.exists()
    assert live.exists() and fresh.exists()


def test_stale_part_files_in_an_export_folder_go_by_age_only(tmp_path):
    from station_app import durable

    folder = tmp_path / "stick"
    folder.mkdir()
    other_pc = folder / "XJ-2026-11.stpkg.99999999.part"  # a pid of another computer: says nothing here
    old = folder / "XJ-2026-10.stpkg.123.part"
    now = time.time()  # the program's clock, as above
    for path in (other_pc, old):
        path.write_bytes(b"x")
        os.utime(path, (now, now))
    os.utime(old, (now - 7200, now - 7200))
    assert durable.remove_stale_parts(folder, ours=False) == [old]
    assert other_pc.exists()


def test_each_failure_carries_its_documented_exit_code():
    from station_app.services import session

    kinds = {"READ_ONLY": session.ReadOnly, "DISK_FULL": session.DiskFull, "LOCKED": session.Locked}
    kinds |= {"MISSING_FOLDER": session.MissingFolder, "STORE": session.StoreError}
    assert {name: ExitCode[name].value for name in kinds} == {name: k.exit_code for name, k in kinds.items()}
