"""回访记录: the follow-up visits of a closed case, one record table each (the station's own file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import RuleViolation
from station_app.reports import styles as s
from station_app.reports.receipt import summary

TITLE = "回访记录"


def check(case: dict[str, Any]) -> None:
    if not case.get("followups"):
        raise RuleViolation(
            f"案件 {case['number']} 还没有回访记录，不能打印回访记录表（先用 complaint followup 登记回访）"
        )


def result_text(case: dict[str, Any], catalogs: Catalogs) -> str:
    """How the case ended, in one line: 调解结案，退货退款，挽回经济损失 592.20 元."""
    received = date.fromisoformat(case["received_on"])
    parts = [case["status_label"]]
    outcomes = [catalogs.label("outcomes", o, received) for o in case.get("outcomes") or []]
    if outcomes:
        parts.append("、".join(outcomes))
    if case["status"] == "settled":
        parts.append(f"挽回经济损失 {s.yuan(case.get('recovered_fen') or 0)}")
        if case.get("punitive_fen"):
            parts.append(f"其中加倍赔偿 {s.yuan(case['punitive_fen'])}")
    if case.get("to_unit"):
        parts.append(f"转 {case['to_unit']}")
    return "，".join(parts)


def write(case: dict[str, Any], station: dict[str, Any], catalogs: Catalogs, path: Path, today: date) -> Path:
    check(case)
    received = date.fromisoformat(case["received_on"])
    width = s.frame_width()
    cols = [26 * mm, width / 2 - 26 * mm, 26 * mm, width / 2 - 26 * mm]
    satisfaction = [(e.code, e.label_on(received)) for e in catalogs.entries("satisfaction")]
    story: list[Any] = [
        *s.title_block(TITLE, case["number"]),
        *s.field_table(
            [
                ["投诉编号", case["number"], "登记日期", s.cn_date(case["received_on"])],
                ["投诉人", case["consumer"]["name"], "联系方式", case["consumer"]["phone"]],
                ["被投诉人", case["business"]["name"]],
                ["投诉内容", summary(case, 200)],
                ["处理结果", result_text(case, catalogs), "办结日期", s.cn_date(case.get("closed_on"), "—")],
            ],
            cols,
        ),
    ]
    for index, visit in enumerate(case["followups"], start=1):
        heading = (
            f"第 {index} 次回访（{visit['number']}）" if len(case["followups"]) > 1 else f"回访（{visit['number']}）"
        )
        story.append(
            KeepTogether(
                [
                    s.heading(heading),
                    *s.field_table(
                        [
                            [
                                "回访日期",
                                s.cn_date(visit["date"]),
                                "回访方式",
                                catalogs.label("followup_methods", visit.get("method") or "", received),
                            ],
                            ["回访人", visit.get("visitor") or "", "回访编号", visit["number"]],
                            ["满意度", s.checks(satisfaction, [visit.get("satisfaction") or ""])],
                            ["消费者意见", visit.get("opinion") or "（无）"],
                            ["备注", ""],
                        ],
                        cols,
                    ),
                ]
            )
        )
    story += [
        s.gap(6),
        s.side_by_side(
            [s.signature_lines(["回访人签字", "审核人签字"], width - 72 * mm)],
            s.SealArea(station["name"], case["followups"][-1]["date"]),
            width,
        ),
    ]
    return s.build(path, story, title=TITLE, station_name=station["name"], reference=case["number"])
