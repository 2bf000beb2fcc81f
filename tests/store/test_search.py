import pytest

from station_app.services import complaint_views, complaints
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY, complaint_payload
from tests.store.people import PEOPLE


@pytest.fixture
def register(session):
    payloads = [
        complaint_payload(consumer={"name": n, "phone": p}, business={"name": b}, subject=s) for n, p, b, s in PEOPLE
    ]
    complaints.add_complaints(session, payloads, TODAY)
    return session


def names(session, text):
    listing = complaint_views.list_complaints(session, ComplaintFilter(search=text), TODAY, limit=None)
    return sorted(r["consumer_name"] for r in listing["items"])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("张三", ["张三", "张三丰"]),  # two characters: below the trigram index, must still be found
        ("张", ["张三", "张三丰"]),
        ("欧阳", ["欧阳小明"]),
        ("张三丰", ["张三丰"]),  # three characters: trigram index
        ("1234", ["欧阳小明"]),  # phone digits
        ("国美", ["李四"]),
        ("华联超市", ["张三"]),
        ("XJ-2026-0004", ["李四"]),
        ("zs", ["张三", "张三丰"]),  # pinyin initials
        ("oyxm", ["欧阳小明"]),
        ("张 空调", ["张三丰"]),  # every term must match
        ("不存在的人", []),
        ('"', []),
    ],
)
def test_search(register, text, expected):
    assert names(register, text) == expected


def test_facts_are_searched_by_three_or_more_characters(register):
    assert len(names(register, "不制冷")) == 4  # every case's facts say so
    assert names(register, "制冷") == []  # 1–2 characters: names, phone, business, subject, number only


def test_search_plan_uses_the_indexes(register):
    from station_app.store.complaints import filter_clauses

    for text in ("张三", "张三丰"):
        where, params = filter_clauses(ComplaintFilter(search=text))
        plan = register.db.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM complaints WHERE " + " AND ".join(where), params
        ).fetchall()
        details = " ".join(row[-1] for row in plan)
        assert "complaints_short_text" in details or "VIRTUAL TABLE" in details
