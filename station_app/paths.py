"""Where the program finds its bundled resources and keeps its data.

No Qt and no SQL here: every layer may use it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "station_app"


def resource_dir() -> Path:
    """The top-level ``resources/`` folder, in a source checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The folder holding the register database, drafts and backups.

    ``STATION_APP_DATA`` overrides the platformdirs location (tests, portable use).
    """
    override = os.environ.get("STATION_APP_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get("STATION_APP_DB")
    if override:
        return Path(override)
    return data_dir() / "register.sqlite3"
