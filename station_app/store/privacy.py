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
