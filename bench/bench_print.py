"""Benchmark of printing: one receipt warm, and a batch of 500 receipts.

    .venv/bin/python bench/bench_print.py

Target (issue "Printing"): under 50 ms per receipt, warm. Writes bench/out/print.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from station_app.reports import receipt
from station_app.services import complaint_views, demo
from station_app.services.session import Session
from station_app.store.complaints import ComplaintFilter

TODAY = date(2026, 11, 23)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    session = Session.open(folder / "r.sqlite3")
    demo.build_demo(session, 600, TODAY)
    station = session.station()
    numbers = [
        r["number"] for r in complaint_views.list_complaints(session, ComplaintFilter(), TODAY, limit=500)["items"]
    ]
    cases = [complaint_views.show(session, n, TODAY) for n in numbers]
    start = time.perf_counter()
    receipt.write(cases[0], station, session.catalogs, folder / "cold.pdf", TODAY)
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for i, case in enumerate(cases[1:21]):
        start = time.perf_counter()
        receipt.write(case, station, session.catalogs, folder / f"warm{i}.pdf", TODAY)
        warm.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    for i, number in enumerate(numbers):  # the batch as the app runs it: read each case, then write
        receipt.write(
            complaint_views.show(session, number, TODAY), station, session.catalogs, folder / f"batch{i}.pdf", TODAY
        )
    batch = time.perf_counter() - start
    figures = {
        "first_receipt_cold_ms": round(cold, 1),
        "receipt_warm_median_ms": round(statistics.median(warm), 1),
        "batch_500_seconds": round(batch, 2),
        "batch_per_receipt_ms": round(batch * 1000 / len(numbers), 1),
        "receipt_kb": round((folder / "warm0.pdf").stat().st_size / 1024, 1),
    }
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "print.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
