"""Package format v1 of the USB exchange: write and read one signed (optionally encrypted) file.

The layout is documented in docs/package-format.md. Reading never trusts the file: anything wrong
raises PackageError with a reason a clerk understands, and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from station_app.formats import keys

MAGIC = b"STNPKG1\n"
FORMAT = "station-app exchange package"
FORMAT_VERSION = 2  # 2 added the evidence members; version 1 packages are still read
SUFFIX = ".stpkg"
SCHEME = "X25519-HKDF-SHA256-AES-256-GCM"
HKDF_INFO = b"station-app package v1"
MAX_MANIFEST = 4 * 1024 * 1024
MAX_PLAIN = 8 * 1024 * 1024 * 1024
# JSON lines of cases compress 7-10 times (measured on demo packages); a claim beyond this many times the stored
# size is a forgery meant to make the reader allocate it, refused before any inflating.
MAX_RATIO = 64
SMALL_PLAIN = 4 * 1024 * 1024  # any package may claim this much
# Members in the order they are written (and applied: a follow-up needs its complaint).
MEMBERS = (
    "complaints",
    "complaint_events",
    "followups",
    "consultations",
    "reports",
    "outreach_events",
    "warnings",
    "evidence",  # from format 2: which file belongs to which complaint
    "evidence_files",  # from format 2: the files themselves, only in packages encrypted to the county
)
MEMBERS_V1 = MEMBERS[:7]


def members_of(version: int) -> tuple[str, ...]:
    return MEMBERS_V1 if version == 1 else MEMBERS


class PackageError(ValueError):
    """The file is refused whole. ``code`` is stable (scripts), the message is for the clerk."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # sent back whole by a reader process
        return type(self), (self.code, str(self))


STATION_FIELDS = ("code", "name", "kind", "venue_type", "county", "contact")  # a station as a manifest names it


def damaged(detail: str = "") -> PackageError:
    return PackageError("damaged", "数据包已损坏" + (f"（{detail}）" if detail else "") + "，请让站点重新导出")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
        for row in rows
    )


def _derive(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=HKDF_INFO).derive(shared)


def build(
    manifest: dict[str, Any],
    members: dict[str, list[dict[str, Any]]],
    signer: Ed25519PrivateKey,
    recipient: X25519PublicKey | None = None,
) -> bytes:
    """The package bytes. ``manifest`` carries the descriptive fields; the format fields are added here."""
    manifest = dict(manifest)
    plain = bytearray()
    listing = []
    for name in MEMBERS:
        data = _jsonl(members.get(name, []))
        listing.append({"name": name, "offset": len(plain), "length": len(data), "sha256": sha256(data)})
        plain += data
    stored = zlib.compress(bytes(plain), 6)
    encryption = None
    if recipient is not None:
        ephemeral = X25519PrivateKey.generate()
        eph_raw, rec_raw = keys.raw_public(ephemeral.public_key()), keys.raw_public(recipient)
        nonce = os.urandom(12)
        key = _derive(ephemeral.exchange(recipient), eph_raw, rec_raw)
        stored = AESGCM(key).encrypt(nonce, stored, manifest["package_id"].encode("utf-8"))
        encryption = {
            "scheme": SCHEME,
            "recipient_fingerprint": keys.fingerprint(rec_raw),
            "ephemeral_public_key": keys.b64(eph_raw),
            "nonce": keys.b64(nonce),
        }
    public = keys.raw_public(signer.public_key())
    manifest.update(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        signing_key={"algorithm": "Ed25519", "public_key": keys.b64(public), "fingerprint": keys.fingerprint(public)},
        body={
            "compression": "zlib",
            "encryption": encryption,
            "plain_size": len(plain),
            "stored_size": len(stored),
            "stored_sha256": sha256(stored),
        },
        members=listing,
    )
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    signature = signer.sign(manifest_bytes)
    return b"".join(
        [
            MAGIC,
            struct.pack(">I", len(manifest_bytes)),
            manifest_bytes,
            struct.pack(">H", len(signature)),
            signature,
            struct.pack(">Q", len(stored)),
            stored,
        ]
    )


@dataclass(frozen=True)
class Package:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    body: bytes

    @property
    def public_key(self) -> bytes:
        return keys.unb64(self.manifest["signing_key"]["public_key"], 32)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)

    @property
    def encrypted(self) -> bool:
        return self.manifest["body"]["encryption"] is not None

    def signature_ok(self) -> bool:
        return keys.verify(self.public_key, self.signature, self.manifest_bytes)


