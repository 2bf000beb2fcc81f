"""Complaint use cases: register (with earlier steps), transitions, clock pauses, follow-ups, reading."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from station_app.domain import case as case_rules
from station_app.domain import grounds, record_input, roles, workflow
from station_app.domain.deadlines import Pause
from station_app.domain.errors import Problem, RuleViolation, ValidationError
from station_app.services.complaint_views import get_case, show
from station_app.services.session import Session
from station_app.store import complaints as complaint_store
from station_app.store import records as store


def _initials(*names: str) -> str:
    """Pinyin initials of the names, for search by ``zs`` → 张三."""
    from pypinyin import Style, lazy_pinyin  # 0.2 s to import: only when a complaint is written

    return " ".join("".join(lazy_pinyin(n, style=Style.FIRST_LETTER, errors="default")).lower() for n in names)


def _rule(session: Session, case: dict[str, Any]):
    return next(v for v in session.catalogs.rule_versions() if v.code == case["rule_version"])


def _pauses(case_events: Iterable[dict[str, Any]]) -> list[Pause]:
    pauses: list[Pause] = []
    for event in case_events:
        if event["kind"] == "pause":
            pauses.append(Pause(date.fromisoformat(event["on"]), None, event["data"].get("reason", "")))
        elif event["kind"] == "resume" and pauses and pauses[-1].end is None:
            last = pauses[-1]
            pauses[-1] = Pause(last.start, date.fromisoformat(event["on"]), last.reason)
    return pauses


def _refresh_deadlines(session: Session, case: dict[str, Any], case_events: list[dict[str, Any]]) -> dict[str, Any]:
    return case_rules.compute_deadlines(
        case, _rule(session, case), _pauses(case_events), session.calendar, session.limits()
    )


def _check_ground(
    session: Session, case: dict[str, Any], fields: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """The step's ground must hold for the case (domain/grounds.py); refused in the clerk's words if not."""
    if not fields.get("ground"):
        return
    rule = _rule(session, case)
    amount, unit = rule.mediation_limit
    due = _refresh_deadlines(session, case, history)["mediation_due"]
    earlier: list[str] = []
    if fields["ground"] == "na_already_handled":
        earlier = complaint_store.likely_duplicates(
            session.db,
            phone=case["consumer_phone"],
            business_key=case["business_key"],
            received_on=case["received_on"],
            exclude_id=case["id"],
        )
    facts = grounds.CaseFacts(
        mediation_due=date.fromisoformat(due) if due else None,
        limit_text=grounds.limit_text(amount, unit, int(case.get("extension_days") or 0)),
        paused=bool(case.get("paused_since")),
        testing_recorded=any(e["kind"] == "pause" for e in history),
        earlier_cases=earlier,
    )
    grounds.check(case, fields, rule.code, facts)


def _event(session: Session, case: dict[str, Any], kind: str, on: str, *, to=None, data=None) -> dict[str, Any]:
    return {
        "complaint_id": case["id"],
        "kind": kind,
        "from_status": case["status"] if kind == "transition" else None,
        "to_status": to,
        "on_date": on,
        "data": data or {},
        "at": session.now(),
        "actor": session.actor,
    }


def _with_record_number(index: int, total: int, exc: Exception) -> Exception:
    """In a batch, say which record was refused (the whole batch is refused)."""
    if total <= 1:
        return exc
    prefix = f"第 {index + 1} 条记录："
    if isinstance(exc, ValidationError):
        return ValidationError([Problem(p.field, f"{prefix}{p.label}", p.message) for p in exc.problems])
    return type(exc)(prefix + str(exc))


def add_complaints(session: Session, payloads: list[dict[str, Any]], today: date) -> list[dict[str, Any]]:
    """Register complaints (each may carry earlier ``transitions``): all or nothing, one transaction."""
    session.require(roles.WRITE)
    station = session.station()
    results = []
    with session.db.atomic():
        for index, payload in enumerate(payloads):
            try:
                results.append(_add_one(session, station, payload, today))
            except (ValidationError, RuleViolation) as exc:
                raise _with_record_number(index, len(payloads), exc) from None
    return results


def _add_one(session: Session, station: dict[str, Any], payload: dict[str, Any], today: date) -> dict[str, Any]:
    row = record_input.parse_complaint(payload, session.catalogs, today)
    steps = payload.get("transitions") or []
    if not isinstance(steps, list):
        raise ValidationError([Problem("transitions", "办理过程", '应为列表 [{"to": …, "on": …}, …]')])
    received = date.fromisoformat(row["received_on"])
    now = session.now()
    case: dict[str, Any] = {
        **row,
        "id": session.new_id(),
        "station_code": station["code"],
        "year": received.year,
        "status": workflow.REGISTERED,
        "category_class": session.catalogs.category_class(row["category"]),
        "category_top": session.catalogs.category_top(row["category"]),
        "amount_band": session.catalogs.amount_band(row["amount_fen"]),
        "search_initials": _initials(row["consumer_name"], row["business_name"]),
        "created_at": now,
        "updated_at": now,
        "created_by": session.actor,
    }
    case_events = [_event(session, case, "registered", row["received_on"])]
    for position, step in enumerate(steps):
        if not isinstance(step, dict) or not step.get("to"):
            raise ValidationError([Problem(f"transitions[{position}].to", "目标状态", "必须填写")])
        if not step.get("on"):
            raise ValidationError([Problem(f"transitions[{position}].on", "日期", "必须填写")])
        try:
            fields = record_input.parse_transition(
                str(step["to"]),
                step,
                session.catalogs,
                today,
                rule_code=case["rule_version"],
                default_on=today,
            )
            changes = case_rules.apply_transition(case, fields)
            _check_ground(session, case, fields, _history_view(case_events))
        except ValidationError as exc:
            raise ValidationError(
                [Problem(f"transitions[{position}].{p.field}", p.label, p.message) for p in exc.problems]
            ) from None
        except RuleViolation as exc:
            raise RuleViolation(f"办理过程第 {position + 1} 步（transitions[{position}]）：{exc}") from None
        case_events.append(_event(session, case, "transition", fields["on"], to=fields["to"], data=_step_data(fields)))
        case.update(changes)
    duplicates = complaint_store.likely_duplicates(
        session.db,
        phone=case["consumer_phone"],
        business_key=case["business_key"],
        received_on=case["received_on"],
    )
    seq = store.next_seq(session.db, station["code"], "complaint", received.year)
    case["number"] = record_input.format_number(station["code"], "complaint", received.year, seq)
    case.update(_refresh_deadlines(session, case, _history_view(case_events)))
    store.insert(session.db, "complaint", case)
    for event in case_events:
        complaint_store.insert_event(session.db, event)
    # Steps brought in with the case are traced in its creation entry (one entry per case keeps a
    # backlog import of thousands of cases light); each step is also in the case history.
    steps_in = [{"to": e["to_status"], "on": e["on_date"]} for e in case_events[1:]]
    session.audit_create("complaint", case, keep=CASE_AUDIT_FIELDS, extra={"steps": steps_in} if steps_in else None)
    return {"id": case["id"], "number": case["number"], "status": case["status"], "duplicates": duplicates}


def _step_data(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k not in ("to", "on") and v not in (None, "", [])}


def _history_view(case_events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"kind": e["kind"], "on": e["on_date"], "data": e["data"]} for e in case_events]


# Non-personal fields of a new case worth reading in the audit trail as they are.
CASE_AUDIT_FIELDS = ("status", "received_on", "rule_version", "category", "nature", "amount_fen", "recovered_fen")


# Free text of a step that may name the consumer (a settlement's wording): the append-only trail keeps its
# digest, which proves what was written, because it could not forget the person on request (privacy erase).
AUDIT_DIGESTED = ("agreement",)


def _audited(key: str, value: Any) -> Any:
    if key in AUDIT_DIGESTED and isinstance(value, str) and value:
        return {"sha256": hashlib.sha256(value.encode("utf-8")).hexdigest()}
    return value


def _save_changes(
    session: Session, case: dict[str, Any], changes: dict[str, Any], event: dict[str, Any], action: str
) -> dict[str, Any]:
    """Write one change of a case: new revision, refreshed deadlines, history event, audit entry."""
    complaint_store.insert_event(session.db, event)
    updated = {**case, **changes}
    history = complaint_store.events(session.db, case["id"])
    changes.update(_refresh_deadlines(session, updated, history))
    changes = {k: v for k, v in changes.items() if case.get(k) != v}
    changes["updated_at"] = session.now()
    store.update(session.db, "complaint", case["id"], changes)
    before = {k: _audited(k, case.get(k)) for k in changes if k != "updated_at"}
    after = {k: _audited(k, v) for k, v in changes.items() if k != "updated_at"}
    session.audit(action, "complaint", case["id"], case["number"], before=before, after=after)
    return {**case, **changes}


def transition(session: Session, ref: str, target: str, payload: dict[str, Any], today: date) -> dict[str, Any]:
    session.require(roles.WRITE)
    with session.db.atomic():
        case = get_case(session, ref)
        workflow.check_transition(case["status"], target)
        fields = record_input.parse_transition(
            target, payload, session.catalogs, today, rule_code=case["rule_version"], default_on=today
        )
        changes = case_rules.apply_transition(case, fields)
        _check_ground(session, case, fields, complaint_store.events(session.db, case["id"]))
        event = _event(session, case, "transition", fields["on"], to=target, data=_step_data(fields))
        _save_changes(session, case, changes, event, f"transition:{target}")
    return show(session, ref, today)


def _clock_case(session: Session, ref: str, on: date) -> dict[str, Any]:
    session.require(roles.WRITE)
    case = get_case(session, ref)
    if case["status"] not in (workflow.ACCEPTED, workflow.MEDIATING):
        raise RuleViolation(f"只有已受理或调解中的案件才有调解时限；本案为{workflow.label(case['status'])}")
    floor = case_rules.last_action_on(case)
    if on < floor:
        raise RuleViolation(f"日期（{on.isoformat()}）不能早于案件上一步的日期（{floor.isoformat()}）")
    return case


def pause(session: Session, ref: str, reason: str, on: date, today: date) -> dict[str, Any]:
    """Testing or appraisal (检测/鉴定) stops the mediation clock until ``resume``."""
    if not reason.strip():
        raise ValidationError([Problem("reason", "暂停原因", "必须填写（例如：送检测、鉴定）")])
    record_input.check_step(on=on, today=today, texts=(("reason", "暂停原因", reason),))
    with session.db.atomic():
        case = _clock_case(session, ref, on)
        if case.get("paused_since"):
            raise RuleViolation(f"本案的调解时限已于 {case['paused_since']} 暂停，请先恢复计时")
        event = _event(session, case, "pause", on.isoformat(), data={"reason": reason.strip()})
        _save_changes(session, case, {"paused_since": on.isoformat()}, event, "pause")
    return show(session, ref, today)


def resume(session: Session, ref: str, on: date, today: date, note: str = "") -> dict[str, Any]:
    record_input.check_step(on=on, today=today, texts=(("note", "备注", note),))
    with session.db.atomic():
        case = _clock_case(session, ref, on)
        if not case.get("paused_since"):
            raise RuleViolation("本案的调解时限没有暂停，无需恢复")
        event = _event(session, case, "resume", on.isoformat(), data={"note": note} if note else {})
        _save_changes(session, case, {"paused_since": None}, event, "resume")
    return show(session, ref, today)


def extend(session: Session, ref: str, days: int, reason: str, on: date, today: date) -> dict[str, Any]:
    """Record an extension of the mediation limit (in the limit's own unit), with its reason."""
    problems = []
    if days < 1 or days > 365:
        problems.append(Problem("days", "延长天数", "应为 1 到 365 之间的整数"))
    if not reason.strip():
        problems.append(Problem("reason", "延长原因", "必须填写"))
    if problems:
        raise ValidationError(problems)
    record_input.check_step(on=on, today=today, texts=(("reason", "延长原因", reason),))
    with session.db.atomic():
        case = _clock_case(session, ref, on)
        event = _event(session, case, "extension", on.isoformat(), data={"days": days, "reason": reason.strip()})
        total = int(case.get("extension_days") or 0) + days
        _save_changes(session, case, {"extension_days": total}, event, "extension")
    return show(session, ref, today)


def record_notice(session: Session, ref: str, on: date, today: date, note: str = "", way: str = "") -> dict[str, Any]:
    """Both parties were told of the termination on ``on`` (Order 20 Art. 21 ¶2: within 7 working days), ``way``
    one of ``case.NOTICE_WAYS`` (电话、书面、短信、当面) or left out (the CLI's older form, the way in the note)."""
    session.require(roles.WRITE)
    if way and way not in case_rules.NOTICE_WAYS:
        raise ValidationError([Problem("way", "告知方式", "只能是" + "、".join(case_rules.NOTICE_WAYS.values()))])
    with session.db.atomic():
        case = get_case(session, ref)
        if case["status"] != workflow.TERMINATED:
            raise RuleViolation(f"只有终止调解的案件才需要告知终止；本案为{workflow.label(case['status'])}")
        if on < date.fromisoformat(case["closed_on"]):
            raise RuleViolation(f"告知日期（{on.isoformat()}）不能早于终止调解的日期（{case['closed_on']}）")
        if on > today:
            raise RuleViolation(f"告知日期（{on.isoformat()}）不能晚于今天")
        history = complaint_store.events(session.db, case["id"])
        if any(e["kind"] == "notice" for e in history):
            raise RuleViolation("本案已记录过告知终止调解")
        data = {"way": way} if way else {}
        if note.strip():
            data["note"] = note.strip()
        event = _event(session, case, "notice", on.isoformat(), data=data)
        _save_changes(session, case, {}, event, "notice")
    return show(session, ref, today)


def add_followup(session: Session, ref: str, payload: dict[str, Any], today: date) -> dict[str, Any]:
    """A follow-up visit (回访) on a closed case."""
    session.require(roles.WRITE)
    with session.db.atomic():
        case = get_case(session, ref)
        if case["status"] not in workflow.CLOSED_STATES:
            raise RuleViolation(f"只有已结案的案件才能回访；本案为{workflow.label(case['status'])}")
        row = record_input.parse_followup(
            payload, session.catalogs, today, closed_on=date.fromisoformat(case["closed_on"])
        )
        year = date.fromisoformat(row["date"]).year
        seq = store.next_seq(session.db, case["station_code"], "followup", year)
        now = session.now()
        followup = {
            **row,
            "id": session.new_id(),
            "complaint_id": case["id"],
            "station_code": case["station_code"],
            "number": record_input.format_number(case["station_code"], "followup", year, seq),
            "year": year,
            "created_at": now,
            "updated_at": now,
            "created_by": session.actor,
        }
        store.insert(session.db, "followup", followup)
        complaint_store.insert_event(
            session.db,
            _event(session, case, "followup", row["date"], data={"satisfaction": row["satisfaction"]}),
        )
        session.audit_create("followup", followup, keep=("date", "satisfaction"))
    return {"id": followup["id"], "number": followup["number"], "complaint": case["number"]}


def delete(session: Session, ref: str, reason: str) -> None:
    """Soft delete with a reason (station head only): hidden from registers and tallies, kept in the audit."""
    session.require(roles.MANAGE)
    if not reason.strip():
        raise ValidationError([Problem("reason", "删除原因", "必须填写")])
    record_input.check_step(texts=(("reason", "删除原因", reason),))
    with session.db.atomic():
        case = get_case(session, ref)
        changes = {"deleted_at": session.now(), "delete_reason": reason.strip(), "updated_at": session.now()}
        store.update(session.db, "complaint", case["id"], changes)
        session.audit("delete", "complaint", case["id"], case["number"], after={"reason": reason.strip()})


def deadlines_now(session: Session, case: dict[str, Any]) -> dict[str, Any]:
    """The case's deadlines worked out again with the session's calendar (after a county bulletin brought a
    year's official holidays)."""
    return _refresh_deadlines(session, case, complaint_store.events(session.db, case["id"]))
