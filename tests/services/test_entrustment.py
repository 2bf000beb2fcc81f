"""Entrusted mediation (受市场监管部门委托调解): the office may entrust a case it accepted to a 消协 or other
mediation body (《市场监督管理投诉举报处理暂行办法》第十七条, docs/legal-basis.md §1.3 and §2.1). The flag and the
office's name are a history entry of the case; the mediation notice and agreement say it, citing Art. 17 for an
Order 20 case; without it the papers stay as they were."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from station_app.domain import footing
from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import case_log, complaint_views, complaints, entrustment, printing
from station_app.services.station import update_station
from tests.conftest import TODAY, complaint_payload

OFFICE = "示例县市场监督管理局"
ORDER20 = "《市场监督管理投诉举报处理暂行办法》"
LEGAL_BASIS = (Path(__file__).resolve().parents[2] / "docs" / "legal-basis.md").read_text(encoding="utf-8")


def mediating(session, received_on: str = "2026-11-03", accepted: str = "2026-11-04") -> str:
    steps = [{"to": "accepted", "on": accepted}, {"to": "mediating", "on": accepted, "mediator": "王调解"}]
    payload = complaint_payload(received_on=received_on, transitions=steps)
    if received_on < "2026-04-15":
        payload["purchased_on"] = "2025-05-20"
    return complaints.add_complaints(session, [payload], TODAY)[0]["number"]


def text_of(session, action: str, number: str, path: Path) -> str:
    printing.print_case(session, action, number, path, TODAY)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def test_the_wording_cites_article_17_for_an_order20_case_and_nothing_unread_for_121():
    assert "**Art. 17**" in LEGAL_BASIS and "代为调解" in LEGAL_BASIS
    assert footing.entrusted_sentence(OFFICE, "order20") == (
        f"本站受{OFFICE}委托进行调解：依照{ORDER20}第十七条的规定，本站在委托范围内以{OFFICE}的名义进行调解。"
    )
    assert footing.entrusted_sentence(OFFICE, "order121") == f"本站受{OFFICE}委托进行调解。"


def test_the_flag_is_set_shown_audited_and_withdrawn(session):
    number = mediating(session)
    assert complaint_views.show(session, number, TODAY)["entrusted"] is None
    shown = entrustment.set_entrusted(session, number, OFFICE, date(2026, 11, 4), TODAY)
    assert shown["entrusted"] == {"office": OFFICE, "on": "2026-11-04"}
    assert shown["history"][-1]["kind"] == "entrusted" and shown["history"][-1]["data"] == {"office": OFFICE}
    assert case_log.history_lines(shown)[-1].startswith(f"2026-11-04 受市场监管部门委托调解：委托单位 {OFFICE}（")
    assert shown["audit"][-1]["action"] == "entrusted" and shown["audit"][-1]["after"] == {"entrusted_by": OFFICE}
    assert case_log.action_words(shown["audit"][-1]) == f"登记委托调解：{OFFICE}"
    with pytest.raises(RuleViolation, match="已登记"):
        entrustment.set_entrusted(session, number, OFFICE, TODAY, TODAY)
    shown = entrustment.set_entrusted(session, number, "", TODAY, TODAY)
    assert shown["entrusted"] is None and case_log.history_lines(shown)[-1].endswith(
        "受市场监管部门委托调解：已取消（" + shown["history"][-1]["actor"] + "）"
    )


def test_what_is_refused(session):
    number = mediating(session)
    with pytest.raises(ValidationError, match="市场监督管理局"):
        entrustment.set_entrusted(session, number, "示例县人民法院", TODAY, TODAY)
    with pytest.raises(RuleViolation, match="早于登记日期"):
        entrustment.set_entrusted(session, number, OFFICE, date(2026, 11, 2), TODAY)
    with pytest.raises(RuleViolation, match="晚于今天"):
        entrustment.set_entrusted(session, number, OFFICE, date(2026, 11, 24), TODAY)
    complaints.transition(session, number, "settled", {"method": "mediation", "recovered_yuan": "100"}, TODAY)
    with pytest.raises(RuleViolation, match="尚未办结"):
        entrustment.set_entrusted(session, number, OFFICE, TODAY, TODAY)
    update_station(session, {"kind": "liaison_station", "name": "新集镇12315联络站"}, TODAY)
    other = mediating(session)
    with pytest.raises(RuleViolation, match="12315 联络站"):
        entrustment.set_entrusted(session, other, OFFICE, TODAY, TODAY)


def test_the_mediation_notice_and_agreement_say_who_entrusted_it(session, tmp_path):
    """Order 20 Art. 17: an Order 20 case cites the article; an Order 121 case (whose article was not found) says the
    entrustment only. Without the flag the notice keeps the station's own footing (消法 Art. 37)."""
    plain = mediating(session)
    before = text_of(session, "mediation", plain, tmp_path / "plain.pdf")
    assert "委托" not in before.replace("委托他人", "").replace("授权委托书", "") and "第三十七条" in before
    entrusted = mediating(session)
    entrustment.set_entrusted(session, entrusted, OFFICE, date(2026, 11, 4), TODAY)
    notice = text_of(session, "mediation", entrusted, tmp_path / "e121.pdf")
    assert f"{OFFICE}受理并委托本站调解的投诉人与被投诉人之间" in notice
    assert f"本站受{OFFICE}委托进行调解。" in notice and ORDER20 not in notice and "第三十七条" not in notice
    old = mediating(session, received_on="2025-06-02", accepted="2025-06-03")
    entrustment.set_entrusted(session, old, OFFICE, date(2025, 6, 3), TODAY)
    notice20 = text_of(session, "mediation", old, tmp_path / "e20.pdf")
    assert f"本站受{OFFICE}委托进行调解：依照{ORDER20}第十七条的规定，本站在委托范围内以{OFFICE}的名义进行调解。" in (
        notice20
    )
    complaints.transition(session, old, "settled", {"method": "mediation", "recovered_yuan": "100"}, TODAY)
    agreement = text_of(session, "agreement", old, tmp_path / "a20.pdf")
    assert f"经本站受{OFFICE}委托进行调解，甲乙双方自愿达成如下协议" in agreement
    assert f"{ORDER20}第十七条" in agreement
    complaints.transition(session, plain, "settled", {"method": "mediation", "recovered_yuan": "100"}, TODAY)
    assert "经本站调解，甲乙双方自愿达成如下协议" in text_of(session, "agreement", plain, tmp_path / "a.pdf")
