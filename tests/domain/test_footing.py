"""domain/footing.py: who decides follows the station's kind, and every article printed is one docs/legal-basis.md
records as read (issue 18, finding 1)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from station_app.domain import footing
from station_app.paths import resource_dir

LEGAL_BASIS = (Path(__file__).resolve().parents[2] / "docs" / "legal-basis.md").read_text(encoding="utf-8")
STATION = {"code": "XJ", "name": "新集镇消费维权服务站", "county": "示例县", "contact": "0550-7654321"}


def _catalog(name: str) -> dict:
    return json.loads((resource_dir() / "catalogs" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", sorted(footing.CITATIONS))
def test_every_citation_is_an_entry_of_the_legal_basis(key):
    """The entry it was read in (title, issuer, where read) is in docs/legal-basis.md §1."""
    assert footing.CITATIONS[key].source in LEGAL_BASIS, key


def test_legal_basis_records_the_choices_of_the_footing_module():
    """§2.8 says what each notice cites for each kind of station and why the receipt is a 登记回执."""
    section = LEGAL_BASIS.split("### 2.8", 1)[1]
    for phrase in ("投诉登记回执", "domain/footing.py", "Art. 46", "recusal", "转送告知书"):
        assert phrase in section, phrase


def test_every_station_kind_has_a_footing():
    kinds = {e["code"] for e in _catalog("codes.json")["catalogs"]["station_kinds"]}
    assert kinds == footing.ASSOCIATION_KINDS | footing.REGULATOR_KINDS
    assert not footing.ASSOCIATION_KINDS & footing.REGULATOR_KINDS


@pytest.mark.parametrize("kind", ["branch", "complaint_station", "service_station"])
def test_a_consumer_association_station_speaks_in_its_own_name(kind):
    voice = footing.footing_for({**STATION, "kind": kind})
    assert (voice.regulator, voice.issuer, voice.we) == (False, "新集镇消费维权服务站", "本站")
    assert voice.prepared_note() == ""
    assert footing.acceptance_citation(voice, "order20") == ""
    assert footing.mediation_citations(voice, "order20") == ("", "")
    # Its footing is the associations' duty in 消法37¶1(五) (legal-basis §1.1, §2.1), never a regulator's order.
    assert footing.basis_sentence(voice, "order121") == (
        "本站依照《中华人民共和国消费者权益保护法》第三十七条第一款第（五）项的规定受理消费者投诉，"
        "并对投诉事项进行调查、调解。"
    )


def test_a_liaison_station_prepares_the_offices_decisions():
    """Orders 20/121 Art. 2 bind 市场监督管理部门; the decisions are the county office's (legal-basis §2.2)."""
    voice = footing.footing_for({**STATION, "name": "新集镇12315联络站", "kind": "liaison_station"})
    assert (voice.regulator, voice.issuer, voice.we) == (True, "示例县市场监督管理局", "我局")
    assert "示例县市场监督管理局印章" in voice.prepared_note() and "新集镇12315联络站" in voice.prepared_note()
    assert footing.basis_sentence(voice, "order20") == ""
    # Order 20 Art. 14 was read [C]; Order 121's article was not confirmed, so 消法46 stands in (§1.1, §1.4).
    assert footing.acceptance_citation(voice, "order20") == "《市场监督管理投诉举报处理暂行办法》第十四条"
    assert footing.acceptance_citation(voice, "order121") == "《中华人民共和国消费者权益保护法》第四十六条"
    assert footing.mediation_citations(voice, "order20") == (
        "《市场监督管理投诉举报处理暂行办法》第十八条第二款",
        "《市场监督管理投诉举报处理暂行办法》第十九条第二款",
    )
    assert footing.mediation_citations(voice, "order121") == ("", "")


@pytest.mark.parametrize(
    "county,office",
    [
        ("示例县", "示例县市场监督管理局"),
        ("示例县市场监督管理局", "示例县市场监督管理局"),
        ("", "________市场监督管理局"),
    ],
)
def test_the_office_is_named_from_the_county(county, office):
    assert footing.office_name(county) == office


def test_own_voice_is_the_station_whatever_its_kind():
    voice = footing.own_voice({**STATION, "kind": "liaison_station"})
    assert (voice.regulator, voice.issuer, voice.we) == (False, STATION["name"], "本站")


def test_grounds_for_an_association_are_plain_words_for_every_ground():
    """Every ground of rules.json has a wording of the station's own, naming no order, article or regulator's duty."""
    catalogs = _catalog("rules.json")["catalogs"]
    codes = {e["code"] for kind in ("not_accepted_grounds", "termination_grounds") for e in catalogs[kind]}
    assert codes == set(footing.ASSOCIATION_GROUNDS)
    for code, text in footing.ASSOCIATION_GROUNDS.items():
        assert not re.search(r"办法|第.{1,4}条|市场监督管理部门", text), code


def test_ground_follows_the_voice():
    label, citation = "投诉事项不属于市场监督管理部门职责", "《市场监督管理投诉举报处理暂行办法》第十五条第（一）项"
    office = footing.footing_for({**STATION, "kind": "liaison_station"})
    association = footing.footing_for({**STATION, "kind": "service_station"})
    assert footing.ground(office, "na_no_authority", label, citation) == (label, citation)
    assert footing.ground(association, "na_no_authority", label, citation) == (
        "投诉事项不属于本站受理消费者投诉的范围",
        "",
    )


def test_titles_follow_the_voice():
    office = footing.footing_for({**STATION, "kind": "liaison_station"})
    association = footing.footing_for({**STATION, "kind": "branch"})
    assert footing.title(office, "not_accepted") == "投诉不予受理决定书"  # Order 121 form 六
    assert footing.title(association, "not_accepted") == "不予受理告知书"
    assert footing.title(office, "receipt") == footing.title(association, "receipt") == "投诉登记回执"
