"""What went wrong around the register, said plainly: a read-only folder, a full disk, another program writing,
a missing folder. Each is a StoreError of its own kind (the command line gives each its own exit code, the
windows show the same sentence), never "damaged" (which invites a needless restore) nor "internal error".

``explain`` turns the raw error (SQLite's or the operating system's) into one of them, or None when the error
is something else (a damaged file, a fault of the program): the caller then reports it as before.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path


class StoreError(RuntimeError):
    """The database cannot be used; the message (Chinese) tells the user what to do."""

    # Its exit code (cli.base.ExitCode, docs/cli.md): the command line's and the window's (which cannot import
    # the CLI) are the same number.
    exit_code = 4


class ReadOnly(StoreError):
    """The folder or file cannot be written (a write-protected stick, a read-only share, no permission)."""

    exit_code = 6


class DiskFull(StoreError):
    """No space left where the program writes."""

    exit_code = 7


class Locked(StoreError):
    """Another program kept the register busy for longer than the wait (database.BUSY_SECONDS)."""

    exit_code = 8


class MissingFolder(StoreError):
    """A folder the user named does not exist (a stick not plugged in)."""

    exit_code = 9


BUSY_SECONDS = 5  # how long a write waits for another program's write to finish before giving up
_LOW_SPACE = 1 << 20  # an I/O error with less than this free is a full disk, whatever SQLite called it

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 5, 6, 8, 10, 13, 14


def read_only(where: Path | str | None) -> ReadOnly:
    return ReadOnly(
        f"无法写入{_place(where)}：该文件夹或文件是只读的，或当前 Windows/系统用户没有写入权限。"
        "登记簿没有损坏，不需要恢复；请换一个可以写入的位置（或取下U盘的写保护、请管理员开放权限）后再试"
    )


def disk_full(where: Path | str | None) -> DiskFull:
    return DiskFull(
        f"磁盘空间已满，无法写入{_place(where)}。未完成的操作没有写入，登记簿没有损坏；"
        "请删除不需要的文件或换一个有空间的位置（U盘）后再试"
    )


def locked(where: Path | str | None) -> Locked:
    return Locked(
        f"另一个程序正在写入{_place(where)}（已等待 {BUSY_SECONDS} 秒仍未写完）。本次操作没有写入；"
        "请稍后再试，或关闭其他打开这本登记簿的窗口或命令"
    )


def missing_folder(folder: Path | str) -> MissingFolder:
    return MissingFolder(f"找不到文件夹：{folder}。U盘是否已插好？请先插好U盘或建好该文件夹，再重试")


def explain(exc: BaseException, where: Path | str | None = None) -> StoreError | None:
    """The plain-words error for ``exc`` (raised while using ``where``), or None when it is none of these."""
    if isinstance(exc, StoreError):
        return exc if type(exc) in (ReadOnly, DiskFull, Locked, MissingFolder) else None
    if isinstance(exc, sqlite3.Error):
        return _explain_sqlite(exc, where)
    if isinstance(exc, OSError):
        place = exc.filename or where
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return disk_full(place)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only(place)
    return None


def _explain_sqlite(exc: sqlite3.Error, where: Path | str | None) -> StoreError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == _SQLITE_FULL or "disk is full" in text:
        return disk_full(where)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "is locked" in text:
        return locked(where)
    if primary == _SQLITE_READONLY or "readonly" in text:
        return read_only(where)
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        # SQLite cannot say why it could not open (or make) the file, its journal or its -wal/-shm: ask the folder.
        return read_only(where) if where is not None and not _writable(Path(where)) else None
    if (primary == _SQLITE_IOERR or "disk i/o error" in text) and where is not None and _free(Path(where)) < _LOW_SPACE:
        return disk_full(where)
    return None


def _writable(path: Path) -> bool:
    folder = path if path.is_dir() else path.parent
    if not os.access(folder, os.W_OK):
        return False
    return not path.is_file() or os.access(path, os.W_OK)


def _free(path: Path) -> int:
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return _LOW_SPACE  # cannot tell: not called full


def _place(where: Path | str | None) -> str:
    return f" {where}" if where else "登记簿"
