"""The desktop app's start, in order: fonts, the register's integrity check (offering the newest good backup),
the note of an upgrade, log-in, the start-of-day policy (services/startup.py), then the main window on a set-up
register (main_window.py) or the first-run window (welcome.py). ``station-app`` reaches it through
station_app/launch.py, which checks for a screen before Qt is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

from station_app.domain.errors import RuleViolation
from station_app.paths import default_db_path, private_files
from station_app.services import startup, users
from station_app.services.session import Session, StoreError, explain
from station_app.ui.fonts import register_fonts
from station_app.ui.i18n import install_language, tr
from station_app.ui.welcome import WelcomeWindow


def check_register_at_start(path: Path) -> bool:
    """A quick integrity check; on failure offer the newest good backup instead of crashing."""
    from station_app.services import backup  # imported where used

    if not path.exists():
        return True
    try:
        backup.check(path, quick=True)
        return True
    except RuleViolation as exc:
        candidate = backup.newest_good_backup(path)
        if candidate is None:
            QMessageBox.critical(
                None,
                tr("登记簿已损坏"),
                tr("登记簿文件无法使用：{0}\n没有找到完好的备份。请联系县级技术人员。").format(exc),
            )
            return False
        answer = QMessageBox.question(
            None,
            tr("登记簿已损坏"),
            tr("登记簿文件无法使用：{0}\n\n是否用最近的完好备份恢复？\n{1}\n（损坏的文件会另存，不会删除）").format(
                exc, candidate.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        backup.restore(path, candidate)
        return True


def tell_about_upgrade(path: Path) -> str:
    """Opening a register made by an older release migrates it (after a backup copy): say so."""
    if not path.exists():
        return ""
    session = Session.open(path)
    try:
        note = getattr(session.db, "upgrade_note", "")
    finally:
        session.close()
    if note:
        QMessageBox.information(None, tr("登记簿已升级"), note)
    return note


def ask_credentials(path: Path) -> tuple[str, str] | None:
    """Log in when the register has users: one window (ui/login_dialog.py) until the password is right or the
    user gives up (then the app ends)."""
    from station_app.ui.login_dialog import LoginDialog  # a register without users never needs it

    session = Session.open(path)
    try:
        if not users.has_users(session):
            return None
        dialog = LoginDialog(session)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.credentials is None:
            raise SystemExit(0)
        return dialog.credentials
    finally:
        session.close()


def install_register_language(path: Path) -> str:
    """The register's window language (Qt's own dialogs too, qtbase_zh_CN) before the first dialog shows; called
    after the integrity check, so the register can be read."""
    return install_language(startup.window_language(path))


def run_app(db_path: str | None = None, argv: list[str] | None = None) -> int:
    private_files()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    family = register_fonts()
    if family:
        app.setFont(QFont(family, 11))
    path = Path(db_path) if db_path else default_db_path()
    install_language(None)  # Chinese for the integrity check's own dialogs, Qt's buttons included
    sys.excepthook = _say_plain_failures(sys.excepthook)
    from station_app.services import backup  # imported where used

    try:
        backup.remove_stale_parts(path)  # what a killed run left half-written (never a live writer's)
        if not check_register_at_start(path):
            return 4
        install_register_language(path)
        tell_about_upgrade(path)
        credentials = ask_credentials(path)
    except StoreError as exc:  # read-only, full, another program writing: said plainly, never "damaged"
        QMessageBox.critical(None, tr("无法打开登记簿"), str(exc))
        return exc.exit_code
    automatic_backup(path, credentials, daily=True)
    window = open_main_window(path, credentials)
    app.aboutToQuit.connect(lambda: automatic_backup(path, credentials, daily=False, acting=working_user(window)))
    window.show()
    if os.environ.get("STATION_APP_SMOKE_TEST"):
        # Release check: the window opened and painted from the bundle; say so and leave.
        table = window.table if isinstance(window, WelcomeWindow) else window.register.ui.table  # type: ignore[attr-defined]
        first = "" if isinstance(window, WelcomeWindow) else window.nav.item(0).text()  # type: ignore[attr-defined]
        QTimer.singleShot(
            300,
            lambda: (
                print(f"window shown: {window.windowTitle()} ({table.model().rowCount()} rows) [{first}]"),
                app.quit(),
            ),
        )
    return app.exec()


def _say_plain_failures(previous: Callable[..., Any]) -> Callable[..., Any]:
    """A full disk, a read-only folder or another program writing, met by any button: the command line's sentence
    in a message (the work was not written), instead of a traceback on a console nobody sees."""

    def hook(kind: type[BaseException], exc: BaseException, trace: Any) -> None:
        plain = explain(exc)
        if plain is None:
            previous(kind, exc, trace)
            return
        QMessageBox.warning(None, tr("未能完成"), str(plain))

    return hook


def automatic_backup(
    path: Path, credentials: tuple[str, str] | None, *, daily: bool, acting: tuple[str, str] | None = None
) -> None:
    """The start-of-day policy and the backup on exit: a failure is shown in the log, never blocks work."""
    if daily:
        problem = startup.start_of_day(path, credentials, date.today())
    else:
        problem = startup.on_exit(path, credentials, acting)
    if problem == startup.NOBODY_LOGGED_IN:
        sys.stderr.write(problem + "\n")  # nothing failed: said in the log, nothing to translate
    elif problem:
        sys.stderr.write(tr("自动备份失败：{0}\n").format(problem))


def working_user(window: QMainWindow) -> tuple[str, str] | None:
    """Who works in the main window as the program ends (user name, role): on a first run that window was opened
    by the welcome window after the set-up made the user, so the start's credentials do not know them."""
    main = getattr(window, "next_window", None) or window
    session = getattr(main, "session", None)
    if session is not None and session.role:
        return session.actor, session.role
    return None


def open_main_window(path: Path, credentials: tuple[str, str] | None) -> QMainWindow:
    """The full main window on an initialised register; on first run the window offering the demo."""
    if startup.is_initialised(path):
        from station_app.ui.main_window import create_main_window

        return create_main_window(path, credentials)
    return WelcomeWindow(path, credentials)
