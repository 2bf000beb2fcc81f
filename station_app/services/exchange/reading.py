"""Reading the packages of a county import: each file read, verified, decrypted, inflated, parsed, checked and its
records staged (store/staging.py) without the register, so it can run ahead of the merge.

Small imports read in one thread beside the merge. Big ones (a county's month of dozens of stations, a first full
export, a roll-up) read in worker processes: parsing JSON and binding values is Python work, and in a thread it
held the GIL the merging thread needed between SQLite's steps, so the two took turns instead of running together.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import stat
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from station_app.formats import keys, package
from station_app.services.exchange.plan import Refused, check_domain, check_members
from station_app.store import staging
from station_app.store.migrations import schema_version

MAX_FILE = 4 * 1024 * 1024 * 1024
PROCESS_BYTES = 16 * 1024 * 1024  # from here (about 70,000 cases) worker processes pay for their start
# "processes" or "thread" overrides the size rule (a support knob; the bundle's test uses it on a small stick)
READERS_ENV = "STATION_APP_IMPORT_READERS"


@dataclass(frozen=True)
class Trusted:
    """Whose packages a reader may inflate: each registered station's signing key, and the fingerprint the
    clerk checked by phone (``--accept-key``). Plain values: it crosses to worker processes."""

    station_keys: dict[str, str]  # station code -> its registered public key (base64)
    accept_key: str | None = None

    def may_open(self, pkg: package.Package) -> bool:
        registered = self.station_keys.get(str(pkg.manifest["station"]["code"]))
        return registered == keys.b64(pkg.public_key) or keys.fingerprint_matches(self.accept_key, pkg.fingerprint)


@dataclass
class Prepared:
    """A package read and opened without the register; what failed kept for later, so refusals come in the same
    order as when reading and checking one step after the other. Crosses from a worker process by pickling: the
    package's body stays behind (its records are in ``members`` and ``staged``)."""

    sha256: str = ""
    pkg: package.Package | None = None
    members: dict[str, list[dict[str, Any]]] | None = None
    staged: staging.Staged | None = None
    unreadable: Exception | None = None  # the file or its signed manifest
    unopenable: Exception | None = None  # its members (decryption, hashes, records)
    references: dict[str, tuple[str, str]] = field(default_factory=dict)  # cases of follow-ups outside the package


def prepare(
    path: Path,
    county_raw: bytes | None,
    columns: dict[str, set[str]],
    trusted: Trusted | None = None,
    layouts: dict[str, staging.Layout] | None = None,
) -> Prepared:
    """``columns``: each record table's columns in this register (what a package's records may carry);
    ``layouts``: the same in order with their types, to seal the new rows beside the merge (store/staging.py).

    ``trusted``: the signers whose packages may be opened. A package signed by anyone else is read no further
    than its signed header (the import refuses it by its signer), so a stranger's file costs no memory.
    """
    prepared = Prepared()
    try:
        data = _read(path)
        prepared.sha256 = hashlib.sha256(data).hexdigest()
        pkg = package.parse(data, max_schema=schema_version())
        del data
    except (package.PackageError, Refused) as exc:
        prepared.unreadable = exc
        return prepared
    prepared.pkg = replace(pkg, body=b"")
    if trusted is not None and not trusted.may_open(pkg):
        return prepared  # import_file refuses it by its signer before it would need the members
    try:
        county = None if county_raw is None else keys.county_from_raw(county_raw)
        members, control_free = package.open_members_scanned(pkg, county)
        uniform = check_members(pkg.manifest, members, columns)
        prepared.references = check_domain(pkg.manifest, members, control_free)
        prepared.staged = _stage(members, uniform, layouts)
        prepared.members = members
    except (package.PackageError, Refused) as exc:
        prepared.unopenable = exc
    return prepared


def _stage(
    members: dict[str, list[dict[str, Any]]],
    uniform: dict[str, tuple[str, ...]],
    layouts: dict[str, staging.Layout] | None = None,
) -> staging.Staged | None:
    """Stage every record table whose rows share one set of columns (and take them out of ``members``)."""
    tables = {table: (names, members[table]) for table, names in uniform.items()}
    if not tables:
        return None
    try:
        staged = staging.build(tables, layouts)
    except staging.Unstageable:
        raise package.damaged("有无法保存的数值") from None
    for table in tables:
        members[table] = []
    return staged


def _read(path: Path) -> bytes:
    """The file's bytes, if it is a regular file: a FIFO would hang the import, a link to a device fill memory."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if path.is_symlink():
            raise Refused("not_a_file", "这是一个链接，不是数据包文件，已拒绝读取") from None
        raise Refused("unreadable", f"无法读取文件（{exc.strerror or exc}）") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not_a_file", "这不是普通文件（可能是设备或管道），不是数据包，已拒绝读取")
        if info.st_size > MAX_FILE:
            raise Refused("too_large", "文件过大，不是本程序的数据包")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            raise Refused("too_large", "文件过大，不是本程序的数据包")
        return data
    except OSError as exc:
        raise Refused("unreadable", f"无法读取文件（{exc.strerror or exc}）") from None
    finally:
        os.close(fd)


@dataclass
class Readers:
    pool: Executor
    depth: int  # packages read ahead of the one being merged


def _worker_start() -> None:
    # A worker only parses packages and drops them: the cyclic collector would walk a package's hundreds of
    # thousands of fresh dicts again and again for no garbage (they are freed by reference counting).
    gc.disable()


@contextmanager
def readers(files: list[Path], *, processes: bool | None = None) -> Iterator[Readers]:
    """Worker processes when the files are big (``processes`` or the environment can decide), else one thread."""
    if processes is None and os.environ.get(READERS_ENV) in ("processes", "thread"):
        processes = os.environ[READERS_ENV] == "processes"
    if processes is None:
        try:
            processes = sum(f.stat().st_size for f in files) >= PROCESS_BYTES
        except OSError:
            processes = False
    if processes:
        # spawn everywhere (Windows has nothing else): no copy of the parent's Qt threads and open register
        count = max(1, min(2, os.cpu_count() or 1, len(files)))
        pool: Executor = ProcessPoolExecutor(
            max_workers=count, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start
        )
        depth = count + 1
    else:
        pool, depth = ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-reader"), 1
    try:
        yield Readers(pool, depth)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
