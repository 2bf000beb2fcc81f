"""The year-end draft (.docx): the seeds' sentences with the same figures as ``tally --year``."""

from __future__ import annotations

import json

import pytest
from docx import Document
from docx.oxml.ns import qn

from station_app.cli import main
from station_app.domain import periods
from station_app.reports import summary_docx
from station_app.reports.tally_rows import YUAN, format_cell
from station_app.services import complaints, tallies
from station_app.store import tallies as tally_store
from tests.conftest import TODAY, complaint_payload


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("summary") / "r.sqlite3")
    assert main(["--db", db, "--today", "2026-11-23", "demo", "--complaints", "120"]) == 0
    return db


def run(capsys, db, *args):
    code = main(["--db", db, "--today", "2026-11-23", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def text_of(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def east_asia(run) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_docx_says_what_tally_says(capsys, demo_db, tmp_path):
    figures = json.loads(run(capsys, demo_db, "tally", "--year", "2026", "--format", "json"))
    c = figures["complaints"]
    out = tmp_path / "总结.docx"
    assert "已生成" in run(capsys, demo_db, "summary", "--year", "2026", "--out", str(out))
    document = Document(str(out))
    text = text_of(document)
    assert f"全年共受理消费者投诉{c['accepted']}件" in text
    assert f"调解结案{c['settled']}件" in text
    assert f"调解成功率{c['settlement_rate']:.1f}%" in text
    assert f"为消费者挽回经济损失{format_cell(c['recovered_fen'], YUAN)}元" in text
    assert f"不予受理{c['not_accepted']}件" in text
    assert f"接待来访和咨询{figures['consultations']['persons']}人次" in text
    assert f"受理举报{figures['reports']['received']}件" in text
    assert f"转为案件线索{figures['reports']['to_case']}件" in text
    assert f"开展宣传活动{figures['outreach']['events']}场次" in text
    assert f"发放宣传资料{figures['outreach']['leaflets']}份" in text
    assert f"悬挂横幅{figures['outreach']['banners']}条" in text
    assert f"发布消费警示{figures['warnings']['by_type']['warning']}条" in text
    top = max(c["by_nature"], key=lambda code: c["by_nature"][code])
    assert f"投诉{c['by_nature'][top]}件，占投诉总量的{c['shares']['by_nature'][top]:.1f}%" in text
    change = figures["changes"]["complaints"]["accepted"]
    if change["percent"] is not None and change["delta"]:
        word = "增长" if change["delta"] > 0 else "下降"
        assert f"比去年同期{word}{abs(change['percent']):.1f}%" in text

    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "一、认真受理消费投诉，全心全意为消费者服务"
    assert headings[1].startswith("二、") and "宣传" in headings[1]
    assert len(document.tables) == 8
    main_table = document.tables[0]
    assert [cell.text for cell in main_table.rows[0].cells][:3] == ["指标", "本期", "去年同期"]
    rows = {r.cells[0].text: r.cells[1].text for r in main_table.rows}
    assert rows["受理投诉（件）"] == str(c["accepted"])
    assert rows["挽回经济损失（元）"] == format_cell(c["recovered_fen"], YUAN)

    body = [r for p in document.paragraphs if p.text.startswith(("全年", "从")) for r in p.runs]
    assert body and {east_asia(r) for r in body} == {"宋体"}
    heads = [r for p in document.paragraphs if p.style.name.startswith("Heading") for r in p.runs]
    assert heads and {east_asia(r) for r in heads} == {"黑体"}


def test_rates_and_money_in_a_small_register(session, tmp_path):
    for n in range(3):
        payload = complaint_payload(
            consumer={"name": f"消费者{n}", "phone": f"1380013800{n}"},
            transitions=[{"to": "accepted", "on": "2026-11-03"}],
        )
        if n < 2:
            payload["transitions"].append(
                {"to": "settled", "on": "2026-11-10", "method": "mediation", "recovered_yuan": "1550.05"}
            )
        complaints.add_complaints(session, [payload], TODAY)
    data = tallies.as_json(tallies.tally(session, periods.year("2026"), TODAY))
    path = summary_docx.write(data, session.catalogs, tally_store.station_names(session.db), tmp_path / "s.docx")
    text = text_of(Document(str(path)))
    assert "新集镇消费维权服务站2026年消费维权工作总结" in text
    assert "全年共受理消费者投诉3件" in text and "调解结案2件，调解成功率66.7%" in text
    assert "为消费者挽回经济损失3100.10元" in text
    assert "质量问题居首位，投诉3件，占投诉总量的100.0%" in text
    assert "尚在办理1件" in text


def test_an_empty_year_has_no_rate(session, tmp_path):
    data = tallies.as_json(tallies.tally(session, periods.year("2024"), TODAY))
    path = summary_docx.write(data, session.catalogs, {}, tmp_path / "empty.docx")
    text = text_of(Document(str(path)))
    assert "全年共受理消费者投诉0件" in text and "调解成功率" not in text and "None" not in text


def test_summary_refuses_a_wrong_file_name_or_station(capsys, demo_db, tmp_path):
    base = ["--db", demo_db, "--today", "2026-11-23", "summary", "--year", "2026"]
    assert main([*base, "--out", str(tmp_path / "s.doc")]) == 2
    assert main([*base, "--out", str(tmp_path / "s.docx"), "--station", "ZZ"]) == 2
    assert main([*base, "--out", str(tmp_path / "s.docx"), "--station", "xj", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["stations"] == ["XJ"] and out["file"].endswith("s.docx")
