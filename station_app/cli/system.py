"""``station-app selfcheck | gui``: the self-check a county technician asks for, and starting the windows."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from station_app.cli.base import Command, ExitCode, bind, out


def register(sub: Any, command: Command) -> None:
    bind(
        command(sub, "selfcheck", "自检：版本、数据目录、数据库状态、字体、Qt、打印机、磁盘空间、最近备份"),
        selfcheck,
        session=False,
    )
    bind(command(sub, "gui", "启动图形界面"), gui, session=False)


def selfcheck(args: argparse.Namespace, today: date) -> int:
    from station_app.paths import default_db_path
    from station_app.selfcheck import report

    result = report(Path(getattr(args, "db", None) or default_db_path()), today)
    out(args, result, "\n".join(f"{k}: {v}" for k, v in result.items()))
    state = result["database_state"]
    return ExitCode.OK if state == "ok" or state.startswith("missing") else ExitCode.STORE


def gui(args: argparse.Namespace, today: date) -> int:
    from station_app.launch import launch_gui

    return launch_gui(getattr(args, "db", None))
