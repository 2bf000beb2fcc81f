"""Benchmark of the register core: a demo register of N complaints, then search and a year's counts.

    .venv/bin/python bench/bench_register.py --complaints 100000

Prints the figures and writes them to bench/out/register.json. Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from station_app.domain import periods
from station_app.services import complaint_views, demo, tallies
from station_app.services.session import Session
from station_app.store.complaints import ComplaintFilter

SEARCHES = ["张伟", "王", "华联超市", "1381", "冰箱不制冷", "zw", "XJ-2026-0042"]


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--db", help="keep the register here (default: a temporary file)")
    args = parser.parse_args()
    today = date(2026, 11, 23)
    folder = Path(tempfile.mkdtemp())
    path = Path(args.db) if args.db else folder / "bench.sqlite3"
    figures: dict[str, object] = {"complaints": args.complaints}

    start = time.perf_counter()
    session = Session.open(path)
    demo.build_demo(session, args.complaints, today)
    figures["demo_seconds"] = round(time.perf_counter() - start, 1)
    figures["file_mb"] = round(path.stat().st_size / 1e6, 1)

    searches = {}
    for text in SEARCHES:
        ms, listing = timed(
            lambda t=text: complaint_views.list_complaints(session, ComplaintFilter(search=t), today, limit=50)
        )
        searches[text] = {"ms": round(ms, 1), "total": listing["total"]}
    figures["search_first_page_ms"] = searches

    ms, year = timed(lambda: tallies.tally(session, periods.year(2026), today, with_previous=False))
    figures["year_tally_ms"] = round(ms, 1)
    figures["year_accepted"] = year["complaints"]["accepted"]
    ms, listing = timed(lambda: complaint_views.list_complaints(session, ComplaintFilter(), today, overdue=True))
    figures["overdue_list_ms"] = round(ms, 1)
    session.close()

    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "register.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
