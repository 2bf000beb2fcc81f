"""A deterministic, realistic demo register as input payloads of the script contract (docs/cli.md).

Pure Python: no database. The payloads go through the same services as real input, so the demo
exercises every rule (validation, workflow, deadlines, duplicates).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from station_app.domain.validation import credit_code_check_char, id_check_char
from station_app.services import demo_text as text

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _day(d: date) -> str:
    return d.isoformat()


def _yuan(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01'))}"


def _dates(rng: random.Random, n: int, today: date) -> list[date]:
    """Over the two years before today, with a bump around 3·15 and before Spring Festival."""
    start = today - timedelta(days=729)
    marches = [date(y, 3, 15) for y in (today.year - 2, today.year - 1, today.year)]
    marches = [m for m in marches if start <= m <= today]
    days = []
    for _ in range(n):
        if marches and rng.random() < 0.08:
            day = rng.choice(marches) + timedelta(days=rng.randint(-6, 6))
        else:
            day = start + timedelta(days=rng.randint(0, 729))
        days.append(min(max(day, start), today))
    days.sort()
    return days


class _People:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def name(self) -> str:
        rng = self.rng
        surname = rng.choice(text.COMPOUND) if rng.random() < 0.02 else rng.choice(text.SURNAMES)
        given = rng.choice(text.GIVEN) if rng.random() < 0.5 else rng.choice(text.GIVEN) + rng.choice(text.GIVEN)
        return surname + given

    def mobile(self) -> str:
        rng = self.rng
        return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + f"{rng.randint(0, 99_999_999):08d}"

    def id_number(self, today: date) -> str:
        rng = self.rng
        born = date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        body = f"{rng.choice(text.AREA_CODES)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
        return body + id_check_char(body)

    def address(self) -> str:
        rng = self.rng
        return f"{rng.choice(text.TOWNS)}{rng.choice(text.STREETS)}{rng.randint(1, 188)}号"


def _credit_code(rng: random.Random) -> str:
    body = rng.choice(["91", "92"]) + rng.choice(text.AREA_CODES) + "".join(rng.choice(USCC_CHARS) for _ in range(9))
    return body + credit_code_check_char(body)


def _business_pool(rng: random.Random) -> list[dict[str, Any]]:
    pool = []
    people = _People(rng)
    for pattern, category, subjects, price_range in text.BUSINESSES:
        towns = text.TOWNS if "{town}" in pattern else [""]
        for town in towns:
            for _ in range(2 if "{surname}" in pattern else 1):
                name = pattern.format(town=town, surname=rng.choice(text.SURNAMES))
                pool.append(
                    {
                        "name": name,
                        "address": f"{town or rng.choice(text.TOWNS)}{rng.choice(text.STREETS)}{rng.randint(1, 99)}号",
                        "phone": f"0550-{rng.randint(2_000_000, 8_999_999)}" if rng.random() < 0.7 else people.mobile(),
                        "credit_code": _credit_code(rng) if rng.random() < 0.4 else "",
                        "category": category,
                        "subjects": subjects,
                        "price_range": price_range,
                    }
                )
    return pool


def _amount(rng: random.Random, low: int, high: int) -> Decimal:
    # Skewed toward the low end: most station disputes are small.
    value = low * (high / low) ** (rng.random() ** 1.8)
    return Decimal(round(value * 2) / 2).quantize(Decimal("0.01"))


def _steps(rng: random.Random, received: date, today: date, amount: Decimal, request_codes: list[str]) -> list[dict]:
    age = (today - received).days
    roll = rng.random()
    if age > 60:
        plan = (
            "settled"
            if roll < 0.90
            else "not_accepted"
            if roll < 0.94
            else "terminated"
            if roll < 0.97
            else ("transferred" if roll < 0.99 else rng.choice(["registered", "accepted", "mediating"]))
        )
    elif age > 20:
        plan = (
            "settled"
            if roll < 0.75
            else "not_accepted"
            if roll < 0.78
            else "terminated"
            if roll < 0.80
            else ("transferred" if roll < 0.82 else rng.choice(["accepted", "mediating", "mediating"]))
        )
    else:
        plan = rng.choice(["registered", "registered", "accepted", "mediating", "mediating", "settled"])

    def later(day: date, low: int, high: int) -> date:
        return min(day + timedelta(days=rng.randint(low, high)), today)

    if plan == "registered":
        return []
    if plan == "not_accepted":
        return [
            {
                "to": "not_accepted",
                "on": _day(later(received, 0, 6)),
                "ground": rng.choice(
                    [
                        "na_no_authority",
                        "na_already_handled",
                        "na_not_consumption",
                        "na_time_barred",
                        "na_missing_materials",
                    ]
                ),
            }
        ]
    accepted = later(received, 0, 4)
    steps: list[dict[str, Any]] = [{"to": "accepted", "on": _day(accepted)}]
    if plan == "transferred" and rng.random() < 0.5:
        return [
            {
                "to": "transferred",
                "on": _day(later(received, 0, 5)),
                "to_unit": rng.choice(text.TRANSFER_UNITS),
            }
        ]
    if plan == "accepted":
        return steps
    mediating = later(accepted, 0, 3)
    steps.append({"to": "mediating", "on": _day(mediating), "mediator": rng.choice(text.MEDIATORS)})
    end = later(mediating, 1, 30)
    if plan == "terminated":
        steps.append(
            {
                "to": "terminated",
                "on": _day(end),
                "ground": rng.choice(
                    ["t_withdrawn", "t_absent_or_refused", "t_no_agreement", "t_testing_fee", "t_other"]
                ),
                "route": rng.choice(["consumer_association", "market_regulation", "arbitration", "court"]),
            }
        )
    elif plan == "transferred":
        steps.append({"to": "transferred", "on": _day(end), "to_unit": rng.choice(text.TRANSFER_UNITS)})
    elif plan == "settled":
        steps.append(_settlement(rng, end, amount, request_codes))
    return steps


def _settlement(rng: random.Random, on: date, amount: Decimal, request_codes: list[str]) -> dict[str, Any]:
    punitive = Decimal(0)
    share = rng.random()
    if rng.random() < 0.02:  # fraud: refund plus statutory triple compensation with its 500 元 floor
        punitive = max(amount * 3, Decimal(500))
        recovered = amount + punitive
        outcomes = ["return_refund", "compensate"]
    elif share < 0.55:
        recovered, outcomes = amount, ["return_refund"]
    elif share < 0.80:
        recovered, outcomes = (amount * Decimal(rng.randint(30, 90)) / 100), ["compensate"]
    else:
        recovered = amount if "replace" in request_codes or rng.random() < 0.5 else Decimal(0)
        outcomes = [rng.choice(["replace", "repair"])]
    recovered = recovered.quantize(Decimal("0.01"))
    first = outcomes[0]
    agreement = text.AGREEMENTS.get(first, "双方协商一致").format(amount=_yuan(recovered))
    return {
        "to": "settled",
        "on": _day(on),
        "method": "mediation" if rng.random() < 0.6 else "reconciliation",
        "recovered_yuan": _yuan(recovered),
        "punitive_yuan": _yuan(punitive),
        "agreement": agreement,
        "outcomes": outcomes,
    }


def generate_complaints(n: int, *, today: date, seed: int = 2026) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    people = _People(rng)
    pool = _business_pool(rng)
    natures = list(text.NATURE_WEIGHTS)
    weights = list(text.NATURE_WEIGHTS.values())
    previous: dict[str, Any] | None = None
    for received in _dates(rng, n, today):
        if previous and rng.random() < 0.01:  # the same consumer comes back about the same shop
            consumer, business = dict(previous["consumer"]), previous["_business"]
        else:
            consumer = {"name": people.name(), "phone": people.mobile(), "address": people.address()}
            if rng.random() < 0.3:
                consumer["id_number"] = people.id_number(today)
            business = rng.choice(pool)
        nature = rng.choices(natures, weights)[0]
        if business["category"].startswith("S") and rng.random() < 0.35:
            nature = "contract"
        subject = rng.choice(business["subjects"])
        amount = _amount(rng, *business["price_range"])
        purchased = received - timedelta(days=min(rng.randint(0, 200), (received - date(2000, 1, 1)).days))
        request, request_codes = rng.choice(text.REQUESTS)
        problem = rng.choice(text.PROBLEMS[nature])
        facts = (
            f"消费者于{purchased.year}年{purchased.month}月{purchased.day}日在{business['name']}购买（接受）{subject}，"
            f"金额{_yuan(amount)}元。{problem}，消费者与商家协商未果，{request}。"
        )
        payload = {
            "received_on": _day(received),
            "channel": rng.choices(
                ["visit", "phone", "letter", "online", "transfer_12315", "other"], [45, 30, 2, 10, 12, 1]
            )[0],
            "consumer": consumer,
            "business": {k: business[k] for k in ("name", "address", "phone", "credit_code") if business[k]},
            "subject": subject,
            "category": business["category"],
            "nature": nature,
            "amount_yuan": _yuan(amount),
            "purchased_on": _day(purchased),
            "facts": facts,
            "request": request,
            "request_types": request_codes,
            "transitions": _steps(rng, received, today, amount, request_codes),
        }
        previous = {**payload, "_business": business}
        yield payload


def generate_consultations(n: int, *, today: date, seed: int = 2026) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed + 1)
    for day in _dates(rng, n, today):
        yield {
            "date": _day(day),
            "channel": rng.choice(["visit", "phone", "phone", "online"]),
            "topic": rng.choice(text.CONSULT_TOPICS),
            "persons": rng.choices([1, 2, 3, 5], [80, 12, 5, 3])[0],
            "answer": "已告知相关法律规定和维权途径。",
        }


def generate_reports(n: int, *, today: date, seed: int = 2026) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed + 2)
    people = _People(rng)
    pool = _business_pool(rng)
    for day in _dates(rng, n, today):
        business = rng.choice(pool)
        to_case = rng.random() < 0.3
        payload: dict[str, Any] = {
            "received_on": _day(day),
            "business": {"name": business["name"], "address": business["address"]},
            "facts": f"举报{business['name']}{rng.choice(text.REPORT_FACTS)}。",
            "to_case": to_case,
            "fine_yuan": _yuan(Decimal(rng.randint(5, 200) * 100)) if to_case else "0.00",
        }
        if rng.random() < 0.6:
            payload["reporter"] = {"name": people.name(), "phone": people.mobile()}
        else:
            payload["reporter"] = {"anonymous": True}
        yield payload


def generate_outreach_events(n: int, *, today: date, seed: int = 2026) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed + 3)
    kinds = list(text.EVENT_TITLES)
    for day in _dates(rng, n, today):
        kind = "day_315" if (day.month == 3 and 8 <= day.day <= 22) else rng.choice(kinds[1:])
        destroyed = kind == "fake_destruction"
        yield {
            "date": _day(day),
            "kind": kind,
            "venue_type": rng.choice(
                [
                    "village",
                    "community",
                    "school",
                    "enterprise",
                    "mall",
                    "supermarket",
                    "market",
                    "scenic_spot",
                    "religious_site",
                ]
            ),
            "title": text.EVENT_TITLES[kind],
            "place": f"{rng.choice(text.TOWNS)}{rng.choice(['文化广场', '中心小学', '农贸市场', '村委会'])}",
            "partners": rng.choice(["市场监管所", "司法所、派出所", "团县委", ""]),
            "leaflets": rng.randint(100, 3000),
            "banners": rng.randint(1, 6),
            "boards": rng.randint(0, 12),
            "onsite_consultations": rng.randint(10, 300),
            "audience": rng.randint(50, 2000),
            "complaints_taken": rng.randint(0, 8),
            "destroyed_kg": str(rng.randint(50, 900)) if destroyed else "0",
            "destroyed_value_yuan": _yuan(Decimal(rng.randint(1000, 50000))) if destroyed else "0.00",
            "articles": rng.randint(0, 3),
        }


def generate_warnings(n: int, *, today: date, seed: int = 2026) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed + 4)
    for day in _dates(rng, n, today):
        title, body, category = rng.choice(text.WARNINGS)
        yield {
            "date": _day(day),
            "type": "warning" if "警示" in title else "tip",
            "title": title,
            "body": body,
            "category": category,
        }
