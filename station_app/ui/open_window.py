"""Opening the main window on a register: fonts, the window's own connection, the user's log-in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from station_app.services import station, users
from station_app.services.session import Session
from station_app.ui.fonts import register_fonts
from station_app.ui.i18n import install_language
from station_app.ui.idle_lock import DEFAULT_MINUTES, IdleLock
from station_app.ui.main_window import StationMainWindow

FONT_SIZE = 11


def create_main_window(
    db_path: str | Path,
    credentials: tuple[str, str] | None = None,
    *,
    today: Callable[[], date] = date.today,
) -> StationMainWindow:
    """The ready main window on an initialised register (a QApplication must exist).

    The window owns its register connection (GUI thread only); ``credentials`` log a user in when the
    register has users. The bundled CJK font is registered so Chinese renders on any PC.
    """
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create_main_window needs a QApplication")
    family = register_fonts()
    path = Path(db_path)
    session = Session.open(path)
    try:
        if credentials:
            users.log_in(session, *credentials)
        install_language(station.language(session))  # before any window text is made
        settings = station.station_settings(session)
        size = int(settings.get("font_size") or FONT_SIZE)  # old eyes on an old screen: a setting
        if family and isinstance(app, QApplication) and (app.font().family(), app.font().pointSize()) != (family, size):
            app.setFont(QFont(family, size))
        window = StationMainWindow(session, path, today)
        minutes = settings.get("idle_lock_minutes") or DEFAULT_MINUTES
        window.idle_lock = IdleLock(window, session, int(minutes))  # type: ignore[attr-defined]
        return window
    except Exception:
        session.close()
        raise
