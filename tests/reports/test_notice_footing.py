"""Every case notice as printed by a 维权服务站 and by a 12315 联络站, read back with pdftotext: who decides, and
only the articles that bind the decider (issue 18, findings 1 and 5; docs/legal-basis.md §2.8)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.domain.errors import RuleViolation
from station_app.services import complaints, printing
from station_app.services.station import update_station
from tests.conftest import TODAY, complaint_payload

OFFICE = "示例县市场监督管理局"
LIAISON = "新集镇12315联络站"
ORDER20 = "《市场监督管理投诉举报处理暂行办法》"
ORDER121 = "《市场监督管理投诉举报处理办法》"


@pytest.fixture
def cases(session) -> dict[str, str]:
    accepted = [{"to": "accepted", "on": "2026-11-04"}]
    payloads = {
        "registered": complaint_payload(),
        "accepted": complaint_payload(received_on="2026-11-03", transitions=accepted),
        "mediating": complaint_payload(
            received_on="2026-11-03",
            transitions=[*accepted, {"to": "mediating", "on": "2026-11-05", "mediator": "王调解"}],
        ),
        "accepted20": complaint_payload(
            received_on="2025-06-02", purchased_on="2025-05-20", transitions=[{"to": "accepted", "on": "2025-06-03"}]
        ),
        "not_accepted": complaint_payload(
            received_on="2026-11-05",
            purchased_on="2023-06-01",  # more than three years before: the ground holds (domain/grounds.py)
            transitions=[{"to": "not_accepted", "on": "2026-11-06", "ground": "na_time_barred"}],
        ),
        "not_accepted20": complaint_payload(
            received_on="2025-06-02",
            purchased_on="2025-05-20",
            transitions=[{"to": "not_accepted", "on": "2025-06-03", "ground": "na_no_authority"}],
        ),
        "terminated": complaint_payload(
            received_on="2026-11-06",
            transitions=[
                {"to": "accepted", "on": "2026-11-09"},
                {"to": "mediating", "on": "2026-11-10", "mediator": "王调解"},  # 经组织调解: the ground needs it
                {"to": "terminated", "on": "2026-11-12", "ground": "t_no_agreement", "route": "court"},
            ],
        ),
        "terminated20": complaint_payload(
            received_on="2025-06-02",
            purchased_on="2025-05-20",
            transitions=[
                {"to": "accepted", "on": "2025-06-03"},
                {"to": "mediating", "on": "2025-06-04", "mediator": "王调解"},
                {"to": "terminated", "on": "2025-06-10", "ground": "t_no_agreement", "route": "court"},
            ],
        ),
        "transferred": complaint_payload(
            received_on="2026-11-05",
            transitions=[{"to": "transferred", "on": "2026-11-06", "to_unit": "示例县城关市场监管所"}],
        ),
    }
    results = complaints.add_complaints(session, list(payloads.values()), TODAY)
    return {name: r["number"] for name, r in zip(payloads, results, strict=True)}


@pytest.fixture
def liaison(session):
    update_station(session, {"kind": "liaison_station", "name": LIAISON}, TODAY)
    return session


def text_of(session, action: str, number: str, path: Path) -> str:
    printing.print_case(session, action, number, path, TODAY)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def test_a_service_station_decides_in_its_own_name_on_its_own_footing(session, cases, tmp_path):
    texts = {
        (action, name): text_of(session, action, cases[name], tmp_path / f"{action}-{name}.pdf")
        for action, name in [
            ("receipt", "registered"),
            ("acceptance", "accepted"),
            ("acceptance", "accepted20"),
            ("mediation", "mediating"),
            ("not-accepted", "not_accepted"),
            ("not-accepted", "not_accepted20"),
            ("termination", "terminated"),
            ("termination", "terminated20"),
            ("transfer", "transferred"),
        ]
    }
    for key, text in texts.items():
        # The market regulator's orders bind the regulator only (Art. 2 of each; legal-basis §1.3, §1.4).
        assert ORDER20 not in text and ORDER121 not in text and "本办法" not in text, key
        assert "我局" not in text and "市场监督管理局" not in text, key
        assert "新集镇消费维权服务站" in text and "（盖章）" in text, key
    assert "投诉登记回执" in texts["receipt", "registered"] and "受理回执" not in texts["receipt", "registered"]
    acceptance = texts["acceptance", "accepted"]
    assert "投诉受理通知书" in acceptance and "本站于2026年11月4日决定受理" in acceptance
    assert "《中华人民共和国消费者权益保护法》第三十七条第一款第（五）项" in acceptance
    mediation = texts["mediation", "mediating"]
    assert "调解通知书" in mediation and "王调解" in mediation and "____日内向本站提出回避申请" in mediation
    assert (
        "本站决定不予受理" in texts["not-accepted", "not_accepted"]
        and "超过三年" in texts["not-accepted", "not_accepted"]
    )
    assert "本站决定终止调解" in texts["termination", "terminated20"]
    transfer = texts["transfer", "transferred"]
    assert "投诉转送告知书" in transfer and "转送示例县城关市场监管所处理" in transfer


def test_a_liaison_station_prepares_the_offices_decisions_with_the_version_article(liaison, cases, tmp_path):
    def text(action: str, name: str) -> str:
        return text_of(liaison, action, cases[name], tmp_path / f"{action}-{name}.pdf")

    texts = {}
    for action, name in [
        ("acceptance", "accepted"),
        ("acceptance", "accepted20"),
        ("mediation", "mediating"),
        ("not-accepted", "not_accepted"),
        ("not-accepted", "not_accepted20"),
        ("termination", "terminated"),
        ("termination", "terminated20"),
    ]:
        texts[action, name] = body = text(action, name)
        # The office decides (legal-basis §2.2): its name on the seal, prepared by the station, never 本站决定.
        assert "本站决定" not in body and "我局" in body and f"{OFFICE}印章" in body, (action, name)
        assert f"经办单位：{LIAISON}" in body, (action, name)
    assert "投诉受理决定书" in texts["acceptance", "accepted"]
    assert "我局于2026年11月4日决定受理" in texts["acceptance", "accepted"]
    assert "《中华人民共和国消费者权益保护法》第四十六条" in texts["acceptance", "accepted"]  # 121's not confirmed
    assert f"{ORDER20}第十四条" in texts["acceptance", "accepted20"]
    mediation = texts["mediation", "mediating"]
    assert "投诉调解通知书" in mediation and "回避申请" in mediation
    assert f"{ORDER121}第二十三条第一款第（二）项" in mediation and "第十九条" not in mediation
    assert "投诉不予受理决定书" in texts["not-accepted", "not_accepted"]
    assert f"依据{ORDER121}第十六条第（四）项的规定，我局决定不予受理" in texts["not-accepted", "not_accepted"]
    assert f"{ORDER20}第十五条第（一）项" in texts["not-accepted", "not_accepted20"]
    assert f"{ORDER121}第二十三条第一款第（三）项" in texts["termination", "terminated"]
    assert "我局决定终止调解" in texts["termination", "terminated"]
    # Order 20 Art. 21 ¶2: the office tells both parties within 7 working days of its decision.
    assert f"{ORDER20}第二十一条第二款" in texts["termination", "terminated20"]
    assert f"{ORDER20}第二十一条第（四）项" in texts["termination", "terminated20"]


def test_a_liaison_stations_receipt_and_transfer_decide_nothing(liaison, cases, tmp_path):
    receipt = text_of(liaison, "receipt", cases["registered"], tmp_path / "r.pdf")
    assert "投诉登记回执" in receipt and f"转交{OFFICE}" in receipt
    assert f"{ORDER121}" not in receipt and "《中华人民共和国消费者权益保护法》第四十六条" in receipt
    assert "本站将于" not in receipt  # no promise of the office's date (legal-basis §2.2)
    receipt20 = text_of(liaison, "receipt", cases["accepted20"], tmp_path / "r20.pdf")
    assert f"{ORDER20}第十四条" in receipt20 and "2025年6月3日已受理" in receipt20
    transfer = text_of(liaison, "transfer", cases["transferred"], tmp_path / "t.pdf")
    assert "不作受理或者不予受理的决定" in transfer and "我局" not in transfer and f"{OFFICE}印章" not in transfer


@pytest.mark.parametrize(
    "action,name,message",
    [
        ("acceptance", "registered", "尚未受理"),
        ("acceptance", "not_accepted", "尚未受理"),
        ("mediation", "terminated", "调解通知书"),
        ("mediation", "registered", "调解通知书"),
        ("transfer", "accepted", "转送告知书"),
    ],
)
def test_a_notice_that_does_not_fit_the_case_is_refused(session, cases, tmp_path, action, name, message):
    with pytest.raises(RuleViolation, match=message):
        printing.print_case(session, action, cases[name], tmp_path / "x.pdf", TODAY)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "action,name", [("acceptance", "accepted"), ("mediation", "mediating"), ("transfer", "transferred")]
)
def test_cli_prints_the_new_notices(session, cases, tmp_path, capsys, action, name):
    out = tmp_path / f"{action}.pdf"
    code = main(
        [
            "--db",
            str(tmp_path / "register.sqlite3"),
            "--today",
            "2026-11-23",
            "print",
            action,
            cases[name],
            "--out",
            str(out),
            "--format",
            "json",
        ]
    )
    stdout, err = capsys.readouterr()
    assert code == 0, err
    assert f'"document": "{action}"' in stdout and cases[name] in stdout
    assert out.stat().st_size > 0


def test_the_recusal_window_is_the_stations_setting_or_a_blank(session, cases, tmp_path):
    from station_app.services.station import set_setting

    blank = text_of(session, "mediation", cases["mediating"], tmp_path / "m.pdf")
    assert "自收到本通知书之日起____日内" in blank
    set_setting(session, "recusal_days", "3")
    filled = text_of(session, "mediation", cases["mediating"], tmp_path / "m3.pdf")
    assert "自收到本通知书之日起3日内向本站提出回避申请" in filled
