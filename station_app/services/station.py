"""Setting up the station: the register's first record, its identity and its own settings."""

from __future__ import annotations

from datetime import date
from typing import Any

from station_app import __version__
from station_app.domain import record_input, roles
from station_app.domain.errors import Problem, RuleViolation, ValidationError
from station_app.services.session import Session
from station_app.store import county_search, search_index
from station_app.store import records as store
from station_app.store.migrations import schema_version

# Settings a station may change, with their Chinese names and checks.
SETTINGS = {
    "acceptance_days": ("本站受理时限（工作日，须短于规定的 7 个工作日）", 1, 7),
    "mediation_days": ("本站调解时限（工作日，须短于规定时限）", 1, 45),
    "due_soon_days": ("临期提醒（提前几个工作日）", 0, 30),
    # Order 121 form 七 leaves the recusal window blank for the decider to fill in (docs/legal-basis.md §1.4).
    "recusal_days": ("调解通知书中申请回避的期限（日；留空则打印空格手填）", 1, 30),
    "retention_years": ("结案后保存个人信息的年限（到期匿名化）", 1, 30),
    "backup_keep": ("自动备份保留份数", 1, 365),
    "idle_lock_minutes": ("无操作多少分钟后自动锁定", 1, 240),
    "font_size": ("界面字号（9–20，默认 11；重新打开程序后生效）", 9, 20),
}


def init_station(session: Session, payload: dict[str, Any], today: date) -> dict[str, Any]:
    session.require(roles.MANAGE)
    if store.local_station(session.db) is not None:
        existing = store.local_station(session.db)
        raise RuleViolation(f"该数据库已初始化为站点 {existing['code']}（{existing['name']}），不能重复初始化")
    row = record_input.parse_station(payload, session.catalogs, today)
    now = session.now()
    station = {**row, "is_local": 1, "created_at": now, "updated_at": now}
    with session.db.atomic():
        store.insert_station(session.db, station)
        # Each installation has its own identity: a copied database is recognised by the exchange.
        store.set_setting(session.db, "installation_id", session.new_id())
        store.set_setting(session.db, "created_with_version", __version__)
        store.set_setting(session.db, "schema_version", str(schema_version()))
        session.audit("create", "station", row["code"], row["code"], after=row)
    session._station = None
    return session.station()


STATION_DETAILS = ("name", "kind", "venue_type", "county", "contact")  # the code is in every number: it stays


def update_station(session: Session, payload: dict[str, Any], today: date) -> dict[str, Any]:
    """The station head corrects the station's own details (name, kind, venue, county, contact), checked as at
    set-up and audited; its code stays, since every record's number carries it."""
    session.require(roles.MANAGE)
    current = session.station()
    merged = {**{k: current.get(k) or "" for k in ("code", *STATION_DETAILS)}, **payload, "code": current["code"]}
    row = record_input.parse_station(merged, session.catalogs, today)
    changes = {k: row[k] for k in STATION_DETAILS if row[k] != (current.get(k) or "")}
    if changes:
        with session.db.atomic():
            store.update_station(session.db, current["code"], {**changes, "updated_at": session.now()})
            before = {k: current.get(k) for k in changes}
            session.audit("update", "station", current["code"], current["code"], before=before, after=changes)
        session._station = None
    return session.station()


def check_station(session: Session, payload: dict[str, Any], today: date) -> None:
    """Check a station profile without writing it (a form shows every message at once)."""
    record_input.parse_station(payload, session.catalogs, today)


def set_setting(session: Session, key: str, value: str) -> dict[str, str]:
    session.require(roles.MANAGE)
    if key not in SETTINGS:
        raise ValidationError([Problem(key, key, f"未知的设置项；可用：{', '.join(SETTINGS)}")])
    label, low, high = SETTINGS[key]
    text = value.strip()
    if text and (not text.isdigit() or not low <= int(text) <= high):
        raise ValidationError([Problem(key, label, f"应为 {low} 到 {high} 之间的整数，或留空表示按规定")])
    with session.db.atomic():
        before = store.get_setting(session.db, key)
        store.set_setting(session.db, key, text)
        session.audit("setting", "settings", key, before={key: before}, after={key: text})
    return station_settings(session)


MODES = ("station", "county", "city")
OFFICES = frozenset({"county", "city"})  # the registers that merge the packages of the level below


def mode(session: Session) -> str:
    """``county`` for a county office's register (it merges its stations' packages), ``city`` for the office
    above (it merges the counties' roll-ups), else ``station``."""
    value = store.get_setting(session.db, "mode")
    return value if value in OFFICES else "station"


def init_county(session: Session, payload: dict[str, Any], today: date, level: str = "county") -> dict[str, Any]:
    """An office's register (``level`` county or city): set up like a station's, in that mode, with the office's
    own key pair made at once (the level below encrypts its packages to its public half)."""
    from station_app.services.exchange import keys

    if level not in OFFICES:
        raise ValidationError([Problem("mode", "登记簿类型", "可选：county、city")])
    result = init_station(session, payload, today)
    set_mode(session, level)
    key = keys.county_private_key(session, create=True)
    return {**result, "mode": level, "county_key_made": key is not None}


def set_mode(session: Session, value: str) -> None:
    session.require(roles.MANAGE)
    if value not in MODES:
        raise ValidationError([Problem("mode", "登记簿类型", f"可选：{'、'.join(MODES)}")])
    with session.db.atomic():
        store.set_setting(session.db, "mode", value)
        # A county's register keeps no trigram search index (store/search_index.py): merging a county's cases
        # stays within 2× of a plain insert; a station's register gets it back, rebuilt from its cases.
        changed = search_index.switch_off(session.db) if value in OFFICES else search_index.switch_on(session.db)
        # Its own index of words instead, built after imports (services/county_search.py), dropped on a station's.
        county_search.create(session.db) if value in OFFICES else county_search.drop(session.db)
        county_search.keep_short_text_index(session.db, value not in OFFICES)
        session.audit("setting", "settings", "mode", after={"mode": value, "search_index_changed": changed})


LANGUAGES = ("zh_CN", "en")  # the windows' languages; the register, documents and CLI stay Chinese


def language(session: Session) -> str:
    """The language the windows are shown in on this register (zh_CN unless chosen)."""
    value = store.get_setting(session.db, "language")
    return value if value in LANGUAGES else LANGUAGES[0]


def set_language(session: Session, code: str) -> str:
    session.require(roles.MANAGE)
    if code not in LANGUAGES:
        raise ValidationError([Problem("language", "界面语言", f"可选：{'、'.join(LANGUAGES)}")])
    with session.db.atomic():
        before = store.get_setting(session.db, "language")
        store.set_setting(session.db, "language", code)
        session.audit("setting", "settings", "language", before={"language": before}, after={"language": code})
    return code


def station_settings(session: Session) -> dict[str, str]:
    session.require(roles.READ)
    values = store.settings(session.db)
    return {key: values.get(key, "") for key in SETTINGS}
