"""Personal data: one masking policy, retention (anonymise closed cases after N years) and erasure on request.

Figures never use personal fields, so tallies stay the same after anonymisation.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from station_app.domain import roles
from station_app.domain.errors import Problem, ValidationError
from station_app.domain.validation import mask_id_number, mask_name, mask_phone
from station_app.services import erasure
from station_app.services.session import Session
from station_app.store import privacy as store
from station_app.store import records

ANONYMOUS = erasure.ANONYMOUS


def mask_person(name: str, phone: str, id_number: str = "") -> dict[str, str]:
    """The one masking policy for anything that leaves the station: 张*, 138****8000, 110***********123X."""
    return {"name": mask_name(name), "phone": mask_phone(phone), "id_number": mask_id_number(id_number)}


def retention_years(session: Session) -> int | None:
    value = records.get_setting(session.db, "retention_years")
    return int(value) if value else None


def cutoff_for(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def anonymise_closed(session: Session, today: date, years: int | None = None) -> dict[str, Any]:
    """Remove the personal data of cases closed more than ``years`` ago (default: the station's setting)."""
    session.require(roles.MANAGE)
    years = years if years is not None else retention_years(session)
    if not years or years < 1:
        raise ValidationError([Problem("retention_years", "保存年限", "请先设置保存年限（年，至少 1 年）")])
    cutoff = cutoff_for(today, years).isoformat()
    with session.db.atomic():
        counts = store.anonymise_before(session.db, cutoff, ANONYMOUS)
        session.audit("anonymise", "register", "retention", after={"closed_before": cutoff, **counts})
    return {"closed_before": cutoff, **counts}


def erase_person(session: Session, *, phone: str = "", id_number: str = "") -> dict[str, Any]:
    """Delete on request: the person found everywhere and removed (services/erasure.py), with an audit entry
    that names the records but not the person. ``NotFound`` when nothing is theirs."""
    session.require(roles.MANAGE)
    return erasure.erase(session, session.path, phone, id_number)
