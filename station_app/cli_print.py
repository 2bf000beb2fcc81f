"""``station-app print``: the printed documents of a case, the month's ledger and the monthly tally, as PDF."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli_io import print_json
from station_app.domain import tallies as periods
from station_app.domain.errors import InvalidValue, Problem, ValidationError

if TYPE_CHECKING:
    from station_app.services.session import Session

# action → (help, "module:function" in station_app.reports). The writer refuses (RuleViolation, in Chinese)
# a case the document does not fit. Imported when used, so other commands do not load reportlab.
CASE_DOCUMENTS: dict[str, tuple[str, str]] = {
    "receipt": ("投诉受理回执（交消费者；个人信息已去标识化）", "receipt:write"),
    "registration": ("消费者投诉登记表（本站存档，完整信息）", "registration:write"),
    "agreement": ("和解协议书或调解协议书（和解、调解结案的案件）", "agreement:write"),
    "not-accepted": ("不予受理告知书（不予受理的案件）", "notices:write_not_accepted"),
    "termination": ("终止调解告知书（终止调解的案件）", "notices:write_termination"),
    "followup": ("回访记录（已回访的案件）", "followup:write"),
}
MONTH_DOCUMENTS = {
    "ledger": "投诉受理台账（横向 A4；报县局，姓名、电话已去标识化）",
    "tally": "月度统计表",
}


def add_print_parser(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """``print ACTION …``: ``command(parent, name, help)`` is build_parser's helper (common options)."""
    from station_app.cli import Parser

    actions = command(
        sub, "print", "打印文书（PDF）：回执、登记表、协议书、告知书、回访记录、台账、统计表"
    ).add_subparsers(dest="action", parser_class=Parser, metavar="ACTION", required=True)
    for name, (helptext, _) in CASE_DOCUMENTS.items():
        p = command(actions, name, helptext)
        p.add_argument("ref", metavar="ID", help="案件编号或 id")
        p.add_argument("--out", required=True, metavar="FILE", help="输出的 PDF 文件")
    for name, helptext in MONTH_DOCUMENTS.items():
        p = command(actions, name, helptext)
        p.add_argument("--month", required=True, metavar="YYYY-MM")
        p.add_argument("--out", required=True, metavar="FILE", help="输出的 PDF 文件")


def writer(action: str) -> Callable[..., Path]:
    module, _, function = CASE_DOCUMENTS[action][1].partition(":")
    return getattr(importlib.import_module(f"station_app.reports.{module}"), function)


def run_print(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.reports import ledger, tally_pdf
    from station_app.services import complaint_views, tallies
    from station_app.store import tallies as tally_store

    out = Path(args.out)
    if out.is_dir():
        raise ValidationError([Problem("--out", "输出文件", f"{out} 是文件夹，请给出文件名，如 {out / '回执.pdf'}")])
    if args.action in CASE_DOCUMENTS:
        case = complaint_views.show(session, args.ref, today)
        path = writer(args.action)(case, session.station(), session.catalogs, out, today)
        reference = case["number"]
    else:
        period = _month(args.month)
        if args.action == "ledger":
            path = ledger.write(
                month_cases(session, args.month, today), session.station(), session.catalogs, args.month, out, today
            )
        else:
            data = tallies.as_json(tallies.tally(session, period, today))
            path = tally_pdf.write(data, session.catalogs, tally_store.station_names(session.db), out)
        reference = args.month
    if getattr(args, "format", "text") == "json":
        print_json({"document": args.action, "reference": reference, "path": str(path)})
    else:
        sys.stdout.write(f"已生成 {path}\n")
    return 0


def _month(text: str) -> periods.Period:
    try:
        return periods.month(text)
    except InvalidValue as exc:
        raise ValidationError([Problem("--month", "月份", str(exc))]) from None


def month_cases(session: Session, month: str, today: date) -> list[dict[str, Any]]:
    """The local station's complaints received in ``month``, each as ``complaint show`` gives it."""
    from station_app.services import complaint_views
    from station_app.store.complaints import ComplaintFilter

    flt = ComplaintFilter(month=month, station_code=session.station()["code"])
    listing = complaint_views.list_complaints(session, flt, today, limit=None)
    return [complaint_views.show(session, item["id"], today) for item in listing["items"]]
