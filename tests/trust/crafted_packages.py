"""Packages as an attacker makes them: a real package opened, its manifest or records changed, and signed again
with a key the attacker holds (a station's own registered key, or a county's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from station_app.formats import package
from station_app.services.exchange.keys import signer
from station_app.services.session import Session
from station_app.services.station import init_county
from station_app.store.migrations import schema_version
from tests.conftest import TODAY
from tests.services.exchange.registers import open_register

Members = dict[str, list[dict[str, Any]]]


def opened(path: Path) -> tuple[dict[str, Any], Members]:
    """The manifest and the records of an unencrypted package."""
    pkg = package.parse(path.read_bytes(), max_schema=schema_version())
    return dict(pkg.manifest), package.open_members(pkg)


def resigned(
    path: Path,
    out: Path,
    key_holder: Session,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    records: Callable[[Members], None] | None = None,
) -> Path:
    """``path`` changed by ``manifest`` and ``records`` and signed with ``key_holder``'s signing key."""
    header, members = opened(path)
    if manifest is not None:
        manifest(header)
    if records is not None:
        records(members)
    key, _ = signer(key_holder)
    out.write_bytes(package.build(header, members, key))
    return out


def office(tmp_path: Path, code: str, level: str, area: str) -> Session:
    """A county's (or the city's) register on a file, with its key pair."""
    session = open_register(tmp_path / code, code, init=False)
    payload = {"code": code, "name": f"{area}消费者协会", "kind": "branch", "venue_type": "other", "county": area}
    init_county(session, payload, TODAY, level=level)
    return session
