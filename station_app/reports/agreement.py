"""和解协议书 / 调解协议书 (by the settlement method): the parties, the dispute, the agreed terms and amounts,
performance, what happens if it is not performed, signatures; three copies.

Both parties keep a copy, so the consumer's ID number and phone are masked.

A mediation at a 12315 liaison station is the county office's (Order 20 Arts. 16, 22: the 调解书 bears the
office's seal), so its agreement names the office and leaves room for its seal; a 消协 station mediates in its
own name (消法第三十七条第一款第（五）项). A 和解 is the parties' own, hosted by the station (domain/footing.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from station_app.domain import footing as footing_rules
from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import RuleViolation
from station_app.domain.validation import mask_id_number, mask_phone
from station_app.reports import styles as s

TITLES = {"reconciliation": "和解协议书", "mediation": "调解协议书"}


def title_for(case: dict[str, Any]) -> str:
    return TITLES.get(case.get("method") or "", "和解（调解）协议书")


def check(case: dict[str, Any]) -> None:
    if case["status"] != "settled":
        raise RuleViolation(
            f"案件 {case['number']} 的状态是“{case['status_label']}”，只有和解或调解结案的案件才能打印协议书"
        )


def write(case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date) -> Path:
    check(case)
    title = title_for(case)
    received = date.fromisoformat(case["received_on"])
    consumer, business = case["consumer"], case["business"]
    width = s.frame_width()
    # Label columns as wide as their longest label (乙方（被投诉人）, 统一社会信用代码: 8 characters of 10 pt).
    cols = [33 * mm, width / 2 - 33 * mm, 26 * mm, width / 2 - 26 * mm]
    mediated = case.get("method") == "mediation"
    consumer_rows: list[list[Any]] = [["甲方（投诉人）", consumer["name"], "联系电话", mask_phone(consumer["phone"])]]
    if consumer.get("id_number"):
        consumer_rows.append(["证件号码", mask_id_number(consumer["id_number"])])
    story: list[Any] = [
        *s.title_block(title, case["number"]),
        *s.field_table(
            [
                *consumer_rows,
                ["乙方（被投诉人）", business["name"]],
                ["经营场所", business.get("address"), "联系电话", business.get("phone")],
                ["统一社会信用代码", business.get("credit_code"), "法定代表人\n或委托代理人", ""],
                ["调解人" if mediated else "主持和解", case.get("mediator") or station["name"]],
            ],
            cols,
        ),
        s.heading("一、争议事实和投诉请求"),
        s.rich(
            f"甲方于 {s.cn_date(case['received_on'])} 就“{s.esc(case['subject'])}”与乙方发生的消费争议向"
            f"{s.esc(station['name'])}投诉（编号 {s.esc(case['number'])}），涉案金额 "
            f"{s.esc(s.yuan(case['amount_fen']) if case.get('amount_fen') is not None else '—')}。",
            "para",
        ),
        s.para(f"争议事实：{case['facts']}", "para"),
    ]
    if case.get("request"):
        story.append(s.para(f"投诉请求：{case['request']}", "para"))
    footing = footing_rules.footing_for(station) if mediated else footing_rules.own_voice(station)
    keeper = "本站" if not footing.regulator else footing.issuer
    entrusted = _entrusted_office(footing, case) if mediated else ""
    how = (
        (f"经{footing.issuer}组织调解" if footing.regulator else "经本站调解") if mediated else "在本站主持下经平等协商"
    )
    if entrusted:
        how = f"经本站受{entrusted}委托进行调解"
    story += [
        s.heading("二、协议内容"),
        s.para(f"{how}，甲乙双方自愿达成如下协议：", "para"),
        *_terms(case, catalogs, received),
        s.heading("三、履行方式和期限"),
        s.rich(_performance(case), "para"),
        s.heading("四、不履行协议的处理"),
        s.para(
            "本协议自双方当事人签字（盖章）之日起生效，双方应当自觉履行。一方不履行或者不完全履行的，另一方可以"
            f"请求{keeper}督促履行，也可以依照《中华人民共和国消费者权益保护法》第三十九条的规定，通过向消费者协会"
            "或者依法成立的其他调解组织请求调解、向有关行政部门投诉、根据仲裁协议提请仲裁机构仲裁或者向人民法院"
            "提起诉讼等途径解决。",
            "para",
        ),
        KeepTogether(
            [
                s.heading("五、其他"),
                s.para(
                    "双方确认本协议是真实意思表示，本争议就此了结，双方不再就同一事实另行主张（法律另有规定的除外）。",
                    "para",
                ),
                s.para(f"本协议一式三份，双方当事人各执一份，{keeper}存档一份。", "para"),
                *_footing_lines(footing, case),
                s.gap(3),
                s.signature_lines(
                    ["甲方（投诉人）签字", "乙方（被投诉人）签字或盖章", "调解人签字" if mediated else "主持人签字"],
                    width,
                ),
                s.SealArea(footing.issuer, case.get("closed_on")),
            ]
        ),
    ]
    return s.build(path, story, title=title, station_name=station["name"], reference=case["number"])


def _entrusted_office(footing: footing_rules.Footing, case: dict[str, Any]) -> str:
    """The office that entrusted the mediation to a 消协 station (Order 20 Art. 17), or ""."""
    if not footing_rules.can_be_entrusted(footing):
        return ""
    return str((case.get("entrusted") or {}).get("office") or "")


def _footing_lines(footing: footing_rules.Footing, case: dict[str, Any]) -> list[Any]:
    if not footing.regulator:
        if case.get("method") != "mediation":
            return []
        rule = case.get("rule_version") or ""
        office = _entrusted_office(footing, case)
        if office:
            return [s.para(footing_rules.entrusted_sentence(office, rule), "small")]
        return [s.para(footing_rules.basis_sentence(footing, rule), "small")]
    lines = []
    if case.get("rule_version") == "order20":
        lines.append(
            f"依照{footing_rules.CITATIONS['o20_22'].text}的规定，本协议由双方当事人签字或者盖章，"
            f"并加盖{footing.issuer}印章。"
        )
    lines.append(footing.prepared_note())
    return [s.para(line, "small") for line in lines]


def _terms(case: dict[str, Any], catalogs: Catalogs, received: date) -> list[Any]:
    items: list[Any] = []
    number = 0

    def add(text: str) -> None:
        nonlocal number
        number += 1
        items.append(s.para(f"{number}. {text}", "item"))

    if case.get("agreement"):
        add(str(case["agreement"]))
    outcomes = [catalogs.label("outcomes", o, received) for o in case.get("outcomes") or []]
    if outcomes:
        add(f"处理方式：{'、'.join(outcomes)}。")
    recovered, punitive = case.get("recovered_fen") or 0, case.get("punitive_fen") or 0
    if recovered:
        money = f"按本协议，甲方挽回经济损失共计人民币 {s.yuan(recovered)}"
        if punitive:
            money += f"，其中加倍赔偿 {s.yuan(punitive)}"
        add(money + "。")
    if not items:
        add("________________________________________________")
    return items


def _performance(case: dict[str, Any]) -> str:
    pay = "（涉及款项的，支付方式：______________）" if case.get("recovered_fen") else ""
    if case.get("performed_by"):
        return f"乙方应于 <b>{s.cn_date(case['performed_by'])}</b> 前履行上述义务{pay}。"
    return (
        f"乙方应于 {s.BLANK_DATE} 前履行上述义务{pay}；"
        "签订本协议时已当场履行完毕的，由双方在此注明：____________________。"
    )
