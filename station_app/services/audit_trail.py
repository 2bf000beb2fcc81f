"""Reading the audit trail (who did what, when) and checking its hash chain."""

from __future__ import annotations

from typing import Any

from station_app.domain import roles
from station_app.services.session import Session
from station_app.store import audit


def recent(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """The newest entries first."""
    session.require(roles.READ)
    return list(reversed(audit.entries(session.db)[-limit:]))


def verify(session: Session) -> list[str]:
    session.require(roles.READ)
    return audit.verify(session.db)


def chain_state(session: Session) -> dict[str, Any]:
    """The chain check as the command line and the windows report it: complete or not, entries, problems, and the
    chain's head (entry count and last hash: what every export carries to the county, to compare by phone)."""
    problems = verify(session)
    count, digest = audit.head(session.db)
    return {"ok": not problems, "entries": count, "problems": problems, "head": {"count": count, "hash": digest}}
