import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from station_app.domain.catalogs import KINDS, Catalogs, default_catalogs
from station_app.domain.errors import InvalidValue
from station_app.paths import resource_dir

CAT = default_catalogs()

# The fixed contract: other code stores and compares these codes.
CONTRACT: dict[str, list[str]] = {
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
    "request_types": ["repair", "remake", "replace", "return", "make_up_quantity", "refund", "compensate", "other"],
    "outcomes": ["repair", "replace", "return_refund", "compensate", "make_up", "apology", "other"],
    "settlement_methods": ["reconciliation", "mediation"],
    "routes": ["consumer_association", "market_regulation", "arbitration", "court"],
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
    "outreach_kinds": ["day_315", "lecture", "fair", "fake_destruction", "exhibition", "onsite_advice", "other"],
    "warning_types": ["warning", "tip"],
    "satisfaction": ["satisfied", "basically_satisfied", "dissatisfied"],
    "followup_methods": ["phone", "visit", "sms", "other"],
    "amount_bands": ["lt500", "500to5000", "5000to10000", "ge10000"],
    "not_accepted_grounds": [
        "na_no_authority",
        "na_already_handled",
        "na_not_consumption",
        "na_time_barred",
        "na_missing_materials",
        "na_false_identity",
        "na_other",
    ],
    "termination_grounds": [
        "t_withdrawn",
        "t_absent_or_refused",
        "t_no_agreement",
        "t_testing_fee",
        "t_time_limit",
        "t_inadmissible",
        "t_party_death",
        "t_other",
    ],
}


def test_every_kind_loads_with_unique_codes_and_labels():
    assert set(KINDS) <= set(CAT.kinds())
    for kind in CAT.kinds():
        entries = CAT.entries(kind)
        assert entries, kind
        codes = [e.code for e in entries]
        assert len(codes) == len(set(codes)), kind
        for e in entries:
            assert e.label and e.label_en, (kind, e.code)
            assert CAT.has(kind, e.code) and CAT.get(kind, e.code) is e


@pytest.mark.parametrize("kind,codes", CONTRACT.items())
def test_contract_codes_exist(kind, codes):
    assert [e.code for e in CAT.entries(kind)] == codes


def test_natures_and_category_tree():
    assert len(CAT.entries("natures")) == 10
    entries = CAT.entries("categories")
    assert [e.code for e in entries if e.parent is None] == ["goods", "services", "other"]
    assert [e.code for e in entries if e.parent == "goods"] == [f"G{i:02d}" for i in range(1, 11)]
    assert [e.code for e in entries if e.parent == "services"] == [f"S{i:02d}" for i in range(1, 14)]
    assert [e.code for e in entries if e.parent == "other"] == ["O01"]
    for cls in [e for e in entries if e.parent in ("goods", "services")]:
        items = [e for e in entries if e.parent == cls.code]
        assert 3 <= len(items) <= 8, cls.code
        assert all(e.code.startswith(cls.code + ".") for e in items)
    assert CAT.label("categories", "G10") == "农用生产资料类"
    assert CAT.label("categories", "S01") == "生活、社会服务类"
    assert CAT.label("categories", "O01") == "其他商品和服务"


def test_category_helpers():
    assert CAT.category_class("G01.02") == "G01" and CAT.category_top("G01.02") == "goods"
    assert CAT.category_class("S07") == "S07" and CAT.category_top("S07") == "services"
    assert CAT.category_class("O01") == "O01" and CAT.category_top("O01") == "other"
    assert CAT.category_class("goods") == "goods" and CAT.category_top("goods") == "goods"
    assert CAT.is_category("S11.01") and not CAT.is_category("X99")
    with pytest.raises(KeyError):
        CAT.category_class("X99")


def test_renamed_label_keeps_history():
    assert CAT.label("natures", "personal_rights") == "人格权益"
    assert CAT.label("natures", "personal_rights", on=date(2022, 5, 1)) == "人格尊严"
    assert CAT.label("natures", "personal_rights", on=date(2023, 12, 31)) == "人格尊严"
    assert CAT.label("natures", "personal_rights", on=date(2024, 1, 1)) == "人格权益"
    assert CAT.label("natures", "quality", on=date(2010, 1, 1)) == "质量"
    assert CAT.label("natures", "gone") == "gone"  # an unknown old code stays readable


