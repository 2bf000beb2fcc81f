"""What came in at the county: the import log and the conflicts waiting for a clerk."""

from __future__ import annotations

from typing import Any

from station_app.domain import roles
from station_app.services.session import Session
from station_app.store import exchange as store


def import_log(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    session.require(roles.READ)
    return store.import_log(session.db, limit)


def open_conflicts(session: Session) -> list[dict[str, Any]]:
    session.require(roles.READ)
    return store.conflicts(session.db)
