"""Writing a file so that a power cut leaves the old file or the new one, never half of one.

The one way the program replaces a file (a package on a stick, a sealed backup, an evidence copy, a private
key file, the form's crash draft): write under a temporary name beside the target, flush it to the device,
rename it over the target, then flush the folder entry too (on POSIX the rename itself must reach the
device). A failure removes the temporary file and raises the original error. It imports nothing of the
program: every layer may use it.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PART_SUFFIX = ".part"  # a file left with this suffix was being written when the program stopped


def partial_path(target: Path) -> Path:
    """The temporary name beside ``target`` (the process id: two writers of one target never share it)."""
    return target.with_name(f"{target.name}.{os.getpid()}{PART_SUFFIX}")


@contextmanager
def replacing(target: Path, *, private: bool = False, make_folder: bool = True) -> Iterator[BinaryIO]:
    """A binary handle whose bytes become ``target`` when the block ends without an error. ``private``: readable
    by the owner only (0600) whatever the process's umask, from before the first byte is written. ``make_folder``
    False: a missing folder is an error (a stick's mount folder must never be re-created on the PC's disk)."""
    if make_folder:
        target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(partial, flags, 0o600 if private else 0o666), "wb") as handle:
            if private and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)  # an older partial file kept its own mode through O_TRUNC
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    sync_folder(target.parent)


def write_bytes(target: Path, data: bytes, *, private: bool = False, make_folder: bool = True) -> None:
    with replacing(target, private=private, make_folder=make_folder) as handle:
        handle.write(data)


def write_text(target: Path, text: str, *, private: bool = False) -> None:
    write_bytes(target, text.encode("utf-8"), private=private)


def read_from_device(path: Path) -> bytes:
    """The file's bytes as the device holds them: its pages dropped from the cache first where the system
    allows (Linux), so a read-back checks the stick, not the memory that was just written."""
    with path.open("rb") as handle:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        return handle.read()


def copy_file(source: Path, target: Path) -> None:
    with source.open("rb") as src, replacing(target) as out:
        shutil.copyfileobj(src, out, 1 << 20)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the device; nothing to do where folders cannot be opened (Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (FAT sticks through FUSE) refuse it: the data itself was flushed
    finally:
        os.close(fd)


STALE_AFTER_SECONDS = 3600


def remove_stale_parts(folder: Path, *, ours: bool = True, now: float | None = None) -> list[Path]:
    """Remove partial files (``*.part``) in ``folder`` left by a run that was killed, a power cut or a full disk.

    Never one another program is writing right now. A partial file is stale when:
    - nobody has written to it for an hour (``STALE_AFTER_SECONDS``): every writer here writes without pause
      (SQLite's online backup, a package, a sealed backup) and renames within minutes, so an hour of silence
      means its writer is gone, whoever it was and whatever the pid says (a pid may have been reused);
    - or, sooner, when ``ours`` (the register's own folders, on this computer) and the pid in its name
      (partial_path) is of no running process (POSIX only: on Windows os.kill would end the process, so
      there only the hour counts). Not for a folder others may share (a stick, an export folder): a pid of
      another computer says nothing here. Our own pid is left to the hour too (another thread may be writing).
    Returns what was removed; a file that cannot be removed (a read-only folder) is left, silently.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        candidates = [p for p in folder.glob(f"*{PART_SUFFIX}") if p.is_file() and not p.is_symlink()]
    except OSError:
        return []
    for path in candidates:
        try:
            idle = now - path.stat().st_mtime
            if idle >= STALE_AFTER_SECONDS or (ours and _writer_gone(path)):
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone already, or not ours to remove: the next run tries again
    return removed


def _writer_gone(path: Path) -> bool:
    pid_text = path.name[: -len(PART_SUFFIX)].rpartition(".")[2]
    if os.name != "posix" or not pid_text.isdigit() or int(pid_text) in (0, os.getpid()):
        return False
    try:
        os.kill(int(pid_text), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's process): leave it to the hour
    return False
