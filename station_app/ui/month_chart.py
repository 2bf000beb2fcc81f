"""A small bar chart of the last twelve months (received and settled complaints), painted by hand.

QtCharts is not in the PySide6-Essentials wheel, and two bars a month need no library.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from station_app.ui.i18n import tr

# Qt.AlignmentFlag's documented values: the first read of the Qt namespace makes all its 94 enums (17 ms on
# a station PC), and the workbench's first paint needs nothing else from it (a test checks they match).
ALIGN_TOP, ALIGN_BOTTOM, ALIGN_H_CENTER, ALIGN_V_CENTER = 0x20, 0x40, 0x4, 0x80
RECEIVED_COLOUR = QColor("#3b6ea5")
SETTLED_COLOUR = QColor("#3d9a5b")


class MonthChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.months: list[dict[str, Any]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(170)

    def sizeHint(self) -> QSize:
        return QSize(600, 170)

    def set_months(self, months: list[dict[str, Any]]) -> None:
        self.months = months
        self.setToolTip(
            "\n".join(tr("{month}：登记 {received} 件，调解结案 {settled} 件").format(**month) for month in months)
        )
        self.update()

    def month_label(self, index: int) -> str:
        year, month = self.months[index]["month"].split("-")
        if index == 0 or month == "01":
            return tr("{year}年{month}月").format(year=year[2:], month=int(month))
        return tr("{month}月").format(month=int(month))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(self.palette().text().color())
        # Legend on the first line, bars below it, month names on the last line.
        legend_x = 4.0
        for colour, text in ((RECEIVED_COLOUR, tr("登记")), (SETTLED_COLOUR, tr("已调解结案"))):
            painter.fillRect(QRectF(legend_x, line * 0.25, line * 0.8, line * 0.6), colour)
            painter.drawText(QRectF(legend_x + line, 0, 200, line), ALIGN_V_CENTER, text)
            legend_x += line + metrics.horizontalAdvance(text) + 16
        if not self.months:
            return
        top, bottom = line * 2.2, self.height() - line * 1.4
        slot = self.width() / len(self.months)
        highest = max(max(m["received"], m["settled"]) for m in self.months) or 1
        bar = max(3.0, min(slot * 0.3, 22.0))
        for index, month in enumerate(self.months):
            centre = slot * index + slot / 2
            received, settled = month["received"], month["settled"]
            tops = []
            for offset, value, colour in ((-bar, received, RECEIVED_COLOUR), (0.0, settled, SETTLED_COLOUR)):
                height = (bottom - top) * value / highest
                rect = QRectF(centre + offset, bottom - height, bar - 1, height)
                painter.fillRect(rect, colour)
                tops.append(rect.top())
            labels = [str(received) if received else "", str(settled) if settled else ""]
            if max(metrics.horizontalAdvance(text) for text in labels) <= bar + 2:  # each over its own bar
                for offset, text, bar_top in zip((-bar, 0.0), labels, tops, strict=True):
                    painter.drawText(
                        QRectF(centre + offset - 12, bar_top - line, bar + 24, line),
                        ALIGN_H_CENTER | ALIGN_BOTTOM,
                        text,
                    )
            elif received or settled:  # four-digit figures of a big register: one label over the pair
                painter.drawText(
                    QRectF(slot * index, min(tops) - line, slot, line),
                    ALIGN_H_CENTER | ALIGN_BOTTOM,
                    f"{received} / {settled}",
                )
            painter.drawText(
                QRectF(slot * index, bottom + 2, slot, line),
                ALIGN_H_CENTER | ALIGN_TOP,
                self.month_label(index),
            )
        painter.drawLine(0, int(bottom), self.width(), int(bottom))
        painter.end()
