"""Removing personal data from records (retention and erasure on request)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_CASE_FIELDS = (
    "consumer_name = :anon, consumer_phone = '', consumer_id_number = '', consumer_address = '',"
    " search_initials = '', revision = revision + 1"
)


def anonymise_before(db: Database, cutoff: str, anon: str) -> dict[str, int]:
    complaints = db.execute(
        f"UPDATE complaints SET {_CASE_FIELDS} WHERE closed_on < :cutoff AND consumer_name != :anon",
        {"cutoff": cutoff, "anon": anon},
    ).rowcount
    consultations = db.execute(
        "UPDATE consultations SET consumer_name = '', consumer_phone = '', revision = revision + 1"
        " WHERE date < :cutoff AND (consumer_name != '' OR consumer_phone != '')",
        {"cutoff": cutoff},
    ).rowcount
    reports = db.execute(
        "UPDATE reports SET reporter_name = '', reporter_phone = '', reporter_id_number = '', revision = revision + 1"
        " WHERE received_on < :cutoff AND (reporter_name != '' OR reporter_phone != '' OR reporter_id_number != '')",
        {"cutoff": cutoff},
    ).rowcount
    return {"complaints": complaints, "consultations": consultations, "reports": reports}


def erase_person(db: Database, phone: str, id_number: str, anon: str) -> dict[str, list[str]]:
    params = {"phone": phone or None, "idn": id_number or None, "anon": anon}
    found = {
        "complaints": [
            r[0]
            for r in db.execute(
                "SELECT number FROM complaints WHERE consumer_phone = :phone OR consumer_id_number = :idn", params
            )
        ],
        "consultations": [
            r[0] for r in db.execute("SELECT number FROM consultations WHERE consumer_phone = :phone", params)
        ],
        "reports": [
            r[0]
            for r in db.execute(
                "SELECT number FROM reports WHERE reporter_phone = :phone OR reporter_id_number = :idn", params
            )
        ],
    }
    db.execute(
        f"UPDATE complaints SET {_CASE_FIELDS} WHERE consumer_phone = :phone OR consumer_id_number = :idn", params
    )
    db.execute(
        "UPDATE consultations SET consumer_name = '', consumer_phone = '', revision = revision + 1"
        " WHERE consumer_phone = :phone",
        params,
    )
    db.execute(
        "UPDATE reports SET reporter_name = '', reporter_phone = '', reporter_id_number = '', revision = revision + 1"
        " WHERE reporter_phone = :phone OR reporter_id_number = :idn",
        params,
    )
    return found
