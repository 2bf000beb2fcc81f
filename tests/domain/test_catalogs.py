import json
import shutil
from datetime import date

import pytest

from station_app.domain.catalogs import Catalogs, default_catalogs
from station_app.domain.errors import InvalidValue
from station_app.paths import resource_dir

CAT = default_catalogs()

CONTRACT = {
    "natures": [
        "quality",
        "safety",
        "price",
        "measurement",
        "counterfeit",
        "contract",
        "false_advertising",
        "personal_rights",
        "after_sales",
        "other",
    ],
    "channels": ["visit", "phone", "letter", "online", "transfer_12315", "other"],
    "routes": ["consumer_association", "market_regulation", "arbitration", "court"],
    "settlement_methods": ["reconciliation", "mediation"],
    "satisfaction": ["satisfied", "basically_satisfied", "dissatisfied"],
    "station_kinds": ["branch", "complaint_station", "liaison_station", "service_station"],
    "venue_types": [
        "village",
        "community",
        "school",
        "enterprise",
        "mall",
        "supermarket",
        "market",
        "scenic_spot",
        "religious_site",
        "other",
    ],
    "amount_bands": ["lt500", "500to5000", "5000to10000", "ge10000"],
}


@pytest.mark.parametrize("kind,codes", CONTRACT.items())
def test_contract_codes_exist(kind, codes):
    assert [e.code for e in CAT.entries(kind)] == codes


def test_category_tree():
    entries = CAT.entries("categories")
    tops = [e.code for e in entries if e.parent is None]
    assert tops == ["goods", "services", "other"]
    goods = [e.code for e in entries if e.parent == "goods"]
    services = [e.code for e in entries if e.parent == "services"]
    assert goods == [f"G{i:02d}" for i in range(1, 11)]
    assert services == [f"S{i:02d}" for i in range(1, 14)]
    assert CAT.category_class("G01.02") == "G01" and CAT.category_top("G01.02") == "goods"
    assert CAT.category_class("S07") == "S07" and CAT.category_top("S07") == "services"
    assert CAT.label("categories", "G10") == "农用生产资料类"


def test_renamed_label_keeps_history():
    assert CAT.label("natures", "personal_rights") == "人格权益"
    assert CAT.label("natures", "personal_rights", date(2022, 5, 1)) == "人格尊严"
    assert CAT.label("natures", "personal_rights", date(2024, 1, 1)) == "人格权益"
    assert CAT.resolve("natures", "人格尊严") == "personal_rights"


def test_resolve_codes_labels_and_english():
    assert CAT.resolve("natures", "质量") == "quality"
    assert CAT.resolve("natures", "QUALITY") == "quality"
    assert CAT.resolve("station_kinds", "维权服务站") == "service_station"
    assert CAT.resolve("venue_types", "School") == "school"
    with pytest.raises(InvalidValue, match="不是有效的代码"):
        CAT.resolve("natures", "质量差")


def test_rule_version_by_receipt_date():
    assert CAT.rule_for(date(2026, 4, 14)).code == "order20"
    assert CAT.rule_for(date(2026, 4, 15)).code == "order121"
    assert CAT.rule_for(date(2019, 1, 1)).code == "order20"
    old, new = CAT.rule_for(date(2025, 1, 1)), CAT.rule_for(date(2026, 5, 1))
    assert old.mediation_limit == (45, "working_days") and new.mediation_limit == (60, "calendar_days")
    assert "na_false_identity" in new.not_accepted_grounds and "na_false_identity" not in old.not_accepted_grounds
    assert "t_party_death" in new.termination_grounds and "t_party_death" not in old.termination_grounds
    assert "六十日" in new.ground_label("t_time_limit") and "四十五" in old.ground_label("t_time_limit")


@pytest.mark.parametrize(
    "fen,band",
    [
        (0, "lt500"),
        (49_999, "lt500"),
        (50_000, "500to5000"),
        (499_999, "500to5000"),
        (500_000, "5000to10000"),
        (1_000_000, "ge10000"),
        (None, None),
    ],
)
def test_amount_bands(fen, band):
    assert CAT.amount_band(fen) == band


def test_as_json_lists_everything():
    data = CAT.as_json()
    assert {"natures", "categories", "channels", "rule_versions", "not_accepted_grounds"} <= set(data)
    assert json.dumps(data, ensure_ascii=False)


def test_damaged_catalog_file_is_refused(tmp_path):
    folder = tmp_path / "catalogs"
    shutil.copytree(resource_dir() / "catalogs", folder)
    (folder / "natures.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"natures\.json"):
        Catalogs.load(folder)


def test_duplicate_codes_are_refused(tmp_path):
    folder = tmp_path / "catalogs"
    shutil.copytree(resource_dir() / "catalogs", folder)
    data = json.loads((folder / "natures.json").read_text(encoding="utf-8"))
    data["catalogs"]["natures"].append(dict(data["catalogs"]["natures"][0]))
    (folder / "natures.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        Catalogs.load(folder)
