"""The evidence in a package, checked and applied by the county (package format 2).

Rows say which file belongs to which complaint; files come only in packages encrypted to the county and
are stored under their SHA-256 after the hash is checked. Anything wrong refuses the whole package.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import tempfile
from pathlib import Path
from typing import Any

from station_app.formats import package
from station_app.services.session import Session
from station_app.store import evidence as store

# The reason services/erasure.py gives the evidence rows of a person erased on request (imported from here).
ERASED_REASON = "应本人要求删除个人信息"
HEX64 = re.compile(r"[0-9a-f]{64}")
SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")


class EvidencePlan:
    def __init__(
        self,
        session: Session,
        stations: set[str],
        package_complaints: set[str],
        rows: list[dict[str, Any]],
        files: list[dict[str, Any]],
    ):
        self.session, self.db = session, session.db
        self.inserts: list[dict[str, Any]] = []
        self.detaches: list[dict[str, Any]] = []
        self.erased_files: list[tuple[str, str]] = []
        self.files = self._check_files(files)
        allowed = store.column_names()
        for row in rows:
            if not set(row) <= allowed:
                raise package.PackageError("newer_version", "数据包的证据记录有本版本不认识的字段，请升级本程序")
            if not self._row_ok(row):
                raise package.damaged("证据记录不完整")
            cid = row["complaint_id"]
            if cid not in package_complaints and store.complaint_station(self.db, cid) not in stations:
                raise package.PackageError("foreign_record", "数据包中有不属于本数据包站点的证据，已拒收")
            current = store.get(self.db, row["id"])
            if current is None:
                self.inserts.append(row)
            elif current["deleted_at"] != row["deleted_at"] and row["deleted_at"]:
                self.detaches.append(row)
        self.count = len(self.inserts) + len(self.detaches)

    @staticmethod
    def _row_ok(row: dict[str, Any]) -> bool:
        strings = ("id", "complaint_id", "file_name", "label", "added_at", "added_by")
        return (
            all(isinstance(row.get(k), str) for k in strings)
            and isinstance(row.get("sha256"), str)
            and HEX64.fullmatch(row["sha256"]) is not None
            and isinstance(row.get("suffix"), str)
            and SUFFIX.fullmatch(row["suffix"]) is not None
            and isinstance(row.get("size"), int)
            and not isinstance(row.get("size"), bool)
            and all(row.get(k) is None or isinstance(row[k], str) for k in ("deleted_at", "delete_reason"))
        )

    @staticmethod
    def _check_files(files: list[dict[str, Any]]) -> list[tuple[str, str, bytes]]:
        checked = []
        for item in files:
            sha256, suffix, data = item.get("sha256"), item.get("suffix"), item.get("data")
            if not (isinstance(sha256, str) and isinstance(suffix, str) and isinstance(data, str)):
                raise package.damaged("证据文件记录不完整")
            if SUFFIX.fullmatch(suffix) is None or HEX64.fullmatch(sha256) is None:
                raise package.damaged("证据文件名不对")
            try:
                content = base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                raise package.damaged("证据文件无法解码") from None
            if hashlib.sha256(content).hexdigest() != sha256:
                raise package.damaged("证据文件校验值不符")
            checked.append((sha256, suffix, content))
        return checked

    def apply(self) -> None:
        """Files first (named by their content: a rolled-back import leaves at most unused files), then rows."""
        if self.session.path is None:
            return
        if self.files:  # (no folder made and removed for each of a county's three hundred packages without files)
            root = store.folder(self.session.path)
            with tempfile.TemporaryDirectory(dir=root.parent) as work:
                for sha256, suffix, content in self.files:
                    staged = Path(work) / f"{sha256}{suffix}"
                    staged.write_bytes(content)
                    store.store_file(staged, root, sha256, suffix)
        for row in self.inserts:
            store.insert(self.db, row)
        for row in self.detaches:
            store.set_detached(self.db, row["id"], row["deleted_at"], row["delete_reason"])
            if row["delete_reason"] == ERASED_REASON:  # erased on the person's request at the station
                store.rename(self.db, row["id"], row["file_name"])
                if not store.file_still_attached(self.db, row["sha256"]):
                    self.erased_files.append((row["sha256"], row["suffix"]))

    def remove_erased_files(self) -> int:
        """After the import's commit: the files of a person erased at the station leave the county's disk too."""
        if self.session.path is None:
            return 0
        removed = 0
        for sha256, suffix in self.erased_files:
            path = store.stored_path(store.folder(self.session.path), sha256, suffix)
            if path.exists():
                path.unlink()
                removed += 1
        return removed
