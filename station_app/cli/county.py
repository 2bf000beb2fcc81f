"""``station-app completeness | duplicates | search-index``: the county office's views of its stations."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, out

if TYPE_CHECKING:
    from station_app.services.session import Session

STATUS_WORDS = {"accepted": "已接收", "received": "已交", "late": "迟交", "missing": "缺", "not_due": "未到期"}


def register(sub: Any, command: Command) -> None:
    p = bind(command(sub, "completeness", "县局：各站各月数据包是否按时交来（已交、迟交、缺）"), completeness)
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--deadline-day", type=int, default=5, help="次月几号前交（默认 5）")
    p = bind(
        command(sub, "duplicates", "县局：不同站点之间可能重复的投诉（同一电话、同一经营者、30 天内）"), duplicates
    )
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--show-phone", action="store_true", help="显示完整电话（默认去标识化）")
    p = bind(command(sub, "search-index", "县局：立即补全检索索引（导入后窗口会在后台自动进行）"), search_index)
    p.add_argument("--status", action="store_true", help="只显示还有多少件未编入索引")


def completeness(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import county

    result = county.completeness(session, args.year, today, args.deadline_day)
    return out(args, result, _grid_text(result))


def duplicates(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import county

    pairs = county.duplicates(session, args.year, show_phone=args.show_phone)
    lines = [
        f"{p['first']}（{p['first_station']}，{p['first_received']}） ≈ {p['second']}（{p['second_station']}，"
        f"{p['second_received']}）  {p['business']}  {p['phone']}"
        for p in pairs
    ]
    return out(args, pairs, "\n".join(lines) or f"{args.year} 年没有发现跨站点的可能重复投诉")


def search_index(session: Session, args: argparse.Namespace, today: date) -> int:
    import sys

    from station_app.services import county_search

    def shown(done: int, total: int) -> None:
        print(f"检索索引：{done}/{total} 件", file=sys.stderr, flush=True)

    result = county_search.bring_up_to_date(session, only_status=args.status, progress=shown)
    lines = []
    if args.status and result["indexes_pending"]:
        lines.append(
            f"导入后还有 {result['indexes_pending']} 项查找用的索引未建好（窗口会在后台补建，或运行 search-index）"
        )
    elif result["indexes_built"]:
        lines.append(f"已补建导入后留下的 {result['indexes_built']} 项索引")
    if result["waiting"] == 0:
        lines.append("检索索引已是最新")
    elif args.status:
        lines.append(f"检索索引还有 {result['waiting']} 件未编入（导入后窗口会在后台补全，或运行 search-index）")
    else:
        lines.append(f"检索索引已补全：编入 {result['indexed']} 件")
    return out(args, result, "\n".join(lines))


def _grid_text(result: dict[str, Any]) -> str:
    head = "站点" + "".join(f"{m:>4}月" for m in range(1, 13))
    lines = [f"{result['year']} 年各站数据包（次月 {result['deadline_day']} 日前交）", head]
    for station in result["stations"]:
        cells = "".join(f"{STATUS_WORDS[m['status']]:>5}" for m in station["months"].values())
        lines.append(f"{station['code']:<6}{cells}  {station['name']}")
    totals = "，".join(f"{STATUS_WORDS[k]} {v}" for k, v in result["summary"].items())
    return "\n".join([*lines, totals])
