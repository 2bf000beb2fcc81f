"""Every file the app reads is hostile: no crash other than the documented refusal."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.cli.inputs import read_json_records
from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import InvalidValue, RuleViolation, ValidationError
from station_app.domain.workdays import WorkCalendar
from station_app.paths import resource_dir
from station_app.services import backup

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.binary(max_size=400))
def test_json_input_reader_refuses_garbage_cleanly(tmp_path, data):
    path = tmp_path / "in.json"
    path.write_bytes(data)
    try:
        records = read_json_records(str(path))
    except ValidationError:
        return
    assert all(isinstance(r, dict) for r in records)


@FUZZ
@given(
    json_values | st.fixed_dictionaries({"consumer": json_values, "business": json_values, "transitions": json_values})
)
def test_complaint_input_of_any_shape_is_refused_or_stored(session, value):
    from station_app.services import complaints
    from tests.conftest import TODAY

    try:
        complaints.add_complaints(session, [value], TODAY)  # type: ignore[list-item]
    except (ValidationError, RuleViolation, InvalidValue):
        return


@FUZZ
@given(st.binary(max_size=2000))
def test_backup_check_refuses_garbage(tmp_path, data):
    path = tmp_path / "backup.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + data if data[:1] == b"\x00" else data)
    with pytest.raises(RuleViolation):
        backup.check(path)


@FUZZ
@given(st.binary(max_size=300))
def test_holiday_override_file_is_refused_cleanly(tmp_path, data):
    path = tmp_path / "cn.json"
    path.write_bytes(data)
    try:
        WorkCalendar.china(path, years=range(2025, 2027))
    except (InvalidValue, ValueError):
        return


@FUZZ
@given(json_values)
def test_catalog_file_of_any_shape_is_refused_cleanly(tmp_path, value):
    import shutil

    folder = tmp_path / "catalogs"
    if not folder.exists():
        shutil.copytree(resource_dir() / "catalogs", folder)
    original = (resource_dir() / "catalogs" / "natures.json").read_text(encoding="utf-8")
    (folder / "natures.json").write_text(json.dumps(value), encoding="utf-8")
    try:
        Catalogs.load(folder)
    except ValueError:
        pass
    finally:
        (folder / "natures.json").write_text(original, encoding="utf-8")


def test_oversized_input_is_refused(tmp_path, monkeypatch):
    import station_app.cli.inputs as cli_io

    monkeypatch.setattr(cli_io, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"facts": "x" * 500}), encoding="utf-8")
    with pytest.raises(ValidationError, match="MB"):
        read_json_records(str(path))


@FUZZ
@given(st.binary(max_size=600), st.sampled_from([".csv", ".xlsx"]))
def test_ledger_reader_refuses_garbage_cleanly(tmp_path, data, suffix):
    from station_app.services.ledger_import import read_sheet

    path = tmp_path / f"台账{suffix}"
    path.write_bytes(data)
    try:
        read_sheet(path)
    except ValidationError:
        return
