"""The 统计 page shows the same figures as `station-app tally`, computed off the GUI thread."""

from datetime import date

from station_app.domain import periods
from station_app.services import demo, tallies
from station_app.services.session import Session
from station_app.ui.stats_page import StatsPage

TODAY = date(2026, 11, 23)


def test_year_figures_match_the_tally(qtbot, tmp_path):
    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 120, TODAY)
    session.act_as("setup", "head")
    page = StatsPage(session, path, lambda: TODAY)
    qtbot.addWidget(page)
    page.kind.setCurrentText("年")
    page.run_button.click()
    qtbot.waitUntil(lambda: page.tabs.count() > 0, timeout=30_000)
    expected = tallies.as_json(tallies.tally(session, periods.year("2026"), TODAY))
    assert f"共受理消费者投诉{expected['complaints']['accepted']}件" in page.heading.text()
    headline = page.tabs.widget(0)
    values = {headline.item(r, 0).text(): headline.item(r, 1).text() for r in range(headline.rowCount())}
    assert values["受理投诉（件）"] == str(expected["complaints"]["accepted"])
    assert page.tabs.tabText(1) == "按投诉性质" and page.chart.rows
    assert page.xlsx_button.isEnabled()
    session.close()


def test_breakdowns_keep_catalog_order(qtbot, tmp_path):
    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 30, TODAY)
    session.act_as("setup", "head")
    page = StatsPage(session, path, lambda: TODAY)
    qtbot.addWidget(page)
    page.run_button.click()
    qtbot.waitUntil(lambda: page.tabs.count() > 0, timeout=30_000)
    natures = page.tabs.widget(1)
    assert [natures.item(r, 0).text() for r in range(3)] == ["质量", "安全", "价格"]
    session.close()


def test_the_page_opens_on_this_months_figures_and_follows_the_period(qtbot, tmp_path):
    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 60, TODAY)
    session.act_as("setup", "head")
    page = StatsPage(session, path, lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.tabs.count() > 0, timeout=30_000)
    assert page.data["period"]["from"] == "2026-11-01"
    page.kind.setCurrentText("年")
    qtbot.waitUntil(lambda: page.data["period"]["from"] == "2026-01-01", timeout=30_000)
    assert not page.job.running()
    session.close()


def test_every_table_is_one_click_away_at_1366x768(qtbot, tmp_path):
    """The nine tables once hid behind the tab bar's arrow: now every title is listed, whole, beside the table."""
    from PySide6.QtCore import Qt

    from tests.ui.windows import demo_register, open_window

    window = open_window(qtbot, demo_register(tmp_path, 60))
    window.show_code("stats")
    page = window.page("stats")
    qtbot.waitUntil(lambda: page.sections.count() > 0, timeout=30_000)
    assert page.sections.count() == page.tabs.count() >= 8
    visible = page.sections.viewport().rect()
    for row in range(page.sections.count()):
        item = page.sections.item(row)
        box = page.sections.visualItemRect(item)
        assert visible.contains(box), item.text()  # not scrolled away, not cut
        assert page.sections.fontMetrics().horizontalAdvance(item.text()) <= box.width()
    last = page.sections.count() - 1
    box = page.sections.visualItemRect(page.sections.item(last))
    qtbot.mouseClick(page.sections.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert page.tabs.currentIndex() == last


def test_the_count_is_drawn_after_last_years_longer_bar(qtbot):
    """Last year's grey bar once ran over this year's number; the number now follows the longer bar."""
    from PySide6.QtGui import QColor, QImage

    from station_app.ui.stats_page import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 120)
    chart.show_rows([("质量", 10, 10), ("安全", 0, 10)])
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    chart.render(image)
    grey = QColor("#9aa7b8").rgb()
    # The second row: no red bar, a full grey bar; its "0" must be right of the grey bar's end, on white.
    row_y = 6 + 24 + 14
    grey_end = max(x for x in range(image.width()) if image.pixel(x, row_y) == grey)
    ink = [x for x in range(image.width()) for y in range(30, 50) if QColor(image.pixel(x, y)).lightness() < 100]
    assert ink and min(x for x in ink if x > 150) > grey_end
