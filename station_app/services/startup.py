"""What the desktop does by itself, as policy: the daily backup and retention at start, a backup on exit.

The windows call these with the day; a failure (a full disk, a pulled stick) is returned as a message to
show or log, never raised: it must not stop the station's work.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from station_app.domain import roles
from station_app.services import backup, privacy, users
from station_app.services.session import Session, describe
from station_app.store import records


def is_initialised(path: Path) -> bool:
    """A register file whose station is set up (else the first-run window offers the demo or the set-up)."""
    if not path.exists():
        return False
    session = Session.open(path)
    try:
        return records.local_station(session.db) is not None
    finally:
        session.close()


def window_language(path: Path) -> str | None:
    """The language chosen for the windows on this register (None: none chosen, or no register to read yet)."""
    if not path.exists():
        return None
    session = Session.open(path)
    try:
        return records.get_setting(session.db, "language")
    finally:
        session.close()


def start_of_day(path: Path, credentials: tuple[str, str] | None, today: date) -> str:
    """The daily backup (at most one a day) and, for the station head, the retention setting applied."""
    return _as_user(path, credentials, lambda session: _daily(session, path, today))


NOBODY_LOGGED_IN = "没有已登录的用户，本次退出未做自动备份（下次启动时会做当天的备份）"


def on_exit(path: Path, credentials: tuple[str, str] | None, acting: tuple[str, str] | None = None) -> str:
    """A verified backup each time the program closes, as the user still working in the window (``acting``:
    user name and role of the window's session; on a first run the user was made after the start, so the
    start's ``credentials`` are None). With nobody logged in on a register that has users: skipped, said so."""
    return _as_user(path, credentials, lambda session: backup.backup_now(session, path), acting)


def _daily(session: Session, path: Path, today: date) -> None:
    backup.daily_backup_if_due(session, path, today)
    if privacy.retention_years(session) and session.role == roles.HEAD:
        privacy.anonymise_closed(session, today)


def _as_user(path: Path, credentials: tuple[str, str] | None, work, acting: tuple[str, str] | None = None) -> str:
    """Run ``work`` as the logged-in user on a connection of its own; "" when done (or nothing to do)."""
    if not path.exists():
        return ""
    session = Session.open(path)
    try:
        if records.local_station(session.db) is None:
            return ""
        if acting:
            session.act_as(*acting)
        elif credentials:
            users.log_in(session, *credentials)
        elif users.has_users(session):
            return NOBODY_LOGGED_IN
        work(session)
        return ""
    except Exception as exc:  # a full disk or a pulled stick must not stop the station's work
        return describe(exc)
    finally:
        session.close()
