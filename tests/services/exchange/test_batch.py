"""Several packages imported together: one transaction, each package in its own savepoint."""

from __future__ import annotations

import sqlite3

from station_app.services import complaints
from station_app.services.exchange.importing import import_packages
from station_app.store import bulk, pending_indexes
from tests.conftest import TODAY, complaint_payload
from tests.services.exchange.registers import export, fingerprint


def test_a_refused_package_in_a_folder_leaves_nothing_and_the_others_are_merged(make_station, county, tmp_path):
    xj, dl = make_station("XJ"), make_station("DL", seed=3)
    import_packages(county, [export(xj, tmp_path / "m1")], accept_key=fingerprint(xj))  # keys known from last month
    import_packages(county, [export(dl, tmp_path / "m2")], accept_key=fingerprint(dl))
    complaints.add_complaints(xj, [complaint_payload()], TODAY)
    complaints.add_complaints(dl, [complaint_payload()], TODAY)
    stick = tmp_path / "stick"
    export(xj, stick, since_last=True).rename(stick / "a-good.stpkg")
    data = bytearray(export(dl, tmp_path / "later", since_last=True).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (stick / "b-damaged.stpkg").write_bytes(bytes(data))

    def count(sql: str) -> int:
        return county.db.execute(sql).fetchone()[0]

    before = (count("SELECT count(*) FROM complaints"), count("SELECT count(*) FROM exchange_imports"))
    results = import_packages(county, [stick])
    assert [(r["status"], r.get("added")) for r in results] == [("imported", 1), ("refused", None)]
    after = (count("SELECT count(*) FROM complaints"), count("SELECT count(*) FROM exchange_imports"))
    assert after == (before[0] + 1, before[1] + 1)  # the good package whole, nothing of the damaged one
    other = sqlite3.connect(county.path)  # committed for every other connection
    assert other.execute("SELECT count(*) FROM complaints").fetchone()[0] == after[0]
    assert not county.db.conn.in_transaction


def test_a_batch_commits_as_it_goes_rolls_back_on_error_and_restores_the_cache(county):
    db = county.db
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    other = sqlite3.connect(county.path)

    def seen() -> int:
        return other.execute("SELECT count(*) FROM meta WHERE key LIKE 'batch-%'").fetchone()[0]

    with bulk.ImportBatch(db, commit_rows=2) as batch:
        assert db.execute("PRAGMA cache_size").fetchone()[0] == -bulk.MONTH_CACHE_MIB * 1024  # a month: 64 MiB
        db.execute("INSERT INTO meta VALUES ('batch-1', '')")
        batch.applied(1)
        assert seen() == 0  # not yet committed
        db.execute("INSERT INTO meta VALUES ('batch-2', '')")
        batch.applied(1)
        assert seen() == 2  # committed: 2 rows gathered
    assert db.execute("PRAGMA cache_size").fetchone()[0] == cache
    try:
        with bulk.ImportBatch(db) as batch:
            db.execute("INSERT INTO meta VALUES ('batch-3', '')")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert seen() == 2 and not db.conn.in_transaction
    assert db.execute("PRAGMA cache_size").fetchone()[0] == cache


def test_text_with_unicode_line_separators_travels_intact(make_station, county, tmp_path):
    """A pasted text may hold U+2028, U+2029 or NEL (U+0085); the package's lines end at "\n" only. (A C0
    separator such as \x1c, which str.splitlines also splits at, is refused at input: tests/domain.)"""
    xj = make_station("XJ")
    facts = "第一行\u2028第二行\x85第三行\u2029完"
    complaints.add_complaints(xj, [complaint_payload(facts=facts)], TODAY)
    result = import_packages(county, [export(xj, tmp_path / "stick")], accept_key=fingerprint(xj))[0]
    assert result["status"] == "imported", result
    assert county.db.execute("SELECT count(*) FROM complaints WHERE facts = ?", [facts]).fetchone() == (1,)


def test_deferred_indexes_are_left_pending_with_the_commit_and_back_after_a_rollback(county):
    db = county.db
    other = sqlite3.connect(county.path)

    def indexes() -> list[tuple[str, str]]:
        return db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'complaints' ORDER BY name"
        ).fetchall()

    before = indexes()
    secondary = [(name, sql) for name, sql in before if sql]
    try:
        with bulk.ImportBatch(db, defer_indexes=True):
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert indexes() == before and pending_indexes.pending(db) == []  # all back, nothing listed
    with bulk.ImportBatch(db, defer_indexes=True, commit_rows=1) as batch:
        assert [name for name, sql in indexes() if sql] == []  # only the unique ones stay
        db.execute("INSERT INTO meta VALUES ('batch-1', '')")
        batch.applied(5)
        assert db.conn.in_transaction  # committed once, at the end, with the list
        assert other.execute("SELECT count(*) FROM meta WHERE key = ?", [pending_indexes.KEY]).fetchone() == (0,)
    assert [name for name, sql in indexes() if sql] == []  # not made again by the import
    assert sorted(pending_indexes.pending(db)) == sorted(secondary)
    assert other.execute("SELECT count(*) FROM meta WHERE key IN ('batch-1', ?)", [pending_indexes.KEY]).fetchone() == (
        2,
    )
    db.execute(secondary[0][1])  # one built (by the window), then a second big import before the rest
    with bulk.ImportBatch(db, defer_indexes=True):
        pass
    assert sorted(pending_indexes.pending(db)) == sorted(secondary)  # all kept, none twice
    assert pending_indexes.build_all(db) == len(secondary)
    assert indexes() == before and pending_indexes.pending(db) == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def answers(session) -> list:
    """What the register page, the workbench and the 统计 page ask, with the indexes or without them."""
    from station_app.domain import periods
    from station_app.services import complaint_register, tallies
    from station_app.store.complaints import ComplaintFilter

    filters = [
        ComplaintFilter(),
        ComplaintFilter(search="张"),
        ComplaintFilter(search="138"),
        ComplaintFilter(status=["accepted", "mediating"]),
        ComplaintFilter(station_code="XJ", month="2026-10"),
        ComplaintFilter(date_from="2026-09-01", date_to="2026-10-31"),
        ComplaintFilter(due_by="2026-12-31"),
    ]
    got: list = [complaint_register.first_page(session, f, TODAY, limit=500) for f in filters]
    got += [
        complaint_register.first_page(session, f, TODAY, sort=key, limit=500)
        for f in filters[:2]
        for key in ("status", "due")
    ]
    got.append(complaint_register.count(session, ComplaintFilter(), TODAY, overdue=True))
    got.append(complaint_register.first_page(session, ComplaintFilter(), TODAY, overdue=True, limit=500))
    got.append(tallies.tally(session, periods.year("2026"), TODAY))
    return got


