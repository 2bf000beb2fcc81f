"""消费者投诉登记表: the full registration form for the station's own file (every field, nothing masked)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether

from station_app.domain.catalogs import Catalogs
from station_app.reports import notices
from station_app.reports import styles as s

TITLE = "消费者投诉登记表"
TAIL_ROWS = 2  # rows of 办理情况 kept on the page of the signatures


def check(case: dict[str, Any]) -> None:
    """Every registered case has its registration form."""


def write(case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date) -> Path:
    check(case)
    received = date.fromisoformat(case["received_on"])

    def label(kind: str, code: str | None) -> str:
        return catalogs.label(kind, code, received) if code else ""

    consumer, business = case["consumer"], case["business"]
    width = s.frame_width()
    lab = 33 * mm  # the longest labels (统一社会信用代码, 同意公示投诉信息: 8 characters of 10 pt) on one line
    val = width / 2 - lab
    cols = [lab, val, lab, val]
    handling = _handling_rows(case, catalogs, received)
    request_options = [(e.code, e.label_on(received)) for e in catalogs.entries("request_types")]
    story: list[Any] = [
        # The number is in the page's header and the 登记编号 row: no line of its own under the title (one page).
        s.para(TITLE, "title"),
        s.gap(1),
        *s.field_table(
            [
                ["登记单位", station["name"]],
                ["登记编号", case["number"], "登记日期", s.cn_date(case["received_on"])],
                ["来源渠道", label("channels", case["channel"]), "办理状态", case["status_label"]],
            ],
            cols,
            compact=True,
        ),
        s.para("投诉人", "section"),
        *s.field_table(
            [
                ["姓名", consumer["name"], "联系电话", consumer["phone"]],
                ["证件类型", "居民身份证" if consumer.get("id_number") else "", "证件号码", consumer.get("id_number")],
                ["联系地址", consumer.get("address")],
                ["同意公示投诉信息", "□是　□否", "同意委托调解", "□是　□否"],
            ],
            cols,
            compact=True,
        ),
        s.para("被投诉人", "section"),
        *s.field_table(
            [
                ["名称（姓名）", business["name"]],
                ["地址", business.get("address"), "联系电话", business.get("phone")],
                ["统一社会信用代码", business.get("credit_code"), "联系人", ""],
            ],
            cols,
            compact=True,
        ),
        s.para("消费者权益争议", "section"),
        *s.field_table(
            [
                ["商品或服务", case["subject"], "购买日期", s.cn_date(case.get("purchased_on"), "")],
                ["类别", f"{case['category']} {case['category_label']}", "性质", case["nature_label"]],
                [
                    "涉案金额",
                    s.yuan(case["amount_fen"]) if case.get("amount_fen") is not None else "",
                    "金额段",
                    label("amount_bands", case.get("amount_band")),
                ],
                ["争议事实", case["facts"]],
                ["投诉请求", _request(case, request_options)],
            ],
            cols,
            compact=True,
        ),
        CondPageBreak(40 * mm),
        s.para("办理情况", "section"),
        *s.field_table(handling[:-TAIL_ROWS], cols, compact=True),
        # The last rows travel with the signatures and the seal: a form that runs over never leaves them alone on
        # a page of their own.
        KeepTogether(
            [
                *s.field_table(handling[-TAIL_ROWS:], cols, compact=True),
                s.gap(2),
                s.side_by_side(
                    [
                        s.signature_lines(["投诉人签字", "经办人签字"], width - 72 * mm),
                        s.gap(2),
                        s.para("（非现场投诉的，投诉人可不签字）", "small"),
                    ],
                    s.SealArea(station["name"], None, compact=True),
                    width,
                ),
            ]
        ),
    ]
    return s.build(path, story, title=TITLE, station_name=station["name"], reference=case["number"])


def _request(case: dict[str, Any], options: list[tuple[str, str]]) -> str:
    chosen = case.get("request_types") or []
    words = str(case.get("request") or "").strip()
    return s.checks(options, chosen) + (f"　具体请求：{words}" if words else "")  # after the boxes, not a line below


def _handling_rows(case: dict[str, Any], catalogs: Catalogs, received: date) -> list[list[Any]]:
    rule = notices.case_rule(catalogs, case)
    rows: list[list[Any]] = [
        ["适用规则", rule.title],
        ["受理决定期限", s.cn_date(case["acceptance_due"], "—"), "受理日期", s.cn_date(case.get("accepted_on"), "—")],
        [
            "调解开始",
            s.cn_date(case.get("mediation_started_on"), "—"),
            "调解期限",
            s.cn_date(case.get("mediation_due"), "—"),
        ],
    ]
    if case.get("mediator"):
        rows.append(["调解人", case["mediator"]])
    if case.get("ground"):
        ground, reference = notices.ground_text(catalogs, case)
        rows.append(["理由", f"{ground}（{reference}）" if reference else ground])
    if case.get("route"):
        rows.append(["建议途径", catalogs.label("routes", case["route"], received)])
    if case.get("to_unit"):
        rows.append(["转办单位", case["to_unit"]])
    if case["status"] == "settled":
        outcomes = "、".join(catalogs.label("outcomes", o, received) for o in case.get("outcomes") or [])
        rows += [
            [
                "结案方式",
                catalogs.label("settlement_methods", case["method"], received),
                "处理结果",
                outcomes or "—",
            ],
            ["挽回经济损失", s.yuan(case.get("recovered_fen")), "其中加倍赔偿", s.yuan(case.get("punitive_fen"))],
        ]
        if case.get("agreement"):
            rows.append(["协议内容", case["agreement"]])
        if case.get("performed_by"):
            rows.append(["履行期限", s.cn_date(case["performed_by"])])
    rows.append(["办结日期", s.cn_date(case.get("closed_on"), "—"), "回访", f"{len(case.get('followups') or [])} 次"])
    return rows
