"""``station-app tally`` in every format, from the same figures."""

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from station_app.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("tally") / "r.sqlite3")
    assert main(["--db", db, "--today", "2026-11-23", "demo", "--complaints", "150"]) == 0
    return db


def run(capsys, db, *args):
    code = main(["--db", db, "--today", "2026-11-23", "tally", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys, demo_db):
    code, out, err = run(capsys, demo_db, "--year", "2026", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    c = data["complaints"]
    for key in (
        "accepted",
        "not_accepted",
        "settled",
        "settlement_rate",
        "recovered_fen",
        "by_nature",
        "by_category",
        "by_amount_band",
    ):
        assert key in c
    assert isinstance(c["recovered_fen"], int) and isinstance(c["settlement_rate"], float)
    assert round(c["settlement_rate"], 1) == c["settlement_rate"]
    assert "persons" in data["consultations"] and "received" in data["reports"] and "leaflets" in data["outreach"]
    assert data["previous"]["period"]["from"] == "2025-01-01"
    assert sum(c["by_nature"].values()) == c["accepted"]


def test_text_xlsx_and_pdf_show_the_same_figures(capsys, demo_db, tmp_path):
    _, out, _ = run(capsys, demo_db, "--year", "2026", "--format", "json")
    c = json.loads(out)["complaints"]
    code, text, _ = run(capsys, demo_db, "--year", "2026")
    assert code == 0 and f"共受理消费者投诉{c['accepted']}件" in text
    xlsx = tmp_path / "t.xlsx"
    assert run(capsys, demo_db, "--year", "2026", "--format", "xlsx", "--out", str(xlsx))[0] == 0
    sheet = load_workbook(xlsx)["主要指标"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["受理投诉（件）"] == c["accepted"] and isinstance(values["受理投诉（件）"], int)
    assert values["挽回经济损失（元）"] == pytest.approx(c["recovered_fen"] / 100)
    assert sheet.freeze_panes is not None
    pdf = tmp_path / "t.pdf"
    assert run(capsys, demo_db, "--year", "2026", "--format", "pdf", "--out", str(pdf))[0] == 0
    reader = PdfReader(pdf)
    content = "".join(page.extract_text() for page in reader.pages)
    assert f"共受理消费者投诉{c['accepted']}件" in content.replace("\n", "")
    fonts = {f["/BaseFont"] for page in reader.pages for f in page["/Resources"]["/Font"].get_object().values()}
    assert any("UMing" in str(f) for f in fonts)


@pytest.mark.parametrize(
    "args,message",
    [
        (("--month", "2026-13"), "月份"),
        (("--quarter", "2026Q5"), "季度"),
        (("--from", "2026-03-01"), "--to"),
        (("--from", "2026-03-01", "--to", "2026-02-01"), "不能早于"),
        (("--year", "2026", "--station", "NOPE"), "没有站点"),
        (("--year", "2026", "--format", "xlsx"), "--out"),
    ],
)
def test_bad_periods_are_refused_in_one_line(capsys, demo_db, args, message):
    code, _, err = run(capsys, demo_db, *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_range_and_station(capsys, demo_db):
    code, out, _ = run(
        capsys, demo_db, "--from", "2026-01-01", "--to", "2026-06-30", "--station", "XJ", "--format", "json"
    )
    assert code == 0 and json.loads(out)["stations"] == ["XJ"]
