"""Password-sealed files: round trip, wrong password, every kind of damage refused with SealError only."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.exchange import sealed

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
