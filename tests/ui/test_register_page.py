"""The complaint register's category and nature filters, driven through the real page."""

from __future__ import annotations

from station_app.services import complaint_views
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY
from tests.ui.windows import demo_register, open_window, searched


def test_category_and_nature_filters_narrow_the_register(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 300))
    window.nav.setCurrentRow(1)
    page = window.register
    ui = page.ui
    searched(qtbot, page)
    everything = page.model.total
    assert ui.category_filter.currentData() == "" and ui.nature_filter.currentData() == ""
    assert ui.category_filter.findData("goods") >= 0 and ui.category_filter.findData("G01") >= 0

    ui.category_filter.setCurrentIndex(ui.category_filter.findData("goods"))
    searched(qtbot, page)
    goods = page.model.total
    expected = complaint_views.list_complaints(window.session, ComplaintFilter(category="goods"), TODAY, limit=1)
    assert goods == expected["total"] and 0 < goods < everything

    ui.nature_filter.setCurrentIndex(ui.nature_filter.findData("quality"))
    searched(qtbot, page)
    both = complaint_views.list_complaints(
        window.session, ComplaintFilter(category="goods", nature="quality"), TODAY, limit=1
    )
    assert page.model.total == both["total"] <= goods
    assert all(page.model.row_at(i)["nature"] == "quality" for i in range(page.model.rowCount()))

    ui.category_filter.setCurrentIndex(0)
    ui.nature_filter.setCurrentIndex(0)
    searched(qtbot, page)
    assert page.model.total == everything


def test_the_workbench_chart_shows_twelve_months_ending_with_this_one(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 300))
    months = window.workbench.chart.months
    assert len(months) == 12 and months[-1]["month"] == TODAY.strftime("%Y-%m")
    assert months[-1]["received"] == int(window.workbench.this_month.value.text())
    assert window.workbench.chart.isVisible()


def test_the_form_offers_businesses_already_registered(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 50))
    window.open_form()
    names = window.form.business_names.stringList()
    assert names and window.form.ui.business_name.completer().model() is window.form.business_names


def test_workbench_figures_count_every_case_not_only_the_rows_shown(qtbot, tmp_path):
    from datetime import timedelta

    from station_app.store.complaints import ComplaintFilter

    window = open_window(qtbot, demo_register(tmp_path, 1500))
    bench = window.workbench
    later = TODAY + timedelta(days=9)  # some cases fall due soon then
    bench.today = lambda: later
    bench.refresh()
    urgent = complaint_views.list_complaints(window.session, ComplaintFilter(), later, due_soon=True, limit=None)
    states = [r["due_state"] for r in urgent["items"]]
    notices = complaint_views.notices_due(window.session, later)  # terminations not yet told, listed after them
    # 已超期 is overdue work: open cases past their deadline and terminations untold after 7 working days (Order 20
    # Art. 21 ¶2); the demo register has both.
    untold_overdue = [n["due_state"] for n in notices].count("overdue")
    assert untold_overdue > 0 and urgent["untold_overdue_total"] == untold_overdue
    assert int(bench.overdue.value.text()) == states.count("overdue") + untold_overdue
    assert int(bench.due_soon.value.text()) == states.count("due_soon") > 0
    assert bench.table.rowCount() == min(len(states), 60) + len(notices)


def test_the_register_is_read_when_its_page_is_first_shown(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 30))
    assert window.register.model.pages_read == 0 and not window.built  # only the workbench at start
    window.nav.setCurrentRow(1)
    searched(qtbot, window.register)
    assert window.register.model.total == 30 and window.register.model.pages_read == 1


def _arrow_points_up(header, column: int) -> bool:
    """Render the header and read the sort arrow's shape: a triangle wider at its bottom points up."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(header.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    header.render(image)
    left = header.sectionViewportPosition(column)
    text_end = left + header.fontMetrics().horizontalAdvance(header.model().headerData(column, header.orientation()))
    right = left + header.sectionSize(column) - 2
    background = QColor(image.pixel(right - 1, 1)).lightness()
    rows: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(text_end + 6, right):
            if abs(QColor(image.pixel(x, y)).lightness() - background) > 60:
                rows[y] = rows.get(y, 0) + 1
    rows = {y: n for y, n in rows.items() if n < (right - text_end - 6) // 2}  # not the header's border lines
    assert rows, "no arrow drawn"
    floor = min(rows.values())  # a separator line runs down every row; the arrow is what stands above it
    arrow = {y: n - floor for y, n in rows.items() if n - floor > 1}
    top, bottom = min(arrow), max(arrow)
    return arrow[bottom] > arrow[top]


def test_the_sort_arrow_points_down_while_the_newest_come_first(qtbot, tmp_path):
    from PySide6.QtCore import QPoint, Qt

    window = open_window(qtbot, demo_register(tmp_path, 30))
    window.show_code("complaints")
    table = window.register.ui.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    assert table.model().headerData(1, Qt.Orientation.Horizontal) == "登记日期"  # the day it came in, not 受理
    dates = [table.model().index(r, 1).data() for r in range(table.model().rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert not _arrow_points_up(header, 1)
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 10, 5)
    )
    qtbot.waitUntil(lambda: table.model().index(0, 1).data() == min(dates))
    assert _arrow_points_up(header, 1)
