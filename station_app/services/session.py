"""What every use case needs: the open register, who acts, the catalogs, the calendar and a clock."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.domain import roles
from station_app.domain.case import StationLimits
from station_app.domain.catalogs import Catalogs, default_catalogs
from station_app.domain.errors import RuleViolation
from station_app.domain.workdays import WorkCalendar, default_calendar, parse_overrides
from station_app.store import audit, records
from station_app.store import users as users_store
from station_app.store.database import StoreError, open_database
from station_app.store.failures import DiskFull, Locked, MissingFolder, ReadOnly, explain

__all__ = [
    "SETUP_ACTOR",
    "DiskFull",
    "Locked",
    "MissingFolder",
    "ReadOnly",
    "Session",
    "StoreError",
    "describe",
    "explain",
    "utc_now",
]

if TYPE_CHECKING:
    from sqlite_utils import Database

SETUP_ACTOR = "setup"


def register_calendar(db: Database) -> WorkCalendar:
    """The China calendar completed by the holiday tables of the county's bulletins this register holds."""
    from station_app.store import bulletins

    return calendar_from_tables(bulletins.holiday_tables(db))


def calendar_from_tables(tables: dict[str, Any]) -> WorkCalendar:
    """The China calendar completed by holiday tables ``{"2027": {"off": [...], "work": [...]}}``."""
    return _calendar_with(json.dumps(tables, sort_keys=True)) if tables else default_calendar()


@lru_cache(maxsize=4)
def _calendar_with(tables: str) -> WorkCalendar:
    """Built once per set of tables (0.1 s): every window and command of a station uses the same."""
    return WorkCalendar.china(tables=parse_overrides({"years": json.loads(tables)}, "（县局公告包）"))


def describe(exc: BaseException) -> str:
    """The sentence to show for a failure: the plain one for a read-only folder, a full disk, another program
    writing or a missing folder (store/failures.py), else the error's own message."""
    plain = explain(exc)
    return str(plain or exc) or type(exc).__name__


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Session:
    db: Database
    actor: str = SETUP_ACTOR
    _catalogs: Catalogs | None = None
    _calendar: WorkCalendar | None = None
    # The wall clock (audit times, package stamps), looked up when the session opens: tests freeze it there.
    clock: Callable[[], datetime] = field(default_factory=lambda: utc_now)
    role: str | None = None  # None: decided on first use (set-up user while the register has no users)
    path: Path | None = None  # the register file (workers open their own connection to it)
    _station: dict[str, Any] | None = None

    @classmethod
    def open(cls, path: Path | str, *, actor: str = SETUP_ACTOR, create: bool = True) -> Session:
        return cls(open_database(path, create=create), actor=actor, path=Path(path))

    def close(self) -> None:
        self.db.conn.close()

    def interrupt(self) -> None:
        """Stop the query running on this connection (it fails as "interrupted"); the one call SQLite allows from
        another thread than the connection's: a search typed over gives way to the newer one at once."""
        self.db.conn.interrupt()

    @staticmethod
    def interrupted(exc: BaseException) -> bool:
        """Whether ``exc`` is a query stopped by ``interrupt``."""
        return isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc)

    @property
    def catalogs(self) -> Catalogs:
        """Read on first use (5 ms): the window's first paint and commands that name no category never pay it."""
        if self._catalogs is None:
            self._catalogs = default_catalogs()
        return self._catalogs

    @catalogs.setter
    def catalogs(self, value: Catalogs) -> None:
        self._catalogs = value

    @property
    def calendar(self) -> WorkCalendar:
        """Built on first use (0.1 s): commands that compute no deadline never pay for it."""
        if self._calendar is None:
            self._calendar = register_calendar(self.db)
        return self._calendar

    @calendar.setter
    def calendar(self, value: WorkCalendar) -> None:
        self._calendar = value

    def act_as(self, actor: str, role: str) -> None:
        self.actor, self.role = actor, role

    def require(self, permission: str) -> None:
        """Refuse the use case unless the acting user's role grants ``permission``."""
        if self.role is None:
            if users_store.count(self.db) > 0:
                raise RuleViolation(
                    "该登记簿已设置用户，请先登录（命令行：--user 用户名，密码放在环境变量 STATION_APP_PASSWORD）"
                )
            self.role = roles.HEAD  # no user yet: the set-up user, until the first one is created
        roles.check(self.role, permission, self.actor)

    def now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    @staticmethod
    def new_id() -> str:
        import uuid  # on first use: uuid imports platform, ctypes (5 ms of the window's start)

        return str(uuid.uuid4())

    def station(self) -> dict[str, Any]:
        if self._station is None:
            self._station = records.local_station(self.db)
        if self._station is None:
            raise RuleViolation(
                "登记簿尚未初始化：请先运行 station-app init --station-code … --station-name … "
                "--kind … --venue … --county …"
            )
        return self._station

    def limits(self) -> StationLimits:
        def number(key: str) -> int | None:
            value = records.get_setting(self.db, key)
            return int(value) if value else None

        return StationLimits(number("acceptance_days"), number("mediation_days"))

    def audit_create(
        self, entity: str, row: dict[str, Any], *, keep: tuple[str, ...] = (), extra: dict[str, Any] | None = None
    ) -> None:
        """A creation: a digest of the content plus a few non-personal fields (``keep``).

        Personal data stays out of the append-only trail, so "delete on request" can erase a person
        without breaking the hash chain.
        """
        after = {k: row[k] for k in keep if row.get(k) not in (None, "")}
        after["sha256"] = audit.record_digest(row)
        after.update(extra or {})
        self.audit("create", entity, row["id"], row.get("number", ""), after=after)

    def audit(self, action: str, entity: str, entity_id: str, number: str = "", *, before=None, after=None) -> None:
        audit.append(
            self.db,
            at=self.now(),
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            number=number,
            before=before,
            after=after,
        )
