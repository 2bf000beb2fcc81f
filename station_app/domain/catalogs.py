"""Catalogs as data: complaint natures, goods/service categories, channels, grounds, rule versions.

Loaded from resources/catalogs/*.json. Codes are stable (the script contract and history rely on them);
labels may be renamed, and an entry keeps its earlier labels with the last day each was used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from station_app.domain.errors import InvalidValue
from station_app.paths import resource_dir

CATEGORY_TOPS = ("goods", "services", "other")


@dataclass(frozen=True)
class Entry:
    code: str
    label: str
    label_en: str
    parent: str | None = None
    label_history: tuple[tuple[date, str], ...] = ()  # (last day used, label), oldest first
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label_on(self, on: date | None) -> str:
        if on is not None:
            for until, old in self.label_history:
                if on <= until:
                    return old
        return self.label


@dataclass(frozen=True)
class RuleVersion:
    code: str
    title: str
    effective_from: date
    acceptance_limit: tuple[int, str]
    mediation_limit: tuple[int, str]
    not_accepted_grounds: tuple[str, ...]
    termination_grounds: tuple[str, ...]
    articles: dict[str, str] = field(compare=False, hash=False, default_factory=dict)
    labels: dict[str, str] = field(compare=False, hash=False, default_factory=dict)
    catalogs: Catalogs | None = field(compare=False, hash=False, default=None, repr=False)

    def ground_label(self, code: str) -> str:
        if code in self.labels:
            return self.labels[code]
        if self.catalogs is not None:
            kind = "not_accepted_grounds" if code.startswith("na_") else "termination_grounds"
            return self.catalogs.label(kind, code)
        return code


class Catalogs:
    def __init__(self, entries: dict[str, list[Entry]], rule_versions: list[RuleVersion]):
        self._entries = entries
        self._by_code = {kind: {e.code: e for e in items} for kind, items in entries.items()}
        self._versions = [
            RuleVersion(**{**v.__dict__, "catalogs": self})
            for v in sorted(rule_versions, key=lambda v: v.effective_from)
        ]
        self._lookup: dict[str, dict[str, str]] = {}
        for kind, items in entries.items():
            names: dict[str, str] = {}
            for e in items:
                names.setdefault(e.code.lower(), e.code)
                names.setdefault(e.label, e.code)
                names.setdefault(e.label_en.lower(), e.code)
                for _, old in e.label_history:
                    names.setdefault(old, e.code)
            self._lookup[kind] = names

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path | None = None) -> Catalogs:
        folder = folder or resource_dir() / "catalogs"
        entries: dict[str, list[Entry]] = {}
        versions: list[RuleVersion] = []
        files = sorted(folder.glob("*.json"))
        if not files:
            raise ValueError(f"no catalog files in {folder}")
        for path in files:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                for kind, items in data.get("catalogs", {}).items():
                    if kind in entries:
                        raise ValueError(f"catalog {kind} defined twice")
                    entries[kind] = [_entry(item) for item in items]
                versions.extend(_version(v) for v in data.get("rule_versions", []))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"catalog file {path.name} is damaged: {exc}") from None
        _check(entries, versions)
        return cls(entries, versions)

    # -- lookups --------------------------------------------------------------------------------
    def kinds(self) -> list[str]:
        return list(self._entries)

    def entries(self, kind: str) -> list[Entry]:
        return list(self._entries[kind])

    def has(self, kind: str, code: str) -> bool:
        return code in self._by_code.get(kind, {})

    def get(self, kind: str, code: str) -> Entry:
        return self._by_code[kind][code]

    def label(self, kind: str, code: str, on: date | None = None) -> str:
        entry = self._by_code.get(kind, {}).get(code)
        return entry.label_on(on) if entry else code

    def resolve(self, kind: str, code_or_label: str) -> str:
        text = str(code_or_label).strip()
        names = self._lookup[kind]
        code = names.get(text) or names.get(text.lower())
        if code is None:
            sample = "、".join(
                f"{e.code}（{e.label}）" for e in self._entries[kind] if e.parent is None or kind != "categories"
            )
            if kind == "categories":
                sample = "、".join(f"{e.code}（{e.label}）" for e in self._entries[kind] if len(e.code) == 3)
            raise InvalidValue(f"“{text}”不是有效的代码，可选：{_shorten(sample)}")
        return code

    # -- categories -----------------------------------------------------------------------------
    def is_category(self, code: str) -> bool:
        return self.has("categories", code)

    def category_class(self, code: str) -> str:
        entry = self.get("categories", code)
        if entry.parent is None:
            return code  # a top group stands for itself
        parent = self.get("categories", entry.parent)
        return code if parent.parent is None else parent.code

    def category_top(self, code: str) -> str:
        entry = self.get("categories", code)
        while entry.parent is not None:
            entry = self.get("categories", entry.parent)
        return entry.code

    # -- money bands and rules ------------------------------------------------------------------
    def amount_band(self, fen: int | None) -> str | None:
        if fen is None:
            return None
        for e in self._entries["amount_bands"]:
            low, high = e.extra["min_fen"], e.extra["max_fen"]
            if fen >= low and (high is None or fen < high):
                return e.code
        return None

    def rule_versions(self) -> list[RuleVersion]:
        return list(self._versions)

    def rule_for(self, received_on: date) -> RuleVersion:
        chosen = self._versions[0]
        for version in self._versions:
            if version.effective_from <= received_on:
                chosen = version
        return chosen

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for kind, items in self._entries.items():
            rows = []
            for e in items:
                row: dict[str, Any] = {"code": e.code, "label": e.label, "label_en": e.label_en}
                if e.parent:
                    row["parent"] = e.parent
                if e.label_history:
                    row["label_history"] = [{"until": u.isoformat(), "label": lb} for u, lb in e.label_history]
                row.update(e.extra)
                rows.append(row)
            data[kind] = rows
        data["rule_versions"] = [
            {
                "code": v.code,
                "title": v.title,
                "effective_from": v.effective_from.isoformat(),
                "acceptance_limit": {"amount": v.acceptance_limit[0], "unit": v.acceptance_limit[1]},
                "mediation_limit": {"amount": v.mediation_limit[0], "unit": v.mediation_limit[1]},
                "not_accepted_grounds": [
                    {"code": c, "label": v.ground_label(c), "article": v.articles.get(c, "")}
                    for c in v.not_accepted_grounds
                ],
                "termination_grounds": [
                    {"code": c, "label": v.ground_label(c), "article": v.articles.get(c, "")}
                    for c in v.termination_grounds
                ],
            }
            for v in self._versions
        ]
        return data


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit] + "……（station-app catalog 列出全部）"


def _entry(item: dict[str, Any]) -> Entry:
    known = {"code", "label", "label_en", "parent", "label_history"}
    history = tuple(sorted((date.fromisoformat(h["until"]), h["label"]) for h in item.get("label_history", [])))
    return Entry(
        code=str(item["code"]),
        label=str(item["label"]),
        label_en=str(item.get("label_en") or item["label"]),
        parent=item.get("parent"),
        label_history=history,
        extra={k: v for k, v in item.items() if k not in known},
    )


def _version(item: dict[str, Any]) -> RuleVersion:
    return RuleVersion(
        code=item["code"],
        title=item["title"],
        effective_from=date.fromisoformat(item["effective_from"]),
        acceptance_limit=(int(item["acceptance_limit"]["amount"]), item["acceptance_limit"]["unit"]),
        mediation_limit=(int(item["mediation_limit"]["amount"]), item["mediation_limit"]["unit"]),
        not_accepted_grounds=tuple(item["not_accepted_grounds"]),
        termination_grounds=tuple(item["termination_grounds"]),
        articles=dict(item.get("articles", {})),
        labels=dict(item.get("labels", {})),
    )


def _check(entries: dict[str, list[Entry]], versions: list[RuleVersion]) -> None:
    for kind, items in entries.items():
        codes = [e.code for e in items]
        duplicates = {c for c in codes if codes.count(c) > 1}
        if duplicates:
            raise ValueError(f"catalog {kind}: duplicate codes {sorted(duplicates)}")
        for e in items:
            if e.parent is not None and e.parent not in codes:
                raise ValueError(f"catalog {kind}: {e.code} has unknown parent {e.parent}")
    bands = entries.get("amount_bands", [])
    for low, high in pairwise(bands):
        if low.extra.get("max_fen") != high.extra.get("min_fen"):
            raise ValueError(f"amount_bands: {low.code} and {high.code} are not contiguous")
    if not versions:
        raise ValueError("no rule_versions defined")
    for v in versions:
        for unit in (v.acceptance_limit[1], v.mediation_limit[1]):
            if unit not in ("working_days", "calendar_days"):
                raise ValueError(f"rule version {v.code}: unknown unit {unit}")
        for code in v.not_accepted_grounds:
            if code not in {e.code for e in entries.get("not_accepted_grounds", [])}:
                raise ValueError(f"rule version {v.code}: unknown ground {code}")
        for code in v.termination_grounds:
            if code not in {e.code for e in entries.get("termination_grounds", [])}:
                raise ValueError(f"rule version {v.code}: unknown ground {code}")
    for top in CATEGORY_TOPS:
        if top not in {e.code for e in entries.get("categories", [])}:
            raise ValueError(f"categories: top group {top} missing")


@lru_cache(maxsize=1)
def default_catalogs() -> Catalogs:
    return Catalogs.load()
