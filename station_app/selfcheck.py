"""What a county technician asks for on the phone: version, folders, database state, fonts, disk, backups."""

from __future__ import annotations

import platform
import shutil
import sys
from pathlib import Path
from typing import Any

from station_app import __version__
from station_app.paths import data_dir, portable, program_dir, resource_dir
from station_app.services import backup
from station_app.store import backup as backup_store
from station_app.store.migrations import known_names


def report(db_path: Path) -> dict[str, Any]:
    """Never raises: every line says what it found, or what went wrong finding it."""
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


RECORD_WORDS = {
    "complaints": ("投诉", "complaints"),
    "consultations": ("咨询", "consultations"),
    "reports": ("举报", "reports"),
    "outreach_events": ("宣传活动", "outreach events"),
    "warnings": ("消费警示", "warnings"),
    "audit": ("审计记录", "audit entries"),
}


def plain_lines(result: dict[str, Any], english: bool = False) -> list[str]:
    """The self-check as sentences a clerk can read out on the phone; the raw report stays one click away."""
    state = str(result.get("database_state", ""))
    records = result.get("records") if isinstance(result.get("records"), dict) else {}
    counts = [
        f"{records[key]} {words[1]}" if english else f"{words[0]} {records[key]} 条"
        for key, words in RECORD_WORDS.items()
        if key in records
    ]
    printers = result.get("printers")
    fonts = result.get("fonts") or []
    last = result.get("last_backup")
    if english:
        return [
            f"Program version {result.get('version')} (register format {result.get('schema_version')}).",
            "The register is in good order." if state == "ok" else f"The register has a problem: {state}.",
            "Records: " + ", ".join(counts) + "." if counts else "No records counted.",
            f"Register file: {result.get('database')} ({result.get('database_mb', 0)} MB).",
            f"Free disk space: {int(result.get('free_disk_mb') or 0):,} MB.",
            f"Backups: {result.get('backups', 0)}, the latest {last}." if last else "No backup has been made yet.",
            f"Chinese fonts: {len(fonts)} installed." if fonts else "No Chinese font found: text may show as boxes.",
            ("Printers: " + ", ".join(printers) + ".")
            if isinstance(printers, list) and printers
            else "No printer found.",
        ]
    return [
        f"程序版本 {result.get('version')}（登记簿格式第 {result.get('schema_version')} 版）。",
        "登记簿完好。" if state == "ok" else f"登记簿有问题：{_chinese_state(state)}。",
        "记录：" + "，".join(counts) + "。" if counts else "没有统计到记录。",
        f"登记簿文件：{result.get('database')}（{result.get('database_mb', 0)} MB）。",
        f"磁盘剩余空间：{int(result.get('free_disk_mb') or 0):,} MB。",
        f"已有备份 {result.get('backups', 0)} 份，最近一份：{last}。" if last else "还没有做过备份。",
        f"中文字体：已安装 {len(fonts)} 种。" if fonts else "没有找到中文字体，文字可能显示为方框。",
        ("打印机：" + "、".join(printers) + "。") if isinstance(printers, list) and printers else "没有找到打印机。",
    ]


def _chinese_state(state: str) -> str:
    if state.startswith("missing"):
        return "文件不存在（请运行初始设置）"
    return state.removeprefix("damaged: ")
