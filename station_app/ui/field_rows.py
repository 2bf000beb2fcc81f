"""A form row whose field carries its own error line underneath (messages next to the field)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from station_app.ui.i18n import tr

ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def add_checked_row(form: QFormLayout, label: str, widget: QWidget) -> QLabel:
    """Add ``widget`` under ``label`` with an (initially hidden) error line below it; return that line."""
    error = error_label()
    column = QVBoxLayout()
    column.setSpacing(1)
    column.addWidget(widget)
    column.addWidget(error)
    form.addRow(label, column)
    return error


def ok_cancel_row(ok_text: str, on_ok: Callable[[], object], on_cancel: Callable[[], object]) -> QHBoxLayout:
    """Cancel and OK at the bottom right, OK the default (Enter)."""
    ok, cancel = QPushButton(ok_text), QPushButton(tr("取消"))
    ok.setDefault(True)
    ok.clicked.connect(on_ok)
    cancel.clicked.connect(on_cancel)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row