def test_a_folder_imported_with_deferred_indexes_equals_one_imported_without(make_station, tmp_path, monkeypatch):
    """Even before the pending indexes are built every answer is the same; once built, so is the schema. The
    register is a station's (mode ``station``): it imports packages too, and its indexes are left pending alike."""
    from station_app.services import county_search
    from station_app.services.exchange import importing
    from tests.services.exchange.registers import open_register, snapshot

    xj = make_station("XJ", complaints_count=60)
    stick = tmp_path / "stick"
    export(xj, stick).rename(stick / "1-full.stpkg")
    complaints.add_complaints(xj, [complaint_payload(), complaint_payload()], TODAY)
    export(xj, stick, since_last=True).rename(stick / "2-since.stpkg")
    merged, asked, schemas = [], [], []
    for defer in (False, True):
        monkeypatch.setattr(importing, "_bigger_than_register", lambda *_a, defer=defer: defer)
        county = open_register(tmp_path / f"county-{defer}", "SXX")
        results = import_packages(county, [stick], accept_key=fingerprint(xj))
        assert [r["status"] for r in results] == ["imported", "imported"]
        assert (county_search.indexes_waiting(county) > 0) == defer
        tables = snapshot(county)
        merged.append({name: tables[name] for name in ("complaints", "complaint_events", "tally_months")})
        asked.append(answers(county))
        assert county.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert county_search.build(county) == 0  # a station's register: the indexes only, no index of words
        assert county_search.indexes_waiting(county) == 0 and answers(county) == asked[-1]
        schemas.append(
            county.db.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'complaints' ORDER BY name"
            ).fetchall()
        )
        county.close()
    assert merged[0] == merged[1] and len(merged[0]["complaints"]) == 62 + 2
    assert asked[0] == asked[1] and asked[0][0][0] == 64
    assert schemas[0] == schemas[1]


def test_a_big_batch_writes_through_a_rollback_journal_only_when_alone(county):
    db = county.db

    def mode() -> str:
        return db.execute("PRAGMA journal_mode").fetchone()[0]

    with bulk.ImportBatch(db, defer_indexes=True):
        assert mode() == "delete"  # each new page written once, not into the log and again into the register
        db.execute("INSERT INTO meta VALUES ('batch-big', '')")
    assert mode() == "wal" and db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    other = sqlite3.connect(county.path)
    other.execute("SELECT count(*) FROM meta").fetchone()  # the window's connection, say
    with bulk.ImportBatch(db, defer_indexes=True):
        assert mode() == "wal"  # not switched, and not waited for
    assert other.execute("SELECT count(*) FROM meta WHERE key = 'batch-big'").fetchone()[0] == 1
