"""Registers and accepts complaints in a loop, printing each acknowledged save, until it is killed."""

from __future__ import annotations

import sys
from datetime import date

from station_app.services import complaints
from station_app.services.session import Session

TODAY = date(2026, 11, 23)


def payload(seq: int) -> dict:
    return {
        "received_on": "2026-11-02",
        "consumer": {"name": f"顾客{seq}", "phone": f"139{seq % 100_000_000:08d}"},
        "business": {"name": f"商店{seq % 50}"},
        "subject": "电饭煲",
        "category": "G01",
        "nature": "quality",
        "amount_yuan": "199.00",
        "facts": "使用一周后无法加热。" * (1 + seq % 5),
    }


def main() -> None:
    db_path, start = sys.argv[1], int(sys.argv[2])
    session = Session.open(db_path)
    seq = start
    while True:
        number = complaints.add_complaints(session, [payload(seq)], TODAY)[0]["number"]
        print(f"ADD {number}", flush=True)  # printed only after the commit returned: acknowledged
        complaints.transition(session, number, "accepted", {"on": "2026-11-03"}, TODAY)
        print(f"ACC {number}", flush=True)
        seq += 1


if __name__ == "__main__":
    main()
