"""What a package would do to the register, decided before anything is written, then applied (the merge rules
of docs/package-format.md; importing.py reads, checks and batches the packages)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import nullcontext
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from station_app.domain import stored_records
from station_app.domain.catalogs import default_catalogs
from station_app.formats import keys, package
from station_app.services.exchange import months
from station_app.services.exchange.evidence import EvidencePlan
from station_app.services.exchange.export import PERSONAL
from station_app.services.session import Session
from station_app.store import bulk, staging
from station_app.store import exchange as store

COUNTS = ("added", "changed", "unchanged", "older", "conflicts")
BULK_ROWS = 200  # from this many new complaints a package's search index and figures are built at the end


class Refused(Exception):
    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # sent back whole by a reader process
        return type(self), (self.code, str(self))


def digest(table: str, row: dict[str, Any]) -> str:
    """The content of a record, personal data left out (a masked and a full copy are the same content)."""
    personal = PERSONAL.get(table, {})
    content = {k: v for k, v in row.items() if k not in personal}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _event_key(event: dict[str, Any]) -> str:
    return json.dumps([event.get(c) for c in store.EVENT_COLUMNS], ensure_ascii=False)


SCALARS = frozenset({str, int, float, type(None)})  # exact types: a bool (a subclass of int) is refused


def _scalars(values: Any) -> bool:
    """Every value a plain JSON scalar (one C-level pass; a million values take a few milliseconds)."""
    return SCALARS.issuperset(map(type, values))


def rollup_stations(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The stations a county's roll-up package speaks for (none for a station's own package)."""
    if manifest.get("kind") != "rollup":
        return []
    stations = manifest.get("stations")
    if not isinstance(stations, list) or not all(
        isinstance(s, dict) and all(isinstance(s.get(k), str) for k in package.STATION_FIELDS) for s in stations
    ):
        raise package.damaged("汇总数据包的站点清单不对")
    return [{k: s[k] for k in package.STATION_FIELDS} for s in stations]


def record_columns(db: Any) -> dict[str, set[str]]:
    """The columns each record table has in this register (what a package's records may carry)."""
    return {table: set(store.columns(db, table)) for table in store.RECORD_TABLES}


def check_members(
    manifest: dict[str, Any], members: dict[str, list[dict[str, Any]]], columns: dict[str, set[str]]
) -> dict[str, tuple[str, ...]]:
    """Every record well formed and the station's own, before anything is planned. Needs no register (it runs in
    the reader, beside the merging of the previous package); raises the package's refusal. Returns the tables
    whose rows share one set of columns, with those columns (what can be staged)."""
    code = manifest["station"]["code"]
    stations = {code, *(s["code"] for s in rollup_stations(manifest))}
    # (only text ids: a list or an object can't be hashed; the row itself is refused below)
    complaint_ids = {r.get("id") for r in members["complaints"] if type(r.get("id")) is str}
    allowed_events = set(store.EVENT_COLUMNS)
    for event in members["complaint_events"]:
        well_formed = allowed_events.issuperset(event) and _scalars(event.values())
        if not well_formed or event.get("complaint_id") not in complaint_ids:
            raise package.damaged("办理过程记录不对")
    uniform = {}
    for table in store.RECORD_TABLES:
        rows = members[table]
        names = staging.uniform_columns(rows)
        if names is not None and _well_formed(rows, names, columns[table], stations):
            uniform[table] = names
        else:
            _check_rows(table, rows, columns[table], stations, code)  # raises the first row's refusal, if any
    return uniform


def check_domain(
    manifest: dict[str, Any], members: dict[str, list[dict[str, Any]]], control_free: frozenset[str] = frozenset()
) -> dict[str, tuple[str, str]]:
    """Every record passes the domain's own checks, as a station's input does (states, codes, dates, money,
    numbers): a package is refused whole, the record named. Runs after ``check_members`` (well-formed rows of
    scalars), in the reader. Returns the cases that follow-ups refer to outside the package (for the merge).
    ``control_free``: the members whose text can hold no control character (``package.open_members_scanned``)."""
    try:
        latest = stored_records.latest_day(manifest.get("created_at"))
        catalogs = default_catalogs()
        for table in (*store.RECORD_TABLES, "complaint_events"):
            stored_records.check_rows(table, members[table], catalogs, latest, control_free=table in control_free)
        return stored_records.outside_references(members)
    except stored_records.StoredRecordError as exc:
        raise Refused("invalid_record", f"{exc}，整个数据包已拒收") from None


