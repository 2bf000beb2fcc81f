"""Use cases for the other register records: consultations, reports, outreach events, warnings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from station_app.domain import record_input, roles
from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import NotFound, Problem, ValidationError
from station_app.services.session import Session
from station_app.store import records as store

Parser = Callable[[dict[str, Any], Catalogs, date], dict[str, Any]]

PARSERS: dict[str, Parser] = {
    "consultation": record_input.parse_consultation,
    "report": record_input.parse_report,
    "outreach_event": record_input.parse_outreach_event,
    "warning": record_input.parse_warning,
}
KIND_LABELS = {
    "complaint": "投诉",
    "consultation": "咨询",
    "report": "举报",
    "outreach_event": "宣传活动",
    "warning": "消费警示",
    "followup": "回访",
}


def add_records(session: Session, kind: str, payloads: list[dict[str, Any]], today: date) -> list[dict[str, Any]]:
    """Add records of one kind: all or nothing, one transaction."""
    session.require(roles.WRITE)
    station = session.station()
    parse = PARSERS[kind]
    date_column = store.DATE_COLUMNS[kind]
    results = []
    with session.db.atomic():
        for index, payload in enumerate(payloads):
            try:
                row = parse(payload, session.catalogs, today)
            except ValidationError as exc:
                if len(payloads) > 1:
                    prefix = f"第 {index + 1} 条记录："
                    raise ValidationError(
                        [Problem(p.field, prefix + p.label, p.message) for p in exc.problems]
                    ) from None
                raise
            year = date.fromisoformat(row[date_column]).year
            seq = store.next_seq(session.db, station["code"], kind, year)
            now = session.now()
            record = {
                **row,
                "id": session.new_id(),
                "station_code": station["code"],
                "number": record_input.format_number(station["code"], kind, year, seq),
                "year": year,
                "created_at": now,
                "updated_at": now,
                "created_by": session.actor,
            }
            store.insert(session.db, kind, record)
            session.audit_create(kind, record, keep=(date_column,))
            results.append({"id": record["id"], "number": record["number"]})
    return results


def get_record(session: Session, kind: str, ref: str) -> dict[str, Any]:
    session.require(roles.READ)
    record = store.fetch(session.db, kind, ref.strip())
    if record is None or record.get("deleted_at"):
        raise NotFound(f"找不到{KIND_LABELS[kind]}记录“{ref}”")
    record.pop("pk", None)
    return record


def list_records(
    session: Session, kind: str, *, month: str = "", limit: int | None = 100, offset: int = 0
) -> dict[str, Any]:
    session.require(roles.READ)
    column = store.DATE_COLUMNS[kind]
    where, params = ["deleted_at IS NULL"], []
    if month:
        where.append(f"{column} >= ? AND {column} < ?")
        params.extend([f"{month}-01", f"{month}-99"])
    total = store.count(session.db, kind, where, params)
    rows = store.select(session.db, kind, where, params, order=f"{column} DESC, pk DESC", limit=limit, offset=offset)
    for row in rows:
        row.pop("pk", None)
    return {"total": total, "offset": offset, "limit": limit, "items": rows}
