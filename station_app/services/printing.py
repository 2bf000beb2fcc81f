"""Printing use cases: one document for a case, a month's documents, a month's batch of receipts.

The same code serves `station-app print` and the app's preview, print and batch buttons.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from station_app.domain import periods, roles
from station_app.services import complaint_views, tallies
from station_app.services.session import Session
from station_app.store import records
from station_app.store import tallies as tally_store
from station_app.store.complaints import ComplaintFilter

# action → (label, "module:function" in station_app.reports). The writer refuses (RuleViolation, in
# Chinese) a case the document does not fit. Imported when used: other commands do not load reportlab.
CASE_DOCUMENTS: dict[str, tuple[str, str]] = {
    "receipt": ("投诉登记回执（交消费者；个人信息已去标识化）", "receipt:write"),
    "registration": ("消费者投诉登记表（本站存档，完整信息）", "registration:write"),
    "acceptance": ("受理通知书（已受理的案件；联络站为市场监督管理局的受理决定书）", "case_notices:write_acceptance"),
    "mediation": ("调解通知书（已受理、调解中的案件；含回避申请期限）", "case_notices:write_mediation"),
    "agreement": ("和解协议书或调解协议书（和解、调解结案的案件）", "agreement:write"),
    "not-accepted": ("不予受理告知书（不予受理的案件；联络站为决定书）", "notices:write_not_accepted"),
    "termination": ("终止调解告知书（终止调解的案件；联络站为决定书）", "notices:write_termination"),
    "transfer": ("转送告知书（已转办的案件）", "case_notices:write_transfer"),
    "followup": ("回访记录（已回访的案件）", "followup:write"),
}
MONTH_DOCUMENTS = {
    "ledger": "投诉受理台账（横向 A4；登记日期、受理日期分列；报县局，姓名、电话已去标识化）",
    "tally": "月度统计表",
}


def writer(action: str) -> Callable[..., Path]:
    module, _, function = CASE_DOCUMENTS[action][1].partition(":")
    return getattr(importlib.import_module(f"station_app.reports.{module}"), function)


def print_case(session: Session, action: str, ref: str, out: Path, today: date) -> tuple[Path, str]:
    """Write one case document; returns the file and the case number."""
    session.require(roles.READ)
    case = complaint_views.show(session, ref, today)
    station = {**session.station(), "recusal_days": records.get_setting(session.db, "recusal_days")}
    path = writer(action)(case, station, session.catalogs, out, today)
    _audit(session, "complaint", case["id"], case["number"], action)
    return path, case["number"]


def _audit(session: Session, entity: str, entity_id: str, number: str, action: str) -> None:
    """A printed document (a preview too) leaves an entry: who put which case's papers on paper or in a file."""
    with session.db.atomic():
        session.audit("print", entity, entity_id, number, after={"document": action})


def month_cases(session: Session, month: str, today: date) -> list[dict[str, Any]]:
    """The local station's complaints received in ``month``, each as ``complaint show`` gives it."""
    flt = ComplaintFilter(month=month, station_code=session.station()["code"])
    listing = complaint_views.list_complaints(session, flt, today, limit=None)
    return [complaint_views.show(session, item["id"], today) for item in listing["items"]]


def print_month(session: Session, action: str, month: str, out: Path, today: date) -> Path:
    session.require(roles.READ)
    period = periods.month(month)
    if action == "ledger":
        from station_app.reports import month_ledger

        path = month_ledger.write(
            month_cases(session, month, today), session.station(), session.catalogs, month, out, today
        )
    else:
        from station_app.reports import tally_pdf

        data = tallies.as_json(tallies.tally(session, period, today))
        path = tally_pdf.write(data, session.catalogs, tally_store.station_names(session.db), out)
    _audit(session, "month", month, month, action)
    return path


def month_numbers(session: Session, month: str, today: date) -> list[str]:
    session.require(roles.READ)
    flt = ComplaintFilter(month=month, station_code=session.station()["code"])
    return [item["number"] for item in complaint_views.list_complaints(session, flt, today, limit=None)["items"]]
