"""Files on a stick that are not what they claim (issue "Trust" 2): read no further than needed, bounded.

A package's signer is known before anything is inflated, an inflated size is bounded by the file's own size,
and only regular files are read (a FIFO hung the import, a link to /dev/zero filled memory).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.formats import package
from station_app.services.exchange.importing import import_packages
from station_app.store.migrations import schema_version
from tests.services.exchange.registers import export

ROOT = Path(__file__).resolve().parents[3]


def claiming_a_gigabyte(station, folder: Path, signer: Ed25519PrivateKey) -> Path:
    """A validly signed package of 1 MiB whose manifest claims 1 GiB once inflated (a zip bomb's promise)."""
    parsed = package.parse(export(station, folder).read_bytes(), max_schema=schema_version())
    manifest = json.loads(parsed.manifest_bytes)
    body = zlib.compress(b"\0" * (1 << 30), 9)[: 1 << 20]  # the start of a real gigabyte of zeros
    body += os.urandom((1 << 20) - len(body))
    public = signer.public_key().public_bytes_raw()
    from station_app.formats import keys

    manifest["signing_key"] = {
        "algorithm": "Ed25519",
        "public_key": keys.b64(public),
        "fingerprint": keys.fingerprint(public),
    }
    manifest["members"][-1]["length"] += (1 << 30) - manifest["body"]["plain_size"]  # the listing adds up
    manifest["body"].update(plain_size=1 << 30, stored_size=len(body), stored_sha256=hashlib.sha256(body).hexdigest())
    raw = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    parts = [package.MAGIC, len(raw).to_bytes(4, "big"), raw, (64).to_bytes(2, "big"), signer.sign(raw)]
    target = folder / "bomb.stpkg"
    target.write_bytes(b"".join([*parts, len(body).to_bytes(8, "big"), body]))
    return target


def no_inflating(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("inflated a package it should have refused first")

    monkeypatch.setattr(package.zlib, "decompressobj", refuse)


def test_an_unknown_signer_is_refused_before_anything_is_inflated(make_station, county, tmp_path, monkeypatch):
    bomb = claiming_a_gigabyte(make_station("XJ"), tmp_path / "stick", Ed25519PrivateKey.generate())
    no_inflating(monkeypatch)
    [result] = import_packages(county, [bomb])
    assert result["status"] == "refused" and result["code"] == "unregistered_key"


def test_a_claimed_size_beyond_the_files_own_is_refused_unopened(make_station, county, tmp_path, monkeypatch):
    signer = Ed25519PrivateKey.generate()
    bomb = claiming_a_gigabyte(make_station("XJ"), tmp_path / "stick", signer)
    no_inflating(monkeypatch)
    fingerprint = package.parse(bomb.read_bytes(), max_schema=schema_version()).fingerprint
    [result] = import_packages(county, [bomb], accept_key=fingerprint)  # even from a key the clerk accepted
    assert result["status"] == "refused" and result["code"] == "damaged" and "大小" in result["reason"]


def _import_as_the_clerk_would(county, stick: Path) -> tuple[int, str]:
    """``station-app import`` in a process of its own: a hang is a timeout here, not a frozen test run."""
    command = [sys.executable, "-m", "station_app.cli", "--db", str(county.path), "--today", "2026-11-23"]
    done = subprocess.run([*command, "import", str(stick)], capture_output=True, text=True, timeout=60, cwd=ROOT)
    return done.returncode, done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_named_like_a_package_is_refused_not_waited_for(county, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    os.mkfifo(stick / "XJ-20261123.stpkg")
    code, said = _import_as_the_clerk_would(county, stick)
    assert code == 2 and "不是普通文件" in said


def test_a_link_to_a_device_is_refused_unread(county, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "XJ-20261123.stpkg").symlink_to("/dev/zero")
    code, said = _import_as_the_clerk_would(county, stick)
    assert code == 2 and "链接" in said
