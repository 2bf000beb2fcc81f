"""Keys of the USB exchange: the station's Ed25519 signing key, the county's X25519 key, fingerprints.

Private keys live in files beside the register (never in the database, so a database copied to another
PC without its key file cannot sign under the station's name). See docs/package-format.md.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from station_app import durable

SIGNING_KEY_SUFFIX = ".station-key.pem"  # beside the register: register.sqlite3.station-key.pem
COUNTY_KEY_SUFFIX = ".county-key.pem"  # county mode: the private key that opens the stations' packages
COUNTY_KEY_FORMAT = "station-app county public key"

# Either private key kind: _own_key hands back the kind it was asked for.
PrivateKey = TypeVar("PrivateKey", Ed25519PrivateKey, X25519PrivateKey)


class KeyFileError(ValueError):
    """A key file cannot be used; the message (Chinese) says why."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, size: int) -> bytes:
    if not isinstance(text, str):
        raise KeyFileError("密钥格式不正确")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyFileError("密钥格式不正确") from None
    if len(raw) != size:
        raise KeyFileError("密钥长度不正确")
    return raw


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key: X25519PrivateKey) -> bytes:
    """The county key's 32 bytes, for a reader process of the same import (never written anywhere)."""
    return key.private_bytes_raw()


def county_from_raw(raw: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(raw)


def fingerprint(public_raw: bytes) -> str:
    """Short enough to read over the phone: the first 96 bits of SHA-256, in groups of 4 hex digits."""
    digest = hashlib.sha256(public_raw).hexdigest()[:24]
    return " ".join(digest[i : i + 4] for i in range(0, 24, 4))


def fingerprint_matches(typed: str | None, fingerprint: str) -> bool:
    """Whether a fingerprint typed after a phone call (any spacing or case) is this one."""
    return bool(typed) and normalise_fingerprint(typed or "") == normalise_fingerprint(fingerprint)


def normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch in "0123456789abcdef")


def _write_private(path: Path, pem: bytes) -> None:
    with durable.replacing(path) as handle:
        # Owner-only before the rename: the key never exists under its name readable by others.
        with contextlib.suppress(OSError):  # Windows ignores most modes
            os.chmod(handle.name, 0o600)
        handle.write(pem)


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _load(path: Path) -> object:
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise KeyFileError(f"密钥文件无法读取：{path}（{exc}）") from None


def _own_key(
    path: Path, kind: type[PrivateKey], generate: Callable[[], PrivateKey], *, create: bool, wrong: str, missing: str
) -> tuple[PrivateKey, bool]:
    """The private key of ``kind`` at ``path``; made (and saved) when missing. Returns (key, created)."""
    if path.exists():
        key = _load(path)
        if not isinstance(key, kind):
            raise KeyFileError(f"{wrong}：{path}")
        return key, False
    if not create:
        raise KeyFileError(missing)
    key = generate()
    _write_private(path, _pem(key))
    return key, True


def signing_key(path: Path, *, create: bool = True) -> tuple[Ed25519PrivateKey, bool]:
    """The station's signing key at ``path``; made (and saved) when missing. Returns (key, created)."""
    return _own_key(
        path,
        Ed25519PrivateKey,
        Ed25519PrivateKey.generate,
        create=create,
        wrong="密钥文件不是本站签名密钥",
        missing=f"找不到本站签名密钥：{path}",
    )


def county_key(path: Path, *, create: bool = True) -> tuple[X25519PrivateKey, bool]:
    return _own_key(
        path,
        X25519PrivateKey,
        X25519PrivateKey.generate,
        create=create,
        wrong="密钥文件不是县级解密密钥",
        missing=f"找不到县级解密密钥：{path}（请先运行 station-app exchange county-key export）",
    )


def verify(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- the county's public key file (carried to the stations on the stick) -----------------------------
def county_key_file(public_raw: bytes, county: str) -> bytes:
    data = {
        "format": COUNTY_KEY_FORMAT,
        "version": 1,
        "county": county,
        "algorithm": "X25519",
        "public_key": b64(public_raw),
        "fingerprint": fingerprint(public_raw),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_county_key_file(data: bytes) -> dict[str, str]:
    """{county, public_key (base64), fingerprint}; KeyFileError when the file is not a county key."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise KeyFileError("不是县级公钥文件（无法解析）") from None
    if not isinstance(parsed, dict) or parsed.get("format") != COUNTY_KEY_FORMAT:
        raise KeyFileError("不是县级公钥文件")
    if parsed.get("version") != 1:
        raise KeyFileError("县级公钥文件由更新版本的程序生成，请升级本程序")
    raw = unb64(parsed.get("public_key"), 32)
    county = parsed.get("county")
    return {
        "county": county if isinstance(county, str) else "",
        "public_key": b64(raw),
        "fingerprint": fingerprint(raw),
    }