def test_resolve_codes_labels_and_english():
    assert CAT.resolve("natures", "quality") == "quality"
    assert CAT.resolve("natures", " 质量 ") == "quality"
    assert CAT.resolve("natures", "人格尊严") == "personal_rights"  # historic label
    assert CAT.resolve("natures", "QUALITY") == "quality"
    assert CAT.resolve("natures", "after-sales SERVICE") == "after_sales"
    assert CAT.resolve("station_kinds", "维权服务站") == "service_station"
    assert CAT.resolve("venue_types", "School") == "school"
    assert CAT.resolve("categories", "g01") == "G01"
    assert CAT.resolve("categories", "远程购物") == "S07.02"  # alias
    assert CAT.resolve("categories", "网络购物(远程购物)") == "S07.02"  # half-width brackets
    assert CAT.resolve("categories", "生活及社会服务类") == "S01"


def test_resolve_refuses_unknown_with_choices():
    with pytest.raises(InvalidValue, match="不是有效的代码") as info:
        CAT.resolve("natures", "质量差")
    assert "quality（质量）" in str(info.value)
    with pytest.raises(InvalidValue) as info:
        CAT.resolve("categories", "飞船")
    assert "G01（家用电子电器类）" in str(info.value) and "catalog" in str(info.value)


def test_rule_version_by_receipt_date():
    assert [v.code for v in CAT.rule_versions()] == ["order20", "order121"]
    assert CAT.rule_for(date(2026, 4, 14)).code == "order20"
    assert CAT.rule_for(date(2026, 4, 15)).code == "order121"
    assert CAT.rule_for(date(2019, 1, 1)).code == "order20"  # before the first → the first
    old, new = CAT.rule_for(date(2025, 1, 1)), CAT.rule_for(date(2026, 5, 1))
    assert old.effective_from == date(2020, 1, 1) and new.effective_from == date(2026, 4, 15)
    assert old.acceptance_limit == (7, "working_days") and new.acceptance_limit == (7, "working_days")
    assert old.mediation_limit == (45, "working_days") and new.mediation_limit == (60, "calendar_days")
    assert "第20号" in old.title and "第121号" in new.title


def test_rule_version_grounds_and_articles():
    old, new = CAT.rule_for(date(2025, 1, 1)), CAT.rule_for(date(2026, 5, 1))
    assert len(old.not_accepted_grounds) == 6 and len(new.not_accepted_grounds) == 7
    assert len(old.termination_grounds) == 7 and len(new.termination_grounds) == 8
    assert "na_false_identity" in new.not_accepted_grounds and "na_false_identity" not in old.not_accepted_grounds
    assert "t_party_death" in new.termination_grounds and "t_party_death" not in old.termination_grounds
    assert "六十日" in new.ground_label("t_time_limit") and "四十五" in old.ground_label("t_time_limit")
    assert "虚假" in new.ground_label("na_missing_materials") and "虚假" not in old.ground_label("na_missing_materials")
    assert old.articles["na_no_authority"] == "第十五条第（一）项"
    assert new.article("na_false_identity") == "第十六条第（六）项"
    for v in (old, new):
        for code in v.not_accepted_grounds + v.termination_grounds:
            assert v.article(code) and v.ground_label(code) != code, (v.code, code)


@pytest.mark.parametrize(
    "fen,band",
    [
        (0, "lt500"),
        (49_999, "lt500"),
        (50_000, "500to5000"),
        (499_999, "500to5000"),
        (500_000, "5000to10000"),
        (999_999, "5000to10000"),
        (1_000_000, "ge10000"),
        (10**12, "ge10000"),
        (-1, None),
        (None, None),
    ],
)
def test_amount_bands(fen, band):
    assert CAT.amount_band(fen) == band


