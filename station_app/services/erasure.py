"""Erasure on request (个人信息删除): the person found everywhere in the register and nothing of them left in it.

Who the person is: the records whose own phone or ID number column is theirs (any written form, see
domain/identity.py), and then the records those give away (a case found by the ID number gives the phone, which
finds the consultation they phoned in). Their own records lose name, phone, ID number and address; every free
text of the register (facts, requests, case-history notes, follow-up opinions, report facts, outreach notes,
evidence names, a county's pending incoming copies) loses the person's phone and ID number wherever written, and
their name wherever it stands beside those or in their own records. A text naming only someone of the same name
is not changed but listed for the clerk to look at.

Each changed record gets a new revision, so the next export carries the erasure to the county. The evidence
files of their cases leave the disk. The search index is rebuilt and the file compacted with ``secure_delete``
on, so no page of the register keeps a fragment. What this cannot reach (older backups, copies taken away, the
audit trail's own past entries) is counted and said.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from station_app.domain.errors import InvalidValue, NotFound, Problem, ValidationError
from station_app.domain.identity import NAME_GONE, Person, request_keys
from station_app.services import backup
from station_app.services.exchange.evidence import ERASED_REASON
from station_app.services.session import Session
from station_app.store import erasure as store
from station_app.store import evidence as evidence_store

ANONYMOUS = "（已匿名）"
NUMBERED = {"complaints", "followups", "consultations", "reports", "outreach_events", "warnings"}


def find_person(session: Session, phone: str, id_number: str) -> tuple[Person, dict[str, list[tuple[str, str]]]]:
    """The person and their own records per table, as (id, number), found until nothing new is learned."""
    phone_digits, core = _keys(phone, id_number)
    person = Person(phones={phone_digits} if phone_digits else set(), cores={core} if core else set())
    candidates = list(store.identifiers(session.db))
    own: dict[str, dict[str, str]] = {table: {} for table in store.OWN_COLUMNS}
    learned = True
    while learned:  # a few rounds at most: each one can only add identifiers of the same records
        learned = False
        for table, record_id, number, row_phone, row_idn, row_name in candidates:
            if record_id not in own[table] and person.owns(row_phone, row_idn):
                own[table][record_id] = number
                learned = person.learn(row_phone, row_idn, row_name) or learned
    return person, {table: sorted(found.items(), key=lambda item: item[1]) for table, found in own.items()}


def _keys(phone: str, id_number: str) -> tuple[str, str]:
    if not phone.strip() and not id_number.strip():
        raise ValidationError([Problem("phone", "电话或身份证号码", "至少提供一项")])
    try:
        return request_keys(phone, id_number)
    except InvalidValue as exc:
        field = "phone" if "电话" in str(exc) else "id_number"
        raise ValidationError([Problem(field, "电话或身份证号码", str(exc))]) from None


def erase(session: Session, db_path: Path | None, phone: str, id_number: str) -> dict[str, Any]:
    """Erase one person (see the module's text); ``NotFound`` when no record is theirs."""
    person, own = find_person(session, phone, id_number)
    if not any(own.values()):
        raise NotFound("没有找到与该电话或身份证号码相符的记录，未删除任何信息（请核对号码；全角、旧式 15 位号码均可）")
    own_ids = {record_id for found in own.values() for record_id, _number in found}
    complaint_ids = [record_id for record_id, _number in own["complaints"]]
    scrubber = person.scrubber()
    secure_before = store.set_secure_delete(session.db, True)
    try:
        with session.db.atomic():
            for table, found in own.items():
                store.clear_own(session.db, table, [record_id for record_id, _n in found], ANONYMOUS)
            texts = _clean_texts(session, scrubber, own_ids)
            evidence = _erase_evidence(session, complaint_ids)
            indexed = store.rebuild_search_index(session.db)
            result = {
                **{table: [number for _id, number in found] for table, found in own.items()},
                "other_records": texts["other_records"],
                "texts_cleaned": texts["texts_cleaned"],
                "followups": texts["followups"],
                "name_mentions": texts["name_mentions"],
                "evidence_removed": len(evidence["rows"]),
                "search_index_rebuilt": indexed,
            }
            proof = _proof(*_keys(phone, id_number))
            session.audit("erase_person", "register", f"person:{proof}", after=result)
        files = _remove_files(session, db_path, evidence["files"])
        compacted = store.compact(session.db)
    finally:
        store.set_secure_delete(session.db, secure_before)
    return {
        **result,
        "evidence_files_removed": files,
        "secure_delete": True,
        **compacted,
        "audit_entries_naming": _audit_entries_naming(session, scrubber),
        "left_behind": left_behind(session, db_path),
    }


def _clean_texts(session: Session, scrubber: Any, own_ids: set[str]) -> dict[str, Any]:
    """Every text of the register without the person; returns what changed beyond their own records."""
    other_records: set[str] = set()
    followups: set[str] = set()
    name_mentions: set[str] = set()
    cleaned = 0
    histories: set[str] = set()
    for table in (*store.RECORD_TABLES, *store.OTHER_TABLES):
        columns = store.text_columns(session.db, table)
        for row in store.rows_mentioning(session.db, table, scrubber.hit):
            ours = row["_owner"] in own_ids  # their record, or one of their case's history, follow-ups, evidence
            if not ours and not any(scrubber.has_number(row[c]) for c in columns):
                # Only a name of the same spelling: maybe someone else, so shown to the clerk, not changed.
                name_mentions.add(row.get("number") or f"{table}:{row['pk']}")
                continue
            changes = {c: scrubber.scrub(row[c], names=True) for c in columns if isinstance(row[c], str)}
            changes = {c: v for c, v in changes.items() if v != row[c]}
            if not changes:
                continue
            cleaned += len(changes)
            record = table in NUMBERED
            # Their own records have their new revision already (store.clear_own).
            store.rewrite(session.db, table, row["pk"], changes, new_revision=record and row["id"] not in own_ids)
            if table == "followups" and ours:
                followups.add(row["number"])
            elif record and not ours:
                other_records.add(row["number"])
            elif table == "complaint_events" and not ours:
                histories.add(row["_owner"])
    # A case whose history changed travels again (with its whole history) in the next export.
    store.new_revisions(session.db, "complaints", sorted(histories))
    return {
        "other_records": sorted(other_records),
        "followups": sorted(followups),
        "texts_cleaned": cleaned,
        "name_mentions": sorted(name_mentions),
    }


def _erase_evidence(session: Session, complaint_ids: list[str]) -> dict[str, Any]:
    rows = store.evidence_of(session.db, complaint_ids)
    for row in rows:
        # The file's own name may be the person's ("张三丰身份证.jpg"): the kind of evidence stands instead.
        store.erase_evidence(session.db, row["id"], f"{row['label']}{row['suffix']}", session.now(), ERASED_REASON)
    files = {(row["sha256"], row["suffix"]) for row in rows}
    return {"rows": rows, "files": sorted(f for f in files if not evidence_store.file_still_attached(session.db, f[0]))}


def _remove_files(session: Session, db_path: Path | None, files: list[tuple[str, str]]) -> int:
    """After the commit (a rolled-back erasure must not lose files): the person's evidence leaves the disk."""
    if db_path is None:
        return 0
    root, removed = evidence_store.folder(db_path), 0
    for sha256, suffix in files:
        path = evidence_store.stored_path(root, sha256, suffix)
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def _proof(phone: str, id_number: str) -> str:
    """A slow, salted digest of the request: it can be checked against a request later, yet a phone number
    cannot be found from it by trying every number (a plain hash of 10⁹ mobiles is minutes of work)."""
    salt = os.urandom(8)
    digest = hashlib.scrypt(f"{phone.strip()}|{id_number.strip()}".encode(), salt=salt, n=2**14, r=8, p=1, dklen=12)
    return f"{salt.hex()}:{digest.hex()}"


def _audit_entries_naming(session: Session, scrubber: Any) -> int:
    """Entries of the audit trail that still hold the person (a settlement text written before the erasure):
    the trail is append-only and chained, so they stay, and the number is said."""
    return store.count_mentioning(session.db, "audit", scrubber.hit)


def left_behind(session: Session, db_path: Path | None) -> dict[str, Any]:
    """What still holds the person after the erasure: copies this register cannot change."""
    if db_path is None:
        return {"backups": 0, "folder": "", "copies_elsewhere": [], "note": ""}
    folder = backup.backup_folder(db_path)
    backups = len(list(folder.glob("register-*"))) if folder.is_dir() else 0
    beside = sorted(p.name for p in db_path.parent.glob(f"{db_path.name}.before-*"))
    elsewhere = _copies_taken_elsewhere(session, folder)
    parts = []
    if backups:
        parts.append(f"此前的 {backups} 份备份仍含该人信息（包括证据文件），位于 {folder}")
    if beside:
        parts.append(f"登记簿旁另存的 {len(beside)} 份旧登记簿（{'、'.join(beside)}）仍含该人信息")
    if elsewhere:
        parts.append(f"另有 {len(elsewhere)} 次备份到本机以外（{'、'.join(elsewhere)}），也仍含该人信息")
    note = "；".join(parts) + "。如须彻底删除，请删除或重新制作这些备份" if parts else "本机没有更早的备份含该人信息"
    return {"backups": backups, "folder": str(folder), "set_aside": beside, "copies_elsewhere": elsewhere, "note": note}


def _copies_taken_elsewhere(session: Session, folder: Path) -> list[str]:
    """Folders outside the register's backup folder that backups were taken to (from the audit trail)."""
    found = []
    for after in store.backups_recorded(session.db):
        try:
            target = json.loads(after).get("folder", "")
        except (ValueError, AttributeError):
            continue
        if target and Path(target) != folder and target not in found:
            found.append(target)
    return found


__all__ = ["ANONYMOUS", "ERASED_REASON", "NAME_GONE", "erase", "find_person", "left_behind"]
