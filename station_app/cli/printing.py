"""``station-app print``: the printed documents of a case, the month's ledger and the monthly tally, as PDF."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, ExitCode, bind, group, print_json
from station_app.domain import periods
from station_app.domain.errors import InvalidValue, Problem, ValidationError

if TYPE_CHECKING:
    from station_app.services.session import Session

from station_app.services.printing import CASE_DOCUMENTS, MONTH_DOCUMENTS


def register(sub: Any, command: Command) -> None:
    actions = group(sub, command, "print", "打印文书（PDF）：回执、登记表、协议书、告知书、回访记录、台账、统计表")
    for name, (helptext, _) in CASE_DOCUMENTS.items():
        p = bind(command(actions, name, helptext), run_print)
        p.add_argument("ref", metavar="ID", help="案件编号或 id")
        p.add_argument("--out", required=True, metavar="FILE", help="输出的 PDF 文件")
    for name, helptext in MONTH_DOCUMENTS.items():
        p = bind(command(actions, name, helptext), run_print)
        p.add_argument("--month", required=True, metavar="YYYY-MM")
        p.add_argument("--out", required=True, metavar="FILE", help="输出的 PDF 文件")


def run_print(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import printing

    out = Path(args.out)
    if out.is_dir():
        raise ValidationError([Problem("--out", "输出文件", f"{out} 是文件夹，请给出文件名，如 {out / '回执.pdf'}")])
    if args.action in CASE_DOCUMENTS:
        path, reference = printing.print_case(session, args.action, args.ref, out, today)
    else:
        _month(args.month)  # a bad month is refused with the option named
        path = printing.print_month(session, args.action, args.month, out, today)
        reference = args.month
    if getattr(args, "format", "text") == "json":
        print_json({"document": args.action, "reference": reference, "path": str(path)})
    else:
        sys.stdout.write(f"已生成 {path}\n")
    return ExitCode.OK


def _month(text: str) -> periods.Period:
    try:
        return periods.month(text)
    except InvalidValue as exc:
        raise ValidationError([Problem("--month", "月份", str(exc))]) from None
