"""The tally laid out as titled tables: shared by the text, Excel and PDF outputs.

Every output shows the same figures from the same JSON block (services.tallies.as_json), so a
figure can never differ between the screen, the spreadsheet and the printed 月度统计表.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from station_app.domain.catalogs import Catalogs

TEXT, COUNT, YUAN, PERCENT, DECIMAL = "text", "count", "yuan", "pct", "decimal"


@dataclass
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    kinds: list[tuple[str, ...]] = field(default_factory=list)  # one kind per cell

    def add(self, cells: tuple[Any, ...], kinds: tuple[str, ...]) -> None:
        self.rows.append(cells)
        self.kinds.append(kinds)


def _get(data: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)  # type: ignore[assignment]
    return data


COMPLAINT_FIGURES = (
    ("登记投诉（件）", "registered", COUNT),
    ("受理投诉（件）", "accepted", COUNT),
    ("不予受理（件）", "not_accepted", COUNT),
    ("调解结案（件）", "settled", COUNT),
    ("终止调解、建议其他途径（件）", "terminated", COUNT),
    ("转办（件）", "transferred", COUNT),
    ("尚未办结（件）", "open", COUNT),
    ("其中超期（件）", "overdue", COUNT),
    ("终止调解未按期告知（件）", "termination_notice_overdue", COUNT),
    ("调解成功率（%）", "settlement_rate", PERCENT),
    ("挽回经济损失（元）", "recovered_fen", YUAN),
    ("加倍赔偿（件）", "punitive_cases", COUNT),
    ("加倍赔偿金额（元）", "punitive_fen", YUAN),
    ("回访（件）", "followups", COUNT),
    ("满意率（%）", "satisfaction_rate", PERCENT),
)
OTHER_FIGURES = (
    ("接待咨询（人次）", ("consultations", "persons"), COUNT),
    ("受理举报（件）", ("reports", "received"), COUNT),
    ("举报转为案件线索（件）", ("reports", "to_case"), COUNT),
    ("罚没款（元）", ("reports", "fine_fen"), YUAN),
    ("发布消费警示、提示（条）", ("warnings", "issued"), COUNT),
)
OUTREACH_FIGURES = (
    ("宣传活动（场次）", "events", COUNT),
    ("发放宣传资料（份）", "leaflets", COUNT),
    ("悬挂横幅（条）", "banners", COUNT),
    ("展板（块）", "boards", COUNT),
    ("现场咨询（人次）", "onsite_consultations", COUNT),
    ("受众（人次）", "audience", COUNT),
    ("现场受理投诉（件）", "complaints_taken", COUNT),
    ("发表文章（篇）", "articles", COUNT),
    ("销毁假冒伪劣商品货值（元）", "destroyed_value_fen", YUAN),
)


def headline(data: dict[str, Any]) -> Table:
    table = Table("主要指标", ("指标", "本期", "去年同期", "增减", "增减（%）"))
    paths = [(label, ("complaints", key), kind) for label, key, kind in COMPLAINT_FIGURES] + list(OTHER_FIGURES)
    for label, path, kind in paths:
        change = _get(data, "changes", *path) or {}
        delta_kind = DECIMAL if kind == PERCENT else kind
        table.add(
            (label, _get(data, *path), _get(data, "previous", *path), change.get("delta"), change.get("percent")),
            (TEXT, kind, kind, delta_kind, PERCENT),
        )
    return table


def breakdown(data: dict[str, Any], key: str, title: str, labels: dict[str, str]) -> Table:
    table = Table(title, ("项目", "件数", "占比（%）", "去年同期", "去年占比（%）"))
    kinds = (TEXT, COUNT, PERCENT, COUNT, PERCENT)
    now = data["complaints"]
    before = _get(data, "previous", "complaints") or {}
    for code, count in now[key].items():
        table.add(
            (
                labels.get(code, code),
                count,
                now["shares"][key][code],
                _get(before, key, code),
                _get(before, "shares", key, code),
            ),
            kinds,
        )
    total_before = sum(before[key].values()) if before else None
    table.add(
        (
            "合计",
            sum(now[key].values()),
            100.0 if now["accepted"] else None,
            total_before,
            100.0 if before.get("accepted") else None,
        ),
        kinds,
    )
    return table


def outreach(data: dict[str, Any], catalogs: Catalogs) -> Table:
    table = Table("宣传活动", ("指标", "本期", "去年同期"))
    now, before = data["outreach"], _get(data, "previous", "outreach") or {}
    for label, key, kind in OUTREACH_FIGURES:
        table.add((label, now[key], before.get(key)), (TEXT, kind, kind))
    kg_before = before["destroyed_g"] / 1000 if before else None
    table.add(("销毁假冒伪劣商品（千克）", now["destroyed_g"] / 1000, kg_before), (TEXT, DECIMAL, DECIMAL))
    for code, n in now["by_kind"].items():
        label = f"其中：{catalogs.label('outreach_kinds', code)}（场次）"
        table.add((label, n, _get(before, "by_kind", code)), (TEXT, COUNT, COUNT))
    for code, n in now["by_venue_type"].items():
        label = f"在{catalogs.label('venue_types', code)}开展（场次）"
        table.add((label, n, _get(before, "by_venue_type", code)), (TEXT, COUNT, COUNT))
    return table


def tables(data: dict[str, Any], catalogs: Catalogs, station_names: dict[str, str] | None = None) -> list[Table]:
    def labels(kind: str) -> dict[str, str]:
        return {e.code: e.label for e in catalogs.entries(kind)}

    bands = labels("amount_bands") | {"unknown": "金额不详"}
    stations = {code: f"{name}（{code}）" for code, name in (station_names or {}).items()}
    return [
        headline(data),
        breakdown(data, "by_nature", "按投诉性质", labels("natures")),
        breakdown(data, "by_category_top", "按商品和服务大类", labels("categories")),
        breakdown(data, "by_category", "按商品和服务类别", labels("categories")),
        breakdown(data, "by_amount_band", "按涉案金额", bands),
        breakdown(data, "by_channel", "按受理渠道", labels("channels")),
        breakdown(data, "by_station", "按站点", stations),
        outreach(data, catalogs),
    ]


def format_cell(value: Any, kind: str) -> str:
    """Text form of a cell: yuan to the fen, rates with one decimal, an absent figure as —."""
    if value is None:
        return "—"
    if kind == YUAN:
        sign = "-" if value < 0 else ""
        fen = abs(int(value))
        return f"{sign}{fen // 100}.{fen % 100:02d}"
    if kind in (PERCENT, DECIMAL) and isinstance(value, (int, float)):
        return f"{value:.1f}" if kind == PERCENT else f"{value:g}"
    return str(value)
