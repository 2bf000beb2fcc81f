"""A deterministic, realistic demo register as input payloads of the script contract (docs/cli.md).

Pure Python (stdlib ``random`` only): no database, no clock. The payloads go through the same
services as real input, so the demo exercises every rule (validation, workflow, deadlines,
duplicates). Each generator yields its records in date order; the same seed gives the same records.
Text pools live in text.py.
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from itertools import accumulate
from typing import Any, Generic, NamedTuple, TypeVar

from station_app.domain.validation import credit_code_check_char, id_check_char
from station_app.services.demo import text as txt

Payload = dict[str, Any]
T = TypeVar("T")

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
PURCHASE_DAYS = 200  # goods are bought at most this many days before the complaint
DUPLICATE_SHARE = 0.01  # the same consumer about the same business again within 30 days
# Amount bands in fen with their share of complaints: < 500, 500–5000, 5000–10000, >= 10000 元.
BANDS = ((100, 50_000, 60), (50_000, 500_000, 30), (500_000, 1_000_000, 7), (1_000_000, 100_000_000, 3))
FRAUD_SHARE = {"price": 0.12, "counterfeit": 0.15, "false_advertising": 0.10, "quality": 0.012}
GIVEN_TWO = txt.GIVEN_TWO.split()
MOBILE_PREFIXES = txt.MOBILE_PREFIXES.split()


def pick(u: float, items: Sequence[T]) -> T:
    """items[k] for ``u`` uniform in [0, 1): much cheaper than random.choice."""
    return items[int(u * len(items))]


class Picker(Generic[T]):
    """Weighted choice with the cumulative weights computed once (random.choices redoes them per call)."""

    __slots__ = ("cum", "hi", "items", "total")

    def __init__(self, items: Sequence[T], weights: Sequence[float]):
        self.items = list(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]
        self.hi = len(self.items) - 1

    def __call__(self, u: float) -> T:
        return self.items[bisect(self.cum, u * self.total, 0, self.hi)]


def weights(spec: str) -> Picker[str]:
    """From "code weight code weight …"."""
    words = spec.split()
    return Picker(words[::2], [int(w) for w in words[1::2]])


class Subject(NamedTuple):
    """A kind of goods or service with its wording: low/high in fen, bought like "购买海尔冰箱 BCD-216一台"."""

    kind: str
    name: str
    category: str
    low: int
    high: int
    group: str
    bought: str
    pay: str
    usage: str
    defects: tuple[str, ...]
    natures: Picker[str]


def _band_pickers() -> list[Picker[Subject]]:
    """Per amount band, the subjects whose price range reaches into it (weighted by that part of the range)."""
    subjects = []
    for kind, name, category, low, high, weight, group, qty, defects in txt.SUBJECTS:
        verb, pay, usage, natures = txt.GROUPS[group]
        wording = (verb.format(s=name, q=qty), pay, usage, tuple(defects.split("|")) if defects else ())
        subjects.append(
            (Subject(kind, name, category, low * 100, high * 100, group, *wording, weights(natures)), weight)
        )
    pickers = []
    for low, high, _ in BANDS:
        inside = [
            (s, w * math.log(min(s.high, high) / max(s.low, low)) / math.log(s.high / s.low)) for s, w in subjects
        ]
        pickers.append(Picker([s for s, w in inside if w > 0], [w for _, w in inside if w > 0]))
    return pickers


BAND = Picker(range(len(BANDS)), [b[2] for b in BANDS])
BAND_SUBJECTS = _band_pickers()
CHANNEL, NA_GROUND, T_GROUND, ROUTE = (weights(txt.WEIGHTS[k]) for k in ("channel", "na_ground", "t_ground", "route"))
PERIOD = [next(words for days, words in txt.PERIODS if gap <= days) for gap in range(PURCHASE_DAYS + 1)]


def yuan(fen: int, words: bool = False) -> str:
    """Money as in payloads ("1299.00"), or as in texts with ``words`` (no ".00": "1299", "39.90")."""
    return str(fen // 100) if words and fen % 100 == 0 else f"{fen // 100}.{fen % 100:02d}"


def _price(u: float, low: int, high: int) -> int:
    """A shop-like price in fen in [low, high): log-uniform, rounded like 39.90, 1299.00, 2680.00."""
    fen = low * (high / low) ** u
    if fen < 10_000:
        return min(max(round(fen / 10) * 10, low), high - 100)
    yuan = round(fen / 100)
    yuan = yuan // 10 * 10 + (9, 8, 0)[yuan % 3] if yuan < 2000 else round(yuan, -1 if yuan < 20_000 else -2)
    return min(max(yuan * 100, low), high - 100)


class Days:
    """The window [today − 2 years, today] as day numbers (0 = PURCHASE_DAYS before it), strings cached."""

    def __init__(self, today: date):
        try:
            start = today.replace(year=today.year - 2)
        except ValueError:  # 29 February
            start = date(today.year - 2, 2, 28)
        first = start - timedelta(days=PURCHASE_DAYS)
        self.dates = [first + timedelta(days=i) for i in range((today - first).days + 1)]
        self.iso = [d.isoformat() for d in self.dates]
        self.cn = [f"{d.year}年{d.month}月{d.day}日" if d.day % 3 else f"{d.year}年{d.month}月" for d in self.dates]
        self.start, self.last = PURCHASE_DAYS, len(self.dates) - 1
        span = self.last - self.start or 1
        self.cum = list(accumulate(_day_weight(d, i / span) for i, d in enumerate(self.dates[self.start :])))

    def sample(self, rng: random.Random, n: int) -> list[int]:
        """n day numbers, sorted: denser in March (3·15), around holidays, on weekdays and lately."""
        days = rng.choices(range(self.start, self.last + 1), cum_weights=self.cum, k=n)
        days.sort()
        return days


def _day_weight(d: date, progress: float) -> float:
    w = 0.85 + 0.3 * progress  # the register grows from year to year
    if d.weekday() >= 5:
        w *= 0.7
    md = (d.month, d.day)
    w *= next((factor for first, last, factor in txt.BUSY_DAYS if first <= md <= last), 1.0)
    for year in (d.year, d.year + 1):
        if year in txt.SPRING_FESTIVAL:
            delta = (d - date(year, *txt.SPRING_FESTIVAL[year])).days
            w *= 1.5 if -20 <= delta < 0 else 0.5 if 0 <= delta < 7 else 1.4 if 7 <= delta < 16 else 1.0
    return w


class People:
    BORN_FROM = date(1950, 1, 1).toordinal()
    BORN_SPAN = date(2005, 12, 31).toordinal() - BORN_FROM + 1

    def __init__(self, rng: random.Random):
        self.r = rng.random
        self.surname = Picker(txt.SURNAMES, [1 / (i + 6) for i in range(len(txt.SURNAMES))])
        self.town = Picker(txt.TOWNS, txt.TOWN_WEIGHTS)

    def name(self) -> str:
        r = self.r
        return self.surname(r()) + (pick(r(), txt.GIVEN_ONE) if r() < 0.5 else pick(r(), GIVEN_TWO))

    def mobile(self) -> str:
        return f"{pick(self.r(), MOBILE_PREFIXES)}{int(self.r() * 1e8):08d}"

    def id_number(self) -> str:
        """A valid 公民身份号码; people born before their county's code changed carry the earlier code."""
        r = self.r
        county = txt.COUNTIES[0] if r() < 0.7 else pick(r(), txt.COUNTIES)
        born = date.fromordinal(self.BORN_FROM + int(r() * self.BORN_SPAN))
        area = next(code for since, code in county if born.year >= since)
        body = f"{area}{born.year}{born.month:02d}{born.day:02d}{1 + int(r() * 999):03d}"
        return body + id_check_char(body)

    def address(self, town: str | None = None, village: float = 0.55) -> str:
        r = self.r
        town = town or self.town(r())
        if r() < village:
            return f"{town}{pick(r(), txt.VILLAGES)}村{1 + int(r() * 12)}组"
        return f"{town}{pick(r(), txt.STREETS)}{1 + int(r() * 200)}号"

    def consumer(self) -> Payload:
        person = {"name": self.name(), "phone": self.mobile(), "address": self.address()}
        if self.r() < 0.3:
            person["id_number"] = self.id_number()
        return person