_KEYS = {"id", "number", "revision", "station_code"}


def _well_formed(rows: list[dict[str, Any]], names: tuple[str, ...], allowed: set[str], stations: set[str]) -> bool:
    """The rows' checks column by column, in C-level passes (a county reads a million rows): True when all pass.
    Anything else is left to ``_check_rows``, which names the first bad row as the row-by-row reading does."""
    if not (allowed.issuperset(names) and _KEYS.issubset(names)):
        return False
    revisions = list(map(itemgetter("revision"), rows))
    return (
        set(map(type, map(itemgetter("id"), rows))) == {str}
        and set(map(type, map(itemgetter("number"), rows))) == {str}
        and set(map(type, revisions)) == {int}
        and min(revisions) >= 1
        and all(map(SCALARS.issuperset, map(map, repeat(type), map(dict.values, rows))))
        and stations.issuperset(map(itemgetter("station_code"), rows))  # after the types: a list can't be hashed
    )


def _check_rows(table: str, rows: list[dict[str, Any]], allowed: set[str], stations: set[str], code: str) -> None:
    for row in rows:
        if not allowed.issuperset(row):  # (no new set per row: a county reads a million of them)
            extra = set(row) - allowed
            raise Refused("newer_version", f"数据包含有本版本不认识的字段（{', '.join(sorted(extra))}），请升级本程序")
        revision = row.get("revision")
        if not (
            isinstance(row.get("id"), str)
            and isinstance(row.get("number"), str)
            and isinstance(revision, int)
            and revision >= 1
            and _scalars(row.values())
        ):
            raise package.damaged(f"{table} 中有不完整的记录")
        if row.get("station_code") not in stations:
            raise Refused("foreign_record", f"数据包中有不属于站点 {code} 的记录（{row['number']}），已拒收")


