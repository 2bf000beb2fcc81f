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
