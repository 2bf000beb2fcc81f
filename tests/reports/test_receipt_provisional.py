"""The receipt makes no firm promise for an acceptance deadline counted into a year whose official holidays are
not yet known (issue 18, item 4): "本站预计于 … 前（2027 年节假日安排未公布，以实际为准）"."""

from __future__ import annotations

from datetime import date

from station_app.reports import receipt
from station_app.services import complaint_views, complaints
from tests.conftest import complaint_payload
from tests.reports.test_documents import read


def test_a_provisional_deadline_is_printed_as_an_estimate(session, tmp_path):
    today = date(2026, 12, 31)
    added = complaints.add_complaints(
        session,
        [complaint_payload(received_on="2026-12-31"), complaint_payload(received_on="2026-12-01")],
        today,
    )
    late, early = (complaint_views.show(session, a["number"], today) for a in added)
    receipt.write(late, session.station(), session.catalogs, tmp_path / "late.pdf", today)
    text = read(tmp_path / "late.pdf")[1]
    assert "本站预计于2027年1月12日前（2027年节假日安排未公布，以实际为准）作出" in text
    receipt.write(early, session.station(), session.catalogs, tmp_path / "early.pdf", today)
    text = read(tmp_path / "early.pdf")[1]
    assert "本站将于2026年12月10日前作出" in text and "预计" not in text and "以实际为准" not in text
