"""The demo register: a realistic station's two years of work, through the same use cases as real input.

The generators are pure Python (no database, no clock): complaints.py, records.py (consultations, reports,
outreach events, warnings), with their text pools in text.py and text_records.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice
from typing import Any

from station_app.services.complaints import add_complaints
from station_app.services.demo import complaints as demo_complaints
from station_app.services.demo import records as demo_records
from station_app.services.records import add_records
from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.store import records as store

DEMO_STATION = {
    "code": "XJ",
    "name": "新集镇消费维权服务站",
    "kind": "service_station",
    "venue_type": "village",
    "county": "示例县",
    "contact": "0550-7654321",
}
CHUNK = 2000  # records per transaction: a demo of 100,000 cases need not sit in memory at once

Progress = Callable[[str, int, int], None]


def _chunks(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(items, size)):
        yield chunk


def demo_counts(complaints: int) -> dict[str, int]:
    """Other records in proportion to the complaints, as in the seeds' year-end summaries."""
    return {
        "complaint": complaints,
        "consultation": max(10, complaints // 2),
        "report": max(3, complaints // 20),
        "outreach_event": min(2000, max(5, complaints // 20)),
        "warning": min(500, max(3, complaints // 40)),
    }


def build_demo(
    session: Session, complaints: int, today: date, *, seed: int = 2026, progress: Progress | None = None
) -> dict[str, Any]:
    if store.local_station(session.db) is None:
        init_station(session, DEMO_STATION, today)
    counts = demo_counts(complaints)
    generators = {
        "complaint": demo_complaints.generate_complaints,
        "consultation": demo_records.generate_consultations,
        "report": demo_records.generate_reports,
        "outreach_event": demo_records.generate_outreach_events,
        "warning": demo_records.generate_warnings,
    }
    for kind, generate in generators.items():
        done = 0
        for chunk in _chunks(generate(counts[kind], today=today, seed=seed), CHUNK):
            if kind == "complaint":
                add_complaints(session, chunk, today)
            else:
                add_records(session, kind, chunk, today)
            done += len(chunk)
            if progress:
                progress(kind, done, counts[kind])
    return {"station": session.station()["code"], "counts": counts}
