"""Password-sealed files for what leaves the station on a stick that is not a package (backups).

A backup on a USB stick is the whole register in clear: a lost stick would hand every consumer's name,
phone and ID number to whoever finds it. Sealed, it is worthless without the password.

Layout (all integers big-endian):

    MAGIC                        8 bytes  b"STSEAL1\\n"
    header length                4 bytes
    header                       JSON: format, kind, kdf (scrypt n/r/p, salt), cipher, chunk size, nonce
    chunks                       each: 4-byte length, AES-256-GCM ciphertext of up to ``chunk`` bytes

Chunk ``i`` is encrypted with nonce = header nonce XOR i and associated data = header ‖ i ‖ last-flag,
so chunks cannot be reordered, dropped or cut off without the last one failing to open (the STREAM
construction). The plain stream is a tar archive of a folder (the register copy and what travels with it).
"""

from __future__ import annotations

import io
import json
import os
import struct
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from station_app import durable

MAGIC = b"STSEAL1\n"
SUFFIX = ".stbak"
CHUNK = 1024 * 1024
SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # ~0.1 s and 32 MB on an old PC: cheap once, dear a billion times
MIN_PASSWORD = 8
MAX_HEADER = 64 * 1024


class SealError(ValueError):
    """The sealed file cannot be opened; the message says why in the clerk's words."""


def is_sealed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise SealError(f"密码至少 {MIN_PASSWORD} 位（忘记密码将无法恢复这份备份，请记在安全的地方）")


def _key(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"]).derive(password.encode("utf-8"))


def _nonce(base: bytes, index: int) -> bytes:
    return (int.from_bytes(base, "big") ^ index).to_bytes(12, "big")


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if last else 0)


class _SealingWriter(io.RawIOBase):
    """A write-only stream that encrypts what tarfile writes, one chunk at a time."""

    def __init__(self, out: BinaryIO, key: bytes, header: bytes, nonce: bytes):
        super().__init__()
        self.out, self.aead, self.header, self.nonce = out, AESGCM(key), header, nonce
        self.pending = bytearray()
        self.index = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.pending += data
        while len(self.pending) > CHUNK:  # keep at least one byte back: the last chunk is marked
            self._emit(bytes(self.pending[:CHUNK]), last=False)
            del self.pending[:CHUNK]
        return len(data)

    def _emit(self, plain: bytes, *, last: bool) -> None:
        sealed = self.aead.encrypt(_nonce(self.nonce, self.index), plain, _aad(self.header, self.index, last))
        self.out.write(struct.pack(">I", len(sealed)) + sealed)
        self.index += 1

    def finish(self) -> None:
        self._emit(bytes(self.pending), last=True)
        self.pending.clear()


def seal_folder(folder: Path, target: Path, password: str, *, kind: str = "backup") -> Path:
    """Tar ``folder``'s files and seal them into ``target`` (written under a temporary name, then renamed)."""

    def add_files(archive: tarfile.TarFile) -> None:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.add(path, arcname=path.relative_to(folder).as_posix(), recursive=False)

    return seal_archive(add_files, target, password, kind=kind)


def seal_archive(
    add_members: Callable[[tarfile.TarFile], None], target: Path, password: str, *, kind: str = "backup"
) -> Path:
    """Seal the tar stream that ``add_members`` writes into ``target`` (tests craft hostile archives with it)."""
    check_password(password)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps(
        {
            "format": 1,
            "kind": kind,
            "kdf": {"name": "scrypt", **SCRYPT, "salt": salt.hex()},
            "cipher": "AES-256-GCM-STREAM",
            "chunk": CHUNK,
            "nonce": nonce.hex(),
        },
        sort_keys=True,
    ).encode()
    with durable.replacing(target) as out:
        out.write(MAGIC + struct.pack(">I", len(header)) + header)
        writer = _SealingWriter(out, _key(password, salt, SCRYPT), header, nonce)
        with tarfile.open(fileobj=writer, mode="w|") as archive:
            add_members(archive)
        writer.finish()
    return target


