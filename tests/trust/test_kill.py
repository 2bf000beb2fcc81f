from tests.trust.kill_harness import run


def test_thirty_kills_lose_no_acknowledged_record(tmp_path):
    result = run(30, tmp_path / "kill.sqlite3", seed=7)
    assert result["integrity_failures"] == 0
    assert result["records_lost"] == 0
    assert result["acknowledged_saves"] > 30  # the worker really got work done between kills
