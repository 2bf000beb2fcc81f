"""What the county sends a station (its answers to closed months, a bulletin), imported from the 数据交换 page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QPlainTextEdit, QWidget

from station_app.domain.errors import RuleViolation
from station_app.ui.i18n import tr


def from_county(
    page: QWidget,
    report: QPlainTextEdit,
    choose_title: str,
    first_time: str,
    run: Callable[[Path, str | None], Any],
    path: str | None,
    fingerprint: str | None,
) -> Any:
    """The file chosen and imported by ``run``, the county's fingerprint asked for the first time (read out by
    phone); None when nothing was imported, with the reason in ``report``."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(page, choose_title, "", tr("数据包 (*.stpkg)"))
        if not path:
            return None
    try:
        return run(Path(path), fingerprint)
    except RuleViolation as exc:
        if fingerprint is None and "accept-key" in str(exc):
            typed, ok = QInputDialog.getText(page, tr("核对县局指纹"), first_time)
            return from_county(page, report, choose_title, first_time, run, path, typed) if ok else None
        report.setPlainText(str(exc))
    except Exception as exc:  # a damaged file: refused with its reason
        report.setPlainText(str(exc))
    return None
