"""County office views: which stations handed in which months (completeness), and likely duplicates.

A package holds everything its station had registered when it was made, so a month counts as handed in
from the first package made after the month ended; it is late when that package was made after the
deadline day of the following month (the 5th unless said otherwise).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from station_app.domain import roles
from station_app.domain.validation import mask_phone
from station_app.services.session import Session
from station_app.store import county as store
from station_app.store import months as month_store

DEADLINE_DAY = 5
DUPLICATE_WINDOW_DAYS = 30


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def completeness(session: Session, year: int, today: date, deadline_day: int = DEADLINE_DAY) -> dict[str, Any]:
    """Stations × months of ``year``: accepted (closed and accepted here), received, late, missing, not yet due."""
    session.require(roles.READ)
    packages = store.packages_created(session.db)
    answers = {(r["station_code"], r["month"]): r["state"] for r in month_store.listing(session.db)}
    counts = store.complaints_per_month(session.db, year)
    grid = []
    for station in store.stations(session.db):
        made = packages.get(station["code"], [])
        months = {}
        for month in range(1, 13):
            end = _month_end(year, month)
            deadline = end + timedelta(days=deadline_day)
            key = f"{year}-{month:02d}"
            covering = next((created for created in made if created[:10] > end.isoformat()), None)
            if answers.get((station["code"], key)) == "accepted":
                status = "accepted"  # closed by the station and accepted here
            elif covering is not None:
                status = "received" if covering[:10] <= deadline.isoformat() else "late"
            else:
                status = "missing" if today > deadline else "not_due"
            months[key] = {
                "status": status,
                "package_created_at": covering,
                "complaints": counts.get((station["code"], key), 0),
            }
        grid.append({**station, "months": months})
    summary = {
        status: sum(1 for s in grid for m in s["months"].values() if m["status"] == status)
        for status in ("accepted", "received", "late", "missing", "not_due")
    }
    return {"year": year, "deadline_day": deadline_day, "stations": grid, "summary": summary}


def duplicates(session: Session, year: int, *, show_phone: bool = False) -> list[dict[str, Any]]:
    """Likely duplicates across stations in ``year`` (phone masked in the output unless asked for)."""
    session.require(roles.READ)
    pairs = store.likely_duplicates(session.db, f"{year}-01-01", f"{year}-12-31", DUPLICATE_WINDOW_DAYS)
    if not show_phone:
        for pair in pairs:
            pair["phone"] = mask_phone(pair["phone"])
    return pairs
