"""Entrusted mediation: a case the market-regulation office accepted and entrusted to a 消协 station to mediate
(《市场监督管理投诉举报处理暂行办法》第十七条; docs/legal-basis.md §1.3, §2.1). The flag and the office's name
are one history event of the case ("entrusted"); setting it again with no office clears it. The mediation notice
and the agreement then say "本站受××市场监督管理局委托进行调解" (domain/footing.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from station_app.domain import case as case_rules
from station_app.domain import footing, roles, workflow
from station_app.domain.errors import Problem, RuleViolation, ValidationError
from station_app.services.complaint_views import get_case, show
from station_app.services.session import Session
from station_app.store import complaints as complaint_store
from station_app.store import records as store

OFFICE_MAX = 60  # a county office's full name is some twenty characters
# The office names end so ("示例县市场监督管理局", the short form "示例县市场监管局"): a court or a shop is not one.
OFFICE_ENDINGS = ("市场监督管理局", "市场监管局", "市场监督管理分局", "市场监管分局")
# The office entrusts a case it accepted, for mediation: before the case is closed.
ENTRUSTABLE = (workflow.REGISTERED, workflow.ACCEPTED, workflow.MEDIATING)


def check_office(office: str) -> str:
    office = " ".join(office.split())
    if len(office) > OFFICE_MAX:
        raise ValidationError([Problem("office", "委托单位", f"不能超过 {OFFICE_MAX} 个字")])
    if office and not office.endswith(OFFICE_ENDINGS):
        raise ValidationError(
            [Problem("office", "委托单位", "应是委托调解的市场监督管理部门的全称，例如：示例县市场监督管理局")]
        )
    return office


def set_entrusted(session: Session, ref: str, office: str, on: date, today: date) -> dict[str, Any]:
    """Record that ``office`` entrusted the case to this station on ``on``; an empty ``office`` clears the flag."""
    session.require(roles.WRITE)
    office = check_office(office)
    if not footing.can_be_entrusted(footing.footing_for(session.station())):
        raise RuleViolation("12315 联络站办理的投诉本来就由市场监督管理局决定，不需要登记委托调解")
    with session.db.atomic():
        case = get_case(session, ref)
        if case["status"] not in ENTRUSTABLE:
            raise RuleViolation(f"只有尚未办结的案件才能登记或取消委托调解；本案为{workflow.label(case['status'])}")
        before = case_rules.entrusted(complaint_store.events(session.db, case["id"]))
        if (before or {}).get("office", "") == office:
            raise RuleViolation(f"本案已登记受{office}委托调解" if office else "本案没有登记委托调解")
        if on > today:
            raise RuleViolation(f"委托日期（{on.isoformat()}）不能晚于今天")
        if on.isoformat() < case["received_on"]:
            raise RuleViolation(f"委托日期（{on.isoformat()}）不能早于登记日期（{case['received_on']}）")
        complaint_store.insert_event(
            session.db,
            {
                "complaint_id": case["id"],
                "kind": "entrusted",
                "from_status": None,
                "to_status": None,
                "on_date": on.isoformat(),
                "data": {"office": office},
                "at": session.now(),
                "actor": session.actor,
            },
        )
        store.update(session.db, "complaint", case["id"], {"updated_at": session.now()})  # a new revision to send
        session.audit(
            "entrusted",
            "complaint",
            case["id"],
            case["number"],
            before={"entrusted_by": (before or {}).get("office", "")},
            after={"entrusted_by": office},
        )
    return show(session, ref, today)
