"""``station-app backup | restore | check | privacy``: keeping the register safe."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from station_app.cli_io import print_json, read_password
from station_app.domain.errors import RuleViolation
from station_app.formats import sealed_backup as sealed
from station_app.services import backup, backup_stick, privacy
from station_app.services.session import Session
from station_app.store import audit

BACKUP_PASSWORD = "STATION_APP_BACKUP_PASSWORD"


def add_parsers(sub, command) -> None:
    p = command(sub, "backup", "备份登记簿（校验后保存；默认在数据目录的 backups 文件夹，可 --to U 盘）")
    p.add_argument("--to", metavar="DIR", help="备份到该文件夹（例如 U 盘）")
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="用密码加密（.stbak，密码取自环境变量 STATION_APP_BACKUP_PASSWORD 或终端输入），U盘丢失也不泄露个人信息",
    )
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
        if args.encrypt and not args.to:
            raise RuleViolation("--encrypt 用于备份到本机以外（--to U 盘文件夹）；数据目录里的自动备份不加密")
        if args.to:
            password = read_password(BACKUP_PASSWORD, "备份密码：", confirm=True) if args.encrypt else None
            result = backup_stick.backup_to(session, db_path, Path(args.to), password)
        else:
            result = backup.backup_now(session, db_path)
        sealed_note = "，已加密" if result.get("encrypted") else ""
        _out(
            as_json, result, f"已备份并校验{sealed_note}：{result['path']}（投诉 {result['counts']['complaints']} 件）"
        )
    elif args.command == "check":
        counts = backup.check(db_path)
        problems = audit.verify(session.db)
        result = {"ok": not problems, "counts": counts, "audit_problems": problems}
        text = "登记簿完好：" + "，".join(f"{k} {v}" for k, v in counts.items())
        _out(as_json, result, text if not problems else "审计记录有改动：" + "；".join(problems))
        return 0 if not problems else 5
    elif args.command == "restore":
        source = Path(args.file)
        password = read_password(BACKUP_PASSWORD, "备份密码：") if sealed.is_sealed(source) else None
        result = backup_stick.restore_from(db_path, source, password, session=session)
        _out(as_json, result, f"已从 {result['restored_from']} 恢复；原登记簿另存为 {result['previous_kept_as']}")
    elif args.action == "anonymise":
        result = privacy.anonymise_closed(session, today, args.years)
        _out(as_json, result, f"已匿名化 {result['closed_before']} 前结案的记录：投诉 {result['complaints']} 件")
    else:
        result = privacy.erase_person(session, phone=args.phone, id_number=args.id_number)
        total = sum(len(v) for v in result.values())
        _out(as_json, result, f"已删除该消费者在 {total} 条记录中的个人信息（审计记录已登记）")
    return 0
