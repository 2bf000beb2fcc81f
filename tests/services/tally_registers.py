"""Random registers of several stations for the tally tests."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from station_app.services import complaints
from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.store import records as store
from tests.conftest import TODAY
from tests.services.tally_cases import case, settled


def random_register(tmp_path, seed: int, stations: int) -> Session:
    s = Session.open(tmp_path / f"county-{uuid.uuid4().hex}.sqlite3")
    init_station(s, {"code": "XJ", "name": "县消协", "kind": "branch", "venue_type": "other"}, TODAY)
    codes = ["XJ"] + [f"S{i}" for i in range(1, stations)]
    for code in codes[1:]:
        store.insert_station(
            s.db,
            {
                "code": code,
                "name": code,
                "kind": "liaison_station",
                "venue_type": "school",
                "county": "",
                "contact": "",
                "is_local": 0,
                "created_at": "",
                "updated_at": "",
            },
        )
    rng = random.Random(seed)
    natures = ["quality", "safety", "price", "contract", "after_sales", "other"]
    classes = ["G01", "G03.02", "S01", "S07.02", "O01"]
    for code in codes:
        s._station = store.station(s.db, code)
        batch = []
        for i in range(rng.randint(0, 25)):
            received = date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))
            plan = rng.choice(["none", "acc", "settle", "na", "term"])
            day = received.isoformat()
            steps = {
                "none": [],
                "acc": [{"to": "accepted", "on": day}],
                "settle": settled(day, day, str(rng.randint(0, 5000))),
                "na": [{"to": "not_accepted", "on": day, "ground": "na_other", "note": "依法不予受理"}],
                "term": [
                    {"to": "accepted", "on": day},
                    {"to": "terminated", "on": day, "ground": "t_other", "route": "court", "note": "依法终止"},
                ],
            }[plan]
            batch.append(
                case(
                    i,
                    day,
                    steps,
                    nature=rng.choice(natures),
                    category=rng.choice(classes),
                    amount_yuan=str(rng.randint(0, 20000)),
                )
            )
        complaints.add_complaints(s, batch, TODAY)
    s._station = None
    return s
