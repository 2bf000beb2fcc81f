"""Who may do what. Every service call checks the acting user's role, not only the buttons."""

from __future__ import annotations

from typing import Final

from station_app.domain.errors import RuleViolation

HEAD: Final = "head"  # 站长: manages users and settings, deletes
STAFF: Final = "staff"  # 工作人员: registers and handles cases
VIEWER: Final = "viewer"  # 只读
CLERK: Final = "clerk"  # 县级工作人员 (county mode): merges packages, reports

ROLE_LABELS: Final = {HEAD: "站长", STAFF: "工作人员", VIEWER: "只读用户", CLERK: "县级统计员"}

# Permissions, by what a use case does.
READ: Final = "read"  # see cases, registers, tallies; print
WRITE: Final = "write"  # register records, move cases through the workflow
MANAGE: Final = "manage"  # users, settings, deletions, restore, anonymisation, erasure
EXCHANGE: Final = "exchange"  # export/import USB packages

GRANTS: Final[dict[str, frozenset[str]]] = {
    HEAD: frozenset({READ, WRITE, MANAGE, EXCHANGE}),
    STAFF: frozenset({READ, WRITE, EXCHANGE}),
    VIEWER: frozenset({READ}),
    CLERK: frozenset({READ, EXCHANGE}),
}
ACTION_LABELS: Final = {
    READ: "查看",
    WRITE: "登记和办理",
    MANAGE: "管理用户、设置和删除",
    EXCHANGE: "数据交换",
}

MAX_FAILED_LOGINS: Final = 5
LOCK_MINUTES: Final = 15


def check(role: str, permission: str, user: str) -> None:
    if permission not in GRANTS.get(role, frozenset()):
        raise RuleViolation(
            f"用户“{user}”（{ROLE_LABELS.get(role, role)}）没有“{ACTION_LABELS.get(permission, permission)}”的权限"
        )


def resolve_role(text: str) -> str:
    value = text.strip()
    for code, label in ROLE_LABELS.items():
        if value in (code, label):
            return code
    choices = "、".join(f"{c}（{label}）" for c, label in ROLE_LABELS.items())
    raise RuleViolation(f"未知的角色“{text}”，可选：{choices}")
