"""``station-app bulletin``: the county issues holiday tables, catalog updates and consumer warnings; the
station imports them (services/bulletins.py)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, group, out

if TYPE_CHECKING:
    from station_app.services.session import Session


def register(sub: Any, command: Command) -> None:
    actions = group(sub, command, "bulletin", "县局公告包：节假日安排、目录更新、消费警示（县局导出，站点导入）")
    p = bind(command(actions, "export", "县局：把节假日安排、目录更新和消费警示写成签名的公告包"), export)
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--holidays", metavar="FILE", help="国务院放假安排表（与 cn_overrides.json 相同格式），录入一次即可")
    p.add_argument("--warnings", metavar="FILE", help="要下发的消费警示（与 warning add 的 JSON 相同）")
    p.add_argument("--catalog", metavar="FILE", help="目录更新（如旧类别名称的别名）")
    p = bind(command(actions, "import", "站点：导入县局公告包（首次须核对县局指纹）"), import_bulletin)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--accept-key", metavar="FINGERPRINT")
    bind(command(actions, "list", "列出本登记簿收到（或发布）的公告包"), listing)
    p = bind(command(actions, "publish", "站点：把公告包里的消费警示登记为本站发布的警示"), publish)
    p.add_argument("package", metavar="PACKAGE_ID")


def export(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import bulletins

    def path(value: str | None) -> Path | None:
        return Path(value) if value else None

    result = bulletins.export(
        session,
        Path(args.to),
        today,
        holidays=path(args.holidays),
        warnings=path(args.warnings),
        catalog=path(args.catalog),
    )
    years = "、".join(str(y) for y in result["years"]) or "无"
    text = f"{result['file']}\n节假日安排：{years}；消费警示 {result['warnings']} 条；县局指纹 {result['fingerprint']}"
    return out(args, result, text)


def import_bulletin(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import bulletins

    result = bulletins.import_bulletin(session, Path(args.file), today, args.accept_key)
    if result["already"]:
        return out(args, result, "该公告包已经导入过，无需再导入")
    years = "、".join(str(y) for y in result["years"]) or "无"
    text = (
        f"已导入{result['issued_by']}的公告包：节假日安排 {years}；消费警示 {result['warnings']} 条"
        f"（可用 bulletin publish 登记发布）；重新计算期限的在办案件 {result['deadlines_changed']} 件"
    )
    return out(args, result, text)


def listing(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import bulletins

    rows = bulletins.listing(session)
    lines = [
        f"{r['package_id'][:8]} {r['issued_at'][:10]} {r['issued_by']}："
        f"节假日安排 {'、'.join(sorted(r['holidays'].get('years', {}))) or '无'}，"
        f"消费警示 {len(r['warnings'])} 条{'（已发布）' if r['published_at'] else ''}"
        for r in rows
    ]
    return out(args, rows, "\n".join(lines) or "还没有县局公告包")


def publish(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import bulletins

    result = bulletins.publish_warnings(session, args.package, today)
    numbers = "、".join(r["number"] for r in result["added"])
    return out(args, result, f"已登记发布消费警示 {len(result['added'])} 条：{numbers}")
