"""The complaint register's category and nature filters, driven through the real page."""

from __future__ import annotations

from station_app.services import complaint_views
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY
from tests.ui.windows import demo_register, open_window


def test_category_and_nature_filters_narrow_the_register(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 300))
    window.nav.setCurrentRow(1)
    page = window.register
    ui = page.ui
    everything = page.model.total
    assert ui.category_filter.currentData() == "" and ui.nature_filter.currentData() == ""
    assert ui.category_filter.findData("goods") >= 0 and ui.category_filter.findData("G01") >= 0

    ui.category_filter.setCurrentIndex(ui.category_filter.findData("goods"))
    goods = page.model.total
    expected = complaint_views.list_complaints(window.session, ComplaintFilter(category="goods"), TODAY, limit=1)
    assert goods == expected["total"] and 0 < goods < everything

    ui.nature_filter.setCurrentIndex(ui.nature_filter.findData("quality"))
    both = complaint_views.list_complaints(
        window.session, ComplaintFilter(category="goods", nature="quality"), TODAY, limit=1
    )
    assert page.model.total == both["total"] <= goods
    assert all(page.model.row_at(i)["nature"] == "quality" for i in range(page.model.rowCount()))

    ui.category_filter.setCurrentIndex(0)
    ui.nature_filter.setCurrentIndex(0)
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
    assert int(bench.overdue.value.text()) == states.count("overdue")
    assert int(bench.due_soon.value.text()) == states.count("due_soon") > 0
    assert bench.table.rowCount() == min(len(states), 60)


def test_the_register_is_read_when_its_page_is_first_shown(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 30))
    assert window.register.model.pages_read == 0 and not window.built  # only the workbench at start
    window.nav.setCurrentRow(1)
    assert window.register.model.total == 30 and window.register.model.pages_read == 1