class Plan:
    """What a package would do to the register, decided before anything is written (its members checked first by
    ``check_members``)."""

    def __init__(
        self,
        session: Session,
        pkg: package.Package,
        members: dict[str, list[dict[str, Any]]],
        staged: staging.Staged | None = None,
        *,
        dry_run: bool = False,
    ):
        """``staged``: the package's tables that travel staged (loaded as ``stage``); their ``members`` are empty.
        ``dry_run``: the plan is only reported (every staged row is then looked up, see ``_plan_staged``)."""
        self.session, self.db, self.pkg, self.staged = session, session.db, pkg, staged
        self.dry_run = dry_run
        self.code = pkg.manifest["station"]["code"]
        self.rollup_stations = rollup_stations(pkg.manifest)
        self.allowed = {self.code, *(s["code"] for s in self.rollup_stations)}
        self.masked = pkg.manifest["masked"]
        self.counts = dict.fromkeys(COUNTS, 0) | {"conflicts_known": 0}
        # (action, table, row); a staged table's new rows are one ("staged", table, {"skip": stage rowids, "count"})
        self.writes: list[tuple[str, str, dict[str, Any]]] = []
        self.new_conflicts: list[dict[str, Any]] = []
        self.events: dict[str, list[dict[str, Any]]] = {}
        self.event_actions: list[tuple[str, str, list[dict[str, Any]]]] = []
        for event in members["complaint_events"]:  # checked by check_members
            self.events.setdefault(event["complaint_id"], []).append(event)
        for table in store.RECORD_TABLES:
            if staged is not None and table in staged.columns:
                self._plan_staged(table, staged.columns[table], staged.counts[table])
            else:
                self._plan_table(table, members[table])
        complaint_ids = {r["id"] for r in members["complaints"]}
        if staged is not None and "complaints" in staged.columns and (members["evidence"] or members["evidence_files"]):
            complaint_ids.update(staging.ids(self.db, "complaints"))
        self.evidence = EvidencePlan(
            session, self.allowed, complaint_ids, members["evidence"], members["evidence_files"]
        )
        self.counts["evidence"] = self.evidence.count

    def _plan_table(self, table: str, rows: list[dict[str, Any]]) -> None:
        current = store.current(self.db, table, [r["id"] for r in rows])
        masked_here = store.masked_ids(self.db, table, list(current)) if table in PERSONAL else set()
        for row in rows:
            self._decide(table, row, current.get(row["id"]), row["id"] in masked_here)

    def _plan_staged(self, table: str, names: tuple[str, ...], count: int) -> None:
        """The rows the register already holds are decided one by one; the new ones are inserted together.

        A station's first records here (a new county's first import: a million of them) are not looked up one by one:
        none can be the register's but by another station's id, which the insert's unique index finds anyway, and
        then ``_write_rows`` refuses the package as the lookup would have. A dry run looks them up."""
        fresh = not (self.dry_run or self.rollup_stations or store.has_numbers_of(self.db, table, self.code))
        known = [] if fresh else staging.existing_rows(self.db, table, names)
        skip = [row.pop("_stage_row") for row in known]
        self._plan_table(table, known)
        new = count - len(known)
        if not new:
            return
        self.counts["added"] += new
        self.writes.append(("staged", table, {"skip": skip, "count": new, "names": names, "fresh": fresh}))
        if table == "complaints":  # a new case brings its whole history
            known_ids = {row["id"] for row in known}
            for complaint_id, events in self.events.items():
                if complaint_id not in known_ids:
                    self.event_actions.append(("add", complaint_id, events))

    def _decide(self, table: str, row: dict[str, Any], cur: dict[str, Any] | None, cur_masked: bool) -> None:
        rid, events = row["id"], self.events.get(row["id"], [])
        if cur is None:
            self._write("added", "insert", table, row, events, "add")  # a new case has no history to replace
            return
        if cur["station_code"] != row["station_code"]:
            raise Refused("foreign_record", f"记录 {row['number']} 在本登记簿中属于另一站点，数据包已拒收")
        if row["revision"] > cur["revision"]:
            self._write("changed", "replace", table, row, events, "replace")
        elif row["revision"] < cur["revision"]:
            self.counts["older"] += 1
        elif digest(table, row) != digest(table, {k: cur.get(k) for k in row}):
            self._conflict(table, row, cur)
        else:
            have = {_event_key(e) for e in store.events_of(self.db, [rid])} if events else set()
            missing = [e for e in events if _event_key(e) not in have]
            unmask = cur_masked and not self.masked and any(row.get(c) != cur.get(c) for c in PERSONAL.get(table, {}))
            if unmask or missing:
                self._write("changed", "replace" if unmask else "", table, row, missing, "add")
            else:
                self.counts["unchanged"] += 1

    def _write(self, count: str, action: str, table: str, row: dict, events: list, event_action: str) -> None:
        self.counts[count] += 1
        if action:
            self.writes.append((action, table, row))
        if table == "complaints" and (events or event_action == "replace"):
            self.event_actions.append((event_action, row["id"], events))

    def _conflict(self, table: str, row: dict[str, Any], cur: dict[str, Any]) -> None:
        incoming = digest(table, row)
        if store.conflict_known(self.db, row["id"], row["revision"], incoming):
            self.counts["conflicts_known"] += 1
            return
        self.counts["conflicts"] += 1
        self.new_conflicts.append(
            {
                "station_code": self.code,
                "kind": table,
                "record_id": row["id"],
                "number": row["number"],
                "revision": row["revision"],
                "local_digest": digest(table, {k: cur.get(k) for k in row}),
                "incoming_digest": incoming,
                "incoming": json.dumps(row, ensure_ascii=False, sort_keys=True),
                "package_id": self.pkg.manifest["package_id"],
            }
        )

    def nothing_new(self) -> bool:
        already = store.package_logged(self.db, self.pkg.manifest["package_id"])
        return (
            already
            and not self.writes
            and not self.event_actions
            and not self.new_conflicts
            and not self.evidence.count
        )

    def _write_rows(self, bulk_load: bulk.NewComplaints | None) -> None:
        """Inserts in runs of one table and one set of columns (one statement each), replacements one by one.
        ``bulk_load``: the insert triggers are off (store/bulk.py); new staged cases bring their aggregates along."""
        run: list[dict[str, Any]] = []
        run_table = ""

        def flush() -> None:
            if not run:
                return
            before = store.last_pk(self.db, run_table)
            store.insert_rows(self.db, run_table, run)
            if run_table in PERSONAL:
                store.set_masked_after(self.db, run_table, before, self.masked)
            run.clear()

        run_keys: list[str] = []
        for action, table, row in self.writes:
            if action == "staged":
                flush()
                before = store.last_pk(self.db, table)
                try:
                    staging.insert_new(self.db, table, row["names"], row["skip"])
                except sqlite3.IntegrityError:
                    if row["fresh"]:  # not looked up: refuse as the lookup would have (another station's record)
                        self._plan_table(table, staging.existing_rows(self.db, table, row["names"]))
                    raise
                if self.staged is not None:  # sealed beside the merge (store/seals.py)
                    staging.seal_new(self.db, table, before, row["skip"], row["count"], self.staged)
                if (
                    bulk_load is not None
                    and self.staged is not None
                    and table == "complaints"
                    and not row["skip"]  # every staged case is new, so the staged aggregates are theirs
                    and before == bulk_load.first_new  # and the first rows of the load: no case between
                    and staging.add_tally(self.db, table, self.staged)
                ):
                    bulk_load.tallied_upto = before + row["count"]
                if table in PERSONAL:
                    store.set_masked_after(self.db, table, before, self.masked)
                continue
            if action == "insert" and run and table == run_table and list(row) == run_keys:
                run.append(row)  # same table, same columns in the same order: the same statement
                continue
            flush()
            if action == "insert":
                run_table, run_keys = table, list(row)
                run.append(row)
                continue
            store.replace_row(self.db, table, row)
            if table in PERSONAL:
                store.set_masked(self.db, table, row["id"], self.masked)
        flush()

    def apply(
        self, path: Path, file_sha256: str, new_key: bool, *, role: str = "station", brought: list[str] | None = None
    ) -> None:
        """``role``: the signer's (importing.py decided it); ``brought``: the stations a county's roll-up brings
        here for the first time (it alone speaks for them from now on)."""
        db, manifest, now = self.db, self.pkg.manifest, self.session.now()
        store.ensure_station(db, manifest["station"], now)
        for station in self.rollup_stations:  # a county's roll-up brings its stations along
            store.ensure_station(db, station, now)
        if brought:
            store.speak_for(db, self.code, brought, now)
        if new_key:
            store.register_key(
                db,
                {
                    "station_code": self.code,
                    "public_key": keys.b64(self.pkg.public_key),
                    "fingerprint": self.pkg.fingerprint,
                    "installation_id": manifest["installation_id"],
                    "registered_at": now,
                    "registered_by": self.session.actor,
                    "role": role,
                },
            )
        new_complaints = sum(
            row["count"] if action == "staged" else 1
            for action, table, row in self.writes
            if action in ("insert", "staged") and table == "complaints"
        )
        # Thousands of new cases (a month of a station, a first full export) are indexed once at the end.
        deferred = bulk.complaints_indexed_at_end(db) if new_complaints >= BULK_ROWS else nullcontext()
        with deferred as bulk_load:
            self._write_rows(bulk_load)
        added: list[dict[str, Any]] = []
        for action, complaint_id, events in self.event_actions:
            if action == "replace":
                store.replace_events(db, complaint_id, events)
            else:
                added += events
        store.add_events(db, added)  # the histories of new cases in one statement
        for conflict in self.new_conflicts:
            store.add_conflict(db, {**conflict, "detected_at": now})
        self.evidence.apply()  # after the complaints it belongs to
        if not self.rollup_stations:
            months.receive(self.session, self.code, manifest)  # closed months and amendments
        log = {
            "package_id": manifest["package_id"],
            "file_name": path.name,
            "file_sha256": file_sha256,
            "station_code": self.code,
            "installation_id": manifest["installation_id"],
            "package_created_at": manifest["created_at"],
            "masked": int(self.masked),
            "imported_at": now,
            "actor": self.session.actor,
            **{k: self.counts[k] for k in COUNTS},
        }
        store.log_import(db, log)
        after = {k: v for k, v in log.items() if k not in ("package_id", "actor", "imported_at")}
        self.session.audit("import", "exchange", manifest["package_id"], self.code, after={**after, "new_key": new_key})
