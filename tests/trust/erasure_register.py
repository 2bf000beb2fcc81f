"""A station's register on file in which one person (欧阳春燕) is written in every place finding 5 found her.

Her cases (one settled with a follow-up, one paused with a case-history note and her ID card photo attached),
a consultation she phoned in (her phone kept with spaces, as an old register kept it), a report she made (her
ID number kept in the old 15-digit form), an anonymous report by someone else whose facts name her with a
full-width phone, and another consumer's case that mentions someone of the same name only.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from station_app.domain.validation import id_check_char
from station_app.services import complaints, evidence, records
from station_app.services.session import Session
from tests.conftest import TODAY, complaint_payload

NAME = "欧阳春燕"
PHONE = "13912345678"
CORE = "34052419800101001"
ID18 = CORE + id_check_char(CORE)
ID15 = CORE[:6] + CORE[8:]
FULL_WIDTH_ID15 = "".join(chr(0xFF10 + int(d)) for d in ID15)
FULL_WIDTH_PHONE = "".join(chr(0xFF10 + int(d)) for d in PHONE)
PHOTO = b"\xff\xd8\xff\xe0 ID card photo of the consumer " + NAME.encode()
SETTLEMENT = {
    "on": "2026-11-10",
    "method": "mediation",
    "recovered_yuan": "300",
    "agreement": f"商家退还{NAME}货款 300 元",
}


def write_her_in(station: Session, folder: Path, *, namesake: bool = True) -> dict[str, str]:
    """Her footprint in ``station`` (with ``namesake``, another consumer's case naming someone of her name);
    returns the numbers of the records written."""
    her = {"name": NAME, "phone": PHONE, "id_number": ID18, "address": "新集镇西街 3 号"}
    settled, paused, other = complaints.add_complaints(
        station,
        [
            complaint_payload(
                consumer=her,
                facts=f"{NAME}（电话 139-1234-5678）购买的冰箱不制冷",
                transitions=[{"to": "accepted", "on": "2026-11-03"}],
            ),
            complaint_payload(
                consumer={**her, "id_number": ""},
                received_on="2026-11-05",
                facts="电饭煲内胆脱落",
                transitions=[{"to": "accepted", "on": "2026-11-06"}],
            ),
            complaint_payload(
                consumer={"name": "李四", "phone": "13700137000"},
                facts=f"与{NAME}同村，同样买到坏冰箱" if namesake else "同样买到坏冰箱",
            ),
        ],
        TODAY,
    )
    complaints.transition(station, settled["number"], "settled", SETTLEMENT, TODAY)  # its audit entry: a change
    complaints.add_followup(
        station, settled["number"], {"satisfaction": "satisfied", "opinion": f"{NAME}说满意"}, TODAY
    )
    complaints.pause(station, paused["number"], f"等{NAME}（{FULL_WIDTH_PHONE}）送检测报告", date(2026, 11, 7), TODAY)
    photo = folder / f"{NAME}身份证.jpg"
    photo.write_bytes(PHOTO)
    evidence.attach(station, paused["number"], photo, "照片")
    photo.unlink()  # the clerk's copy on the desktop is not the register's business
    [consultation] = records.add_records(
        station,
        "consultation",
        [{"date": "2026-11-12", "topic": "冰箱退货", "consumer": {"name": NAME, "phone": PHONE}}],
        TODAY,
    )
    [own_report, anonymous] = records.add_records(
        station,
        "report",
        [
            {
                "received_on": "2026-11-13",
                "business": {"name": "新集镇华联超市"},
                "facts": "出售过期牛奶",
                "reporter": {"name": NAME, "id_number": ID18},
            },
            {
                "received_on": "2026-11-14",
                "business": {"name": "新集镇华联超市"},
                "facts": f"消费者{NAME}（电话１３９ １２３４ ５６７８，身份证 {ID15}）也买到过期牛奶",
            },
        ],
        TODAY,
    )
    assert station.path is not None
    _as_an_old_register_kept_them(station.path, consultation["number"], own_report["number"])
    return {
        "settled": settled["number"],
        "paused": paused["number"],
        "other": other["number"],
        "consultation": consultation["number"],
        "report": own_report["number"],
        "anonymous_report": anonymous["number"],
    }


def _as_an_old_register_kept_them(path: Path, consultation: str, report: str) -> None:
    """A phone with spaces and a 15-digit ID number, as registers before the checks stored them."""
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE consultations SET consumer_phone = '139 1234 5678' WHERE number = ?", [consultation])
        raw.execute("UPDATE reports SET reporter_id_number = ? WHERE number = ?", [ID15, report])
    raw.close()


def forms_of_her() -> dict[str, bytes]:
    """Every byte form of her that must not be in a file after the erasure."""
    return {
        "name": NAME.encode(),
        # What the trigram index's pages keep of her name once its terms are prefix-compressed (阳春燕 after 阳…).
        "name fragment": NAME[2:].encode(),
        "phone": PHONE.encode(),
        "full-width phone": FULL_WIDTH_PHONE.encode(),
        "ID": ID18.encode(),
        "old ID": ID15.encode(),
        "ID core": CORE.encode(),
    }


def found_in_files(*paths: Path) -> list[str]:
    """The forms of her found in the raw bytes of ``paths`` (the database, its log), with the file named."""
    hits = []
    for path in paths:
        data = path.read_bytes() if path.exists() else b""
        hits += [f"{label} in {path.name}" for label, form in forms_of_her().items() if form in data]
    return hits
