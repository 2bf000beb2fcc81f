"""The cases that make the monthly aggregates differ from the figures "as of" an earlier day.

``tally_months`` describes the cases as they stand now. A case's contribution as of a day differs from it
only when one of its steps (received, accepted, mediation started, closed) falls after that day, i.e. when
its latest step is later. Those cases are found per month of receipt by the ``complaints_crossing`` index
(migration m016: month of receipt, latest step day), so last year "as it stood a year ago" reads the
aggregates and the few cases still moving on that day, not the year's cases.

The expressions below must stay the index's, word for word: SQLite uses an index on expressions only for
the same expression (tests/store/test_tally_as_of.py checks the plan).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from station_app.store import pending_indexes, tallies
from station_app.store.tallies import ACCEPTED_AS_OF, OVERDUE_AS_OF, STATUS_AS_OF

if TYPE_CHECKING:
    from sqlite_utils import Database

MONTH = "substr(received_on, 1, 7)"
LATEST = "max(received_on, coalesce(accepted_on, ''), coalesce(mediation_started_on, ''), coalesce(closed_on, ''))"
OPEN = "('registered', 'accepted', 'mediating')"
CROSSING_COLUMNS = (
    "station_code",
    "status",
    "acc_now",
    "st",
    "acc",
    "counted",
    "overdue_now",
    "overdue",
    "nature",
    "category_class",
    "amount_band",
    "channel",
    "n",
    "recovered_fen",
    "punitive_cases",
    "punitive_fen",
)


def crossing(db: Database, stations: tuple[str, ...], months: list[str], as_of: str) -> list[tuple]:
    """The cases of ``months`` (of receipt) with a step after ``as_of``, grouped by how they count now and then.

    Per group, in the order of CROSSING_COLUMNS: ``status``/``acc_now``/``overdue_now`` are how the aggregates
    and the overdue count of store.tallies.overdue_now hold them now; ``st``/``acc``/``overdue`` their state on
    ``as_of``, which counts only when ``counted`` (received by then).
    """
    if not months or not stations:
        return []
    if len(stations) <= tallies.FEW_STATIONS:
        # A station's cases of the months are a narrow range of the tally index, which holds every step date:
        # reading them there beats finding every station's moving cases and then their rows.
        by = pending_indexes.indexed_by(db, "complaints_tally")
        where = f"{by} WHERE received_on BETWEEN :start AND :end AND {LATEST} > :as_of"
        return _grouped(db, where, stations, {"as_of": as_of, "start": f"{months[0]}-01", "end": f"{months[-1]}-31"})
    marks = ", ".join(f":m{i}" for i in range(len(months)))
    by = pending_indexes.indexed_by(db, "complaints_crossing")
    where = f"{by} WHERE {MONTH} IN ({marks}) AND {LATEST} > :as_of"
    return _grouped(db, where, stations, {"as_of": as_of, **{f"m{i}": m for i, m in enumerate(months)}})


def _grouped(db: Database, where: str, stations: tuple[str, ...], params: dict[str, Any]) -> list[tuple]:
    station_marks = ", ".join(f":s{i}" for i in range(len(stations)))
    params.update({f"s{i}": s for i, s in enumerate(stations)})
    cursor = db.execute(
        f"""
        SELECT station_code, status, acc_now, st, acc, counted,
               coalesce(counted AND status IN {OPEN} AND ({OVERDUE_AS_OF.format(status="status")}), 0),
               coalesce(counted AND ({OVERDUE_AS_OF.format(status="st")}), 0),
               nature, category_class, amount_band, channel,
               count(*), sum(recovered_fen), sum(punitive_fen > 0), sum(punitive_fen)
        FROM (
            SELECT station_code, status, accepted_on IS NOT NULL AS acc_now, {STATUS_AS_OF} AS st,
                   {ACCEPTED_AS_OF} AS acc, received_on <= :as_of AS counted,
                   coalesce(nature, 'unknown') AS nature, coalesce(category_class, 'unknown') AS category_class,
                   coalesce(amount_band, 'unknown') AS amount_band, coalesce(channel, 'unknown') AS channel,
                   recovered_fen, punitive_fen, acceptance_due, mediation_due, paused_since
            FROM complaints {where} AND deleted_at IS NULL AND station_code IN ({station_marks})
        )
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        """,
        params,
    )
    return cursor.fetchall()