def _credit_code(r: Any, company: bool, area: str) -> str:
    org = "MA" + "".join(pick(r(), USCC_CHARS) for _ in range(7)) if r() < 0.8 else f"{int(r() * 1e9):09d}"
    body = f"{'91' if company else '92'}{area}{org}"
    return body + credit_code_check_char(body)


def business_pool(seed: int) -> dict[str, Picker[Payload]]:
    """About 300 local businesses by kind; within a kind a few get most of the complaints."""
    rng = random.Random(f"businesses:{seed}")
    r, people, seen = rng.random, People(rng), set()
    pool: dict[str, Picker[Payload]] = {}
    for kind, (patterns, count) in txt.BUSINESS_KINDS.items():
        shops: list[Payload] = []
        for _ in range(count * 5):
            town = people.town(r())
            name = pick(r(), patterns).format(town=town, surname=people.surname(r()), shop=pick(r(), txt.ONLINE_SHOPS))
            if name not in seen and len(shops) < count:
                seen.add(name)
                shops.append(_business(r, people, kind, name, "城关镇" if name.startswith("县") else town))
        pool[kind] = Picker(shops, [1 / (i + 1) ** 0.8 for i in range(len(shops))])
    return pool


def _business(r: Any, people: People, kind: str, name: str, town: str) -> Payload:
    company = any(word in name for word in txt.COMPANY_WORDS)
    shop: Payload = {"name": name}
    if kind == "online":  # shops on platforms elsewhere: no address here, a service number at most
        if r() < 0.5:
            shop["phone"] = f"400-{100 + int(r() * 900)}-{int(r() * 1e4):04d}"
        area = pick(r(), ("330110", "440106", "310115"))
    else:
        shop["address"] = people.address(town, village=0.2)
        is_landline = company or r() < 0.65
        shop["phone"] = f"{txt.AREA_PHONE}-{2_000_000 + int(r() * 8_000_000)}" if is_landline else people.mobile()
        area = txt.LOCAL_COUNTY
    if r() < 0.4:
        shop["credit_code"] = _credit_code(r, company or kind == "online", area)
    return shop


