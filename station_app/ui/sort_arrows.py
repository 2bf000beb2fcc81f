"""Sort arrows that point the way clerks read them: up for oldest (smallest) first, down for newest first.

Qt's header view hands the style "sort down" for an ascending sort (a convention older than Windows Explorer's),
so the complaint list, newest first, showed an arrow pointing up. The style below swaps the two for the headers
it is set on, and draws everything else as the application's style does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QProxyStyle, QStyle, QStyleOptionHeader


class SortArrowStyle(QProxyStyle):
    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            flipped = QStyleOptionHeader(option)
            up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
            if option.sortIndicator == up:
                flipped.sortIndicator = down
            elif option.sortIndicator == down:
                flipped.sortIndicator = up
            option = flipped
        super().drawPrimitive(element, option, painter, widget)


def point_arrows_as_read(header: QHeaderView) -> None:
    """Set the style on ``header`` (kept on the header: a widget does not own the style it is given)."""
    style = SortArrowStyle()
    style.setParent(header)
    header.setStyle(style)
