"""``station-app month | answers``: a station closes a month; the county accepts or returns it and answers."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, group, out

if TYPE_CHECKING:
    from station_app.services.session import Session


def register(sub: Any, command: Command) -> None:
    actions = group(sub, command, "month", "关账：站点关账（冻结当月数据），县局接收或退回", dest="month_action")
    p = bind(command(actions, "close", "站点：关闭已结束的月份，冻结当月统计数据（站长）"), close)
    p.add_argument("month", metavar="YYYY-MM")
    p = bind(command(actions, "list", "列出已关账的月份及县局答复"), listing)
    p.add_argument("--station", help="县局：只看某站")
    for action, helptext in (("accept", "县局：接收某站某月"), ("return", "县局：退回某站某月（写明原因）")):
        p = bind(command(actions, action, helptext), answer)
        p.add_argument("station", metavar="STATION")
        p.add_argument("month", metavar="YYYY-MM")
        p.add_argument("--reason", default="")
    actions = group(sub, command, "answers", "县局答复包：县局导出，站点导入", dest="answers_action")
    p = bind(command(actions, "export", "县局：把接收/退回的答复写成签名的小数据包（带县级公钥）"), export_answers)
    p.add_argument("--to", required=True, metavar="DIR")
    p = bind(command(actions, "import", "站点：导入县局答复包（首次须核对县局指纹）"), import_answers)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--accept-key", metavar="FINGERPRINT")


def close(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import months

    row = months.close_month(session, args.month, today)
    registered = row["figures"]["complaints"]["registered"]
    return out(args, row, f"已关账 {row['month']}：登记投诉 {registered} 件，数据已冻结")


def listing(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import months

    rows = months.listing(session, args.station)
    lines = [f"{r['station_code']} {r['month']} {months.STATES[r['state']]} {r['reason']}".rstrip() for r in rows]
    return out(args, rows, "\n".join(lines) or "没有关账的月份")


def answer(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import months

    row = months.answer(session, args.station, args.month, args.month_action == "accept", args.reason)
    return out(args, row, f"{row['station_code']} {row['month']}：{months.STATES[row['state']]}")


def export_answers(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import months

    result = months.export_answers(session, Path(args.to))
    return out(args, result, result["file"])


def import_answers(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services.exchange import months

    result = months.import_answers(session, Path(args.file), args.accept_key)
    return out(args, result, f"已导入县局答复 {result['applied']} 条（县局指纹 {result['fingerprint']}）")
