"""``station-app consult | report | event | warning``: the other registers (咨询, 举报, 宣传活动, 消费警示)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, group, out, table
from station_app.cli.inputs import read_json_records

if TYPE_CHECKING:
    from station_app.services.session import Session

# The command's name and the record kind it registers.
RECORD_KINDS = {
    "consult": "consultation",
    "report": "report",
    "event": "outreach_event",
    "warning": "warning",
}
TITLE_KEY = {"consultation": "topic", "report": "business_name", "outreach_event": "title", "warning": "title"}


def register(sub: Any, command: Command) -> None:
    from station_app.services import records

    for name, kind in RECORD_KINDS.items():
        label = records.KIND_LABELS[kind]
        actions = group(sub, command, name, f"{label}登记")
        p = bind(command(actions, "add", f"登记{label}（JSON、JSON 数组或 JSON Lines）"), add)
        p.add_argument("--json", required=True, metavar="FILE|-")
        p = bind(command(actions, "list", f"{label}登记簿"), list_records)
        p.add_argument("--month", default="")
        p.add_argument("--limit", type=int, default=100)
        p.add_argument("--offset", type=int, default=0)
        p = bind(command(actions, "show", f"查看{label}记录"), show)
        p.add_argument("ref", metavar="ID")


def add(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import records

    kind = RECORD_KINDS[args.command]
    results = records.add_records(session, kind, read_json_records(args.json), today)
    text = "\n".join(f"已登记{records.KIND_LABELS[kind]} {r['number']}  id={r['id']}" for r in results)
    return out(args, results[0] if len(results) == 1 else results, text)


def show(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import records

    record = records.get_record(session, RECORD_KINDS[args.command], args.ref)
    return out(args, record, "\n".join(f"{k}: {v}" for k, v in record.items()))


def list_records(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import records

    kind = RECORD_KINDS[args.command]
    listing = records.list_records(session, kind, month=args.month, limit=args.limit or None, offset=args.offset)
    date_key = "received_on" if kind == "report" else "date"
    rows = [[r["number"], r[date_key], str(r[TITLE_KEY[kind]])[:30]] for r in listing["items"]]
    return out(args, listing, table(rows, ["编号", "日期", "内容"]) + f"\n共 {listing['total']} 条")
