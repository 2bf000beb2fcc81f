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


PORTABLE_MARKER = "portable.txt"  # beside the executable: all data lives beside it (a station on a stick)


def program_dir() -> Path:
    """The folder of the executable (bundle) or of the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    """The folder holding the register database, drafts and backups.

    ``STATION_APP_DATA`` overrides everything (tests, technicians); a ``portable.txt`` marker beside
    the executable keeps all data in ``data/`` beside it; otherwise the platformdirs location.
    """
    override = os.environ.get("STATION_APP_DATA")
    if override:
        return Path(override)
    if portable():
        return program_dir() / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get("STATION_APP_DB")
    if override:
        return Path(override)
    return data_dir() / "register.sqlite3"


def private_files() -> None:
    """Files the program creates from now on are readable by their owner only: the register, its backups,
    the evidence and the drafts hold consumers' names, phones and ID numbers (on a shared PC other accounts
    must not read them). POSIX only; Windows keeps a user's profile folder to that user already."""
    if hasattr(os, "umask"):
        os.umask(0o077)
