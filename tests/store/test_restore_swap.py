"""Restore swaps registers so that a kill at any step leaves the old one or the new one (issue "Trust" 4).

Every file-system step of store.replace_register is interrupted in turn (as a kill would stop it there), then
the register at its place must open, pass the check and be one of the two; the old one is never missing.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from station_app import durable
from station_app.services import backup, demo
from station_app.services.session import Session
from station_app.store import backup as store
from tests.conftest import TODAY


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even ``except Exception``."""


def _register(path: Path, complaints: int, seed: int) -> int:
    session = Session.open(path)
    demo.build_demo(session, complaints, TODAY, seed=seed)
    session.close()
    return store.check_file(path)["complaints"]


@pytest.fixture
def registers(tmp_path):
    old = _register(tmp_path / "register.sqlite3", 30, 1)
    new_path = tmp_path / "elsewhere" / "copy.sqlite3"
    new_path.parent.mkdir()
    new = _register(new_path, 50, 2)
    return tmp_path / "register.sqlite3", new_path, old, new


def _steps(monkeypatch, stop_at: int) -> list[str]:
    """Count the file-system steps; raise Killed before step ``stop_at``."""
    seen: list[str] = []

    def wrap(owner, name):
        original = getattr(owner, name)

        def step(*args, **kwargs):
            seen.append(name)
            if len(seen) == stop_at:
                raise Killed
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, step)

    wrap(durable, "copy_file")
    wrap(durable, "sync_folder")
    wrap(os, "replace")
    wrap(Path, "unlink")
    return seen


def test_every_step_interrupted_leaves_a_register(registers, monkeypatch):
    path, new_path, old, new = registers
    with monkeypatch.context() as counting:
        steps = _steps(counting, stop_at=0)
        store.replace_register(new_path, path, datetime(2026, 11, 23, 10, 0))
    assert store.check_file(path)["complaints"] == new and len(steps) >= 4
    path.unlink()
    for side in path.parent.glob("register.sqlite3*"):
        side.unlink()
    for stop in range(1, len(steps) + 1):
        _register(path, 30, 1)
        with monkeypatch.context() as killing:
            _steps(killing, stop_at=stop)
            with pytest.raises(Killed):
                store.replace_register(new_path, path, datetime(2026, 11, 23, 10, stop))
        assert path.exists(), f"no register after a kill at step {stop}"
        assert store.check_file(path)["complaints"] in (old, new), stop
        # The next restore clears what the interrupted one left and completes.
        backup.restore(path, new_path)
        assert store.check_file(path)["complaints"] == new
        assert not path.with_name(path.name + store.RESTORING).exists()
        for side in path.parent.glob("register.sqlite3*"):
            side.unlink()


def test_a_missing_register_with_one_kept_aside_says_to_put_it_back(registers):
    path, _new_path, old, _new = registers
    aside = path.with_name(path.name + ".before-restore-20261123-100000")
    path.rename(aside)
    from station_app.store.database import StoreError, open_database

    with pytest.raises(StoreError, match="restore") as refused:
        open_database(path, create=False)
    assert aside.name in str(refused.value) and "不要运行 init" in str(refused.value)
    from station_app.cli import main

    assert main(["--db", str(path), "--today", "2026-11-23", "restore", str(aside)]) == 0  # as the message says
    assert store.check_file(path)["complaints"] == old
