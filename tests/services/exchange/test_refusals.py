"""Packages that must be refused whole, leaving the county's register unchanged; what a lost stick reveals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.cli import main
from station_app.domain.errors import RuleViolation
from station_app.formats import keys, package
from station_app.services import exchange
from station_app.services.exchange.importing import import_packages
from station_app.store.backup import write_copy
from station_app.store.migrations import schema_version
from tests.services.exchange.registers import (
    PERSON,
    accept,
    export,
    fingerprint,
    install_county_key,
    open_register,
    snapshot,
)


def _imported_once(county, station, tmp_path):
    """The county already knows the station (its key is registered)."""
    accept(county, station, export(station, tmp_path / "first"))
    return snapshot(county)


@pytest.mark.parametrize("where", ["manifest", "signature", "body", "last"])
def test_one_byte_changed_is_refused_whole(make_station, county, tmp_path, where):
    station = make_station("XJ")
    install_county_key(county, station, tmp_path)
    path = export(station, tmp_path / "usb")
    data = bytearray(path.read_bytes())
    manifest_len = int.from_bytes(data[8:12], "big")
    at = {"manifest": 12 + manifest_len // 2, "signature": 12 + manifest_len + 2 + 10, "body": len(data) - 200}
    index = at.get(where, len(data) - 1)
    data[index] ^= 0x01
    path.write_bytes(bytes(data))
    before = snapshot(county)
    result = accept(county, station, path)
    assert result["status"] == "refused" and result["code"] in ("damaged", "bad_signature"), result
    assert "拒收" in result["reason"] or "损坏" in result["reason"]
    assert snapshot(county) == before


def test_truncated_file_is_refused(make_station, county, tmp_path):
    station = make_station("XJ")
    path = export(station, tmp_path / "usb")
    data = path.read_bytes()
    before = snapshot(county)
    for cut in (3, 20, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:cut])
        result = accept(county, station, path)
        assert result["status"] == "refused" and result["code"] == "truncated", (cut, result)
        assert "不完整" in result["reason"]
    assert snapshot(county) == before


def test_package_signed_by_another_key_is_refused(make_station, county, tmp_path):
    station = make_station("XJ")
    before = _imported_once(county, station, tmp_path)
    impostor = make_station("XJ", folder="other-pc", seed=9)  # another PC calling itself XJ
    path = export(impostor, tmp_path / "usb")
    [result] = import_packages(county, [path])
    assert result["status"] == "refused" and result["code"] == "wrong_key"
    assert "密钥" in result["reason"] and fingerprint(impostor) in result["reason"]
    # Even with its fingerprint accepted, its records clash with the station's own numbers: refused whole.
    forced = accept(county, impostor, path)
    assert forced["status"] == "refused" and forced["code"] == "integrity"
    assert snapshot(county) == before


def test_first_import_needs_the_fingerprint_read_over_the_phone(make_station, county, tmp_path):
    station = make_station("XJ")
    path = export(station, tmp_path / "usb")
    before = snapshot(county)
    for accept_key in (None, "0000 0000 0000 0000 0000 0000"):
        [result] = import_packages(county, [path], accept_key=accept_key)
        assert result["code"] == "unregistered_key" and fingerprint(station) in result["reason"]
    assert snapshot(county) == before
    [ok] = import_packages(county, [path], accept_key=fingerprint(station).replace(" ", "").upper())
    assert ok["status"] == "imported"


def test_register_copied_to_another_pc_cannot_export_under_the_station_name(make_station, tmp_path):
    station = make_station("XJ")
    export(station, tmp_path / "usb")
    write_copy(station.db, tmp_path / "pc2" / "register.sqlite3")  # the database only, not its key file
    copy = open_register(tmp_path / "pc2", "XJ", init=False)
    try:
        with pytest.raises(RuleViolation, match="另一台电脑"):
            exchange.export_package(copy, tmp_path / "usb2")
        renewed = exchange.station_key(copy, renew=True)
        assert renewed["fingerprint"] != fingerprint(station)
    finally:
        copy.close()


def test_masked_export_without_county_key_has_no_full_personal_data(make_station, tmp_path):
    station = make_station("XJ")
    result = exchange.export_package(station, tmp_path / "usb")
    assert result["masked"] and not result["encrypted"]
    data = Path(result["file"]).read_bytes()
    parsed = package.parse(data, max_schema=schema_version())
    members = package.open_members(parsed)
    plain = json.dumps(members, ensure_ascii=False)
    for secret in (PERSON["phone"], PERSON["id_number"], PERSON["name"], PERSON["address"]):
        assert secret not in plain and secret.encode() not in data
    assert "138****8000" in plain and "张**" in plain
    assert parsed.manifest["masked"] is True


def test_encrypted_export_reveals_nothing_without_the_county_key(make_station, county, tmp_path):
    station = make_station("XJ")
    install_county_key(county, station, tmp_path)
    result = exchange.export_package(station, tmp_path / "usb")
    assert result["encrypted"] and not result["masked"]
    data = Path(result["file"]).read_bytes()
    for secret in (PERSON["phone"], PERSON["name"], "新集镇华联超市"):
        assert secret.encode() not in data
    parsed = package.parse(data, max_schema=schema_version())
    with pytest.raises(package.PackageError) as refused:
        package.open_members(parsed)
    assert refused.value.code == "encrypted"
    other = open_register(tmp_path / "other-county", "SXX")
    try:
        wrong = exchange.county_private_key(other, create=True)
        with pytest.raises(package.PackageError):
            package.open_members(parsed, wrong)
    finally:
        other.close()
    opened = package.open_members(parsed, exchange.county_private_key(county, create=False))
    assert PERSON["phone"] in json.dumps(opened, ensure_ascii=False)


@pytest.fixture(scope="module")
def sample_package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    session = open_register(folder, "XJ")
    from station_app.services import demo
    from tests.conftest import TODAY

    demo.build_demo(session, 5, TODAY, seed=3)
    data = Path(exchange.export_package(session, folder / "usb")["file"]).read_bytes()
    session.close()
    return data


def _read(data: bytes) -> None:
    try:
        parsed = package.parse(data, max_schema=schema_version())
        package.open_members(parsed)
    except package.PackageError as exc:
        assert exc.code and str(exc)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes_only_ever_refused(data):
    _read(data)
    _read(package.MAGIC + data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_packages_only_ever_refused(sample_package, data):
    raw = bytearray(sample_package)
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), min_size=1, max_size=4))
    for index, value in edits:
        raw[index] = value
    cut = data.draw(st.integers(0, len(raw)))
    _read(bytes(raw))
    _read(bytes(raw[:cut]))


def test_cli_export_then_import_exit_codes(make_station, county, tmp_path, capsys):
    station = make_station("XJ")
    station_db, county_db = str(station.path), str(county.path)
    assert (
        main(["--db", station_db, "--today", "2026-11-23", "exchange", "export", "--out", str(tmp_path / "usb")]) == 0
    )
    assert "可以安全拔出U盘" in capsys.readouterr().out
    assert main(["--db", county_db, "--today", "2026-11-23", "exchange", "import", str(tmp_path / "usb")]) == 2
    assert "密钥指纹" in capsys.readouterr().err
    args = [
        "--db",
        county_db,
        "--today",
        "2026-11-23",
        "exchange",
        "import",
        str(tmp_path / "usb"),
        "--accept-key",
        fingerprint(station),
    ]
    assert main([*args, "--format", "json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["status"] == "imported"
    assert main(["--db", county_db, "--today", "2026-11-23", "exchange", "log"]) == 0
    assert "XJ" in capsys.readouterr().out


def _container(manifest_bytes: bytes, body: bytes, signer) -> bytes:
    parts = [package.MAGIC, len(manifest_bytes).to_bytes(4, "big"), manifest_bytes]
    return b"".join([*parts, (64).to_bytes(2, "big"), signer.sign(manifest_bytes), len(body).to_bytes(8, "big"), body])


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_validly_signed_but_malformed_packages_only_ever_refused(sample_package, data):
    """A forger with a key of their own gets past the signature: every later check must still hold."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    parsed = package.parse(sample_package, max_schema=schema_version())
    manifest = json.loads(parsed.manifest_bytes)
    body = bytearray(parsed.body)
    path = data.draw(st.lists(st.sampled_from(["body", "members", "signing_key", "station", "counts"]), max_size=1))
    if path:
        target = manifest[path[0]]
        key = data.draw(st.sampled_from(sorted(target) if isinstance(target, dict) else [0]))
        if isinstance(target, list):
            target[0] = data.draw(JSON_VALUES)
        else:
            target[key] = data.draw(JSON_VALUES)
    if data.draw(st.booleans()) and body:
        body[data.draw(st.integers(0, len(body) - 1))] ^= data.draw(st.integers(1, 255))
        manifest["body"]["stored_sha256"] = package.sha256(bytes(body))
    signer = Ed25519PrivateKey.generate()
    if path != ["signing_key"]:
        manifest["signing_key"]["public_key"] = keys.b64(keys.raw_public(signer.public_key()))
    _read(_container(json.dumps(manifest).encode(), bytes(body), signer))


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_new_stations_package_carrying_another_stations_record_id_is_refused_whole(
    make_station, county, tmp_path, dry_run
):
    """A station's first records here are not looked up one by one before the insert (plan.py, ``_plan_staged``):
    the insert finds a record id another station already holds, and the package is refused as the lookup would."""
    from tests.services.exchange.registers import accept, export, fingerprint, snapshot
    from tests.trust.crafted_packages import opened, resigned

    xj = make_station("XJ")
    assert accept(county, xj, export(xj, tmp_path / "xj"))["status"] == "imported"
    _, xj_records = opened(export(xj, tmp_path / "xj-again"))
    taken = xj_records["complaints"][3]["id"]
    dl = make_station("DL", folder="dl", seed=8)
    before = snapshot(county)

    def claim(members):
        mine = members["complaints"][5]["id"]
        members["complaints"][5]["id"] = taken  # every column still in the same order: the rows are staged
        for event in members["complaint_events"]:
            if event["complaint_id"] == mine:
                event["complaint_id"] = taken

    crafted = resigned(export(dl, tmp_path / "dl"), tmp_path / "crafted.stpkg", dl, records=claim)
    [result] = import_packages(county, [crafted], accept_key=fingerprint(dl), dry_run=dry_run)
    assert result["status"] == "refused" and result["code"] == "foreign_record", result
    assert snapshot(county) == before
    honest = export(dl, tmp_path / "dl-honest")
    assert accept(county, dl, honest)["status"] == "imported"  # nothing of the refused package stayed in the way
