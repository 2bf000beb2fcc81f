"""不予受理 and 终止调解 notices: the decision, its ground, and the routes left to the consumer (消法第三十九条).

Who decides follows the station's kind (domain/footing.py): a 消协 station decides in its own name and gives
its reason in plain words; a 12315 liaison station's notice is the market-regulation office's decision
(我局, the office's seal), citing the ground's article in the case's rule version.

The termination notice goes to both parties, so the consumer's phone is masked and no ID number is shown.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from station_app.domain import footing as footing_rules
from station_app.domain.catalogs import Catalogs, RuleVersion
from station_app.domain.errors import RuleViolation
from station_app.domain.footing import Footing
from station_app.domain.validation import mask_phone
from station_app.reports import styles as s

ROUTE_ADVICE = {
    "consumer_association": "请求消费者协会或者依法成立的其他调解组织调解",
    "market_regulation": "向市场监督管理部门（市场监管所）投诉",
    "arbitration": "根据与经营者达成的仲裁协议提请仲裁机构仲裁",
    "court": "向人民法院提起诉讼",
}


def case_rule(catalogs: Catalogs, case: dict[str, Any]) -> RuleVersion:
    """The rule version the case follows (its receipt date chose it)."""
    for version in catalogs.rule_versions():
        if version.code == case.get("rule_version"):
            return version
    return catalogs.rule_for(date.fromisoformat(case["received_on"]))


def ground_text(catalogs: Catalogs, case: dict[str, Any], footing: Footing | None = None) -> tuple[str, str]:
    """(the ground's reason as printed, "《…办法》第十六条第（一）项" or "").

    Without a footing, or for a 12315 liaison station, the wording and article of the case's rule version
    (the office's decision); for a 消协 station its own words and no citation (domain/footing.py)."""
    code = case.get("ground") or ""
    rule = case_rule(catalogs, case)
    kind = "not_accepted_grounds" if code.startswith("na_") else "termination_grounds"
    label = rule.labels.get(code) or catalogs.label(kind, code, date.fromisoformat(case["received_on"]))
    article = rule.article(code)
    citation = f"{footing_rules.order_title(rule.code, rule.title)}{article}" if article else ""
    office = footing or Footing(footing_rules.REGULATOR, "", "", "我局")
    return footing_rules.ground(office, code, label, citation)


def check_not_accepted(case: dict[str, Any]) -> None:
    if case["status"] != "not_accepted":
        raise RuleViolation(
            f"案件 {case['number']} 的状态是“{case['status_label']}”，不是“不予受理”，不能打印不予受理告知书"
        )


def check_termination(case: dict[str, Any]) -> None:
    if case["status"] != "terminated":
        raise RuleViolation(
            f"案件 {case['number']} 的状态是“{case['status_label']}”，不是“终止调解”，不能打印终止调解告知书"
        )


def _case_rows(case: dict[str, Any], *, both_parties: bool) -> list[list[Any]]:
    consumer, business = case["consumer"], case["business"]
    rows: list[list[Any]] = [
        ["投诉编号", case["number"], "登记日期", s.cn_date(case["received_on"])],
        ["投诉人", consumer["name"], "联系电话", mask_phone(consumer["phone"])],
        ["被投诉人", business["name"]],
        ["商品或服务", case["subject"]],
    ]
    if both_parties and case.get("accepted_on"):
        rows.append(["受理日期", s.cn_date(case["accepted_on"]), "决定日期", s.cn_date(case.get("closed_on"))])
    else:
        rows.append(["决定日期", s.cn_date(case.get("closed_on"))])
    return rows


def _ground_paragraph(catalogs: Catalogs, case: dict[str, Any], footing: Footing) -> str:
    label, reference = ground_text(catalogs, case, footing)
    if not footing.regulator:
        return f"“{s.esc(label)}”"  # a 消协 station's own reason: no regulator's article (legal-basis §2.1)
    basis = f"依据{s.esc(reference)}的规定" if reference else "依据有关规定"
    return f"“{s.esc(label)}”，{basis}"


def _note(case: dict[str, Any]) -> list[Any]:
    note = next(
        (e["data"].get("note") for e in reversed(case.get("history") or []) if e.get("to") == case["status"]),
        None,
    )
    return [s.para(f"说明：{note}", "para")] if note else []


def sign_off(footing: Footing, station: dict[str, Any], on: str | None, width: float) -> list[Any]:
    """The contact line and the seal of whoever decides; for the office, a note that the station drew it up."""
    left: list[Any] = []
    if footing.regulator:
        left.append(s.para(f"经办单位：{station['name']}", "body"))
    left.append(s.para(f"联系电话：{station.get('contact') or '________________'}", "body"))
    story: list[Any] = [s.gap(4), s.side_by_side(left, s.SealArea(footing.issuer, on), width)]
    if footing.regulator:
        story.append(s.para(footing.prepared_note(), "small"))
    return story


def write_not_accepted(
    case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date
) -> Path:
    check_not_accepted(case)
    footing = footing_rules.footing_for(station)
    title = footing_rules.title(footing, "not_accepted")
    width = s.frame_width()
    cols = [26 * mm, width / 2 - 26 * mm, 26 * mm, width / 2 - 26 * mm]
    where = "本站" if not footing.regulator else f"{s.esc(station['name'])}（12315 联络站）"
    story: list[Any] = [
        *s.title_block(title, case["number"]),
        s.para(f"{case['consumer']['name']}：", "body"),
        s.rich(
            f"你于 {s.cn_date(case['received_on'])} 向{where}提出的对 {s.esc(case['business']['name'])} 关于"
            f"“{s.esc(case['subject'])}”的投诉（编号 {s.esc(case['number'])}），经审查，因"
            f"{_ground_paragraph(catalogs, case, footing)}，{footing.we}决定<b>不予受理</b>。",
            "para",
        ),
        *_note(case),
        *s.field_table(_case_rows(case, both_parties=False), cols),
        s.heading("你还可以通过以下途径解决"),
        s.para(s.routes_sentence(), "para"),
    ]
    if not footing.regulator:
        story.append(
            s.para(
                "其中，投诉不属于本站受理范围的，可以向被投诉人所在地的消费者协会或者市场监督管理部门"
                "（也可拨打 12315 或登录全国 12315 平台）投诉。",
                "para",
            )
        )
    story += sign_off(footing, station, case.get("closed_on"), width)
    return s.build(path, story, title=title, station_name=station["name"], reference=case["number"])


def write_termination(
    case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date
) -> Path:
    check_termination(case)
    footing = footing_rules.footing_for(station)
    title = footing_rules.title(footing, "termination")
    width = s.frame_width()
    cols = [26 * mm, width / 2 - 26 * mm, 26 * mm, width / 2 - 26 * mm]
    received = date.fromisoformat(case["received_on"])
    route = case.get("route")
    accepted = f"于 {s.cn_date(case['accepted_on'])} 受理" if case.get("accepted_on") else "受理"
    story: list[Any] = [
        *s.title_block(title, case["number"]),
        s.para(f"{case['consumer']['name']}（投诉人）、{case['business']['name']}（被投诉人）：", "body"),
        s.rich(
            f"{footing.we}{accepted}的投诉人与被投诉人之间关于“{s.esc(case['subject'])}”的消费争议"
            f"（编号 {s.esc(case['number'])}），因{_ground_paragraph(catalogs, case, footing)}，"
            f"{footing.we}决定<b>终止调解</b>。",
            "para",
        ),
        *_note(case),
        *s.field_table(_case_rows(case, both_parties=True), cols),
        s.heading("终止调解后的解决途径"),
    ]
    if route:
        story.append(
            s.rich(
                f"{footing.we}建议：{s.esc(ROUTE_ADVICE.get(route) or catalogs.label('routes', route, received))}。",
                "para",
            )
        )
    keeper = "本站" if not footing.regulator else footing.we
    story += [
        s.para(s.routes_sentence(), "para"),
        s.para(
            f"本{'告知书' if not footing.regulator else '决定书'}送达投诉人和被投诉人各一份，{keeper}存档一份。", "para"
        ),
    ]
    if footing.regulator and case.get("rule_version") == "order20":
        story.append(
            s.para(
                f"依据{footing_rules.CITATIONS['o20_21_2'].text}，本决定应当自作出之日起七个工作日内"
                "告知投诉人和被投诉人。",
                "small",
            )
        )
    story += sign_off(footing, station, case.get("closed_on"), width)
    return s.build(path, story, title=title, station_name=station["name"], reference=case["number"])
