"""The demo register generator: deterministic, valid against the input contract, and realistic in its mix."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from stdnum.cn import ric, uscc

from station_app.domain import case as case_rules
from station_app.domain import record_input
from station_app.domain.catalogs import default_catalogs
from station_app.services.demo import complaints as demo_complaints
from station_app.services.demo import records as demo_records

TODAY = date(2026, 11, 23)
EARLIEST = date(2024, 11, 23)  # two years before TODAY
CAT = default_catalogs()
GENERATORS = {
    "complaint": (demo_complaints.generate_complaints, "received_on"),
    "consultation": (demo_records.generate_consultations, "date"),
    "report": (demo_records.generate_reports, "received_on"),
    "outreach_event": (demo_records.generate_outreach_events, "date"),
    "warning": (demo_records.generate_warnings, "date"),
}
# The state machine, written out here independently of the domain module.
NEXT = {
    "registered": {"accepted", "not_accepted", "transferred"},
    "accepted": {"mediating", "settled", "terminated", "transferred"},
    "mediating": {"settled", "terminated", "transferred"},
}
OPEN = {"registered", "accepted", "mediating"}
STEP_FIELDS = {
    "accepted": set(),
    "mediating": {"mediator"},
    "not_accepted": {"ground", "note"},  # the note states the fact the ground rests on (domain/grounds.py)
    "terminated": {"ground", "route", "note"},
    "transferred": {"to_unit"},
    "settled": {"method", "recovered_yuan", "punitive_yuan", "agreement", "outcomes"},
}
NA_GROUNDS = {"na_no_authority", "na_already_handled", "na_not_consumption", "na_time_barred"}
NA_GROUNDS |= {"na_missing_materials", "na_other"}
T_GROUNDS = {"t_withdrawn", "t_absent_or_refused", "t_no_agreement", "t_testing_fee", "t_time_limit", "t_other"}
MOBILE = re.compile(r"^1[3-9]\d{9}$")
BUSINESS_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-\d{7,8}|400-\d{3}-\d{4})$")


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return list(demo_complaints.generate_complaints(6000, today=TODAY))


def final_state(case: dict) -> str:
    return case["transitions"][-1]["to"] if case["transitions"] else "registered"


def yuan(text: str) -> Decimal:
    value = Decimal(text)
    assert value.as_tuple().exponent == -2, text
    assert value >= 0
    return value


def id_check(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def credit_check(first17: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights, strict=True))
    return alphabet[(31 - total % 31) % 31]


# -- determinism, counts, dates -----------------------------------------------------------------
@pytest.mark.parametrize("kind", GENERATORS)
def test_same_seed_same_records_and_counts(kind):
    generate, _ = GENERATORS[kind]
    first = list(generate(300, today=TODAY, seed=7))
    assert first == list(generate(300, today=TODAY, seed=7))
    assert first != list(generate(300, today=TODAY, seed=8))
    assert len(first) == 300
    assert list(generate(0, today=TODAY)) == []
    assert len(list(generate(1, today=TODAY))) == 1


@pytest.mark.parametrize("kind", GENERATORS)
@pytest.mark.parametrize("today", [TODAY, date(2028, 2, 29), date(2026, 3, 12)])
def test_dates_are_in_the_two_years_up_to_today_and_sorted(kind, today):
    generate, field = GENERATORS[kind]
    try:
        earliest = today.replace(year=today.year - 2)
    except ValueError:
        earliest = date(today.year - 2, 2, 28)
    dates = [date.fromisoformat(item[field]) for item in generate(2000, today=today)]
    assert dates == sorted(dates)
    assert earliest <= dates[0] and dates[-1] <= today


def test_more_complaints_around_315(cases):
    per_day = Counter(c["received_on"][5:] for c in cases)
    march = sum(n for day, n in per_day.items() if "03-10" <= day <= "03-20") / 22  # two years of 11 days
    july = sum(n for day, n in per_day.items() if "07-10" <= day <= "07-20") / 22
    assert march > 1.8 * july


# -- complaints: every payload valid ------------------------------------------------------------
def test_complaint_fields_are_valid(cases):
    for c in cases:
        received = date.fromisoformat(c["received_on"])
        purchased = date.fromisoformat(c["purchased_on"])
        assert purchased <= received
        if purchased < received - timedelta(days=200):  # only a dispute refused as time-barred (or its repeat)
            assert purchased < received - timedelta(days=3 * 366)
        assert MOBILE.match(c["consumer"]["phone"])
        assert BUSINESS_PHONE.match(c["business"].get("phone", "400-000-0000"))
        assert CAT.is_category(c["category"])
        assert CAT.has("natures", c["nature"]) and CAT.has("channels", c["channel"])
        assert all(CAT.has("request_types", t) for t in c["request_types"]) and c["request_types"]
        assert yuan(c["amount_yuan"]) > 0
        assert 2 <= c["facts"].count("。") <= 4 and c["subject"] and c["request"]
        assert c["facts"].startswith("消费者于")


def test_id_numbers_and_credit_codes_pass_their_check_characters(cases):
    ids = [c["consumer"]["id_number"] for c in cases if "id_number" in c["consumer"]]
    codes = [c["business"]["credit_code"] for c in cases if "credit_code" in c["business"]]
    assert 0.25 < len(ids) / len(cases) < 0.35
    assert 0.3 < len(codes) / len(cases) < 0.5
    for idn in ids:
        assert len(idn) == 18 and id_check(idn[:17]) == idn[17]
        assert ric.is_valid(idn), idn  # also the birth date and the county code of that year
        assert 1950 <= int(idn[6:10]) <= 2005
    for code in codes:
        assert len(code) == 18 and credit_check(code[:17]) == code[17]
        assert uscc.is_valid(code) and code[:2] in ("91", "92")


def test_transitions_follow_the_state_machine_and_the_calendar(cases):
    for c in cases:
        received = date.fromisoformat(c["received_on"])
        state, last, on_by_state = "registered", received, {}
        for step in c["transitions"]:
            assert step["to"] in NEXT.get(state, set()), (state, step)
            on = date.fromisoformat(step["on"])
            assert last <= on <= TODAY
            assert set(step) - {"to", "on"} <= STEP_FIELDS[step["to"]]
            state, last, on_by_state[step["to"]] = step["to"], on, on
        if "accepted" in on_by_state:
            assert (on_by_state["accepted"] - received).days <= 7
        if "mediating" in on_by_state:
            assert (on_by_state["mediating"] - on_by_state["accepted"]).days <= 3
        if state == "settled":
            before = on_by_state.get("mediating", on_by_state["accepted"])
            assert 1 <= (last - before).days <= 40
        if state == "not_accepted":
            assert c["transitions"][-1]["ground"] in NA_GROUNDS
        if state == "terminated":
            step = c["transitions"][-1]
            assert step["ground"] in T_GROUNDS and CAT.has("routes", step["route"])


def test_settlements_carry_plausible_money(cases):
    settled = [(c, c["transitions"][-1]) for c in cases if final_state(c) == "settled"]
    fraud = 0
    for c, step in settled:
        amount, recovered, punitive = yuan(c["amount_yuan"]), yuan(step["recovered_yuan"]), yuan(step["punitive_yuan"])
        assert step["method"] in ("reconciliation", "mediation") and step["agreement"]
        assert step["outcomes"] and all(CAT.has("outcomes", o) for o in step["outcomes"])
        assert punitive <= recovered
        if punitive:
            fraud += 1
            assert punitive == max(3 * amount, Decimal(500))
            assert recovered == amount + punitive
        else:
            assert recovered <= 4 * amount
    assert 0.01 < fraud / len(settled) < 0.04
    exact = sum(yuan(step["recovered_yuan"]) == yuan(c["amount_yuan"]) for c, step in settled)
    assert 0.25 < exact / len(settled) < 0.75


def test_every_payload_passes_the_input_contract(cases):
    """What the register will do with them: parse each complaint and apply each step (no database)."""
    for c in cases[::3]:
        row = record_input.parse_complaint(c, CAT, TODAY)
        case = {**row, "status": "registered"}
        for step in c["transitions"]:
            fields = record_input.parse_transition(
                step["to"], step, CAT, TODAY, rule_code=row["rule_version"], default_on=TODAY
            )
            case.update(case_rules.apply_transition(case, fields))
        assert case["status"] == final_state(c)


@pytest.mark.parametrize("kind", ["consultation", "report", "outreach_event", "warning"])
def test_other_records_pass_the_input_contract(kind):
    generate, _ = GENERATORS[kind]
    parse = getattr(record_input, f"parse_{kind}")
    for payload in generate(500, today=TODAY):
        parse(payload, CAT, TODAY)


# -- complaints: a realistic mix ------------------------------------------------------------------
def test_state_mix(cases):
    old = Counter(final_state(c) for c in cases if date.fromisoformat(c["received_on"]) < TODAY - timedelta(days=60))
    total = sum(old.values())
    assert 0.86 < old["settled"] / total < 0.94
    assert 0.025 < old["not_accepted"] / total < 0.06
    assert 0.015 < old["terminated"] / total < 0.045
    assert 0.01 < old["transferred"] / total < 0.035
    stuck = sum(old[s] for s in OPEN)
    assert 0 < stuck / total < 0.03  # old open cases: the overdue list is not empty
    recent = Counter(final_state(c) for c in cases if date.fromisoformat(c["received_on"]) > TODAY - timedelta(days=20))
    assert sum(recent[s] for s in OPEN) / sum(recent.values()) > 0.3
    assert all(recent[s] for s in OPEN)


def test_amount_bands_and_natures(cases):
    bands = Counter(CAT.amount_band(int(yuan(c["amount_yuan"]) * 100)) for c in cases)
    assert 0.55 < bands["lt500"] / len(cases) < 0.65
    assert 0.25 < bands["500to5000"] / len(cases) < 0.35
    assert 0.05 < bands["5000to10000"] / len(cases) < 0.09
    assert 0.015 < bands["ge10000"] / len(cases) < 0.045
    natures = Counter(c["nature"] for c in cases)
    assert [n for n, _ in natures.most_common(2)] == ["quality", "after_sales"] or natures.most_common(1)[0][
        0
    ] == "quality"
    assert (natures["quality"] + natures["after_sales"]) / len(cases) > 0.45
    assert set(natures) == {n.code for n in CAT.entries("natures")}


def test_subjects_categories_and_natures_are_coherent(cases):
    classes = defaultdict(set)
    for c in cases:
        classes[c["subject"]].add(CAT.category_class(c["category"]))
    assert all(len(found) == 1 for found in classes.values()), classes
    assert classes["海尔冰箱 BCD-216"] == {"G01"}
    prepaid = Counter(c["nature"] for c in cases if c["subject"] == "美容美发预付卡")
    assert prepaid.most_common(1)[0][0] == "contract"
    food = [c for c in cases if CAT.category_class(c["category"]) == "G03"]
    assert not any("维修" in c["request"] for c in food)
    tops = Counter(CAT.category_top(c["category"]) for c in cases)
    assert tops["goods"] > tops["services"] > 0


def test_people_businesses_and_duplicates(cases):
    names = [c["consumer"]["name"] for c in cases]
    assert 0.4 < sum(len(n) == 2 for n in names) / len(names) < 0.6
    assert Counter(n[0] for n in names).most_common(1)[0][0] in "王李张刘陈"
    businesses = Counter(c["business"]["name"] for c in cases)
    assert 200 < len(businesses) <= 400
    assert businesses.most_common(1)[0][1] > 40  # some shops come back again and again
    seen: dict[tuple[str, str], date] = {}
    duplicates = 0
    for c in cases:
        key = (c["consumer"]["phone"], c["business"]["name"])
        received = date.fromisoformat(c["received_on"])
        if key in seen and (received - seen[key]).days <= 30:
            duplicates += 1
        seen[key] = received
    assert 0.003 < duplicates / len(cases) < 0.02


# -- other records --------------------------------------------------------------------------------
def test_reports():
    reports = list(demo_records.generate_reports(2000, today=TODAY))
    anonymous = sum(r["reporter"].get("anonymous", False) for r in reports)
    to_case = [r for r in reports if r["to_case"]]
    assert 0.3 < anonymous / len(reports) < 0.6
    assert 0.25 < len(to_case) / len(reports) < 0.35
    assert all(r["fine_yuan"] == "0.00" for r in reports if not r["to_case"])
    assert any(yuan(r["fine_yuan"]) > 0 for r in to_case)


def test_outreach_events():
    events = list(demo_records.generate_outreach_events(1000, today=TODAY))
    day_315 = [e for e in events if e["kind"] == "day_315"]
    assert day_315 and all(e["date"][5:] in {f"03-{d:02d}" for d in range(9, 16)} for e in day_315)
    assert {e["kind"] for e in events} == {k.code for k in CAT.entries("outreach_kinds")}
    for e in events:
        assert 100 <= e["leaflets"] <= 4000 and e["audience"] >= 50 and e["banners"] >= 1
        destroyed = e["kind"] == "fake_destruction"
        assert (Decimal(e["destroyed_kg"]) > 0) == destroyed
        assert (yuan(e["destroyed_value_yuan"]) > 0) == destroyed
    assert sum(e["leaflets"] for e in day_315) / len(day_315) > 1000


def test_consultations_and_warnings():
    consultations = list(demo_records.generate_consultations(1000, today=TODAY))
    persons = Counter(c["persons"] for c in consultations)
    assert set(persons) <= {1, 2, 3, 4, 5} and persons[1] / len(consultations) > 0.7
    warnings = list(demo_records.generate_warnings(300, today=TODAY))
    assert {w["type"] for w in warnings} == {"warning", "tip"}
    assert all(CAT.is_category(w["category"]) for w in warnings if "category" in w)


# -- speed ----------------------------------------------------------------------------------------
@pytest.mark.slow
def test_100k_complaints_speed(capsys):
    started = time.perf_counter()
    count = sum(1 for _ in demo_complaints.generate_complaints(100_000, today=TODAY))
    elapsed = time.perf_counter() - started
    assert count == 100_000
    with capsys.disabled():
        print(f"\ngenerate_complaints(100_000): {elapsed:.2f} s")