def test_as_json_lists_everything():
    data = CAT.as_json()
    assert set(KINDS) | {"rule_versions"} <= set(data)
    nature = next(r for r in data["natures"] if r["code"] == "personal_rights")
    assert nature["label_history"] == [{"until": "2023-12-31", "label": "人格尊严"}]
    assert next(r for r in data["categories"] if r["code"] == "G01.01")["parent"] == "G01"
    versions = {v["code"]: v for v in data["rule_versions"]}
    assert versions["order121"]["mediation_limit"] == {"amount": 60, "unit": "calendar_days"}
    ground = versions["order20"]["not_accepted_grounds"][0]
    assert ground["code"] == "na_no_authority" and ground["article"] == "第十五条第（一）项" and ground["label"]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


# -- damaged files --------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogs"
    shutil.copytree(resource_dir() / "catalogs", folder)
    return folder


def _edit(folder: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_copy_of_resources_loads(tmp_path):
    assert Catalogs.load(_copy(tmp_path)).kinds() == CAT.kinds()


def test_damaged_catalog_file_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "natures.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"natures\.json"):
        Catalogs.load(folder)


def test_duplicate_codes_are_refused(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "natures.json", lambda d: d["catalogs"]["natures"].append(dict(d["catalogs"]["natures"][0])))
    with pytest.raises(ValueError, match=r"natures\.json.*duplicate.*quality"):
        Catalogs.load(folder)


def _set_parent(data: dict[str, Any]) -> None:
    data["catalogs"]["categories"][-1]["parent"] = "nowhere"


def _gap_in_bands(data: dict[str, Any]) -> None:
    data["catalogs"]["amount_bands"][1]["min_fen"] = 60000


def _same_label(data: dict[str, Any]) -> None:
    data["catalogs"]["natures"][1]["label"] = "质量"


def _reverse_versions(data: dict[str, Any]) -> None:
    data["rule_versions"].reverse()


def _unknown_ground(data: dict[str, Any]) -> None:
    data["rule_versions"][0]["not_accepted_grounds"].append("na_made_up")


def _bad_unit(data: dict[str, Any]) -> None:
    data["rule_versions"][1]["mediation_limit"]["unit"] = "moons"


def _missing_label(data: dict[str, Any]) -> None:
    del data["catalogs"]["channels"][0]["label"]


@pytest.mark.parametrize(
    "name,change,message",
    [
        ("categories.json", _set_parent, "nowhere"),
        ("codes.json", _gap_in_bands, "不衔接"),
        ("natures.json", _same_label, "质量"),
        ("rules.json", _reverse_versions, "从早到晚"),
        ("rules.json", _unknown_ground, "na_made_up"),
        ("rules.json", _bad_unit, "moons"),
        ("codes.json", _missing_label, "label"),
    ],
)
def test_inconsistent_files_are_refused(tmp_path, name, change, message):
    folder = _copy(tmp_path)
    _edit(folder, name, change)
    with pytest.raises(ValueError, match=rf"{name.replace('.', '[.]')}.*{message}"):
        Catalogs.load(folder)


def test_missing_kind_and_empty_folder_are_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "natures.json").unlink()
    with pytest.raises(ValueError, match="natures"):
        Catalogs.load(folder)
    with pytest.raises(ValueError, match="没有"):
        Catalogs.load(tmp_path / "empty")


def test_order121_labels_use_order121_wording():
    """Order 121 Art. 16(二), Art. 23 ¶1(二) and (四) as forms 六 and 八 print them (docs/legal-basis.md §2.3–2.4)."""
    catalogs = Catalogs.load()
    old, new = (next(v for v in catalogs.rule_versions() if v.code == c) for c in ("order20", "order121"))
    assert "其他调解组织" in old.ground_label("na_already_handled")
    assert "其他调解组织" not in new.ground_label("na_already_handled")
    assert new.ground_label("na_already_handled").endswith("消费者协会已经受理或者处理过同一消费者权益争议")
    assert "或者被投诉人明确拒绝调解" in old.ground_label("t_absent_or_refused")
    assert new.ground_label("t_absent_or_refused") == "投诉人、被投诉人无正当理由不参加调解，或者明确拒绝调解"
    assert new.ground_label("t_testing_fee") == "投诉人与被投诉人对鉴定、检测费用承担无法协商一致"
    assert "技术机构" in old.ground_label("t_testing_fee")
