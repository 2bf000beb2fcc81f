"""The exchange commands under the names county offices script with (issue "USB exchange"), plus the county views.

    station-app export --to DIR [--since-last] [--period YYYY-MM]     prints the package path
    station-app keys show | export --out FILE | import-county FILE
    station-app import PACKAGE_OR_DIR... [--dry-run] [--accept-key FP]  exit 2 when anything was refused
    station-app completeness --year YYYY [--deadline-day N]
    station-app duplicates --year YYYY [--show-phone]

``exchange …`` keeps working as before; these call the same services.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from station_app.cli_exchange import _out
from station_app.domain.errors import Problem, ValidationError

COMMANDS = ("export", "keys", "import", "completeness", "duplicates", "rollup", "month", "answers")
STATUS_WORDS = {"accepted": "已接收", "received": "已交", "late": "迟交", "missing": "缺", "not_due": "未到期"}


def add_parsers(sub: Any, command: Any) -> None:
    p = command(sub, "export", "站点：导出数据包到文件夹（如U盘），写入后读回校验，输出数据包路径")
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--since-last", action="store_true", help="只导出上次导出以后新增或修改的记录")
    p.add_argument("--period", metavar="YYYY-MM", help="只导出该月的记录（按受理或发生日期）")
    keys = command(sub, "keys", "密钥：本站指纹、县级公钥的导出与安装").add_subparsers(
        dest="key_action", metavar="ACTION", required=True
    )
    command(keys, "show", "显示本站签名密钥指纹和已安装的县级公钥")
    p = command(keys, "export", "县局：导出县级公钥文件（站点安装后，数据包加密给县局）")
    p.add_argument("--out", required=True, metavar="FILE")
    p = command(keys, "import-county", "站点：安装县级公钥文件")
    p.add_argument("file", metavar="FILE")
    p = command(sub, "import", "县局：导入数据包或整个文件夹（任何一个被拒收时退出码为 2，并列出原因）")
    p.add_argument("paths", nargs="+", metavar="PACKAGE_OR_DIR")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    p.add_argument("--accept-key", metavar="FINGERPRINT", help="首次导入某站时，电话核对过的该站密钥指纹")
    month = command(sub, "month", "关账：站点关账（冻结当月数据），县局接收或退回").add_subparsers(
        dest="month_action", metavar="ACTION", required=True
    )
    p = command(month, "close", "站点：关闭已结束的月份，冻结当月统计数据（站长）")
    p.add_argument("month", metavar="YYYY-MM")
    p = command(month, "list", "列出已关账的月份及县局答复")
    p.add_argument("--station", help="县局：只看某站")
    for action, helptext in (("accept", "县局：接收某站某月"), ("return", "县局：退回某站某月（写明原因）")):
        p = command(month, action, helptext)
        p.add_argument("station", metavar="STATION")
        p.add_argument("month", metavar="YYYY-MM")
        p.add_argument("--reason", default="")
    answers = command(sub, "answers", "县局答复包：县局导出，站点导入").add_subparsers(
        dest="answers_action", metavar="ACTION", required=True
    )
    p = command(answers, "export", "县局：把接收/退回的答复写成签名的小数据包（带县级公钥）")
    p.add_argument("--to", required=True, metavar="DIR")
    p = command(answers, "import", "站点：导入县局答复包（首次须核对县局指纹）")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--accept-key", metavar="FINGERPRINT")
    p = command(sub, "rollup", "县局：导出全县汇总数据包（各站记录，县局签名；装有上级公钥时加密）给市级")
    p.add_argument("--to", required=True, metavar="DIR")
    p = command(sub, "completeness", "县局：各站各月数据包是否按时交来（已交、迟交、缺）")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--deadline-day", type=int, default=5, help="次月几号前交（默认 5）")
    p = command(sub, "duplicates", "县局：不同站点之间可能重复的投诉（同一电话、同一经营者、30 天内）")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--show-phone", action="store_true", help="显示完整电话（默认去标识化）")


def run(session: Any, args: argparse.Namespace, today: date) -> int:
    as_json = getattr(args, "format", "text") == "json"
    if args.command == "export":
        return _export(session, args, as_json)
    if args.command in ("month", "answers"):
        return _months(session, args, as_json, today)
    if args.command == "rollup":
        from station_app.services import exchange

        result = exchange.export_package(session, Path(args.to), rollup=True)
        return _out(as_json, result, result["file"])
    if args.command == "keys":
        return _keys(session, args, as_json, today)
    if args.command == "import":
        from station_app.cli_exchange import run as run_exchange

        args.action = "import"
        return run_exchange(session, args, today)
    if args.command == "completeness":
        from station_app.services.exchange import county

        result = county.completeness(session, args.year, today, args.deadline_day)
        return _out(as_json, result, _grid_text(result))
    from station_app.services.exchange import county

    pairs = county.duplicates(session, args.year, show_phone=args.show_phone)
    lines = [
        f"{p['first']}（{p['first_station']}，{p['first_received']}） ≈ {p['second']}（{p['second_station']}，"
        f"{p['second_received']}）  {p['business']}  {p['phone']}"
        for p in pairs
    ]
    return _out(as_json, pairs, "\n".join(lines) or f"{args.year} 年没有发现跨站点的可能重复投诉")


def _export(session: Any, args: argparse.Namespace, as_json: bool) -> int:
    from station_app.services import exchange

    if args.period and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.period):
        raise ValidationError([Problem("--period", "月份", "应为 YYYY-MM，如 2026-11")])
    if not exchange.county_key_installed(session):
        sys.stderr.write("注意：未安装县级公钥，数据包不加密，其中的个人信息已脱敏\n")
    result = exchange.export_package(session, Path(args.to), since_last=args.since_last, month=args.period)
    return _out(as_json, result, result["file"])


def _keys(session: Any, args: argparse.Namespace, as_json: bool, today: date) -> int:
    """The same as ``exchange key`` and ``exchange county-key export|install``, under the issue's names."""
    from station_app.cli_exchange import run as run_exchange

    if args.key_action == "show":
        args.action, args.renew = "key", False
    else:
        args.action = "county-key"
        args.key_action = {"import-county": "install"}.get(args.key_action, args.key_action)
    return run_exchange(session, args, today)


