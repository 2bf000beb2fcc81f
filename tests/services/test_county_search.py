"""A county's index of words finds exactly the cases the words are in: before, during and after a build, and after
cases change (services/county_search.py, store/county_search.py, domain/search_grams.py)."""

from __future__ import annotations

import random

import pytest

from station_app.services import complaint_register, county_search, demo, station
from station_app.services.session import Session
from station_app.store import county_search as index_store
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY

SHORT = ("number", "consumer_name", "consumer_phone", "business_name", "subject")


@pytest.fixture(scope="module")
def county_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("county") / "county.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 160, TODAY, seed=11)
    station.set_mode(session, "county")  # the station's trigram index goes, the county's index of words comes
    session.close()
    return path


@pytest.fixture
def county(county_file, tmp_path):
    copy = tmp_path / "county.sqlite3"
    copy.write_bytes(county_file.read_bytes())
    session = Session.open(copy, create=False)
    yield session
    session.close()


def holds(case: dict, term: str) -> bool:
    """The rule the index must keep (the station's, letter case aside): any short field, the facts from three
    characters on, Latin letters also in the pinyin initials."""
    low = term.lower()
    fields = [case[c] or "" for c in SHORT] + ([case["facts"] or ""] if len(term) >= 3 else [])
    if any(low in value.lower() for value in fields):
        return True
    return term.isascii() and term.isalpha() and low in (case["search_initials"] or "")


def expected(session: Session, text: str) -> list[str]:
    cases = session.db.execute("SELECT * FROM complaints WHERE deleted_at IS NULL ORDER BY received_on DESC, pk DESC")
    names = [d[0] for d in cases.description]
    rows = [dict(zip(names, values, strict=True)) for values in cases]
    return [r["number"] for r in rows if all(holds(r, term) for term in text.split())]


def found(session: Session, text: str, limit: int = 500) -> list[str]:
    total, rows = complaint_register.first_page(session, ComplaintFilter(search=text), TODAY, limit=limit)
    numbers = [r["number"] for r in rows]
    assert total == len(numbers)
    return numbers


def terms_of(session: Session, seed: int = 5) -> list[str]:
    """Terms cut from the register's own text (1–6 characters of every field), pinyin initials, mixed letter case,
    several terms at once and terms found nowhere."""
    pick = random.Random(seed)
    rows = session.db.execute(f"SELECT {', '.join(SHORT)}, facts, search_initials FROM complaints").fetchall()
    terms = ["王", "zw", "ZW", "138", "XJ", "xj-2026", "无此字样的词", "𠮷", 'a"b']
    for _ in range(60):
        text = pick.choice([v for v in pick.choice(rows) if v])
        size = pick.randint(1, min(6, len(text)))
        start = pick.randint(0, len(text) - size)
        terms.append(text[start : start + size].strip() or "王")
    terms += [f"{a} {b}" for a, b in zip(terms[9:19], terms[19:29], strict=True)]
    return terms


def test_the_index_finds_what_the_register_holds_before_during_and_after_a_build(county):
    assert index_store.present(county.db) and county_search.waiting(county) > 0
    terms = terms_of(county)
    for term in terms[:20]:  # nothing indexed yet: every case read from the register
        assert found(county, term) == expected(county, term), term
    stops = iter([False, False, True])
    county_search.build(county, chunk=37, cancelled=lambda: next(stops))  # stopped half-way
    assert 0 < county_search.waiting(county) < 160
    for term in terms[20:40]:
        assert found(county, term) == expected(county, term), term
    assert county_search.build(county, chunk=37) > 0 and county_search.waiting(county) == 0
    for term in terms:
        assert found(county, term) == expected(county, term), term


def test_a_case_changed_deleted_or_brought_back_after_indexing_is_found_as_it_is_now(county):
    county_search.build(county)
    db = county.db
    first, second, third = (r[0] for r in db.execute("SELECT number FROM complaints ORDER BY pk LIMIT 3"))
    old_name, old_facts = db.execute("SELECT consumer_name, facts FROM complaints WHERE number = ?", [first]).fetchone()
    old_terms = [old_name, old_facts[:4], first]
    with db.atomic():
        db.execute(
            "UPDATE complaints SET consumer_name = '欧阳娜娜', facts = '充电器冒烟起火' WHERE number = ?", [first]
        )
        db.execute("UPDATE complaints SET deleted_at = '2026-11-20T08:00:00+00:00' WHERE number = ?", [second])
        db.execute("UPDATE complaints SET consumer_name = '欧阳修' WHERE number = ?", [third])
        db.execute("UPDATE complaints SET consumer_name = '欧阳锋' WHERE number = ?", [third])  # twice before a build
    for term in ("欧阳", "欧阳娜娜", "冒烟起火", "充电器冒烟", "欧阳修", "欧阳锋", *old_terms):
        assert found(county, term) == expected(county, term), term  # the old words no longer find the case
    assert county_search.waiting(county) == 3
    county_search.build(county)
    for term in ("欧阳", "欧阳娜娜", "冒烟起火", "欧阳修", "欧阳锋"):
        assert found(county, term) == expected(county, term), term
    with db.atomic():
        db.execute("UPDATE complaints SET deleted_at = NULL WHERE number = ?", [second])  # brought back
    county_search.build(county)
    for term in terms_of(county, seed=9)[:30]:
        assert found(county, term) == expected(county, term), term
    assert db.execute("INSERT INTO county_search(county_search) VALUES ('integrity-check')") is not None


def test_a_search_for_words_alone_counts_from_the_index_and_pages_down_the_date_order(county):
    county_search.build(county)
    for term in ("王", "zw", "1", "2026", "张伟"):
        want = expected(county, term)
        total, rows = complaint_register.first_page(county, ComplaintFilter(search=term), TODAY, limit=7)
        assert (total, [r["number"] for r in rows]) == (len(want), want[:7]), term
    # with another filter the same words go the general way, and agree with it
    total, _rows = complaint_register.first_page(county, ComplaintFilter(search="王", status=["registered"]), TODAY)
    registered = county.db.execute("SELECT number FROM complaints WHERE status = 'registered'").fetchall()
    assert total == len(set(expected(county, "王")) & {n for (n,) in registered})


def test_a_station_register_keeps_its_trigram_index_and_no_index_of_words(county):
    assert not index_store.short_text_index_present(county.db)  # a county does without the covering index
    station.set_mode(county, "station")
    assert not index_store.present(county.db) and county_search.waiting(county) == 0
    assert index_store.short_text_index_present(county.db)  # made again for a station's 1–2 character terms
    assert found(county, "王") == expected(county, "王")


def test_erasing_personal_data_drops_the_index_and_the_build_makes_it_again(county):
    county_search.build(county)
    from station_app.store import erasure

    with county.db.atomic():
        assert erasure.rebuild_search_index(county.db)  # the index of words keeps no text to refill from
    assert not index_store.present(county.db) and county_search.waiting(county) == 160
    assert found(county, "王") == expected(county, "王")  # read from the register meanwhile
    county_search.build(county)
    assert county_search.waiting(county) == 0 and found(county, "王") == expected(county, "王")
