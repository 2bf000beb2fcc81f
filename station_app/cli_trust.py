"""``station-app backup | restore | check | privacy``: keeping the register safe."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from station_app.cli_io import print_json
from station_app.services import backup, privacy
from station_app.services.session import Session
from station_app.store import audit


def add_parsers(sub, command) -> None:
    p = command(sub, "backup", "备份登记簿（校验后保存；默认在数据目录的 backups 文件夹，可 --to U 盘）")
    p.add_argument("--to", metavar="DIR", help="备份到该文件夹（例如 U 盘）")
    p = command(sub, "restore", "从备份恢复（先校验备份，当前登记簿另存，不覆盖）")
    p.add_argument("file", metavar="FILE")
    command(sub, "check", "检查登记簿是否完好（数据库完整性、审计记录链）")
    group = command(sub, "privacy", "个人信息：到期匿名化、应本人要求删除").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = command(group, "anonymise", "匿名化结案超过保存年限的案件")
    p.add_argument("--years", type=int, help="保存年限（默认按设置 retention_years）")
    p = command(group, "erase", "应本人要求删除其个人信息（所有记录）")
    p.add_argument("--phone", default="")
    p.add_argument("--id-number", default="")


def _out(as_json: bool, value: object, text: str) -> None:
    if as_json:
        print_json(value)
    else:
        sys.stdout.write(text + "\n")


def run(session: Session, db_path: Path, args: argparse.Namespace, today: date) -> int:
    as_json = getattr(args, "format", "text") == "json"
    if args.command == "backup":
        result = backup.backup_now(session, db_path, Path(args.to) if args.to else None)
        _out(as_json, result, f"已备份并校验：{result['path']}（投诉 {result['counts']['complaints']} 件）")
    elif args.command == "check":
        counts = backup.check(db_path)
        problems = audit.verify(session.db)
        result = {"ok": not problems, "counts": counts, "audit_problems": problems}
        text = "登记簿完好：" + "，".join(f"{k} {v}" for k, v in counts.items())
        _out(as_json, result, text if not problems else "审计记录有改动：" + "；".join(problems))
        return 0 if not problems else 5
    elif args.command == "restore":
        result = backup.restore(db_path, Path(args.file), session=session)
        _out(as_json, result, f"已从 {result['restored_from']} 恢复；原登记簿另存为 {result['previous_kept_as']}")
    elif args.action == "anonymise":
        result = privacy.anonymise_closed(session, today, args.years)
        _out(as_json, result, f"已匿名化 {result['closed_before']} 前结案的记录：投诉 {result['complaints']} 件")
    else:
        result = privacy.erase_person(session, phone=args.phone, id_number=args.id_number)
        total = sum(len(v) for v in result.values())
        _out(as_json, result, f"已删除该消费者在 {total} 条记录中的个人信息（审计记录已登记）")
    return 0
