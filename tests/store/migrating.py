"""A register made at the schema just before one migration step, for that step's upgrade test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from station_app.store import database, migrations
from station_app.store.database import open_database


@contextmanager
def register_before(path: Path, step_name: str) -> Iterator:
    """Open ``path`` migrated up to (not including) ``step_name``; on leaving it is closed and every step is known
    again, so the next ``open_database(path)`` runs the step."""
    older = [fn for fn in migrations._STEPS if fn.__name__ != step_name]
    assert len(older) == len(migrations._STEPS) - 1, step_name
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "_STEPS", older)
        patch.setattr(database, "known_names", lambda: [fn.__name__ for fn in older])
        migrations.migration_set.cache_clear()
        db = open_database(path)
        try:
            yield db
        finally:
            db.conn.close()
    migrations.migration_set.cache_clear()
