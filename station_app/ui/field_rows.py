"""A form row whose field carries its own error line underneath (messages next to the field)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

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
