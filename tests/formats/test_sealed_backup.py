"""Password-sealed files: round trip, wrong password, every kind of damage refused with SealError only."""

from __future__ import annotations

import io
import os
import tarfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.formats import sealed_backup as sealed

PASSWORD = "station-2026"


@pytest.fixture
def folder(tmp_path):
    source = tmp_path / "source"
    (source / "evidence" / "ab").mkdir(parents=True)
    (source / "register-1.sqlite3").write_bytes(os.urandom(sealed.CHUNK * 2 + 77))  # three chunks
    (source / "evidence" / "ab" / "abcd.jpg").write_bytes(b"\xff\xd8 photo")
    return source


def test_round_trip_keeps_every_file_and_reveals_nothing(folder, tmp_path):
    target = sealed.seal_folder(folder, tmp_path / "b.stbak", PASSWORD)
    assert sealed.is_sealed(target) and not list(tmp_path.glob("*.part"))
    data = target.read_bytes()
    assert b"photo" not in data and (folder / "register-1.sqlite3").read_bytes()[:64] not in data
    out = tmp_path / "out"
    names = sealed.open_sealed(target, out, PASSWORD)
    assert sorted(names) == ["evidence/ab/abcd.jpg", "register-1.sqlite3"]
    for name in names:
        assert (out / name).read_bytes() == (folder / name).read_bytes()


def test_short_password_is_refused(folder, tmp_path):
    with pytest.raises(sealed.SealError, match="至少"):
        sealed.seal_folder(folder, tmp_path / "b.stbak", "1234")


def test_wrong_password_is_named(folder, tmp_path):
    target = sealed.seal_folder(folder, tmp_path / "b.stbak", PASSWORD)
    with pytest.raises(sealed.SealError, match="密码不对"):
        sealed.open_sealed(target, tmp_path / "out", "another-password")


@pytest.mark.parametrize("cut", [10, 200, sealed.CHUNK + 100, -1])
def test_a_cut_short_file_is_refused(folder, tmp_path, cut):
    target = sealed.seal_folder(folder, tmp_path / "b.stbak", PASSWORD)
    data = target.read_bytes()
    target.write_bytes(data[:cut])
    with pytest.raises(sealed.SealError):
        sealed.open_sealed(target, tmp_path / "out", PASSWORD)


def test_a_dropped_last_chunk_is_refused(folder, tmp_path):
    """Whole chunks cut off the end would still decrypt one by one: the last-chunk flag catches it."""
    target = sealed.seal_folder(folder, tmp_path / "b.stbak", PASSWORD)
    data = target.read_bytes()
    head = len(sealed.MAGIC) + 4 + int.from_bytes(data[8:12], "big")
    first = int.from_bytes(data[head : head + 4], "big")
    target.write_bytes(data[: head + 4 + first])  # only the first chunk, which was not the last
    with pytest.raises(sealed.SealError):
        sealed.open_sealed(target, tmp_path / "out", PASSWORD)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0), value=st.integers(min_value=1, max_value=255))
def test_any_changed_byte_is_refused(tmp_path, position, value):
    source = tmp_path / "src"
    source.mkdir(exist_ok=True)
    (source / "register-1.sqlite3").write_bytes(b"register " * 100)
    target = tmp_path / "b.stbak"
    if not target.exists():
        sealed.seal_folder(source, target, PASSWORD)
    data = bytearray(target.read_bytes())
    data[position % len(data)] ^= value
    damaged = tmp_path / "damaged.stbak"
    damaged.write_bytes(bytes(data))
    with pytest.raises(sealed.SealError):
        sealed.open_sealed(damaged, tmp_path / "out", PASSWORD)


def _member(name: str, kind: bytes = tarfile.REGTYPE, data: bytes = b"x", link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.size, info.linkname = kind, (len(data) if kind == tarfile.REGTYPE else 0), link
    return info


def _seal_members(target, members):
    def add(archive):
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if info.isreg() else None)

    return sealed.seal_archive(add, target, PASSWORD)


HOSTILE = {
    "absolute name": [_member("/tmp/station-app-escape.txt")],
    "dot-dot": [_member("../escape.txt")],
    "dot-dot inside": [_member("evidence/../../escape.txt")],
    "backslash": [_member("..\\escape.txt")],
    "drive letter": [_member("C:/escape.txt")],
    "symlink": [_member("register-1.sqlite3", tarfile.SYMTYPE, link="/etc/passwd")],
    "hard link": [_member("register-1.sqlite3", tarfile.LNKTYPE, link="/etc/passwd")],
    "character device": [_member("zero", tarfile.CHRTYPE)],
    "block device": [_member("disk", tarfile.BLKTYPE)],
    "fifo": [_member("pipe", tarfile.FIFOTYPE)],
    "directory": [_member("evidence", tarfile.DIRTYPE)],
    "a name twice": [_member("register-1.sqlite3"), _member("register-1.sqlite3")],
    "a file under a file": [_member("evidence"), _member("evidence/ab.jpg")],
}


@pytest.mark.parametrize("what", sorted(HOSTILE))
def test_a_crafted_archive_is_refused_and_writes_nothing_outside(tmp_path, what):
    """The restore path itself, on whatever interpreter runs the suite (CI: Debian's 3.11.2, no tar filters)."""
    target = _seal_members(tmp_path / "b.stbak", [(info, b"x" if info.isreg() else b"") for info in HOSTILE[what]])
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    with pytest.raises(sealed.SealError, match="不安全"):
        sealed.open_sealed(target, out, PASSWORD)
    assert not (tmp_path / "deep" / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()
    assert not any(path.is_symlink() or not (path.is_file() or path.is_dir()) for path in out.rglob("*"))


def test_files_come_back_with_their_bytes_only(tmp_path):
    """No mode, owner or time from the archive: a setuid or world-writable member is an ordinary file."""
    info = _member("register-1.sqlite3", data=b"register")
    info.mode, info.uid, info.uname, info.mtime = 0o6777, 0, "root", 0
    target = _seal_members(tmp_path / "b.stbak", [(info, b"register")])
    out = tmp_path / "out"
    assert sealed.open_sealed(target, out, PASSWORD) == ["register-1.sqlite3"]
    restored = out / "register-1.sqlite3"
    assert restored.read_bytes() == b"register"
    assert not restored.stat().st_mode & 0o7000 and restored.stat().st_mtime > 0
