"""Qt facts for the self-check (kept in ui/: the only package that imports Qt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def qt_facts() -> dict[str, Any]:
    """Qt version, platform plugins and printers, for the self-check."""
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:
        return {"qt": f"missing: {exc}"}
    info: dict[str, Any] = {"qt": QtCore.qVersion(), "pyside6": PySide6.__version__}
    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    info["qt_platforms"] = sorted(p.stem for p in (plugins / "platforms").glob("*")) if plugins.exists() else []
    try:
        from PySide6.QtPrintSupport import QPrinterInfo

        info["printers"] = [p.printerName() for p in QPrinterInfo.availablePrinters()]
    except Exception as exc:  # no CUPS on the machine: say so
        info["printers"] = f"unavailable: {exc}"
    return info
