"""Reading complaints: the case page (``show``) and the register list, in the JSON contract."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from station_app.domain import case as case_rules
from station_app.domain import deadlines, provisional, roles, validation, workflow
from station_app.domain.errors import InvalidValue, NotFound
from station_app.services.session import Session
from station_app.store import audit, complaint_pages
from station_app.store import complaints as complaint_store
from station_app.store import records as store
from station_app.store import tally_months as month_store

# The register's filter, as the windows and the command line build it (the store defines its fields).
ComplaintFilter = complaint_store.ComplaintFilter


def soon_days(session: Session) -> int:
    return int(store.get_setting(session.db, "due_soon_days") or 2)


def _due_state(session: Session, case: dict[str, Any], today: date, soon: int | None = None) -> str:
    return case_rules.case_due_state(case, today, session.calendar, soon_days(session) if soon is None else soon)


def summary(session: Session, case: dict[str, Any], today: date, soon: int | None = None) -> dict[str, Any]:
    """One line of the register (the list output)."""
    state = _due_state(session, case, today, soon)
    return {
        "id": case["id"],
        "number": case["number"],
        "station_code": case["station_code"],
        "received_on": case["received_on"],
        "status": case["status"],
        "status_label": workflow.label(case["status"]),
        "consumer_name": case["consumer_name"],
        "consumer_phone": case["consumer_phone"],
        "business_name": case["business_name"],
        "subject": case["subject"],
        "category": case["category"],
        "nature": case["nature"],
        "amount_fen": case["amount_fen"],
        "recovered_fen": case["recovered_fen"],
        "acceptance_due": case["acceptance_due"],
        "mediation_due": case["mediation_due"],
        "due_state": state,
        "overdue": state == "overdue",
        "closed_on": case["closed_on"],
        "deadlines_provisional": provisional.case_provisional(case, session.calendar)[0],
    }


def get_case(session: Session, ref: str) -> dict[str, Any]:
    session.require(roles.READ)
    case = store.fetch(session.db, "complaint", ref.strip())
    if case is None or case.get("deleted_at"):
        raise NotFound(f"找不到投诉案件“{ref}”（可用编号如 XJ-2026-0042 或 id）")
    return case


def show(session: Session, ref: str, today: date) -> dict[str, Any]:
    case = get_case(session, ref)
    cat = session.catalogs
    received = date.fromisoformat(case["received_on"])
    state = _due_state(session, case, today)
    estimated, unknown_years = provisional.case_provisional(case, session.calendar)
    followups = store.select(session.db, "followup", ["complaint_id = ?"], [case["id"]], order="date, pk")
    history = complaint_store.events(session.db, case["id"])
    return {
        "id": case["id"],
        "number": case["number"],
        "station_code": case["station_code"],
        "revision": case["revision"],
        "created_at": case["created_at"],
        "updated_at": case["updated_at"],
        "status": case["status"],
        "status_label": workflow.label(case["status"]),
        "received_on": case["received_on"],
        "channel": case["channel"],
        "consumer": {
            "name": case["consumer_name"],
            "phone": case["consumer_phone"],
            "id_number": case["consumer_id_number"],
            "address": case["consumer_address"],
        },
        "business": {
            "name": case["business_name"],
            "address": case["business_address"],
            "phone": case["business_phone"],
            "credit_code": case["business_credit_code"],
        },
        "subject": case["subject"],
        "category": case["category"],
        "category_label": cat.label("categories", case["category"], received),
        "category_class": case["category_class"],
        "category_top": case["category_top"],
        "nature": case["nature"],
        "nature_label": cat.label("natures", case["nature"], received),
        "amount_fen": case["amount_fen"],
        "amount_band": case["amount_band"],
        "purchased_on": case["purchased_on"],
        "facts": case["facts"],
        "request": case["request"],
        "request_types": case["request_types"],
        "rule_version": case["rule_version"],
        "accepted_on": case["accepted_on"],
        "mediation_started_on": case["mediation_started_on"],
        "closed_on": case["closed_on"],
        "acceptance_due": case["acceptance_due"],
        "mediation_due": case["mediation_due"],
        "due_state": state,
        "overdue": state == "overdue",
        "deadlines_provisional": estimated,
        "calendar_unknown_years": unknown_years,
        "paused_since": case["paused_since"],
        "extension_days": case["extension_days"],
        "ground": case["ground"],
        "route": case["route"],
        "method": case["method"],
        "recovered_fen": case["recovered_fen"],
        "punitive_fen": case["punitive_fen"],
        "agreement": case["agreement"],
        "outcomes": case["outcomes"],
        "performed_by": case["performed_by"],
        "to_unit": case["to_unit"],
        "mediator": case["mediator"],
        "duplicates": complaint_store.likely_duplicates(
            session.db,
            phone=case["consumer_phone"],
            business_key=case["business_key"],
            received_on=case["received_on"],
            exclude_id=case["id"],
        ),
        "history": history,
        "entrusted": case_rules.entrusted(history),  # {office, on} when the office entrusted it (Order 20 Art. 17)
        "termination_notice": case_rules.termination_notice(
            case, notified_on(history), session.calendar, today, soon_days(session)
        ),
        "followups": [
            {k: f[k] for k in ("id", "number", "date", "method", "satisfaction", "opinion", "visitor")}
            for f in followups
        ],
        "audit": [
            {k: e[k] for k in ("at", "actor", "action", "before", "after")}
            for e in audit.entries(session.db, case["id"])
        ],
    }


def notified_on(history: list[dict[str, Any]]) -> str | None:
    """The day both parties were told of the termination (the case history's "notice" event), if recorded."""
    return next((e["on"] for e in history if e["kind"] == "notice"), None)


# A termination notice still untold this long after the decision is listed no longer (7 working days are ~10 days).
NOTICE_WINDOW_DAYS = 90


def notices_due(session: Session, today: date) -> list[dict[str, Any]]:
    """Terminated cases whose parties are not yet told (Order 20 Art. 21 ¶2), most urgent first: the workbench's
    list beside the overdue cases. Only terminations of the last ``NOTICE_WINDOW_DAYS`` days are read."""
    session.require(roles.READ)
    since = date.fromordinal(today.toordinal() - NOTICE_WINDOW_DAYS).isoformat()
    cases = store.select(
        session.db,
        "complaint",
        ["status = 'terminated'", "closed_on >= ?", "deleted_at IS NULL"],
        [since],
        order="closed_on, pk",
    )
    soon = soon_days(session)
    rows = []
    for case in cases:
        history = complaint_store.events(session.db, case["id"])
        notice = case_rules.termination_notice(case, notified_on(history), session.calendar, today, soon)
        if notice is not None and notice["due_state"] != "done":
            rows.append({"number": case["number"], "closed_on": case["closed_on"], **notice})
    return rows


def list_complaints(
    session: Session,
    flt: complaint_store.ComplaintFilter,
    today: date,
    *,
    overdue: bool = False,
    due_soon: bool = False,
    limit: int | None = 100,
    offset: int = 0,
) -> dict[str, Any]:
    session.require(roles.READ)
    if overdue:
        flt = replace(flt, overdue_on=today.isoformat())
    soon = soon_days(session)
    extra: dict[str, Any] = {}
    if due_soon:
        overdue_count, due_soon_count, cases = _urgent(session, flt, today, soon, limit, offset)
        total = overdue_count + due_soon_count
        extra["overdue_total"] = overdue_count  # the workbench's figure, counted once
    elif flt.search.strip() and limit and not offset:  # the total and the first page in one read (and a county's
        total, cases = complaint_pages.find_first_page(session.db, flt, limit=limit)  # from its index of words)
    else:
        total = complaint_store.count(session.db, flt)
        cases = complaint_store.find(session.db, flt, limit=limit, offset=offset)
    if overdue or due_soon:
        # Terminations not yet told to both parties (Order 20 Art. 21 ¶2) are overdue work beside the open cases;
        # they are closed cases, so they stand apart from ``items`` and ``total``, which keep their meaning.
        untold = [n for n in notices_due(session, today) if due_soon or n["due_state"] == "overdue"]
        extra["untold_terminations"] = untold
        extra["untold_overdue_total"] = sum(n["due_state"] == "overdue" for n in untold)
    rows = [summary(session, c, today, soon) for c in cases]
    return {"total": total, "offset": offset, "limit": limit, "items": rows, **extra}


def _urgent(
    session: Session, flt: complaint_store.ComplaintFilter, today: date, soon: int, limit: int | None, offset: int
) -> tuple[int, int, list[dict[str, Any]]]:
    """How many are overdue, how many due within ``soon`` working days, and the page asked for of both, newest
    received first; all three exact in SQL (a case is one or the other exactly when its current deadline is on
    or before the last due-soon day), and only the page's rows are read.
    """
    last_soon = deadlines.last_due_soon_day(today, session.calendar, soon).isoformat()
    overdue = replace(flt, overdue_on=today.isoformat())
    due_soon = replace(flt, due_from=today.isoformat(), due_by=last_soon)
    page = complaint_store.find_keys_first(session.db, replace(flt, due_by=last_soon), limit=limit, offset=offset)
    return complaint_store.count(session.db, overdue), complaint_store.count(session.db, due_soon), page


def last_months(session: Session, today: date, months: int = 12) -> list[dict[str, Any]]:
    """The last ``months`` calendar months up to today's, oldest first: received and settled in each.

    Received counts by the day the complaint was received, settled by the day it was settled (the
    definitions of docs/figures.md), so a month's bar pair shows the work that came in and went out.
    """
    session.require(roles.READ)
    first_index = today.year * 12 + today.month - 1 - (months - 1)
    first = date(first_index // 12, first_index % 12 + 1, 1)
    counts = month_store.received_and_settled(
        session.db, session.station()["code"], first.isoformat()[:7], today.isoformat()[:7]
    )
    result = []
    for index in range(first_index, first_index + months):
        key = f"{index // 12:04d}-{index % 12 + 1:02d}"
        received, settled = counts.get(key, (0, 0))
        result.append({"month": key, "received": received, "settled": settled})
    return result


def possible_duplicates(session: Session, phone: str, business_name: str, received_on: date) -> list[str]:
    """Numbers of registered cases a complaint being typed may repeat (same phone and business, 30 days).

    Asked while the form is still open, so the clerk can check before saving; an incomplete or
    malformed phone simply finds nothing (the form reports the phone's own error on save).
    """
    session.require(roles.READ)
    try:
        phone_key = validation.normalize_phone(phone)
    except (InvalidValue, ValueError):
        return []
    business_key = validation.normalize_business_name(business_name)
    if not phone_key or not business_key:
        return []
    return complaint_store.likely_duplicates(
        session.db, phone=phone_key, business_key=business_key, received_on=received_on.isoformat()
    )
