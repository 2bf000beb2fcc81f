"""A county's register keeps no trigram search index; finding cases by number, names, phone and business still
works, and a register turned back into a station's gets its index back."""

import pytest

from station_app.services import complaint_views, complaints, station
from station_app.store import search_index
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY, complaint_payload
from tests.store.people import PEOPLE


@pytest.fixture
def register(session):
    payloads = [
        complaint_payload(consumer={"name": n, "phone": p}, business={"name": b}, subject=s, facts=f"{s}出现质量问题")
        for n, p, b, s in PEOPLE
    ]
    complaints.add_complaints(session, payloads, TODAY)
    return session


def names(session, text):
    listing = complaint_views.list_complaints(session, ComplaintFilter(search=text), TODAY, limit=None)
    return sorted(r["consumer_name"] for r in listing["items"])


SHORT_COLUMN_SEARCHES = ["张三", "张三丰", "1234", "13800138001", "华联超市", "XJ-2026-0004", "zs", "oyxm", "张 空调"]


def test_a_county_register_finds_cases_without_the_trigram_index(register):
    before = {text: names(register, text) for text in SHORT_COLUMN_SEARCHES}
    station.set_mode(register, "county")
    assert not search_index.present(register.db)
    assert register.db.execute("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%complaints_fts%'").fetchone() == (
        0,
    )
    assert {text: names(register, text) for text in SHORT_COLUMN_SEARCHES} == before
    # The facts are searched in a county's register too, through its index of words (store/county_search.py),
    # the same cases as the station's trigram index finds.
    assert names(register, "质量问题") == ["张三", "张三丰", "李四", "欧阳小明"]


def test_cases_written_without_the_index_are_found_once_it_is_back(register, make_complaint):
    station.set_mode(register, "county")
    complaints.add_complaints(
        register,
        [
            complaint_payload(
                consumer={"name": "王五", "phone": "13600001234"},
                business={"name": "城关灶具店"},
                facts="燃气灶打不着火",
            )
        ],
        TODAY,
    )  # the county writes nothing to a search index it does not keep
    station.set_mode(register, "station")
    assert search_index.present(register.db)
    assert names(register, "打不着火") == ["王五"]
    assert names(register, "质量问题") == ["张三", "张三丰", "李四", "欧阳小明"]
    assert names(register, "华联超市") == ["张三"]
    assert not search_index.switch_on(register.db)  # already there: nothing to do


def test_switching_off_twice_changes_nothing(register):
    with register.db.atomic():
        assert search_index.switch_off(register.db)
        assert not search_index.switch_off(register.db)


def test_a_county_register_made_before_drops_its_index_on_upgrade(tmp_path):
    from station_app.store.database import open_database
    from tests.store.migrating import register_before

    path = tmp_path / "county.sqlite3"
    with register_before(path, "m010_county_search_index") as db:
        db.execute("INSERT INTO meta VALUES ('mode', 'county')")
        assert search_index.present(db)
    db = open_database(path)
    assert not search_index.present(db) and "已升级" in db.upgrade_note
