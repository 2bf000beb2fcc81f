"""The records' checks in the reader: column by column when the rows are uniform, with the same refusal (and the
same first bad row) as reading them row by row."""

from __future__ import annotations

import pytest

from station_app.exchange import package
from station_app.services.exchange_plan import Refused, check_members
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
