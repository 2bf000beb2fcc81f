"""A stick is a stick (services/volumes.py): offered only while mounted, re-checked by its device when written,
never re-created on the PC's disk; with a real loop-mounted image when the test may mount."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from station_app.domain.errors import RuleViolation
from station_app.services import demo, exchange, volumes
from station_app.services.session import Session

TODAY = date(2026, 11, 23)
MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:21 / /run rw,nosuid shared:5 - tmpfs tmpfs rw
61 25 8:17 / /run/media/li/KINGSTON rw,nosuid shared:30 - vfat /dev/sdb1 rw,uid=1000
62 22 8:33 / /media/li/MY\\040STICK rw shared:31 - exfat /dev/sdc1 rw
63 22 8:49 / /data rw shared:32 - ext4 /dev/sdd1 rw
"""


def test_mountinfo_is_read_with_its_escapes():
    mounts = volumes.parse_mountinfo(MOUNTINFO + "garbage line\n")
    assert [m.point for m in mounts] == ["/", "/run", "/run/media/li/KINGSTON", "/media/li/MY STICK", "/data"]
    assert mounts[2].device == "8:17" and mounts[2].source == "/dev/sdb1"


def test_a_stick_is_a_removable_or_desktop_mounted_block_device_never_the_system_disk():
    root, run, kingston, stick, data = volumes.parse_mountinfo(MOUNTINFO)
    assert volumes.is_stick(kingston, removable_flag=False) and volumes.is_stick(stick, removable_flag=False)
    assert volumes.is_stick(data, removable_flag=True)  # the kernel says removable (a USB disk under /data)
    assert not volumes.is_stick(data, removable_flag=False)
    assert not volumes.is_stick(root, removable_flag=True) and not volumes.is_stick(run, removable_flag=True)


def test_an_empty_mount_folder_is_told_apart_from_a_mounted_stick():
    mounts = volumes.parse_mountinfo(MOUNTINFO)
    assert volumes.mount_folder_without_volume(Path("/media/li/PULLED"), mounts)
    assert volumes.mount_folder_without_volume(Path("/mnt/usb"), mounts)
    assert not volumes.mount_folder_without_volume(Path("/media/li/MY STICK/备份"), mounts)
    assert not volumes.mount_folder_without_volume(Path("/home/li/导出"), mounts)  # an ordinary folder


def test_a_folder_standing_in_for_an_unmounted_mount_point_is_refused_and_never_created(tmp_path, monkeypatch):
    media = tmp_path / "media"
    folder = media / "li" / "STICK"
    folder.mkdir(parents=True)
    monkeypatch.setattr(volumes, "MOUNT_PARENTS", (str(media),))
    with pytest.raises(RuleViolation, match="U盘没有插上"):
        volumes.choose(folder)
    chosen = volumes.choose(tmp_path)  # an ordinary folder may be chosen; it is not called a stick
    assert not chosen.stick and chosen.device == os.stat(tmp_path).st_dev
    folder.rmdir()
    with pytest.raises(RuleViolation, match="U盘已拔出"):
        volumes.recheck(folder, chosen.device)
    assert not folder.exists()


def test_an_export_into_a_vanished_folder_writes_nothing_and_creates_nothing(tmp_path, monkeypatch):
    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, TODAY)
    s.act_as("setup", "head")
    gone = tmp_path / "STICK"
    gone.mkdir()
    chosen = volumes.choose(gone)
    gone.rmdir()  # the stick was pulled between the choice and 导出
    with pytest.raises(RuleViolation, match="U盘已拔出"):
        exchange.export_package(s, gone, device=chosen.device)
    assert not gone.exists()
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(RuleViolation, match="已不是选择时的那个U盘"):
        exchange.export_package(s, other, device=os.stat(other).st_dev + 1)
    assert list(other.iterdir()) == []
    media = tmp_path / "media"  # typed on the command line: an ordinary folder may be made, a stick's never
    monkeypatch.setattr(volumes, "MOUNT_PARENTS", (str(media),))
    with pytest.raises(RuleViolation, match="U盘没有插上"):
        exchange.export_package(s, media / "li" / "STICK")
    assert not media.exists()
    s.close()


def test_a_real_stick_is_offered_written_and_then_refused_once_unmounted(loop_stick, tmp_path):
    offered = [t for t in volumes.sticks() if t.path == loop_stick]
    assert len(offered) == 1 and offered[0].stick and 0 < offered[0].free_mb < 64
    chosen = volumes.choose(loop_stick)
    assert chosen.stick and chosen.device == offered[0].device != os.stat(tmp_path).st_dev
    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, TODAY)
    s.act_as("setup", "head")
    written = exchange.export_package(s, chosen.path, device=chosen.device)
    assert Path(written["file"]).parent == loop_stick and os.stat(written["file"]).st_dev == chosen.device
    subprocess.run(["umount", str(loop_stick)], check=True)
    assert not [t for t in volumes.sticks() if t.path == loop_stick]  # no longer offered
    with pytest.raises(RuleViolation, match="已不是选择时的那个U盘"):
        exchange.export_package(s, chosen.path, device=chosen.device)
    with pytest.raises(RuleViolation, match="U盘没有插上"):
        volumes.choose(loop_stick)
    assert list(loop_stick.iterdir()) == []  # nothing written on the PC's disk in the stick's place
    s.close()