def parse(data: bytes, *, max_schema: int) -> Package:
    """Check the container, the manifest, the versions and the body hash (not yet who signed it)."""
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data[: len(MAGIC)]):
            raise PackageError("truncated", "数据包不完整（文件被截断，可能拷贝时拔出了U盘），请让站点重新导出")
        raise PackageError("not_a_package", "不是数据交换包（文件开头不对），可能选错了文件或文件已损坏")
    at = len(MAGIC)
    (size,) = _unpack(data, at, ">I")
    at += 4
    if size > MAX_MANIFEST:
        raise damaged("清单过大")
    manifest_bytes = _take(data, at, size)
    at += size
    (sig_size,) = _unpack(data, at, ">H")
    at += 2
    signature = _take(data, at, sig_size)
    at += sig_size
    (body_size,) = _unpack(data, at, ">Q")
    at += 8
    body = _take(data, at, body_size)
    if len(data) != at + body_size:
        raise damaged("文件末尾有多余内容")
    manifest = _manifest(manifest_bytes, max_schema)
    if sig_size != 64:
        raise PackageError("bad_signature", "数据包的签名无效（可能被改动过），已拒收")
    package = Package(manifest, manifest_bytes, signature, body)
    if not package.signature_ok():
        raise PackageError("bad_signature", "数据包的签名无效（内容被改动过或已损坏），已拒收")
    body_meta = manifest["body"]
    if body_meta["stored_size"] != len(body) or body_meta["stored_sha256"] != sha256(body):
        raise damaged("内容校验值不符")
    return package


def _unpack(data: bytes, at: int, fmt: str) -> tuple[int, ...]:
    return struct.unpack(fmt, _take(data, at, struct.calcsize(fmt)))


def _take(data: bytes, at: int, size: int) -> bytes:
    if at + size > len(data):
        raise PackageError("truncated", "数据包不完整（文件被截断，可能拷贝时拔出了U盘），请让站点重新导出")
    return data[at : at + size]


def _manifest(raw: bytes, max_schema: int) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged("清单无法解析") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged("清单格式不对")
    version = manifest.get("format_version")
    if not _is_int(version) or version < 1:
        raise damaged("格式版本不对")
    if version > FORMAT_VERSION:
        raise PackageError("newer_version", f"数据包由更新版本的程序生成（格式 {version}），请先升级本程序再导入")
    schema = manifest.get("schema_version")
    if not _is_int(schema) or schema < 1:
        raise damaged("结构版本不对")
    if schema > max_schema:
        raise PackageError("newer_version", f"数据包由更新版本的程序生成（结构 {schema}），请先升级本程序再导入")
    _check_shape(manifest)
    return manifest


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_shape(m: dict[str, Any]) -> None:
    """Every field later code reads exists with the right type, so nothing further can crash on it."""
    station = m.get("station")
    ok = (
        isinstance(m.get("package_id"), str)
        and isinstance(m.get("created_at"), str)
        and isinstance(m.get("installation_id"), str)
        and isinstance(m.get("masked"), bool)
        and isinstance(station, dict)
        and all(isinstance(station.get(k), str) for k in STATION_FIELDS)
        and isinstance(m.get("signing_key"), dict)
        and isinstance(m.get("counts"), dict)
        and isinstance(m.get("period"), dict)
    )
    body = m.get("body")
    ok = ok and isinstance(body, dict) and body.get("compression") == "zlib"
    ok = ok and all(_is_int(body.get(k)) and body[k] >= 0 for k in ("plain_size", "stored_size"))
    ok = ok and isinstance(body.get("stored_sha256"), str) and body["plain_size"] <= MAX_PLAIN
    enc = body.get("encryption") if ok else None
    if enc is not None:
        ok = ok and isinstance(enc, dict) and enc.get("scheme") == SCHEME
        ok = ok and all(isinstance(enc.get(k), str) for k in ("ephemeral_public_key", "nonce", "recipient_fingerprint"))
    members = m.get("members")
    ok = (
        ok
        and isinstance(members, list)
        and [x.get("name") if isinstance(x, dict) else None for x in members] == list(members_of(m["format_version"]))
    )
    if ok:
        end = 0
        for member in members:
            if not (
                _is_int(member.get("offset"))
                and _is_int(member.get("length"))
                and member["offset"] == end
                and member["length"] >= 0
                and isinstance(member.get("sha256"), str)
            ):
                ok = False
                break
            end += member["length"]
        ok = ok and end == body["plain_size"]
    if not ok:
        raise damaged("清单内容不完整")
    try:
        keys.unb64(m["signing_key"].get("public_key"), 32)
    except keys.KeyFileError:
        raise damaged("签名公钥格式不对") from None


