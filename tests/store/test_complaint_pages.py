"""The register's first page with its total in one pass equals the count and the page read apart."""

from __future__ import annotations

import pytest

from station_app.services import demo
from station_app.services.session import Session
from station_app.store import complaint_pages, records
from station_app.store.complaints import ComplaintFilter, filter_clauses
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    session = Session.open(tmp_path_factory.mktemp("pages") / "demo.sqlite3")
    demo.build_demo(session, 600, TODAY)
    yield session.db
    session.close()


@pytest.mark.parametrize("search", ["", "王", "zw", "华联", "超市", "1381", "XJ-2026", "没有这个词", "张 超市"])
@pytest.mark.parametrize("sort", ["received_on", "consumer_name", "due", "amount_fen"])
def test_first_page_equals_count_and_page(demo_db, search, sort):
    flt = ComplaintFilter(search=search)
    total, rows = complaint_pages.find_first_page(demo_db, flt, sort=sort, descending=sort != "consumer_name", limit=25)
    expected = complaint_pages.find_page(
        demo_db, flt, sort=sort, descending=sort != "consumer_name", limit=25, offset=0
    )
    assert total == records.count(demo_db, "complaint", *filter_clauses(flt))
    assert [r["number"] for r in rows] == [r["number"] for r in expected]
    assert rows == expected  # whole rows, nothing extra
