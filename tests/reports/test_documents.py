"""The printed documents: read back with pypdf — the right fields, masking, embedded CJK fonts, long text
flowing onto further pages, the landscape ledger, and ``station-app print``."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from station_app.cli import main
from station_app.domain.errors import RuleViolation
from station_app.reports import agreement, followup, month_ledger, notices, receipt, registration
from station_app.services import complaint_views, complaints
from station_app.services.printing import month_cases
from tests.conftest import TODAY, complaint_payload

ID_NUMBER = "11010119900307723X"
LONG_END = "事实全文到此结束"
LONG_FACTS = (
    "".join(
        f"第{i}段：消费者购买冰箱一台，使用一个月后不制冷，多次联系商家上门维修均未修好，商家拒绝退货。"
        for i in range(80)
    )
    + LONG_END
)


@pytest.fixture
def cases(session) -> dict[str, str]:
    """One case in every state a document needs; returns name → number."""
    consumer = {"name": "张三", "phone": "13800138000", "id_number": ID_NUMBER, "address": "新集镇东街 8 号"}
    payloads = {
        "registered": complaint_payload(consumer=consumer),
        "settled_long": complaint_payload(
            received_on="2026-11-03",
            consumer=consumer,
            facts=LONG_FACTS,
            transitions=[
                {"to": "accepted", "on": "2026-11-04"},
                {"to": "mediating", "on": "2026-11-05", "mediator": "王调解"},
                {
                    "to": "settled",
                    "on": "2026-11-10",
                    "method": "mediation",
                    "recovered_yuan": "1550",
                    "punitive_yuan": "500",
                    "agreement": "商家退还货款1550元，并赔偿500元。",
                    "outcomes": ["return_refund", "compensate"],
                    "performed_by": "2026-11-15",
                },
            ],
        ),
        "reconciled": complaint_payload(
            received_on="2026-11-04",
            consumer={"name": "李四", "phone": "13900139000"},
            transitions=[
                {"to": "accepted", "on": "2026-11-05"},
                {"to": "settled", "on": "2026-11-06", "method": "reconciliation", "recovered_yuan": "200"},
            ],
        ),
        "not_accepted": complaint_payload(
            received_on="2026-11-05",
            consumer={"name": "王五", "phone": "13700137000"},
            purchased_on="2023-06-01",  # more than three years before: the ground holds
            transitions=[{"to": "not_accepted", "on": "2026-11-06", "ground": "na_time_barred"}],
        ),
        "terminated": complaint_payload(
            received_on="2026-11-06",
            consumer={"name": "赵六", "phone": "13600136000"},
            transitions=[
                {"to": "accepted", "on": "2026-11-09"},
                {"to": "mediating", "on": "2026-11-10"},  # "经组织调解": the ground needs a mediation held
                {"to": "terminated", "on": "2026-11-12", "ground": "t_no_agreement", "route": "court"},
            ],
        ),
        "order20": complaint_payload(
            received_on="2025-06-02",
            purchased_on="2025-05-20",
            consumer={"name": "钱七", "phone": "13500135000"},
            transitions=[{"to": "not_accepted", "on": "2025-06-03", "ground": "na_no_authority"}],
        ),
    }
    for i in range(40):  # enough rows for the ledger to run over a page
        payloads[f"filler{i}"] = complaint_payload(
            received_on=f"2026-11-{i % 20 + 1:02d}",
            consumer={"name": f"孙{i}号", "phone": f"1580000{i:04d}"},
            business={"name": f"新集镇第{i}家电器商行有限公司"},
            facts="冰箱不制冷",
        )
    results = complaints.add_complaints(session, list(payloads.values()), TODAY)
    numbers = {name: r["number"] for name, r in zip(payloads, results, strict=True)}
    complaints.add_followup(
        session,
        numbers["settled_long"],
        {"date": "2026-11-20", "satisfaction": "basically_satisfied", "opinion": "处理及时", "visitor": "李站长"},
        TODAY,
    )
    return numbers


def render(session, write, number: str, path: Path) -> tuple[PdfReader, str]:
    case = complaint_views.show(session, number, TODAY)
    write(case, session.station(), session.catalogs, path, TODAY)
    return read(path)


def read(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, squeeze("".join(page.extract_text() for page in reader.pages))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_fonts_embedded(reader: PdfReader, *, cjk_only: bool = False) -> None:
    """Every font (or, with ``cjk_only``, every font but the base-14 Latin ones) is embedded TrueType."""
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].get_object().values():
            font = font.get_object()
            assert "STSong" not in str(font["/BaseFont"]), "a non-embedded CID font"
            if cjk_only and font["/Subtype"] == "/Type1":
                continue
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in described["/FontDescriptor"].get_object(), f"{font['/BaseFont']} not embedded"
            seen += 1
    assert seen


def test_receipt_has_the_case_and_masks_the_consumer(session, cases, tmp_path):
    reader, text = render(session, receipt.write, cases["registered"], tmp_path / "r.pdf")
    shown = complaint_views.show(session, cases["registered"], TODAY)
    for expected in (
        "投诉登记回执",
        cases["registered"],
        "新集镇华联超市",
        "海尔冰箱",
        "138****8000",
        "张*",
        "110***********723X",
        "新集镇消费维权服务站",
        "第三十九条",
        "（盖章）",
        "个人信息",
    ):
        assert squeeze(expected) in text, expected
    due = date.fromisoformat(shown["acceptance_due"])
    assert f"{due.year}年{due.month}月{due.day}日" in text
    assert "13800138000" not in text and ID_NUMBER not in text and "张三" not in text
    assert len(reader.pages) == 1
    assert_fonts_embedded(reader)


def test_registration_form_is_complete_and_long_facts_flow_onto_more_pages(session, cases, tmp_path):
    reader, text = render(session, registration.write, cases["settled_long"], tmp_path / "reg.pdf")
    assert len(reader.pages) > 1
    assert LONG_END in text and "第79段" in text and "第40段" in text
    for expected in ("消费者投诉登记表", cases["settled_long"], "13800138000", ID_NUMBER, "张三", "王调解", "1550.00"):
        assert expected in text, expected
    assert f"共{len(reader.pages)}页" in text and "（盖章）" in text
    assert_fonts_embedded(reader)


def test_agreement_title_terms_and_copies(session, cases, tmp_path):
    reader, text = render(session, agreement.write, cases["settled_long"], tmp_path / "a.pdf")
    assert "调解协议书" in text and "和解协议书" not in text
    for expected in (
        cases["settled_long"],
        "新集镇华联超市",
        "商家退还货款1550元",
        "1550.00元",
        "500.00元",
        "2026年11月15日",
        "138****8000",
        "110***********723X",
        "本协议一式三份，双方当事人各执一份，本站存档一份",
        "调解人签字",
        "第三十九条",
        LONG_END,
    ):
        assert expected in text, expected
    assert "13800138000" not in text and ID_NUMBER not in text
    assert len(reader.pages) > 1
    _, text = render(session, agreement.write, cases["reconciled"], tmp_path / "b.pdf")
    assert "和解协议书" in text and "200.00元" in text


def test_notices_of_a_service_station_give_its_own_reason_and_cite_no_regulator_rule(session, cases, tmp_path):
    """A 维权服务站 decides on its own footing (消法37): the regulator's orders bind only the regulator (their
    Art. 2; docs/legal-basis.md §2.1). The office's citations are tested in test_notice_footing.py."""
    _, text = render(session, notices.write_not_accepted, cases["not_accepted"], tmp_path / "n.pdf")
    assert "不予受理告知书" in text and cases["not_accepted"] in text
    assert "超过三年" in text and "本站决定不予受理" in text and "办法" not in text
    assert "向人民法院提起诉讼" in text and "137****7000" in text and "13700137000" not in text
    _, text = render(session, notices.write_not_accepted, cases["order20"], tmp_path / "n20.pdf")
    assert "本站受理消费者投诉的范围" in text and "暂行办法" not in text
    reader, text = render(session, notices.write_termination, cases["terminated"], tmp_path / "t.pdf")
    assert "终止调解告知书" in text and "无法达成调解协议" in text and "本站建议：向人民法院提起诉讼" in text
    assert "第二十三条" not in text and "本站决定终止调解" in text
    assert "新集镇华联超市（被投诉人）" in text
    assert_fonts_embedded(reader)


