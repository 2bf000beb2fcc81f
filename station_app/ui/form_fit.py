"""Fitting a long form on a small screen: the fields scroll, the buttons stay; a message goes once answered.

At 1366×768 (the usual station laptop) the complaint form with its error lines shown is taller than the
window; the save button must never leave the screen, so the fields go into a scroll area and the button
row stays fixed below it. A "必须填写" beside a field the clerk has since filled is wrong, so each field's
message is hidden as soon as that field changes, not at the next save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QLayout, QScrollArea, QWidget


def scroll_fields(top: QBoxLayout, fields: QLayout) -> QScrollArea:
    """Move ``fields`` (an item of ``top``) into a scroll area in its place; the other items stay fixed."""
    index = top.indexOf(fields)
    top.removeItem(fields)
    fields.setParent(None)
    content = QWidget()
    content.setObjectName("form_fields")
    content.setLayout(fields)  # reparents the fields' widgets into the scrolled content
    area = QScrollArea()
    area.setObjectName("form_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    top.insertWidget(index, area, 1)
    return area


def hide_when_changed(label: QLabel, signal: Any) -> None:
    """Hide ``label`` (a field's message) as soon as ``signal`` (the field's change) fires."""

    def answered(*_: object) -> None:
        if label.isVisible() or label.text():
            label.clear()
            label.hide()

    signal.connect(answered)
