"""Benchmark of a county's register at a million cases (issue 20), every figure beside its target and the figure
the issue measured before, in one run.

    .venv/bin/python bench/bench_county.py                           # makes the county with bench_import.py (~6 min)
    .venv/bin/python bench/bench_county.py --db COUNTY.sqlite3       # reuses one (bench_import.py --keep PATH)

Measures, on a copy of the register (the original is not changed):
- the import of a million cases against a plain insert (bench_import.py's figures: from its run, or from
  bench/out/import.json when ``--db`` is given);
- the indexes the import left pending, then the index of words, built after the import (services/county_search.py,
  as the window does in the background; ``--as-is`` builds nothing: the figures with the indexes still pending);
- each search's first page with its total: in the process (median of 5, warm) and as a whole
  ``complaint list --search`` process (median of 3, beside ``--version``);
- the year's tally with last year beside it (median of 5, warm, in the process);
- the peak memory of a county window that opens, searches in the register page, shows the 统计 page and imports a
  month of 300 stations' packages (90,000 cases) through the 数据交换 page's import job.
Writes bench/out/county.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)
# term -> what the issue measured as a whole process (seconds) before this work
SEARCHES = {"张伟": 1.32, "王": 1.19, "zw": 1.37, "华联超市": 0.72, "1381": 1.14, "S017-2026-0": None, "手机屏幕": None}
BASELINES = {"tally_with_last_year_s": 2.68, "version_process_s": 0.13, "import_ratio": 1.5}
TARGETS = {"search_ms": 100, "tally_with_last_year_ms": 300, "peak_memory_mb": 250, "import_ratio": 2.0}

MEMORY_RUN = """
import json, resource, sys, time
from pathlib import Path
from datetime import date
from PySide6.QtWidgets import QApplication
app = QApplication([])
from station_app.ui.main_window import create_main_window
window = create_main_window(Path(sys.argv[1]), today=lambda: date(2026, 11, 23))
window.resize(1366, 768)
window.show()
app.processEvents()
steps = {}
def rss():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
steps["window"] = rss()
window.show_code("complaints")
page = window.register
page.ui.search.setText("王")
page.apply_filter()
deadline = time.time() + 30
while getattr(page.model, "searching", False) and time.time() < deadline:
    app.processEvents(); time.sleep(0.01)
app.processEvents()
steps["search"] = rss()
window.show_code("stats")
for _ in range(50):
    app.processEvents(); time.sleep(0.02)
steps["stats"] = rss()
window.show_code("exchange")
exchange = window.page("exchange")
exchange.import_packages([Path(sys.argv[2])])
while exchange.running is not None and exchange.running.running():
    app.processEvents(); time.sleep(0.05)
app.processEvents()
steps["import_of_a_month"] = rss()
window.search_index.stop()
print(json.dumps({"steps_mb": steps, "report": exchange.report.toPlainText()[-300:]}, ensure_ascii=False))
"""


def median_ms(fn, repeat: int = 5) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def process_s(args: list[str], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(ROOT / ".venv/bin/station-app"), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 2)


def month_packages(folder: Path, db: Path, cases: int = 90_000, stations: int = 300) -> None:
    """A month of new stations' packages (keys registered in the register, as after their first month)."""
    import importlib.util

    from station_app.services.session import Session

    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "bench" / "bench_import.py")
    assert spec is not None and spec.loader is not None
    bench_import = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_import)
    seed = folder / "seed"
    seed.mkdir()
    pool = bench_import.seed_rows(seed, 2_000)
    (folder / "month").mkdir()
    made = bench_import.make_packages(folder / "month", pool, cases, stations, prefix="M")  # new stations
    session = Session.open(db, create=False)
    bench_import.register_keys(session, made)
    session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a county register made by bench_import.py --keep (copied here)")
    parser.add_argument("--month-cases", type=int, default=90_000, help="the month imported in the memory run")
    parser.add_argument(
        "--as-is", action="store_true", help="build nothing first: measure with the indexes an import left pending"
    )
    parser.add_argument("--no-memory", action="store_true", help="leave out the window run (it imports a month)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-county-"))
    figures: dict[str, object] = {"targets": TARGETS, "baselines": BASELINES}
    county = work / "county.sqlite3"
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    if args.db is None:
        subprocess.run(
            [sys.executable, str(ROOT / "bench/bench_import.py"), "--complaints", "1000000", "--stations", "300",
             "--keep", str(county)],
            check=True,
        )  # fmt: skip
    else:
        shutil.copy(args.db, county)
    saved = out / "import.json"
    imported = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    figures["import"] = {k: imported.get(k) for k in ("complaints", "import_seconds", "plain_insert_seconds", "ratio")}

    from station_app.services import complaint_register, county_search, tallies
    from station_app.services.session import Session
    from station_app.store.complaints import ComplaintFilter

    session = Session.open(county, create=False)
    pending = county_search.indexes_waiting(session)
    start = time.perf_counter()
    built = 0 if args.as_is else county_search.build(session)
    figures["index"] = {"cases_indexed": built, "build_seconds": round(time.perf_counter() - start, 1)}
    figures["indexes_pending"] = county_search.indexes_waiting(session) if args.as_is else 0
    figures["indexes_built_first"] = 0 if args.as_is else pending
    figures["register_mb"] = round(county.stat().st_size / 1e6)
    searches = {}
    for term, before in SEARCHES.items():
        total = complaint_register.first_page(session, ComplaintFilter(search=term), TODAY, limit=50)[0]
        searches[term] = {
            "total": total,
            "first_page_ms": median_ms(lambda t=term: complaint_register.first_page(
                session, ComplaintFilter(search=t), TODAY, limit=50)),
            "process_s": process_s(["--db", str(county), "--today", TODAY.isoformat(), "complaint", "list",
                                    "--search", term, "--limit", "50", "--format", "json"]),
            "process_s_before": before,
        }  # fmt: skip
    figures["searches"] = searches
    figures["version_process_s"] = process_s(["--version"])
    from station_app.domain import periods

    year = periods.year("2026")
    figures["tally_ms"] = median_ms(lambda: tallies.tally(session, year, TODAY, with_previous=False))
    figures["tally_with_last_year_ms"] = median_ms(lambda: tallies.tally(session, year, TODAY))
    session.close()

    if args.no_memory:
        (out / "county.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        shutil.rmtree(work, ignore_errors=True)
        return
    month_packages(work, county, args.month_cases)
    run = subprocess.run(
        [sys.executable, "-c", MEMORY_RUN, str(county), str(work / "month")],
        check=True, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    memory = json.loads(run.stdout.strip().splitlines()[-1])
    figures["memory"] = memory
    figures["peak_memory_mb"] = max(memory["steps_mb"].values())
    (out / "county.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