def test_followup_record(session, cases, tmp_path):
    reader, text = render(session, followup.write, cases["settled_long"], tmp_path / "f.pdf")
    for expected in (
        "回访记录",
        cases["settled_long"],
        "XJ-HF-2026-0001",
        "■基本满意",
        "处理及时",
        "李站长",
        "1550.00元",
    ):
        assert expected in text, expected
    assert_fonts_embedded(reader)


@pytest.mark.parametrize(
    "write,name,message",
    [
        (agreement.write, "registered", "协议书"),
        (agreement.write, "terminated", "协议书"),
        (notices.write_not_accepted, "terminated", "不予受理"),
        (notices.write_termination, "not_accepted", "终止调解"),
        (followup.write, "reconciled", "回访"),
    ],
)
def test_a_document_that_does_not_fit_the_case_is_refused(session, cases, tmp_path, write, name, message):
    with pytest.raises(RuleViolation, match=message):
        render(session, write, cases[name], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_ledger_is_landscape_masked_and_repeats_its_header(session, cases, tmp_path):
    month = month_cases(session, "2026-11", TODAY)
    assert len(month) == 45  # the 2025 case is another month
    path = month_ledger.write(month, session.station(), session.catalogs, "2026-11", tmp_path / "l.pdf", TODAY)
    reader, text = read(path)
    assert len(reader.pages) > 1
    box = reader.pages[0].mediabox
    assert box.width > box.height
    second = squeeze(reader.pages[1].extract_text())
    assert all(head in second for head in ("序号", "被投诉人", "挽回损失", "办结日期"))
    assert "投诉受理台账" in text and "2026年11月" in text and "（盖章）" in text
    assert "138****8000" in text and "13800138000" not in text and "张三" not in text and "张*" in text
    assert all(number in text for number in (cases["registered"], cases["terminated"], cases["filler39"]))
    assert cases["order20"] not in text
    assert "合计：45件" in text
    assert_fonts_embedded(reader)


def test_ledger_keeps_registered_and_accepted_apart(session, cases, tmp_path):
    """登记日期 and 受理日期 are separate columns; a not-accepted case is listed (registered) but not counted as
    accepted (issue 18, finding 3; docs/figures.md)."""
    month = month_cases(session, "2026-11", TODAY)
    heads = month_ledger.header_texts()
    assert heads[2:4] == ["登记日期", "受理日期"]
    by_number = {c["number"]: month_ledger.row_cells(1, c, session.catalogs) for c in month}
    assert by_number[cases["registered"]][2:4] == ["2026-11-02", ""]
    assert by_number[cases["settled_long"]][2:4] == ["2026-11-03", "2026-11-04"]
    assert by_number[cases["not_accepted"]][2:4] == ["2026-11-05", "—"]
    path = month_ledger.write(month, session.station(), session.catalogs, "2026-11", tmp_path / "l.pdf", TODAY)
    _, text = read(path)
    accepted = sum(1 for c in month if c.get("accepted_on"))
    assert accepted == 3  # settled_long, reconciled, terminated; not the 不予受理 one nor the 41 registered
    assert f"登记投诉45件，其中受理{accepted}件、不予受理1件" in text


def test_ledger_signatures_never_stand_alone_on_the_last_page(session, cases, tmp_path):
    month = sorted(month_cases(session, "2026-11", TODAY), key=lambda c: (c["received_on"], c["number"]))
    for size in (1, 2, 3, *range(18, len(month) + 1)):  # every length around the page breaks
        path = month_ledger.write(
            month[:size], session.station(), session.catalogs, "2026-11", tmp_path / "l.pdf", TODAY
        )
        last = squeeze(PdfReader(path).pages[-1].extract_text())
        assert "填报人" in last and f"合计：{size}件" in last, size
        assert month[size - 1]["number"] in last, size  # at least the last case sits above the totals


def test_ledger_of_an_empty_month(session, tmp_path):
    path = month_ledger.write([], session.station(), session.catalogs, "2026-01", tmp_path / "e.pdf", TODAY)
    _, text = read(path)
    assert "本月没有登记投诉" in text


@pytest.fixture
def cli(session, cases, tmp_path, capsys):
    db = str(tmp_path / "register.sqlite3")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, "--today", "2026-11-23", "print", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.mark.parametrize(
    "action,name",
    [
        ("receipt", "registered"),
        ("registration", "registered"),
        ("agreement", "settled_long"),
        ("not-accepted", "not_accepted"),
        ("termination", "terminated"),
        ("followup", "settled_long"),
    ],
)
def test_cli_prints_case_documents(cli, cases, tmp_path, action, name):
    out = tmp_path / "out" / f"{action}.pdf"
    code, stdout, err = cli(action, cases[name], "--out", str(out))
    assert code == 0, err
    assert str(out) in stdout
    reader, text = read(out)
    assert cases[name] in text
    assert_fonts_embedded(reader)


def test_cli_prints_the_ledger_and_the_tally(cli, tmp_path):
    code, _, err = cli("ledger", "--month", "2026-11", "--out", str(tmp_path / "l.pdf"))
    assert code == 0, err
    assert "138****8000" in read(tmp_path / "l.pdf")[1]
    code, _, err = cli("tally", "--month", "2026-11", "--out", str(tmp_path / "t.pdf"))
    assert code == 0, err
    reader, text = read(tmp_path / "t.pdf")
    assert "月度统计表" in text
    assert_fonts_embedded(reader, cjk_only=True)  # tally_pdf's canvas also lists an unused Helvetica


@pytest.mark.parametrize(
    "args,code,message",
    [
        (("agreement", "{registered}", "--out", "{out}"), 2, "协议书"),
        (("not-accepted", "{settled_long}", "--out", "{out}"), 2, "不予受理"),
        (("termination", "{registered}", "--out", "{out}"), 2, "终止调解"),
        (("followup", "{reconciled}", "--out", "{out}"), 2, "回访"),
        (("receipt", "XJ-2026-9999", "--out", "{out}"), 3, "找不到"),
        (("ledger", "--month", "2026-13", "--out", "{out}"), 2, "月份"),
        (("receipt", "{registered}"), 2, "--out"),
    ],
)
def test_cli_refuses_in_one_line(cli, cases, tmp_path, args, code, message):
    out = tmp_path / "x.pdf"
    result, _, err = cli(*(a.format(out=out, **cases) for a in args))
    assert result == code
    assert err.startswith("错误：") and message in err and err.count("\n") == 1
    assert not out.exists()


def test_every_document_is_a4(session, cases, tmp_path):
    """Portrait A4 for the case documents (the ledger is landscape A4, tested above)."""
    from station_app.services import printing

    documents = {
        "receipt": "settled_long",
        "registration": "settled_long",
        "agreement": "settled_long",
        "followup": "settled_long",
    }
    for action, name in documents.items():
        path, _ = printing.print_case(session, action, cases[name], tmp_path / f"{action}.pdf", TODAY)
        for page in PdfReader(path).pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1, action
    assert len(LONG_FACTS) > 3000