def _months(session: Any, args: argparse.Namespace, as_json: bool, today: date) -> int:
    from station_app.services.exchange import months

    if args.command == "answers":
        if args.answers_action == "export":
            result = months.export_answers(session, Path(args.to))
            return _out(as_json, result, result["file"])
        result = months.import_answers(session, Path(args.file), args.accept_key)
        return _out(as_json, result, f"已导入县局答复 {result['applied']} 条（县局指纹 {result['fingerprint']}）")
    action = args.month_action
    if action == "close":
        row = months.close_month(session, args.month, today)
        registered = row["figures"]["complaints"]["registered"]
        return _out(as_json, row, f"已关账 {row['month']}：登记投诉 {registered} 件，数据已冻结")
    if action == "list":
        rows = months.listing(session, args.station)
        lines = [f"{r['station_code']} {r['month']} {months.STATES[r['state']]} {r['reason']}".rstrip() for r in rows]
        return _out(as_json, rows, "\n".join(lines) or "没有关账的月份")
    row = months.answer(session, args.station, args.month, action == "accept", args.reason)
    return _out(as_json, row, f"{row['station_code']} {row['month']}：{months.STATES[row['state']]}")


def _grid_text(result: dict[str, Any]) -> str:
    head = "站点" + "".join(f"{m:>4}月" for m in range(1, 13))
    lines = [f"{result['year']} 年各站数据包（次月 {result['deadline_day']} 日前交）", head]
    for station in result["stations"]:
        cells = "".join(f"{STATUS_WORDS[m['status']]:>5}" for m in station["months"].values())
        lines.append(f"{station['code']:<6}{cells}  {station['name']}")
    totals = "，".join(f"{STATUS_WORDS[k]} {v}" for k, v in result["summary"].items())
    return "\n".join([*lines, totals])
