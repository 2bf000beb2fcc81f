"""A real USB stick for the tests: a small image formatted and loop-mounted where sticks are mounted (the test's
own media folder, made the volumes module's media root), unmounted after; skipped where mounting is not allowed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from station_app.services import volumes


@pytest.fixture
def loop_stick(tmp_path, monkeypatch):
    """A 64 MB image formatted and loop-mounted (as root); skipped where mounting is not permitted."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("loop mounting needs root on Linux")
    mkfs = shutil.which("mkfs.vfat") or shutil.which("mkfs.ext4")
    if mkfs is None:
        pytest.skip("no mkfs.vfat or mkfs.ext4 to format the image")
    image, point = tmp_path / "stick.img", tmp_path / "media" / "li" / "STICK"
    point.mkdir(parents=True)
    with image.open("wb") as handle:
        handle.truncate(64 << 20)
    quiet = ["-F"] if mkfs.endswith("ext4") else []
    subprocess.run([mkfs, *quiet, str(image)], check=True, capture_output=True)
    mounted = subprocess.run(["mount", "-o", "loop", str(image), str(point)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"mount not permitted here: {mounted.stderr.strip()}")
    monkeypatch.setattr(volumes, "MEDIA_ROOTS", (str(tmp_path / "media"),))
    monkeypatch.setattr(volumes, "MOUNT_PARENTS", (str(tmp_path / "media"),))
    yield point
    subprocess.run(["umount", str(point)], capture_output=True)
