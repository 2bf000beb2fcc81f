"""A stick is a stick: which folders are mounted removable volumes (USB sticks), and the check at the moment of
writing that the chosen one is still there, the same device as when it was chosen.

Why: with the stick pulled, its mount folder (/media/user/STICK) stays on the PC's own disk; a write there
"succeeds" and the county receives an empty stick. So a target is a folder plus the device id (``st_dev``) it
had when chosen; nothing here ever creates a folder. Linux reads /proc/self/mountinfo and /sys; Windows asks
GetDriveTypeW. The decisions (``parse_mountinfo``, ``is_stick``, ``mount_folder_without_volume``) are pure.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from station_app.domain.errors import RuleViolation

# Where desktops mount a plugged-in stick (udisks: /media/USER/LABEL, /run/media/USER/LABEL).
MEDIA_ROOTS: tuple[str, ...] = ("/media", "/run/media")
# Folders that hold mount points: an empty folder there is a stick's mount folder with the stick gone.
MOUNT_PARENTS: tuple[str, ...] = (*MEDIA_ROOTS, "/mnt")
DRIVE_REMOVABLE = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Mount:
    point: str
    device: str  # "major:minor"
    source: str  # /dev/sdb1, /dev/loop0, tmpfs …


@dataclass(frozen=True)
class Target:
    """A folder to write to and the device it was on when the user chose it."""

    path: Path
    device: int
    stick: bool  # a mounted removable volume: "可以安全拔出U盘" may be said after the read-back
    free_mb: int = 0


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of /proc/self/mountinfo (man 5 proc): ``id parent major:minor root point … - type source …``."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue
        mounts.append(Mount(_unescape(fields[4]), fields[2], _unescape(tail[1])))
    return mounts


def _under(point: str, roots: tuple[str, ...]) -> bool:
    return any(point == root or point.startswith(root.rstrip("/") + "/") for root in roots)


def is_stick(mount: Mount, removable_flag: bool, media_roots: tuple[str, ...] | None = None) -> bool:
    """A mounted block device that the kernel calls removable (or sits on USB), or that the desktop mounted
    where it mounts sticks. Never the system's own disks, never tmpfs or other memory file systems."""
    if not mount.source.startswith("/dev/") or mount.point == "/":
        return False
    return removable_flag or _under(mount.point, MEDIA_ROOTS if media_roots is None else media_roots)


def mount_folder_without_volume(folder: Path, mounts: list[Mount], parents: tuple[str, ...] | None = None) -> bool:
    """A folder where sticks are mounted (under /media, /run/media, /mnt) that is not on any mounted volume of
    its own: the stick was pulled or unmounted and only the empty folder on the PC's disk is left."""
    path, parents = str(folder), MOUNT_PARENTS if parents is None else parents
    if not _under(path, parents):
        return False
    points = {m.point for m in mounts if m.point != "/"}
    return not any(path == p or path.startswith(p.rstrip("/") + "/") for p in points if _under(p, parents))


# -- Linux -------------------------------------------------------------------------------------------------
def _linux_mounts() -> list[Mount]:
    try:
        return parse_mountinfo(Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _sysfs_removable(device: str, sys_root: Path = Path("/sys")) -> bool:
    """/sys/block/<disk>/removable of the disk holding the partition, or a disk on the USB bus."""
    node = sys_root / "dev" / "block" / device
    try:
        real = node.resolve(strict=True)
    except OSError:
        return False
    if "/usb" in str(real):
        return True
    for folder in (real, real.parent):
        try:
            return (folder / "removable").read_text().strip() == "1"
        except OSError:
            continue
    return False


def _linux_sticks() -> list[Target]:
    found = []
    for mount in _linux_mounts():
        if is_stick(mount, _sysfs_removable(mount.device)):
            target = _target(Path(mount.point), stick=True)
            if target is not None:
                found.append(target)
    return found


# -- Windows -----------------------------------------------------------------------------------------------
def _windows_sticks() -> list[Target]:
    import ctypes  # only on Windows: the kernel32 calls below

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    found = []
    for index in range(26):
        root = f"{chr(65 + index)}:\\"
        if mask >> index & 1 and kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
            target = _target(Path(root), stick=True)  # None: a card reader with no card
            if target is not None:
                found.append(target)
    return found


def _windows_is_stick(folder: Path) -> bool:
    import ctypes

    root = os.path.splitdrive(str(folder.resolve()))[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE  # type: ignore[attr-defined]


# -- the use -------------------------------------------------------------------------------------------------
def _target(path: Path, *, stick: bool) -> Target | None:
    try:
        device = os.stat(path).st_dev
        if not os.access(path, os.W_OK):
            return None
        free = shutil.disk_usage(path).free // 1_000_000
    except OSError:
        return None
    return Target(path, device, stick, free)


def sticks() -> list[Target]:
    """The mounted removable volumes right now, writable (a list to offer; refreshed, never remembered)."""
    if sys.platform == "win32":
        return _windows_sticks()
    if sys.platform.startswith("linux"):
        return _linux_sticks()
    return []


def choose(folder: Path) -> Target:
    """The folder the user picked: refused when it is an empty mount folder of a stick that is gone."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleViolation(f"找不到文件夹 {folder}：U盘是否已拔出？请插好U盘后重新选择")
    if sys.platform.startswith("linux") and mount_folder_without_volume(folder.resolve(), _linux_mounts()):
        raise RuleViolation(
            f"{folder} 是U盘的挂载文件夹，但U盘没有插上（或已弹出）：写在这里只会留在本机硬盘上。请插好U盘后重试"
        )
    on_stick = any(_contains(s.path, folder) for s in sticks())
    if sys.platform == "win32":
        on_stick = _windows_is_stick(folder)
    target = _target(folder, stick=on_stick)
    if target is None:
        raise RuleViolation(f"文件夹 {folder} 无法写入（U盘是否写保护？）")
    return target


def _contains(root: Path, folder: Path) -> bool:
    try:
        folder.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def recheck(folder: Path, device: int | None) -> None:
    """At the moment of writing (and after the read-back): the folder is still there on the same device.

    ``device`` None: a folder typed on the command line (it may be made), but never a stick's mount folder
    with no stick in it.
    """
    if device is None:
        if sys.platform.startswith("linux") and mount_folder_without_volume(Path(folder).resolve(), _linux_mounts()):
            raise RuleViolation(f"{folder} 是U盘的挂载文件夹，但U盘没有插上（或已弹出）：请插好U盘后重试")
        return
    try:
        now = os.stat(folder).st_dev
    except OSError:
        raise RuleViolation(f"找不到 {folder}：U盘已拔出？请插好U盘后重新选择，什么也没有写入") from None
    if not Path(folder).is_dir():
        raise RuleViolation(f"{folder} 不是文件夹")
    if device is not None and now != device:
        raise RuleViolation(
            f"{folder} 已不是选择时的那个U盘（U盘被拔出或换了一个）：请插好U盘后重新选择，写在本机硬盘上的不算"
        )
