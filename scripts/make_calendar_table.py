"""Write resources/holidays/cn_calendar.json from the pinned ``holidays`` package (run after upgrading it).

.venv/bin/python scripts/make_calendar_table.py
"""

from __future__ import annotations

import json
from importlib.metadata import version

from station_app.domain.workdays import DEFAULT_YEARS, compute_official_days, precomputed_path


def main() -> None:
    off, on = compute_official_days(DEFAULT_YEARS)
    data = {
        "source": f"holidays {version('holidays')} (python package), China, State Council notices",
        "years": [min(DEFAULT_YEARS), max(DEFAULT_YEARS)],
        "off": sorted(d.isoformat() for d in off),
        "on": sorted(d.isoformat() for d in on),
    }
    precomputed_path().write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{precomputed_path()}: {len(off)} holidays, {len(on)} make-up working days")


if __name__ == "__main__":
    main()
