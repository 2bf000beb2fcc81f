"""Demo consultations, reports, outreach events and warnings (complaints are in complaints.py).

Same rules as complaints.py: pure Python, deterministic per seed, records yielded in date order.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from typing import Any

from station_app.services.demo import text as txt
from station_app.services.demo import text_records as pools
from station_app.services.demo.complaints import (
    CHANNEL,
    Days,
    Payload,
    People,
    Picker,
    business_pool,
    pick,
    weights,
    yuan,
)


def _dated(kind: str, n: int, today: date, seed: int) -> tuple[Any, Days, list[int], People]:
    rng = random.Random(f"{kind}:{seed}")
    days = Days(today)
    return rng.random, days, days.sample(rng, n), People(rng)


def generate_consultations(n: int, *, today: date, seed: int = 2026) -> Iterator[Payload]:
    r, days, sample, people = _dated("consultations", n, today, seed)
    channel = weights(txt.WEIGHTS["consult_channel"])
    persons = Picker((1, 2, 3, 4, 5), (80, 11, 5, 2, 2))
    for day in sample:
        topic, category, answer = pick(r(), pools.CONSULT_TOPICS)
        payload = {
            "date": days.iso[day],
            "channel": channel(r()),
            "topic": topic,
            "persons": persons(r()),
            "answer": answer,
        }
        if category:
            payload["category"] = category
        if r() < 0.3:
            payload["consumer"] = {"name": people.name(), "phone": people.mobile()}
        yield payload


def generate_reports(n: int, *, today: date, seed: int = 2026) -> Iterator[Payload]:
    r, days, sample, people = _dated("reports", n, today, seed)
    pool = business_pool(seed)
    everyone = [shop for kind, picker in pool.items() if kind != "online" for shop in picker.items]
    fines = Picker(list(pools.FINES), list(pools.FINES.values()))
    for day in sample:
        fact, category, kinds = pick(r(), pools.REPORT_FACTS)
        shop = pool[pick(r(), kinds)](r()) if kinds else pick(r(), everyone)
        to_case = r() < 0.3
        payload: Payload = {
            "received_on": days.iso[day],
            "channel": CHANNEL(r()),
            "business": {key: shop[key] for key in ("name", "address", "credit_code") if key in shop},
            "facts": f"举报人反映{shop['name']}{fact}，{pick(r(), pools.REPORT_DETAILS)}。",
            "to_case": to_case,
            "fine_yuan": yuan(fines(r()) * 100) if to_case and r() < 0.8 else "0.00",
            "result": pools.REPORT_RESULTS[0] if to_case else pick(r(), pools.REPORT_RESULTS[1:]),
            "reporter": {"name": people.name(), "phone": people.mobile()} if r() < 0.55 else {"anonymous": True},
        }
        if category:
            payload["category"] = category
        yield payload


def generate_outreach_events(n: int, *, today: date, seed: int = 2026) -> Iterator[Payload]:
    r, days, sample, people = _dated("outreach", n, today, seed)
    kind_of = Picker(list(pools.OUTREACH_KINDS), list(pools.OUTREACH_KINDS.values()))
    venue_of = Picker(list(pools.VENUE_WEIGHTS), list(pools.VENUE_WEIGHTS.values()))
    marches = [i for i, d in enumerate(days.dates) if (d.month, d.day) == (3, 15) and i >= days.start]
    events = []
    for day in sample:
        if marches and r() < 0.15:  # the 3·15 campaign: the week up to 15 March
            events.append((min(max(pick(r(), marches) - int(r() * 7), days.start), days.last), "day_315"))
        else:
            events.append((day, kind_of(r())))
    events.sort()
    for day, kind in events:
        scale = pools.OUTREACH_SCALE.get(kind, 1.0)
        venue = (
            "school" if kind == "lecture" and r() < 0.6 else "other" if kind == "fake_destruction" else venue_of(r())
        )
        place = pick(r(), pools.VENUE_PLACES[venue]).format(
            town=people.town(r()), village=pick(r(), txt.VILLAGES), street=pick(r(), txt.STREETS)
        )
        destroyed = kind == "fake_destruction"
        payload: Payload = {
            "date": days.iso[day],
            "kind": kind,
            "venue_type": venue,
            "title": pools.OUTREACH_TITLES[kind].format(year=days.dates[day].year, venue=pools.VENUE_CN[venue]),
            "place": place,
            "partners": "、".join(dict.fromkeys(pick(r(), pools.PARTNERS) for _ in range(1 + int(r() * 2)))),
            "destroyed_kg": f"{50 + r() * 1500:.1f}" if destroyed else "0",
            "destroyed_value_yuan": yuan(int(3000 + r() * 150_000) * 100) if destroyed else "0.00",
        }
        for key, (least, spread) in pools.OUTREACH_COUNTS.items():  # a school lecture reaches whole classes
            payload[key] = int((least + r() * spread) * (2.0 if key == "audience" and venue == "school" else scale))
        yield payload


def generate_warnings(n: int, *, today: date, seed: int = 2026) -> Iterator[Payload]:
    r, days, sample, _ = _dated("warnings", n, today, seed)
    seasonal: dict[int, list[tuple[str, str, str, str, tuple[int, ...]]]] = {}
    for entry in pools.WARNINGS:
        for month in entry[4]:
            seasonal.setdefault(month, []).append(entry)
    general = [entry for entry in pools.WARNINGS if not entry[4]]
    for day in sample:
        d = days.dates[day]
        fitting = seasonal.get(d.month)
        kind, title, body, category, months = pick(r(), fitting if fitting and r() < 0.7 else general)
        payload = {
            "date": days.iso[day],
            "type": kind,
            "title": f"{d.year}年{title}" if months else title,
            "body": body,
        }
        if category:
            payload["category"] = category
        yield payload
