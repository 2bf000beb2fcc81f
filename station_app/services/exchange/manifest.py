"""What every package a register writes shares: its manifest's header, the day that places each record in a
month, and writing the file to the stick durably (a station's export, a county's roll-up, its answers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station_app import __version__, durable
from station_app.domain.errors import RuleViolation
from station_app.formats import package
from station_app.services.session import Session
from station_app.store import failures, records
from station_app.store.migrations import schema_version

# The day each record type is counted by (docs/figures.md): a month's package holds that month's records.
RECORD_DAY = {
    "complaints": "received_on",
    "followups": "date",
    "consultations": "date",
    "reports": "received_on",
    "outreach_events": "date",
    "warnings": "date",
}


def manifest_header(session: Session, package_id: str, created_at: str) -> dict[str, Any]:
    """What every package's manifest opens with (a station's export, a roll-up, the county's answers)."""
    station = session.station()
    return {
        "package_id": package_id,
        "schema_version": schema_version(),
        "app_version": __version__,
        "created_at": created_at,
        "created_by": session.actor,
        "station": {k: station.get(k) or "" for k in package.STATION_FIELDS},
        "installation_id": records.get_setting(session.db, "installation_id") or "",
    }


def write_package_file(target: Path, data: bytes, *, make_folder: bool = True) -> None:
    """Write durably (the old file or the new one after a power cut); a full or locked stick said plainly."""
    durable.remove_stale_parts(target.parent, ours=False)  # a stick: only what nobody wrote to for an hour
    try:
        durable.write_bytes(target, data, make_folder=make_folder)
    except OSError as exc:
        plain = failures.explain(exc, target.parent)
        if plain is not None:  # a full or write-protected stick: its own exit code and the same sentence
            raise plain from None
        raise RuleViolation(f"无法写入 {target.parent}：{exc.strerror or exc}（U盘是否已满或写保护？）") from None
