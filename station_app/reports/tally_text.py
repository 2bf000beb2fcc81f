"""The tally as readable text: a summary sentence in the seeds' own style, then the tables."""

from __future__ import annotations

from typing import Any

from station_app.domain.catalogs import Catalogs
from station_app.reports import tally_rows, text_table
from station_app.reports.tally_rows import YUAN, format_cell


def title(data: dict[str, Any], station_names: dict[str, str]) -> str:
    codes = data["stations"]
    who = station_names.get(codes[0], codes[0]) if len(codes) == 1 else f"全部 {len(codes)} 个站点"
    return f"{who} {data['period']['label']}消费维权工作统计（数据截至 {data['as_of']}）"


def summary_sentence(data: dict[str, Any]) -> str:
    c = data["complaints"]
    rate = format_cell(c["settlement_rate"], "pct")
    parts = [
        f"共受理消费者投诉{c['accepted']}件",
        f"调解结案{c['settled']}件，调解成功率{rate}%"
        if c["settlement_rate"] is not None
        else f"调解结案{c['settled']}件",
        f"为消费者挽回经济损失{format_cell(c['recovered_fen'], YUAN)}元",
    ]
    if c["punitive_cases"]:
        parts.append(f"其中因经营者欺诈获得加倍赔偿{c['punitive_cases']}件、{format_cell(c['punitive_fen'], YUAN)}元")
    if c["not_accepted"]:
        parts.append(f"不予受理{c['not_accepted']}件")
    if c["terminated"] or c["transferred"]:
        parts.append(f"终止调解并告知其他解决途径{c['terminated']}件，转办{c['transferred']}件")
    parts.append(f"接待消费者咨询{data['consultations']['persons']}人次")
    o = data["outreach"]
    if o["events"]:
        parts.append(f"开展宣传活动{o['events']}场次，发放宣传资料{o['leaflets']}份")
    if data["warnings"]["issued"]:
        parts.append(f"发布消费警示、提示{data['warnings']['issued']}条")
    change = data.get("changes", {}).get("complaints", {}).get("accepted")
    text = "，".join(parts) + "。"
    if change and change.get("percent") is not None:
        word = "增长" if change["delta"] >= 0 else "下降"
        text += f"受理投诉比去年同期{word}{abs(change['percent']):.1f}%。"
    return text


def render(data: dict[str, Any], catalogs: Catalogs, station_names: dict[str, str]) -> str:
    blocks = [title(data, station_names), summary_sentence(data)]
    for table in tally_rows.tables(data, catalogs, station_names):
        rows = [
            [format_cell(v, k) for v, k in zip(row, kinds, strict=True)]
            for row, kinds in zip(table.rows, table.kinds, strict=True)
        ]
        blocks.append(f"【{table.title}】\n" + text_table.render(rows, list(table.headers), right_align_from=1))
    return "\n\n".join(blocks)
