"""The records' checks in the reader: column by column when the rows are uniform, with the same refusal (and the
same first bad row) as reading them row by row."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.formats import package
from station_app.services.exchange.plan import Refused, check_members
from station_app.store.exchange import RECORD_TABLES

NAMES = ("id", "number", "revision", "station_code", "facts")
COLUMNS = {table: set(NAMES) for table in RECORD_TABLES}
MANIFEST = {"station": {"code": "XJ"}}


def members(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in package.MEMBERS}
    out["complaints"] = rows
    return out


def cases(count: int = 4) -> list[dict]:
    return [
        {"id": f"i{k}", "number": f"XJ-{k}", "revision": 1, "station_code": "XJ", "facts": "坏了"} for k in range(count)
    ]


def test_uniform_rows_pass_and_say_so():
    assert check_members(MANIFEST, members(cases()), COLUMNS) == {"complaints": NAMES}
    mixed = cases()
    mixed[2] = {k: mixed[2][k] for k in reversed(NAMES)}  # same fields, another order: not stageable, still fine
    assert check_members(MANIFEST, members(mixed), COLUMNS) == {}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"station_code": "DL"}, "foreign_record"),
        ({"revision": True}, "damaged"),
        ({"revision": 0}, "damaged"),
        ({"id": 7}, "damaged"),
        ({"number": None}, "damaged"),
        ({"facts": {"nested": 1}}, "damaged"),
        ({"facts": False}, "damaged"),
        ({"station_code": ["XJ"]}, "damaged"),
        ({"id": {"x": 1}}, "damaged"),
    ],
)
def test_one_bad_row_among_uniform_ones_is_refused_as_row_by_row(change, code):
    rows = cases()
    rows[2].update(change)
    with pytest.raises((Refused, package.PackageError)) as refused:
        check_members(MANIFEST, members(rows), COLUMNS)
    assert refused.value.code == code


def test_the_first_bad_row_names_the_refusal_and_an_unknown_field_means_a_newer_version():
    rows = cases()
    rows[1]["station_code"], rows[2]["revision"] = "DL", True
    with pytest.raises(Refused) as refused:
        check_members(MANIFEST, members(rows), COLUMNS)
    assert refused.value.code == "foreign_record" and "XJ-1" in str(refused.value)
    newer = [{**row, "new_field": 1} for row in cases()]
    with pytest.raises(Refused) as refused:
        check_members(MANIFEST, members(newer), COLUMNS)
    assert refused.value.code == "newer_version" and "new_field" in str(refused.value)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=5,
)


@settings(max_examples=300)
@given(
    row=st.integers(0, 3),
    field=st.sampled_from([*NAMES, "other"]),
    value=JSON_VALUES,
    table=st.sampled_from(["complaints", "complaint_events"]),
)
def test_any_value_anywhere_in_a_record_is_passed_or_refused_never_raised(row, field, value, table):
    """What a forger with a key of their own could put into records: checked, or refused with a reason."""
    rows = cases()
    parts = members(rows)
    if table == "complaint_events":
        parts["complaint_events"] = [{"complaint_id": "i0", "kind": "note", field: value}]
    else:
        rows[row][field] = value
    with contextlib.suppress(Refused, package.PackageError):
        check_members(MANIFEST, parts, COLUMNS)
