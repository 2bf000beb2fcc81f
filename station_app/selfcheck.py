"""What a county technician asks for on the phone: version, folders, database state, fonts, disk, backups."""

from __future__ import annotations

import platform
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

from station_app import __version__
from station_app.paths import data_dir, portable, program_dir, resource_dir
from station_app.services import backup
from station_app.store import backup as backup_store
from station_app.store.migrations import known_names


def report(db_path: Path, today: date | None = None) -> dict[str, Any]:
    """Never raises: every line says what it found, or what went wrong finding it. ``today``: the command's
    (``--today``); the windows pass none and the PC's date is used."""
    result: dict[str, Any] = {
        "version": __version__,
        "schema_version": len(known_names()),
        "python": sys.version.split()[0],
        "system": f"{platform.system()} {platform.release()}",
        "program_dir": str(program_dir()),
        "portable": portable(),
        "data_dir": str(data_dir()),
        "database": str(db_path),
    }
    if db_path.exists():
        try:
            result["database_state"] = "ok"
            result["records"] = backup.check(db_path, quick=True)
        except Exception as exc:  # the point of a self-check is to report, not to fail
            result["database_state"] = f"damaged: {exc}"
        result["database_mb"] = round(db_path.stat().st_size / 1e6, 1)
    else:
        result["database_state"] = "missing (run init or the set-up wizard)"
    result.update(_calendar(db_path, today or date.today()))
    fonts = sorted(p.name for p in (resource_dir() / "fonts").glob("*.tt[fc]"))
    result["fonts"] = fonts
    free = shutil.disk_usage(db_path.parent if db_path.parent.exists() else Path.cwd()).free
    result["free_disk_mb"] = round(free / 1e6)
    backups = backup_store.list_backups(backup.backup_folder(db_path))
    result["last_backup"] = backups[0].name if backups else None
    result["backups"] = len(backups)
    from station_app.ui.qt_probe import qt_facts

    result.update(qt_facts())
    return result


def _calendar(db_path: Path, today: date) -> dict[str, Any]:
    """The years with the official holiday notice; from November, a warning when next year is missing."""
    from station_app.services.bulletins import calendar_check

    try:
        return calendar_check(db_path, today)
    except Exception as exc:  # a damaged register is reported above; the bundled calendar still answers
        return {"calendar_known_years": None, "calendar_warning": f"节假日安排无法读取：{exc}"}
