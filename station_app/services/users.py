"""Users, passwords (argon2id) and log-in with lock-out after repeated failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from station_app.domain import roles
from station_app.domain.errors import Problem, RuleViolation, ValidationError
from station_app.services.session import SETUP_ACTOR, Session
from station_app.store import users as store

MIN_PASSWORD = 6
if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    """argon2id with the library's current defaults (imported when a password is first checked or set)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def has_users(session: Session) -> bool:
    return store.count(session.db) > 0


def log_in_for_command(session: Session, name: str | None, ask_password: Callable[[str], str]) -> None:
    """A register with users needs the user's name and password; one without runs as its set-up user."""
    if not has_users(session):
        session.act_as(name or SETUP_ACTOR, roles.HEAD)
        return
    if not name:
        raise RuleViolation(
            "该登记簿已设置用户：请用 --user 用户名，密码放在环境变量 STATION_APP_PASSWORD 或在终端输入"
        )
    log_in(session, name, ask_password(name))


def add_user(session: Session, name: str, role: str, password: str) -> dict[str, Any]:
    """The first user must be a station head (or a county clerk); later ones need a head to add them."""
    name = name.strip()
    role = roles.resolve_role(role)
    problems = []
    if not name or len(name) > 30:
        problems.append(Problem("name", "用户名", "应为 1–30 个字符"))
    if len(password) < MIN_PASSWORD:
        problems.append(Problem("password", "密码", f"至少 {MIN_PASSWORD} 位"))
    if problems:
        raise ValidationError(problems)
    with session.db.atomic():
        first = store.count(session.db) == 0
        if first and role not in (roles.HEAD, roles.CLERK):
            raise RuleViolation("第一个用户必须是站长（head）或县级统计员（clerk），以便管理其他用户")
        if not first:
            session.require(roles.MANAGE)
        if store.get(session.db, name):
            raise RuleViolation(f"用户“{name}”已存在")
        now = session.now()
        store.insert(
            session.db,
            {
                "name": name,
                "role": role,
                "password_hash": _hasher().hash(password),
                "created_at": now,
                "updated_at": now,
            },
        )
        session.audit("create", "user", name, name, after={"role": role})
    return {"name": name, "role": role}


def log_in(session: Session, name: str, password: str) -> None:
    """Check the password; on success the session acts as that user with that user's role."""
    user = store.get(session.db, name.strip())
    now = session.clock().astimezone(UTC)
    if user is None or user["disabled"]:
        raise RuleViolation("用户名或密码不正确")
    if user["locked_until"] and datetime.fromisoformat(user["locked_until"]) > now:
        until = datetime.fromisoformat(user["locked_until"]).astimezone()  # the PC's own clock time
        raise RuleViolation(f"用户“{name}”因多次输错密码已锁定，请于 {until:%H:%M} 后再试，或请站长解锁")
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(user["password_hash"], password)
    except (VerificationError, InvalidHashError):
        with session.db.atomic():
            failed = user["failed_attempts"] + 1
            changes: dict[str, Any] = {"failed_attempts": failed}
            if failed >= roles.MAX_FAILED_LOGINS:
                changes["locked_until"] = (now + timedelta(minutes=roles.LOCK_MINUTES)).isoformat(timespec="seconds")
                changes["failed_attempts"] = 0
            store.update(session.db, user["name"], changes)
            session.audit("login_failed", "user", user["name"], user["name"], after={"attempt": failed})
        if "locked_until" in changes:
            raise RuleViolation(
                f"密码不正确。已连续输错 {roles.MAX_FAILED_LOGINS} 次，用户“{user['name']}”锁定 "
                f"{roles.LOCK_MINUTES} 分钟，或请站长解锁"
            ) from None
        left = roles.MAX_FAILED_LOGINS - failed
        raise RuleViolation(f"用户名或密码不正确（再输错 {left} 次将锁定 {roles.LOCK_MINUTES} 分钟）") from None
    if user["failed_attempts"] or user["locked_until"]:
        with session.db.atomic():
            store.update(session.db, user["name"], {"failed_attempts": 0, "locked_until": None})
    session.act_as(user["name"], user["role"])


def change_password(session: Session, name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError([Problem("password", "密码", f"至少 {MIN_PASSWORD} 位")])
    if name != session.actor:
        session.require(roles.MANAGE)
    with session.db.atomic():
        if store.get(session.db, name) is None:
            raise RuleViolation(f"没有用户“{name}”")
        store.update(
            session.db,
            name,
            {
                "password_hash": _hasher().hash(password),
                "failed_attempts": 0,
                "locked_until": None,
                "updated_at": session.now(),
            },
        )
        session.audit("password", "user", name, name)


def set_disabled(session: Session, name: str, disabled: bool) -> None:
    session.require(roles.MANAGE)
    if name == session.actor and disabled:
        raise RuleViolation("不能停用自己")
    with session.db.atomic():
        if store.get(session.db, name) is None:
            raise RuleViolation(f"没有用户“{name}”")
        store.update(session.db, name, {"disabled": int(disabled), "updated_at": session.now()})
        session.audit("disable" if disabled else "enable", "user", name, name)


def may_manage(session: Session) -> bool:
    """May the acting user add staff, disable them and reset their passwords (the station head)?"""
    try:
        session.require(roles.MANAGE)
    except RuleViolation:
        return False
    return True


def login_names(session: Session) -> list[str]:
    """The names offered on the log-in window (no one is logged in yet): the users not disabled, by name."""
    return sorted(u["name"] for u in store.all_users(session.db) if not u["disabled"])


def list_users(session: Session) -> list[dict[str, Any]]:
    session.require(roles.READ)
    return store.all_users(session.db)
