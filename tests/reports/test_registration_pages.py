"""No near-empty last page (issue 19): the registration form of an ordinary case fits one A4 page, and a long
one that runs over never leaves the signatures alone on its last page (the last rows of 办理情况 go with them)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from station_app.services import complaints, demo, printing
from tests.conftest import TODAY, complaint_payload

SETTLED = [
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
]


def pages(path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def test_the_registration_form_of_every_case_of_the_demo_register_fits_one_page(session, tmp_path):
    demo.build_demo(session, 120, TODAY)  # realistic cases in every state, facts of up to ~110 characters
    numbers = [row[0] for row in session.db.execute("SELECT number FROM complaints WHERE deleted_at IS NULL")]
    counts = {}
    for number in numbers:
        path, _ = printing.print_case(session, "registration", number, tmp_path / f"{number}.pdf", TODAY)
        counts[number] = len(pages(path))
    assert len(counts) == 120
    assert {n: c for n, c in counts.items() if c != 1} == {}


@pytest.mark.parametrize("sentences", range(4, 30, 2))
def test_a_long_form_keeps_its_last_rows_with_the_signatures(session, tmp_path, sentences):
    """Facts of growing length move the page break through the whole form: wherever it falls, the page that
    holds the signatures holds 办结日期 and the row above it too."""
    facts = "".join(f"第{i}条：消费者购买冰箱一台，使用一个月后不制冷，商家拒绝退货。" for i in range(sentences))
    consumer = {"name": "张三", "phone": "13800138000", "id_number": "11010119900307723X", "address": "新集镇东街 8 号"}
    [added] = complaints.add_complaints(
        session, [complaint_payload(facts=facts, consumer=consumer, transitions=SETTLED)], TODAY
    )
    path, _ = printing.print_case(session, "registration", added["number"], tmp_path / "form.pdf", TODAY)
    texts = pages(path)
    assert sentences > 4 or len(texts) == 1, len(texts)  # a full settled case with 130 characters of facts: one page
    last = texts[-1]
    assert "投诉人签字" in last and "办结日期" in last and "履行期限" in last, (len(texts), last[:200])
