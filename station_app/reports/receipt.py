"""投诉登记回执: what the consumer takes home — the number, what happens next and by when, where else to go.

It records that the complaint was received (登记), never that it was accepted (受理): acceptance is a
decision of its own, told by the acceptance notice (reports/case_notices.py; Order 20 Art. 14, Order 121 form
五), so the title stays 登记回执 after acceptance too (docs/legal-basis.md §2.8). At a 12315 liaison station
the office decides and its clock starts when it receives the case, so no date is promised (§2.2).

The consumer's name, phone and ID number are masked: the slip leaves the station and can be lost.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from station_app.domain import footing as footing_rules
from station_app.domain import provisional
from station_app.domain.catalogs import Catalogs
from station_app.domain.validation import mask_id_number, mask_name, mask_phone
from station_app.reports import styles as s

TITLE = "投诉登记回执"
SUMMARY_CHARS = 80


def summary(case: dict[str, Any], chars: int = SUMMARY_CHARS) -> str:
    """The subject and the first part of the facts."""
    facts = " ".join(str(case.get("facts") or "").split())
    if len(facts) > chars:
        facts = facts[:chars] + "……"
    return f"{case['subject']}：{facts}" if facts else str(case["subject"])


def check(case: dict[str, Any]) -> None:
    """Every registered case can have its receipt."""


def write(case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date) -> Path:
    check(case)
    received = date.fromisoformat(case["received_on"])
    consumer, business = case["consumer"], case["business"]
    width = s.frame_width()
    label, value = 27 * mm, width / 2 - 27 * mm
    rows: list[list[Any]] = [
        ["投诉编号", case["number"], "登记日期", s.cn_date(case["received_on"])],
        ["投诉人", mask_name(consumer["name"]), "联系电话", mask_phone(consumer["phone"])],
    ]
    if consumer.get("id_number"):
        rows.append(["证件号码", mask_id_number(consumer["id_number"])])
    rows += [
        ["被投诉人", business["name"]],
        ["投诉方式", catalogs.label("channels", case["channel"], received), "涉案金额", _amount(case)],
        ["投诉事由", summary(case)],
    ]
    if case.get("request"):
        rows.append(["投诉请求", case["request"]])
    rows += [
        ["登记站点", station["name"]],
        ["站点电话", station.get("contact") or "", "经办人", ""],
        ["进度查询", f"来站或致电本站，告知登记编号 {case['number']} 即可查询办理进度"],
    ]
    notice = [
        s.heading("三、个人信息使用告知"),
        s.para(
            "您提供的姓名、联系电话、证件号码、地址等个人信息，本站仅用于办理本次投诉（核实身份、联系您、"
            "向被投诉人转达争议所必需的内容）和依规定进行的统计；本站依法对其保密，不向与投诉处理无关的"
            "单位和个人提供，报送的统计数据不含可识别您身份的信息。案件办结后按规定期限保存，期满删除或者"
            "匿名化处理。您可以向本站查询、更正您的个人信息，或者要求删除不再需要的信息。",
            "small",
        ),
    ]
    seal = s.SealArea(station["name"], case["received_on"])
    story: list[Any] = [
        *s.title_block(TITLE, case["number"]),
        s.rich(f"{s.esc(mask_name(consumer['name']))}：", "body"),
        s.rich(
            f"您于 {s.cn_date(case['received_on'])} 向本站提出的消费投诉已登记，登记编号为 "
            f"<b>{s.esc(case['number'])}</b>。请妥善保存本回执，查询办理进度时请告知该编号。",
            "para",
        ),
        *s.field_table(rows, [label, value, label, value]),
        s.heading("一、接下来怎么办"),
        s.rich(_next_steps(case, footing_rules.footing_for(station)), "para"),
        s.heading("二、其他解决途径"),
        s.para(s.routes_sentence(), "para"),
        s.para(
            f"{'' if footing_rules.footing_for(station).regulator else '本站'}调解不收取任何费用。"
            "调解不成或者您不愿调解的，可以随时选择上述其他途径。",
            "para",
        ),
        s.side_by_side(notice, seal, width),
    ]
    return s.build(path, story, title=TITLE, station_name=station["name"], reference=case["number"])


def _amount(case: dict[str, Any]) -> str:
    return s.yuan(case["amount_fen"]) if case.get("amount_fen") is not None else "—"


def _due_phrase(case: dict[str, Any]) -> str:
    """The acceptance decision's last day; no firm promise when it is counted into a year whose official
    holidays are not yet known (issue 18): the State Council's notice may still move it."""
    due = s.cn_date(case["acceptance_due"])
    if not case.get("deadlines_provisional", {}).get("acceptance_due"):
        return f"本站将于 <b>{due}</b> 前"
    years = provisional.years_phrase(case.get("calendar_unknown_years") or [int(case["acceptance_due"][:4])])
    return f"本站预计于 <b>{due}</b> 前（{years}节假日安排未公布，以实际为准）"


def _next_steps(case: dict[str, Any], footing: footing_rules.Footing) -> str:
    if footing.regulator:
        citation = footing_rules.acceptance_citation(footing, case.get("rule_version") or "")
        decided = "作出受理或者不予受理的决定" if case.get("rule_version") == "order20" else "予以处理"
        text = (
            f"本站将您的投诉转交 <b>{s.esc(footing.issuer)}</b>。依照{s.esc(citation)}的规定，市场监督管理部门"
            f"应当自收到投诉之日起七个工作日内{decided}并告知您。受理的，由其组织调解并告知调解的时间和地点；"
            "不予受理的，由其书面告知理由和其他解决途径。"
        )
    else:
        text = (
            f"{_due_phrase(case)}作出是否受理的决定并告知您。"
            "受理的，本站将组织您与被投诉人协商和解或者调解，并告知调解的时间和地点；不予受理的，"
            "本站将书面告知理由和其他解决途径。"
        )
    status = case["status"]
    if status != "registered":
        text += f"<br/>（打印时本投诉的办理状态：{s.esc(case['status_label'])}"
        if case.get("accepted_on"):
            text += f"，{s.cn_date(case['accepted_on'])} 已受理"
        if status in ("accepted", "mediating") and case.get("mediation_due"):
            text += f"，调解期限至 {s.cn_date(case['mediation_due'])}"
        text += "。）"
    return text