def _read_exact(handle: BinaryIO, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise SealError("备份文件不完整（可能在复制时被中断），无法恢复")
    return data


def _chunks(handle: BinaryIO, key: bytes, header: bytes, nonce: bytes, chunk: int) -> Iterator[bytes]:
    aead = AESGCM(key)
    index = 0
    while True:
        (size,) = struct.unpack(">I", _read_exact(handle, 4))
        if size > chunk + 16:
            raise SealError("备份文件已损坏，无法恢复")
        sealed = _read_exact(handle, size)
        peek = handle.read(1)
        last = not peek
        try:
            plain = aead.decrypt(_nonce(nonce, index), sealed, _aad(header, index, last))
        except InvalidTag:
            if index == 0:
                raise SealError("密码不对，或备份文件已损坏") from None
            raise SealError("备份文件已损坏或不完整，无法恢复") from None
        yield plain
        if last:
            return
        handle.seek(-1, os.SEEK_CUR)
        index += 1


class _OpeningReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]):
        super().__init__()
        self.chunks, self.buffer = chunks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self.buffer:
            try:
                self.buffer = next(self.chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self.buffer))
        target[:size] = self.buffer[:size]
        self.buffer = self.buffer[size:]
        return size


def open_sealed(source: Path, folder: Path, password: str) -> list[str]:
    """Check and unpack ``source`` into ``folder``; returns the member names. Raises SealError."""
    try:
        with source.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise SealError(f"{source.name} 不是加密备份文件（.stbak）")
            (length,) = struct.unpack(">I", _read_exact(handle, 4))
            if length > MAX_HEADER:
                raise SealError("备份文件已损坏，无法恢复")
            header = _read_exact(handle, length)
            try:
                meta = json.loads(header)
            except ValueError as exc:
                raise SealError("备份文件已损坏，无法恢复") from exc
            if isinstance(meta, dict) and isinstance(meta.get("format"), int) and meta["format"] > 1:
                raise SealError("这份备份由更新版本的程序制作，请先升级程序")
            try:
                kdf = meta["kdf"]
                params = {"n": int(kdf["n"]), "r": int(kdf["r"]), "p": int(kdf["p"])}
                salt, nonce, chunk = bytes.fromhex(kdf["salt"]), bytes.fromhex(meta["nonce"]), int(meta["chunk"])
            except (ValueError, KeyError, TypeError) as exc:
                raise SealError("备份文件已损坏，无法恢复") from exc
            n = params["n"]
            if not (
                2**10 <= n <= 2**17
                and n & (n - 1) == 0
                and 1 <= params["r"] <= 16
                and 1 <= params["p"] <= 4
                and 0 < chunk <= 2**24
                and len(nonce) == 12
            ):
                raise SealError("备份文件已损坏，无法恢复")
            key = _key(password, salt, params)
            reader = io.BufferedReader(_OpeningReader(_chunks(handle, key, header, nonce, chunk)))
            names = []
            try:
                with tarfile.open(fileobj=reader, mode="r|") as archive:
                    for member in archive:
                        _extract_file(archive, member, folder)
                        names.append(member.name)
                reader.read()  # the last chunk is checked even when tar stops early
            except tarfile.TarError as exc:
                raise SealError("备份文件已损坏，无法恢复") from exc
    except OSError as exc:
        raise SealError(f"无法读取备份文件：{exc}") from exc
    return names


def _extract_file(archive: tarfile.TarFile, member: tarfile.TarInfo, folder: Path) -> None:
    """Write one member under ``folder``, refusing anything a backup never holds.

    ``seal_folder`` writes regular files with relative names only, so anything else is a crafted archive.
    This is checked here rather than with ``extract(filter="data")``, which Debian 12's Python 3.11.2 lacks
    (the filters came in 3.11.4): one code path, the same on every interpreter. Links, devices, FIFOs and
    directories are refused, as are absolute names, ``..``, Windows drive or backslash names and a name
    given twice; each file is written with its bytes only (no owner, mode or time from the archive).
    """
    name = member.name
    parts = name.split("/")
    unsafe = SealError(f"备份文件含有不安全的内容（{name[:80]!r}），已拒绝恢复")
    if (
        not member.isreg()
        or not name
        or name.startswith("/")
        or "\\" in name
        or ":" in name
        or "\0" in name
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise unsafe
    target = folder.joinpath(*parts)
    if folder.resolve() not in target.resolve().parents:
        raise unsafe
    source = archive.extractfile(member)
    if source is None:
        raise unsafe
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as out:  # "x": a name given twice is refused, not overwritten
            while chunk := source.read(CHUNK):
                out.write(chunk)
    except FileExistsError as exc:  # a name given twice, or a file where a folder was named before
        raise unsafe from exc
