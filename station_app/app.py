"""The desktop app's entry point for tests and embedders: ``create_main_window(db_path)``.

``create_main_window(db_path, credentials=None, *, today=date.today)`` returns the ready main window
(a ``QMainWindow``) on an initialised register; a ``QApplication`` must exist. The Qt code itself lives in
``station_app.ui`` (the only layer that imports Qt).
"""

from __future__ import annotations

from station_app.ui.main_window import StationMainWindow
from station_app.ui.open_window import create_main_window

__all__ = ["StationMainWindow", "create_main_window"]
