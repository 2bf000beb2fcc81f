"""Office files for A4 offices (issue 19): the summary .docx on A4 with GB/T 9704 margins and real properties;
the tally .xlsx on A4, one page wide, titles within the table, "—" for a rate with no denominator."""

from __future__ import annotations

from datetime import date

from docx import Document
from openpyxl import load_workbook

from station_app.cli import main
from station_app.domain import periods
from station_app.reports import summary_docx, tally_xlsx
from station_app.services import tallies
from station_app.store import tallies as tally_store
from tests.conftest import TODAY


def test_the_summary_is_a4_with_the_stations_name_and_the_day_made(session, tmp_path):
    data = tallies.as_json(tallies.tally(session, periods.year("2026"), TODAY))
    names = tally_store.station_names(session.db)
    path = summary_docx.write(data, session.catalogs, names, tmp_path / "s.docx", author="新集镇消费维权服务站")
    document = Document(str(path))
    section = document.sections[0]

    def mm(length):  # Word keeps twentieths of a point: 210 mm comes back as 209.99…
        return round(length.mm)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)
    assert mm(section.page_width) - mm(section.left_margin) - mm(section.right_margin) == 156  # GB/T 9704 block
    properties = document.core_properties
    assert properties.author == "新集镇消费维权服务站" and "python-docx" not in (properties.author or "")
    assert properties.created.date() == date.fromisoformat(data["as_of"]) and properties.title.endswith("工作总结")


def test_every_tally_sheet_prints_on_a4_one_page_wide(session, tmp_path):
    data = tallies.as_json(tallies.tally(session, periods.year("2024"), TODAY))  # an empty year: no rates
    path = tally_xlsx.write(data, session.catalogs, tally_store.station_names(session.db), tmp_path / "t.xlsx")
    book = load_workbook(path)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert str(setup.paperSize) == sheet.PAPERSIZE_A4, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert sheet.print_title_rows and sheet.print_area
        assert any(str(r).startswith("A1:") for r in sheet.merged_cells.ranges)  # the title within the table
    rates = {row[0]: row[1] for row in book["主要指标"].iter_rows(values_only=True) if row and row[0]}
    assert rates["调解成功率（%）"] == "—"


def test_the_cli_summary_names_the_register_as_author(capsys, session, tmp_path):
    out = tmp_path / "s.docx"
    command = ["--db", str(session.path), "--today", "2026-11-23", "summary", "--year", "2026", "--out", str(out)]
    assert main(command) == 0
    assert Document(str(out)).core_properties.author == "新集镇消费维权服务站"


def test_libreoffice_prints_them_on_a4_without_orphan_pages(session, tmp_path):
    """The files as an office prints them: LibreOffice (installed by `setup.sh test`) converts both to PDF; every
    page is A4, each tally sheet takes one page (8 sheets once took 15 Letter pages, 7 holding a title's tail)."""
    import shutil
    import subprocess

    import pytest

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is installed by `bash scripts/setup.sh test` (as root)")
    from station_app.services import demo

    demo.build_demo(session, 120, TODAY, seed=3)
    data = tallies.as_json(tallies.tally(session, periods.year("2026"), TODAY))
    names = tally_store.station_names(session.db)
    sheets = len(load_workbook(tally_xlsx.write(data, session.catalogs, names, tmp_path / "t.xlsx")).worksheets)
    summary_docx.write(data, session.catalogs, names, tmp_path / "s.docx", author="新集镇消费维权服务站")
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"  # a profile of its own: runs side by side
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), "t.xlsx", "s.docx"],
        cwd=tmp_path,
        capture_output=True,
        timeout=180,
        check=True,
    )
    for name, most in (("t.pdf", sheets), ("s.pdf", 12)):
        info = subprocess.run(["pdfinfo", str(tmp_path / name)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 1 <= pages <= most and "(A4)" in info, (name, info)
        print(f"\n{name}: {pages} A4 pages")