# -- complaints -----------------------------------------------------------------------------------
def generate_complaints(n: int, *, today: date, seed: int = 2026) -> Iterator[Payload]:
    rng = random.Random(f"complaints:{seed}")
    r, days, people, shops = rng.random, Days(today), People(rng), business_pool(seed)
    recent: deque[tuple[int, Payload]] = deque(maxlen=64)
    for day in days.sample(rng, n):
        if recent and r() < DUPLICATE_SHARE:
            then, earlier = pick(r(), recent)
            if day - then <= 30:
                yield _duplicate(r, earlier, day, days)
                continue
        payload = _complaint(r, day, days, people, shops)
        recent.append((day, payload))
        yield payload


def _complaint(r: Any, day: int, days: Days, people: People, shops: dict[str, Picker[Payload]]) -> Payload:
    band = BAND(r())
    s = BAND_SUBJECTS[band](r())
    fen = _price(r(), max(s.low, BANDS[band][0]), min(s.high, BANDS[band][1]))
    shop = shops[s.kind](r())
    nature = s.natures(r())
    gap = int(PURCHASE_DAYS * r() ** 2.2)  # most disputes come soon after the purchase
    request, codes = pick(r(), txt.REQUESTS[_request_key(s, nature)])
    facts = f"消费者于{days.cn[day - gap]}在{shop['name']}{s.bought}，{s.pay}{yuan(fen, True)}元。"
    facts += _problem(r, s, nature, gap) + "。"
    if r() < 0.85:
        own = txt.REFUSALS.get(s.group) or (
            txt.REFUSALS.get(nature) if s.category[0] == "G" or nature in ("contract", "price") else None
        )
        facts += f"消费者与商家协商，{pick(r(), own if own and r() < 0.5 else txt.REFUSALS['*'])}。"
    if r() < 0.6:
        facts += f"现向本站投诉，{request}。"
    payload: Payload = {
        "received_on": days.iso[day],
        "channel": CHANNEL(r()),
        "consumer": people.consumer(),
        "business": dict(shop),
        "subject": s.name,
        "category": s.category if r() < 0.85 else s.category[:3],
        "nature": nature,
        "amount_yuan": yuan(fen),
        "purchased_on": days.iso[day - gap],
        "facts": facts,
        "request": request,
        "request_types": list(codes),
        "transitions": _workflow(r, day, days, fen, nature, codes, s),
    }
    if any(step.get("ground") == "na_time_barred" for step in payload["transitions"]):
        # Refused as time-barred: bought more than three years before (Order 20 Art. 15(四) / 121 Art. 16(四)).
        payload["purchased_on"] = (date.fromisoformat(days.iso[day]) - timedelta(days=1200)).isoformat()
    return payload


def _request_key(s: Subject, nature: str) -> str:
    if s.group in txt.REQUESTS and (nature in ("quality", "contract", "after_sales") or s.group == "express"):
        return s.group
    return "service_quality" if nature == "quality" and _is_service(s) else nature


def _is_service(s: Subject) -> bool:
    return s.category[0] == "S" and s.group != "online"  # goods bought online are goods


def _problem(r: Any, s: Subject, nature: str, gap: int) -> str:
    if nature in ("quality", "after_sales") and s.defects:
        text = s.usage.replace("{p}", PERIOD[gap]) + pick(r(), s.defects)
        return text + "，" + pick(r(), txt.PROBLEMS["after_sales"]["*"]) if nature == "after_sales" else text
    pool = txt.PROBLEMS[nature]
    return pick(r(), pool.get(s.group) or pool["*"])


