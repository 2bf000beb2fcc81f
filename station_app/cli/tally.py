"""``station-app tally``: the period's figures as text, JSON, Excel or PDF."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, ExitCode, bind, print_json
from station_app.domain import periods
from station_app.domain.errors import InvalidValue, Problem, ValidationError
from station_app.domain.record_input import parse_ymd

if TYPE_CHECKING:
    from station_app.services.session import Session


def register(sub: Any, command: Command) -> None:
    p = bind(command(sub, "tally", "统计：月、季、年或任意日期范围的各项数字（含去年同期对比）"), run_tally)
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="YYYY-MM")
    period.add_argument("--quarter", metavar="YYYY-Qn")
    period.add_argument("--year", metavar="YYYY")
    period.add_argument("--from", dest="date_from", metavar="DATE", help="与 --to 一起使用")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument(
        "--station", action="append", default=[], metavar="CODE", help="只统计该站点（可重复；默认全部站点）"
    )
    p.add_argument("--as-of", metavar="DATE", help="按该日的办理结果统计（默认今天）")
    p.add_argument("--out", metavar="FILE", help="输出文件（xlsx、pdf 必须指定）")


def period_from(args: argparse.Namespace, today: date) -> periods.Period:
    try:
        if args.month:
            return periods.month(args.month)
        if args.quarter:
            return periods.quarter(args.quarter)
        if args.year:
            return periods.year(args.year)
    except InvalidValue as exc:
        raise ValidationError([Problem("--month/--quarter/--year", "统计期间", str(exc))]) from None
    if not args.date_to:
        raise ValidationError([Problem("--to", "结束日期", "使用 --from 时必须同时给出 --to")])
    start = parse_ymd(args.date_from, "--from", "开始日期", date.max)
    end = parse_ymd(args.date_to, "--to", "结束日期", date.max)
    try:
        return periods.date_range(start, end)
    except InvalidValue as exc:
        raise ValidationError([Problem("--to", "结束日期", str(exc))]) from None


def tally_json(
    session: Session, args: argparse.Namespace, period: periods.Period, today: date
) -> tuple[dict, dict[str, str]]:
    """The period's figures for the ``--station`` and ``--as-of`` options, and the station names."""
    from station_app.services import tallies

    names = tallies.station_names(session)
    stations = tuple(code.strip().upper() for code in args.station)
    unknown = [code for code in stations if code not in names]
    if unknown:
        raise ValidationError([Problem("--station", "站点", f"数据库中没有站点 {'、'.join(unknown)}")])
    as_of = parse_ymd(args.as_of, "--as-of", "统计截至日期", today) if args.as_of else today
    return tallies.as_json(tallies.tally(session, period, today, stations=stations, as_of=as_of)), names


def run_tally(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.reports import tally_pdf, tally_text, tally_xlsx

    data, names = tally_json(session, args, period_from(args, today), today)
    output = getattr(args, "format", "text")
    if output == "json":
        if args.out:
            import json

            Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            print_json(data)
        return ExitCode.OK
    if output == "text":
        text = tally_text.render(data, session.catalogs, names)
        if args.out:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
        return ExitCode.OK
    if not args.out:
        raise ValidationError([Problem("--out", "输出文件", f"{output} 格式必须用 --out 指定文件名")])
    writer = tally_xlsx.write if output == "xlsx" else tally_pdf.write
    path = writer(data, session.catalogs, names, Path(args.out))
    sys.stdout.write(f"已生成 {path}\n")
    return ExitCode.OK
