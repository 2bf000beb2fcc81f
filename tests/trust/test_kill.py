from tests.trust.kill_harness import run


def test_thirty_kills_lose_no_acknowledged_record(tmp_path):
    result = run(30, tmp_path / "kill.sqlite3", seed=7)
    assert result["integrity_failures"] == 0
    assert result["records_lost"] == 0
    assert result["acknowledged_saves"] > 30  # the worker really got work done between kills


def test_a_restore_killed_at_any_moment_leaves_a_register_that_opens(tmp_path):
    """Issue "Trust": kill -9 during restore once left no register (the old one moved aside first)."""
    from tests.trust.restore_kill import run as run_restores

    result = run_restores(16, tmp_path, seed=3)
    assert result["missing"] == result["damaged"] == result["neither"] == 0, result
    assert result["swapped"] > 0 and result["kept"] > 0, result  # kills landed before and after the swap