def open_members(package: Package, county: X25519PrivateKey | None = None) -> dict[str, list[dict[str, Any]]]:
    """Decrypt (if needed), decompress and check every member; the records of each member."""
    return open_members_scanned(package, county)[0]


def open_members_scanned(
    package: Package, county: X25519PrivateKey | None = None
) -> tuple[dict[str, list[dict[str, Any]]], frozenset[str]]:
    """``open_members``, and the members whose text can hold no control character (``control_free``)."""
    stored = package.body
    body = package.manifest["body"]
    enc = body["encryption"]
    if enc is not None:
        if county is None:
            raise PackageError("encrypted", "数据包已加密给县级，本登记簿没有县级解密密钥，不能打开")
        try:
            eph = keys.unb64(enc["ephemeral_public_key"], 32)
            nonce = keys.unb64(enc["nonce"], 12)
        except keys.KeyFileError:
            raise damaged("加密参数不对") from None
        mine = keys.raw_public(county.public_key())
        if keys.normalise_fingerprint(enc["recipient_fingerprint"]) != keys.normalise_fingerprint(
            keys.fingerprint(mine)
        ):
            raise PackageError("wrong_recipient", "数据包是加密给另一个县级密钥的，本登记簿无法打开")
        try:
            shared = county.exchange(X25519PublicKey.from_public_bytes(eph))
            key = _derive(shared, eph, mine)
            stored = AESGCM(key).decrypt(nonce, stored, package.manifest["package_id"].encode("utf-8"))
        except (InvalidTag, ValueError):
            raise damaged("无法解密") from None
    if body["plain_size"] > max(SMALL_PLAIN, MAX_RATIO * len(stored)):
        raise damaged("声明的解压后大小与文件大小不符")
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(stored, body["plain_size"] + 1)
        if not inflater.eof or inflater.unused_data or len(plain) != body["plain_size"]:
            raise damaged("解压后长度不符")
    except zlib.error:
        raise damaged("无法解压") from None
    out: dict[str, list[dict[str, Any]]] = {}
    free: set[str] = set()
    for member in package.manifest["members"]:
        chunk = plain[member["offset"] : member["offset"] + member["length"]]
        if sha256(chunk) != member["sha256"]:
            raise damaged(f"{member['name']} 校验值不符")
        out[member["name"]] = _records(chunk, member["name"])
        if control_free(chunk):
            free.add(member["name"])
    for name in MEMBERS:  # a format 1 package: no evidence
        out.setdefault(name, [])
    return out, frozenset(free)


# How a control character (domain/validation.py: C0 but tab and line breaks, and DEL) can appear in a member's JSON
# text: DEL as it is; the others only escaped, as \uXXXX, \b or \f (JSON allows no raw C0 character, and the
# parser refuses one). tests/formats/test_control_free.py checks this against every character the domain refuses.
CONTROL_SIGNS = (b"\\u", b"\\b", b"\\f", b"\x7f")


def control_free(text: bytes) -> bool:
    """Can no string of this JSON text hold a control character? Four searches of the raw bytes, a tenth of checking
    the parsed values (a county reads a million records). False means "perhaps": the values are then checked."""
    return not any(sign in text for sign in CONTROL_SIGNS)


def _records(chunk: bytes, name: str) -> list[dict[str, Any]]:
    """The JSON lines of a member, parsed in one call (a county reads a million of them).

    Lines end with "\n" only (str.splitlines would also cut at U+2028, U+0085 and other separators a consumer's
    text may hold, which json.dumps leaves as they are with ensure_ascii=False). A "\n" cannot occur inside a
    JSON value, so joining the lines with commas makes one array of the same records.
    """
    body = chunk[:-1] if chunk.endswith(b"\n") else chunk
    lines = body.count(b"\n") + 1 if body else 0
    try:
        rows = json.loads((b"[" + body.replace(b"\n", b",") + b"]").decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged(f"{name} 无法解析") from None
    # One record per line: a line holding two values joined by a comma would otherwise parse as two.
    if len(rows) != lines or not set(map(type, rows)) <= {dict}:
        raise damaged(f"{name} 中有不是记录的行")
    return rows
