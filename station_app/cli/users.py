"""``station-app user …``: the register's users and their passwords."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, group, out, table
from station_app.cli.inputs import read_password
from station_app.domain import roles

if TYPE_CHECKING:
    from station_app.services.session import Session

NEW_PASSWORD = "STATION_APP_NEW_PASSWORD"


def register(sub: Any, command: Command) -> None:
    actions = group(sub, command, "user", "用户和密码（设置第一个用户后，每个命令都要 --user 和密码）")
    p = bind(command(actions, "add", "添加用户（新密码取自环境变量 STATION_APP_NEW_PASSWORD 或终端输入）"), add)
    p.add_argument("name")
    p.add_argument("--role", required=True, help="head 站长 / staff 工作人员 / viewer 只读用户 / clerk 县级统计员")
    bind(command(actions, "list", "列出用户"), list_users)
    p = bind(command(actions, "passwd", "修改密码（新密码取自 STATION_APP_NEW_PASSWORD 或终端输入）"), passwd)
    p.add_argument("name")
    for action, helptext in (("disable", "停用用户"), ("enable", "恢复用户")):
        p = bind(command(actions, action, helptext), disable_or_enable)
        p.add_argument("name")


def add(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import users

    result = users.add_user(session, args.name, args.role, read_password(NEW_PASSWORD, "新密码：", confirm=True))
    return out(args, result, f"已添加用户 {result['name']}（{roles.ROLE_LABELS[result['role']]}）")


def passwd(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import users

    users.change_password(session, args.name, read_password(NEW_PASSWORD, "新密码：", confirm=True))
    return out(args, {"name": args.name}, f"已修改 {args.name} 的密码")


def disable_or_enable(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import users

    users.set_disabled(session, args.name, args.action == "disable")
    return out(args, {"name": args.name, "disabled": args.action == "disable"}, "已完成")


def list_users(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import users

    rows = users.list_users(session)
    text = table(
        [[u["name"], roles.ROLE_LABELS.get(u["role"], u["role"]), "停用" if u["disabled"] else ""] for u in rows],
        ["用户", "角色", "状态"],
    )
    return out(args, rows, text)
