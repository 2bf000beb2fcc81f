"""投诉受理台账: a month's complaints as a landscape A4 table (header row repeated on every page).

Every complaint registered in the month is listed; 登记日期 (received) and 受理日期 (accepted) are separate
columns, and the head line counts as accepted only the cases with an acceptance date — a not-accepted case is
registered, never accepted (docs/figures.md: 受理 = accepted).

The ledger goes to the county, so consumers' names and phones are masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table, TableStyle

from station_app.domain.catalogs import Catalogs
from station_app.domain.validation import mask_name, mask_phone
from station_app.reports import fonts
from station_app.reports import styles as s

TITLE = "投诉受理台账"

# (header, width in mm); the widths add up to the landscape frame (297 − 2 × 14 mm).
TAIL_ROWS = 2  # case rows kept on the page of the totals and signatures
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 8),
    ("编号", 21),
    ("登记日期", 16),
    ("受理日期", 16),
    ("渠道", 10),
    ("投诉人", 11),
    ("电话", 19),
    ("被投诉人", 21),
    ("类别", 14),
    ("性质", 11),
    ("金额（元）", 14),
    ("诉求", 21),
    ("处理方式", 13),
    ("结果", 19),
    ("挽回损失（元）", 14),
    ("加倍赔偿（元）", 13),
    ("办结日期", 16),
    ("回访", 12),
)
MONEY_COLUMNS = (10, 14, 15)
AMOUNT, RECOVERED, PUNITIVE = MONEY_COLUMNS

METHOD_BY_STATUS = {"not_accepted": "不予受理", "transferred": "转办", "terminated": "终止调解"}


def month_label(month: str) -> str:
    year, mon = month.split("-")
    return f"{int(year)}年{int(mon)}月"


def _grid_style(*, header: bool) -> list[Any]:
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), fonts.SONG, 8),
        ("GRID", (0, 0), (-1, -1), 0.5, s.LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE6F0")))
    return commands


def row_cells(index: int, case: dict[str, Any], catalogs: Catalogs) -> list[str]:
    """One line of the ledger as text (masked), in the order of COLUMNS."""
    on = date.fromisoformat(case["received_on"])

    def label(kind: str, code: str | None) -> str:
        return catalogs.label(kind, code, on) if code else ""

    status = case["status"]
    if status == "settled":
        method = label("settlement_methods", case.get("method"))
        outcomes = "、".join(label("outcomes", o) for o in case.get("outcomes") or [])
        result = outcomes or case["status_label"]
    else:
        method = METHOD_BY_STATUS.get(status, "")
        result = case["status_label"]
        if status == "transferred" and case.get("to_unit"):
            result += f"（{case['to_unit']}）"
    requests = "、".join(label("request_types", r) for r in case.get("request_types") or [])
    followups = case.get("followups") or []
    visit = label("satisfaction", followups[-1].get("satisfaction")) if followups else ""
    return [
        str(index),
        case["number"],
        case["received_on"],
        case.get("accepted_on") or ("—" if status == "not_accepted" else ""),
        label("channels", case["channel"]),
        mask_name(case["consumer"]["name"]),
        mask_phone(case["consumer"]["phone"]),
        case["business"]["name"],
        case.get("category_label") or case["category"],
        case.get("nature_label") or case["nature"],
        _money(case.get("amount_fen")),
        str(case.get("request") or "").strip() or requests,
        method,
        result,
        _money(case.get("recovered_fen")) if status == "settled" else "",
        _money(case.get("punitive_fen")) if case.get("punitive_fen") else "",
        case.get("closed_on") or "",
        visit,
    ]


def _money(fen: int | None) -> str:
    return "" if fen is None else s.yuan(fen).removesuffix(" 元")


def write(
    cases: Sequence[dict[str, Any]],
    station: dict[str, Any],
    catalogs: Catalogs,
    month: str,
    path: Path,
    today: date,
) -> Path:
    """``cases``: the month's complaints as ``complaint show`` gives them (any order)."""
    ordered = sorted(cases, key=lambda c: (c["received_on"], c["number"]))
    header = [s.para(name, "tiny_head") for name, _ in COLUMNS]
    body = [
        [
            s.para(text, "tiny_right" if col in MONEY_COLUMNS else "tiny")
            for col, text in enumerate(row_cells(i, c, catalogs))
        ]
        for i, c in enumerate(ordered, 1)
    ]
    totals = _totals(ordered)
    widths = [w * mm for _, w in COLUMNS]
    if not body:
        grid = Table([header, [s.para("本月没有登记投诉", "tiny")]], colWidths=widths, repeatRows=1, hAlign="CENTER")
        grid.setStyle(TableStyle([*_grid_style(header=True), ("SPAN", (0, 1), (-1, 1))]))
        tables: list[Any] = [grid]
    else:
        # The last rows and the totals travel with the sign-off block, so a page break never leaves the
        # signatures alone on a page of their own (they must sit under the figures they vouch for).
        tail_rows = [*body[-TAIL_ROWS:], totals]
        head_rows = [header, *body[:-TAIL_ROWS]]
        tables = []
        if len(head_rows) > 1:
            grid = Table(head_rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
            grid.setStyle(TableStyle(_grid_style(header=True)))
            tables.append(grid)
        else:
            tail_rows.insert(0, header)
        tail = Table(tail_rows, colWidths=widths, hAlign="CENTER")
        last = len(tail_rows) - 1
        tail.setStyle(
            TableStyle(
                [
                    *_grid_style(header=len(head_rows) == 1),
                    ("SPAN", (0, last), (AMOUNT - 1, last)),
                    ("BACKGROUND", (0, last), (-1, last), s.LABEL_BG),
                ]
            )
        )
        tables.append(tail)
    width = s.frame_width(wide=True)
    settled = sum(1 for c in ordered if c["status"] == "settled")
    accepted = sum(1 for c in ordered if c.get("accepted_on"))
    refused = sum(1 for c in ordered if c["status"] == "not_accepted")
    story: list[Any] = [
        s.para(f"{TITLE}（{month_label(month)}）", "title"),
        s.para(
            f"站点：{station['name']}（{station['code']}）　　月份：{month_label(month)}　　"
            f"登记投诉 {len(ordered)} 件，其中受理 {accepted} 件、不予受理 {refused} 件，"
            f"和解、调解结案 {settled} 件　　"
            "（投诉人姓名、电话已作去标识化处理）",
            "small",
        ),
        s.gap(2),
        *tables[:-1],
        KeepTogether(
            [
                tables[-1],
                s.gap(6),
                s.side_by_side(
                    [s.signature_lines(["填报人", "审核人"], width - 72 * mm)],
                    s.SealArea(station["name"], None),
                    width,
                ),
            ]
        ),
    ]
    return s.build(path, story, title=TITLE, station_name=station["name"], reference=month_label(month), wide=True)


def _totals(cases: Sequence[dict[str, Any]]) -> list[Any]:
    amount = sum(c.get("amount_fen") or 0 for c in cases)
    recovered = sum(c.get("recovered_fen") or 0 for c in cases if c["status"] == "settled")
    punitive = sum(c.get("punitive_fen") or 0 for c in cases if c["status"] == "settled")
    cells: list[Any] = [s.para(f"合计：{len(cases)} 件", "tiny_head")] + [""] * (len(COLUMNS) - 1)
    cells[AMOUNT] = s.para(_money(amount), "tiny_right")
    cells[RECOVERED] = s.para(_money(recovered), "tiny_right")
    cells[PUNITIVE] = s.para(_money(punitive), "tiny_right")
    return cells


def header_texts() -> list[str]:
    return [name for name, _ in COLUMNS]
