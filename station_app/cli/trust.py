"""``station-app backup | restore | check | privacy | audit``: keeping the register safe and its people's data."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, ExitCode, bind, group, out
from station_app.cli.inputs import read_password
from station_app.domain.errors import RuleViolation

if TYPE_CHECKING:
    from station_app.services.session import Session

BACKUP_PASSWORD = "STATION_APP_BACKUP_PASSWORD"


def register(sub: Any, command: Command) -> None:
    p = bind(
        command(sub, "backup", "备份登记簿（校验后保存；默认在数据目录的 backups 文件夹，可 --to U 盘）"), make_backup
    )
    p.add_argument("--to", metavar="DIR", help="备份到该文件夹（例如 U 盘）")
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="用密码加密（.stbak，密码取自环境变量 STATION_APP_BACKUP_PASSWORD 或终端输入），U盘丢失也不泄露个人信息",
    )
    p = bind(command(sub, "restore", "从备份恢复（先校验备份，当前登记簿另存，不覆盖）"), restore)
    p.set_defaults(without_register=restore_damaged)  # a damaged register is replaced without logging in
    p.add_argument("file", metavar="FILE")
    bind(command(sub, "check", "检查登记簿是否完好（数据库完整性、审计记录链）"), check)
    actions = group(sub, command, "privacy", "个人信息：到期匿名化、应本人要求删除")
    p = bind(command(actions, "anonymise", "匿名化结案超过保存年限的案件"), anonymise)
    p.add_argument("--years", type=int, help="保存年限（默认按设置 retention_years）")
    p = bind(command(actions, "erase", "应本人要求删除其个人信息（所有记录）"), erase)
    p.add_argument("--phone", default="", help="本人电话（可带空格、横线、+86，全角数字也可以）")
    p.add_argument("--id-number", default="", help="本人身份证号码（18 位或旧式 15 位，全角也可以）")
    actions = group(sub, command, "audit", "审计记录")
    bind(command(actions, "verify", "校验审计记录链是否完整未被改动"), verify_audit)


def _db_path(session: Session) -> Path:
    assert session.path is not None  # the command line always opens a register file
    return session.path


def make_backup(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import backup, backup_stick

    if args.encrypt and not args.to:
        raise RuleViolation("--encrypt 用于备份到本机以外（--to U 盘文件夹）；数据目录里的自动备份不加密")
    if args.to:
        password = read_password(BACKUP_PASSWORD, "备份密码：", confirm=True) if args.encrypt else None
        result = backup_stick.backup_to(session, _db_path(session), Path(args.to), password)
    else:
        result = backup.backup_now(session, _db_path(session))
    sealed_note = "，已加密" if result.get("encrypted") else ""
    return out(args, result, f"已备份并校验{sealed_note}：{result['path']}（投诉 {result['counts']['complaints']} 件）")


def check(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import audit_trail, backup

    counts = backup.check(_db_path(session))
    problems = audit_trail.verify(session)
    result = {"ok": not problems, "counts": counts, "audit_problems": problems}
    text = "登记簿完好：" + "，".join(f"{k} {v}" for k, v in counts.items())
    out(args, result, text if not problems else "审计记录有改动：" + "；".join(problems))
    return ExitCode.OK if not problems else ExitCode.AUDIT_BROKEN


def restore(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import backup_stick

    source = Path(args.file)
    password = read_password(BACKUP_PASSWORD, "备份密码：") if backup_stick.is_sealed(source) else None
    result = backup_stick.restore_from(_db_path(session), source, password, session=session)
    return out(args, result, f"已从 {result['restored_from']} 恢复；原登记簿另存为 {result['previous_kept_as']}")


def restore_damaged(db_path: Path, args: argparse.Namespace, today: date) -> int:
    from station_app.services import backup

    result = backup.restore(db_path, Path(args.file))
    return out(args, result, f"已从 {result['restored_from']} 恢复；损坏的登记簿另存为 {result['previous_kept_as']}")


def damaged(db_path: Path) -> bool:
    """No register there, or one that fails the quick check: a restore needs no log-in then."""
    from station_app.services import backup

    if not db_path.exists():
        return True
    try:
        backup.check(db_path, quick=True)
    except RuleViolation:
        return True
    return False


def anonymise(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import privacy

    result = privacy.anonymise_closed(session, today, args.years)
    return out(args, result, f"已匿名化 {result['closed_before']} 前结案的记录：投诉 {result['complaints']} 件")


def erase(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import privacy

    # No record of that person: NotFound, exit 3 with one Chinese line (nothing was changed).
    result = privacy.erase_person(session, phone=args.phone, id_number=args.id_number)
    total = sum(len(result[k]) for k in ("complaints", "consultations", "reports"))
    lines = [f"已删除该消费者在 {total} 条记录中的个人信息（审计记录已登记）"]
    if result["other_records"]:
        lines.append(f"另有 {len(result['other_records'])} 条记录的文字中写有其电话或身份证号码，已一并删除")
    if result["evidence_removed"]:
        lines.append(f"其案件的证据 {result['evidence_removed']} 份已删除")
    if result["name_mentions"]:
        lines.append(f"以下记录写有同名的人，未改动，请人工核对：{'、'.join(result['name_mentions'])}")
    if result["audit_entries_naming"]:
        lines.append(f"审计记录中仍有 {result['audit_entries_naming']} 条含该人信息（审计记录不可改写）")
    if not result["log_emptied"]:
        lines.append("登记簿正被另一个程序打开，旧内容暂留在日志文件中；关闭所有使用登记簿的程序后会自动清空")
    lines.append(result["left_behind"]["note"])
    return out(args, result, "\n".join(lines))


def verify_audit(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import audit_trail

    state = audit_trail.chain_state(session)
    problems = state["problems"]
    out(args, state, "\n".join(problems) if problems else f"审计记录完整：共 {state['entries']} 条，未发现改动")
    return ExitCode.OK if not problems else ExitCode.AUDIT_BROKEN
