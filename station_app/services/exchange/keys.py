"""The keys of the USB exchange kept by a register: the station's signing key, the county's public key at a
station, the county's own decryption key (formats/keys.py holds their file formats)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from station_app.domain import roles
from station_app.domain.errors import RuleViolation
from station_app.formats import keys
from station_app.services.exchange import manifest
from station_app.services.session import Session
from station_app.store import records

COUNTY_KEY_SETTING = "county_public_key"
COUNTY_NAME_SETTING = "county_key_county"
PUBLIC_KEY_SETTING = "exchange_public_key"


def register_path(session: Session) -> Path:
    if session.path is None or str(session.path) == ":memory:":
        raise RuleViolation("数据交换需要保存在文件中的登记簿")
    return Path(session.path)


def signing_key_path(session: Session) -> Path:
    path = register_path(session)
    return path.with_name(path.name + keys.SIGNING_KEY_SUFFIX)


def county_key_path(session: Session) -> Path:
    path = register_path(session)
    return path.with_name(path.name + keys.COUNTY_KEY_SUFFIX)


def signer(session: Session, *, renew: bool = False) -> tuple[Ed25519PrivateKey, bool]:
    """The station's signing key; made on first use. A key file that does not match the one this
    register knows (a database copied to another PC) is refused until the head renews it."""
    try:
        key, created = keys.signing_key(signing_key_path(session))
    except keys.KeyFileError as exc:
        raise RuleViolation(str(exc)) from None
    public = keys.b64(keys.raw_public(key.public_key()))
    known = records.get_setting(session.db, PUBLIC_KEY_SETTING)
    if known and known != public and not renew:
        raise RuleViolation(
            "本机的签名密钥与登记簿记录的不一致（登记簿可能是从另一台电脑复制来的）。"
            "如确需在本机导出，请站长运行 station-app exchange key --renew，并请县局重新核对密钥指纹"
        )
    if known != public:
        with session.db.atomic():
            records.set_setting(session.db, PUBLIC_KEY_SETTING, public)
            if known:  # another PC: another installation
                records.set_setting(session.db, "installation_id", session.new_id())
            session.audit("key", "exchange", "signing_key", after={"fingerprint": keys.fingerprint(decode_key(public))})
    return key, created


def decode_key(b64: str) -> bytes:
    return keys.unb64(b64, 32)


def station_key(session: Session, *, renew: bool = False) -> dict[str, Any]:
    """The station's key fingerprint (made on first use), to read to the county over the phone."""
    session.require(roles.MANAGE if renew else roles.EXCHANGE)
    key, created = signer(session, renew=renew)
    raw = keys.raw_public(key.public_key())
    return {
        "station": session.station()["code"],
        "fingerprint": keys.fingerprint(raw),
        "public_key": keys.b64(raw),
        "created": created,
        "key_file": str(signing_key_path(session)),
        "county_key": county_key_installed(session),
    }


def county_key_installed(session: Session) -> dict[str, str] | None:
    value = records.get_setting(session.db, COUNTY_KEY_SETTING)
    if not value:
        return None
    return {
        "county": records.get_setting(session.db, COUNTY_NAME_SETTING) or "",
        "fingerprint": keys.fingerprint(decode_key(value)),
    }


def install_county_key(session: Session, data: bytes) -> dict[str, str]:
    """At the station: packages are encrypted to this county key from now on."""
    session.require(roles.MANAGE)
    try:
        parsed = keys.read_county_key_file(data)
    except keys.KeyFileError as exc:
        raise RuleViolation(str(exc)) from None
    with session.db.atomic():
        before = county_key_installed(session)
        records.set_setting(session.db, COUNTY_KEY_SETTING, parsed["public_key"])
        records.set_setting(session.db, COUNTY_NAME_SETTING, parsed["county"])
        session.audit("county_key", "exchange", "county_key", before=before, after=county_key_installed(session))
    return {"county": parsed["county"], "fingerprint": parsed["fingerprint"]}


def county_private_key(session: Session, *, create: bool) -> X25519PrivateKey | None:
    try:
        return keys.county_key(county_key_path(session), create=create)[0]
    except keys.KeyFileError:
        if create:
            raise
        return None


def export_county_key(session: Session, out: Path) -> dict[str, str]:
    """In county mode: the public key file the stations install (the private key stays here)."""
    session.require(roles.EXCHANGE)
    key = county_private_key(session, create=True)
    assert key is not None
    raw = keys.raw_public(key.public_key())
    county = session.station().get("county") or session.station()["name"]
    manifest.write_package_file(out, keys.county_key_file(raw, county))
    return {"file": str(out), "county": county, "fingerprint": keys.fingerprint(raw)}
