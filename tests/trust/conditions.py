"""Real conditions for the error tests: a read-only folder and a tiny disk (shared by tests/trust and tests/ui).

Root ignores chmod, so as root a read-only folder is a tmpfs remounted read-only, else a chmod 0555 folder; a
full disk is a tiny tmpfs (only possible as root: skipped otherwise, with the reason).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write to: ``make()`` once its files are in place."""
    folder = tmp_path / "ro"
    mounted = IS_ROOT and _mount_tmpfs(folder, "64m")
    if IS_ROOT and not mounted:
        pytest.skip("running as root (chmod does not stop root) and no tmpfs can be mounted here")
    folder.mkdir(exist_ok=True)

    def make() -> Path:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(0o555 if path.is_dir() else 0o444)
        return folder

    yield folder, make
    if mounted:
        _umount(folder)
    else:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755)


@pytest.fixture
def tiny_disk(tmp_path):
    if not IS_ROOT:
        pytest.skip("a full disk needs a tiny tmpfs, and mounting one needs root")
    folder = tmp_path / "full"
    if not _mount_tmpfs(folder, "2m"):
        pytest.skip("no tmpfs can be mounted here (a container without the mount capability)")
    yield folder
    _umount(folder)
