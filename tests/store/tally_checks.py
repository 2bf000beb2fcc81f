"""Counting the monthly aggregates afresh from the rows, to compare with what the triggers kept."""

from __future__ import annotations

from station_app.store import tally_months


def recount(db) -> list[tuple]:
    """What the aggregates should hold: the rebuild run in a savepoint that is rolled back."""
    db.execute("SAVEPOINT recount")
    try:
        for statement in tally_months.statements(tally_months.REBUILD):
            db.execute(statement)
        return tally_months.all_rows(db)
    finally:
        db.execute("ROLLBACK TO recount")
        db.execute("RELEASE recount")