def _duplicate(r: Any, earlier: Payload, day: int, days: Days) -> Payload:
    """The same dispute brought again (often through 12315): same consumer phone, same business."""
    payload = {k: dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v for k, v in earlier.items()}
    payload.update(received_on=days.iso[day], channel=pick(r(), ("transfer_12315", "phone", "visit")), transitions=[])
    if r() < 0.5:  # the station notices and refuses the second one
        on = days.iso[min(day + int(r() * 3), days.last)]
        note = "同一争议本站此前已受理"
        payload["transitions"] = [{"to": "not_accepted", "on": on, "ground": "na_already_handled", "note": note}]
    return payload


def _workflow(r: Any, day: int, days: Days, fen: int, nature: str, codes: list[str], s: Subject) -> list[Payload]:
    """The case's steps so far: the outcome is planned first, then the steps after today are cut off."""
    u = r()
    accepted = day + (0 if r() < 0.6 else 1 + int(r() * 7))
    mediating = accepted + (0 if r() < 0.5 else 1 + int(r() * 3))
    ends = mediating + 1 + int(39 * r() ** 1.5)
    accept: Payload = {"to": "accepted"}
    mediate: Payload = {"to": "mediating", "mediator": pick(r(), txt.MEDIATORS)} if r() < 0.85 else {"to": "mediating"}
    steps: list[tuple[int, Payload]]
    if u < 0.04:
        ground = NA_GROUND(r())
        steps = [(accepted, {"to": "not_accepted", "ground": ground, "note": _ground_note(ground, day)})]
    elif u < 0.06:
        transfer = {
            "to": "transferred",
            "to_unit": txt.TRANSFER_UNITS.get(s.category[:3]) or pick(r(), txt.TRANSFER_DEFAULT),
        }
        steps = [(day + int(r() * 4), transfer)] if r() < 0.5 else [(accepted, accept), (ends, transfer)]
    elif u < 0.07:  # stuck: left open, overdue once old enough
        steps = [(accepted, accept), (mediating, mediate)][: int(r() * 3)]
    elif u < 0.10:
        ground = T_GROUND(r())
        # The limit (45 working days, or 60 days moved past a rest day) has run out 100 days on.
        end = accepted + 100 + int(r() * 15) if ground == "t_time_limit" else ends
        terminate = {"to": "terminated", "ground": ground, "route": ROUTE(r())}
        if ground in txt.GROUND_NOTES:
            terminate["note"] = _ground_note(ground, day)
        steps = [(accepted, accept), (mediating, mediate), (end, terminate)]
        if ground == "t_withdrawn" and r() < 0.4:
            del steps[1]
    elif r() < 0.4:  # reconciled at the desk, without a mediation session
        settle = _settlement(r, fen, nature, codes, s, "reconciliation")
        steps = [(accepted, accept), (accepted + ends - mediating, settle)]
    else:
        steps = [(accepted, accept), (mediating, mediate), (ends, _settlement(r, fen, nature, codes, s, "mediation"))]
    done = []
    for on, step in steps:
        if on > days.last:
            break
        step["on"] = days.iso[on]
        done.append(step)
    return done


def _ground_note(ground: str, day: int) -> str:
    notes = txt.GROUND_NOTES.get(ground, [""])
    return notes[day % len(notes)]


def _settlement(r: Any, fen: int, nature: str, codes: list[str], s: Subject, method: str) -> Payload:
    punitive = 0
    if r() < FRAUD_SHARE.get(nature, 0.0):  # 消法 Art. 55: refund plus three times the price, at least 500 元
        punitive = max(3 * fen, 50_000)
        recovered, outcomes = fen + punitive, ("return_refund", "compensate")
        agreement = txt.FRAUD_AGREEMENT.format(yuan(fen, True), yuan(punitive, True))
    else:
        code = codes[0] if r() < 0.8 else "compensate"  # some meet halfway with money
        wording, outcomes, (low, high) = txt.SETTLEMENTS[code]
        if code in ("return", "refund") and (_is_service(s) or nature in ("contract", "price")):
            wording = txt.SERVICE_REFUND  # nothing to send back; often only what was not yet used
            low = 0.3 if s.group in ("prepaid", "training") or nature in ("contract", "price") else 1.0
        if code == "compensate" and r() < 0.05:
            low, high = 1.2, 4.0  # the loss went beyond the price (e.g. a flooded room)
        share = low + (high - low) * r()
        recovered = fen if share == 1.0 else max(int(fen * share) // 100 * 100, min(fen, 100))
        if code == "other" and nature == "personal_rights":
            outcomes, wording = ("apology", "compensate"), txt.APOLOGY[1]
            if r() < 0.5:
                recovered, outcomes, wording = 0, ("apology",), txt.APOLOGY[0]
        agreement = wording.format(yuan(recovered, True))
    return {
        "to": "settled",
        "method": method,
        "recovered_yuan": yuan(recovered),
        "punitive_yuan": yuan(punitive),
        "agreement": agreement,
        "outcomes": list(outcomes),
    }
