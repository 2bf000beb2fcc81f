"""The station head corrects the station's details after set-up; the code stays; the change is audited."""

from __future__ import annotations

import pytest

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import audit_trail, station, users
from tests.conftest import TODAY


def test_details_change_and_are_audited(session):
    new = {"name": "新集镇消费维权服务站（新址）", "contact": "0550-7654321"}
    changed = station.update_station(session, new, TODAY)
    assert changed["name"].endswith("（新址）") and changed["contact"] == "0550-7654321" and changed["code"] == "XJ"
    entry = session.db.execute("SELECT action, before, after FROM audit ORDER BY pk DESC LIMIT 1").fetchone()
    assert entry[0] == "update" and "新址" in entry[2] and '新集镇消费维权服务站"' in entry[1]
    assert audit_trail.verify(session) == []


def test_the_code_stays_and_bad_values_are_refused(session):
    assert station.update_station(session, {"code": "ZZ"}, TODAY)["code"] == "XJ"
    with pytest.raises(ValidationError, match="站点名称"):
        station.update_station(session, {"name": ""}, TODAY)


def test_only_the_head_may(session):
    users.add_user(session, "李站长", "head", "zhanzhang1")
    session.act_as("李站长", "head")
    users.add_user(session, "王干事", "staff", "ganshi12")
    session.act_as("王干事", "staff")
    assert not users.may_manage(session)
    with pytest.raises(RuleViolation, match="权限"):
        station.update_station(session, {"contact": "1"}, TODAY)
