"""The notices between registration and the end of a case: acceptance, mediation (with the recusal window)
and transfer.

Who speaks follows the station's kind (domain/footing.py). A 消协 station tells the consumer its own
decision on its own footing (消法第三十七条第一款第（五）项) and cites no rule of the market regulator. For a
12315 liaison station the acceptance and the mediation notice are the county office's (我局, its seal;
Order 20 Art. 14, Arts. 18–19, Order 121 forms 五 and 七); the transfer notice is the station's own
forwarding slip, because forwarding a complaint decides nothing (docs/legal-basis.md §2.2).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from station_app.domain import footing as footing_rules
from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import RuleViolation
from station_app.domain.validation import mask_phone
from station_app.reports import styles as s
from station_app.reports.notices import case_rule, sign_off

MEDIATION_STATES = ("accepted", "mediating")
BLANK_TIME = "______年____月____日____时____分"
BLANK_LINE = "________________________________"


def check_acceptance(case: dict[str, Any]) -> None:
    if not case.get("accepted_on"):
        raise RuleViolation(f"案件 {case['number']} 的状态是“{case['status_label']}”，尚未受理，不能打印受理通知书")


def check_mediation(case: dict[str, Any]) -> None:
    if case["status"] not in MEDIATION_STATES:
        raise RuleViolation(
            f"案件 {case['number']} 的状态是“{case['status_label']}”，只有已受理或调解中的案件才能打印调解通知书"
        )


def check_transfer(case: dict[str, Any]) -> None:
    if case["status"] != "transferred":
        raise RuleViolation(f"案件 {case['number']} 的状态是“{case['status_label']}”，不是“已转办”，不能打印转送告知书")


def _rows(case: dict[str, Any], *extra: list[Any]) -> list[Any]:
    width = s.frame_width()
    cols = [26 * mm, width / 2 - 26 * mm, 26 * mm, width / 2 - 26 * mm]
    rows: list[list[Any]] = [
        ["投诉编号", case["number"], "登记日期", s.cn_date(case["received_on"])],
        ["投诉人", case["consumer"]["name"], "联系电话", mask_phone(case["consumer"]["phone"])],
        ["被投诉人", case["business"]["name"]],
        ["商品或服务", case["subject"]],
        *extra,
    ]
    return s.field_table(rows, cols)


def _where(footing: footing_rules.Footing, station: dict[str, Any]) -> str:
    return "本站" if not footing.regulator else f"{s.esc(station['name'])}（12315 联络站）"


def write_acceptance(
    case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date
) -> Path:
    """受理 notice to the complainant (Order 20 Art. 14 for the office; the station's own for a 消协 station)."""
    check_acceptance(case)
    footing = footing_rules.footing_for(station)
    title = footing_rules.title(footing, "acceptance")
    rule = case_rule(catalogs, case)
    accepted = s.cn_date(case["accepted_on"])
    story: list[Any] = [
        *s.title_block(title, case["number"]),
        s.para(f"{case['consumer']['name']}：", "body"),
        s.rich(
            f"你于 {s.cn_date(case['received_on'])} 向{_where(footing, station)}提出的对 "
            f"{s.esc(case['business']['name'])} 关于“{s.esc(case['subject'])}”的投诉（编号 "
            f"{s.esc(case['number'])}），经审查，{footing.we}于 {accepted} 决定<b>受理</b>。",
            "para",
        ),
    ]
    citation = footing_rules.acceptance_citation(footing, rule.code)
    if citation:
        story.append(s.para(f"依照{citation}的规定，现将受理决定告知你。", "para"))
    basis = footing_rules.basis_sentence(footing, rule.code)
    if basis:
        story.append(s.para(basis, "para"))
    story += [
        *_rows(case, ["受理日期", accepted, "经办人", case.get("mediator") or ""]),
        s.heading("接下来怎么办"),
        s.para(
            # The office mediates only with both parties' consent (Order 20 Art. 16, legal-basis §1.3).
            ("经你与被投诉人同意，" if footing.regulator else "")
            + f"{footing.we}将组织你与被投诉人进行调解，调解的时间、地点和调解人员另行通知。"
            "调解不收取任何费用。你与被投诉人也可以自行和解，和解的请告知"
            f"{footing.we}。",
            "para",
        ),
        s.para(s.routes_sentence(), "para"),
        *sign_off(footing, station, case["accepted_on"], s.frame_width()),
    ]
    return s.build(path, story, title=title, station_name=station["name"], reference=case["number"])


def write_mediation(case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date) -> Path:
    """调解通知书 to both parties: the session, the mediator, what to bring, and the recusal window.

    The session's time and place are left for the mediator to fill in, and so are the recusal days unless the
    station set them (setting ``recusal_days``): Order 121's form 七 leaves them blank (legal-basis §1.4)."""
    check_mediation(case)
    footing = footing_rules.footing_for(station)
    title = footing_rules.title(footing, "mediation")
    rule = case_rule(catalogs, case)
    advance, recusal = footing_rules.mediation_citations(footing, rule.code)
    absent_article = rule.article("t_absent_or_refused")
    if footing.regulator and absent_article:
        absent = (
            f"无正当理由不参加调解的，{footing.we}将依据"
            f"{footing_rules.order_title(rule.code, rule.title)}{absent_article}的规定终止调解。"
        )
    else:
        absent = f"无正当理由不参加调解的，{footing.we}将终止调解。"
    recuse = (
        "调解人员是一方当事人的近亲属，或者与争议有其他利害关系、可能影响公正调解的，你可以自收到本通知书之日起"
        f" {station.get('recusal_days') or '____'} 日内向{footing.we}提出回避申请。"
    )
    if recusal:
        recuse += f"提出回避申请的，{footing.we}将中止调解，并作出是否回避的决定（{recusal}）。"
    entrusted = (case.get("entrusted") or {}).get("office") if footing_rules.can_be_entrusted(footing) else None
    # An entrusted case was accepted by the office, and the station mediates it on the office's entrustment.
    accepted_by = f"{s.esc(entrusted)}受理并委托本站调解" if entrusted else f"{footing.we}受理"
    story: list[Any] = [
        *s.title_block(title, case["number"]),
        s.para(f"{case['consumer']['name']}（投诉人）、{case['business']['name']}（被投诉人）：", "body"),
        s.rich(
            f"{accepted_by}的投诉人与被投诉人之间关于“{s.esc(case['subject'])}”的消费争议（编号 "
            f"{s.esc(case['number'])}），定于下列时间、地点进行调解，请准时参加"
            + (f"（{advance}）" if advance else "")
            + "：",
            "para",
        ),
        *_rows(
            case,
            ["调解时间", BLANK_TIME],
            ["调解地点", BLANK_LINE],
            ["调解人员", case.get("mediator") or BLANK_LINE, "联系电话", station.get("contact") or ""],
        ),
        s.heading("请注意"),
        s.para("1. 请携带身份证明材料；委托他人参加的，受托人应当携带授权委托书原件和本人身份证明。", "item"),
        s.para("2. 请携带购物凭证、合同、照片等与争议有关的证据材料。", "item"),
        s.para(f"3. {absent}", "item"),
        s.para(f"4. {recuse}", "item"),
        s.para("5. 调解不收取任何费用。", "item"),
    ]
    if entrusted:
        story.append(s.para(footing_rules.entrusted_sentence(entrusted, rule.code), "small"))
    elif basis := footing_rules.basis_sentence(footing, rule.code):
        story.append(s.para(basis, "small"))
    story += sign_off(footing, station, None, s.frame_width())
    return s.build(path, story, title=title, station_name=station["name"], reference=case["number"])


def write_transfer(case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date) -> Path:
    """转送 notice to the complainant: who sent the complaint where, and that the receiver decides."""
    check_transfer(case)
    footing = footing_rules.footing_for(station)
    title = footing_rules.title(footing, "transfer")
    unit = case.get("to_unit") or "有关单位"
    on = s.cn_date(case.get("closed_on"))
    story: list[Any] = [
        *s.title_block(title, case["number"]),
        s.para(f"{case['consumer']['name']}：", "body"),
        s.rich(
            f"你于 {s.cn_date(case['received_on'])} 向本站提出的对 {s.esc(case['business']['name'])} 关于"
            f"“{s.esc(case['subject'])}”的投诉（编号 {s.esc(case['number'])}），本站已于 {on} "
            f"转送<b>{s.esc(unit)}</b>处理。",
            "para",
        ),
    ]
    if footing.regulator:
        story.append(
            s.para(
                f"本站是 12315 联络站，不作受理或者不予受理的决定；是否受理由{unit}依法作出决定并告知你。",
                "para",
            )
        )
    else:
        story.append(s.para(f"今后的办理由{unit}负责，办理进度请向该单位查询。", "para"))
    story += [
        *_rows(case, ["转送日期", on, "接收单位", unit]),
        s.heading("其他解决途径"),
        s.para(s.routes_sentence(), "para"),
        # Forwarding is the station's own act in either case: its seal, not the office's.
        *sign_off(footing_rules.own_voice(station), station, case.get("closed_on"), s.frame_width()),
    ]
    return s.build(path, story, title=title, station_name=station["name"], reference=case["number"])
