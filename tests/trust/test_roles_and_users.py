from datetime import timedelta
from pathlib import Path

import pytest

from station_app.domain import periods
from station_app.domain.errors import RuleViolation
from station_app.services import complaint_views, complaints, tallies, users
from station_app.services.session import Session
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY, complaint_payload


def login(path, name, password) -> Session:
    s = Session.open(path)
    users.log_in(s, name, password)
    return s


@pytest.fixture
def staffed(session, tmp_path):
    users.add_user(session, "李站长", "head", "secret-1")
    users.log_in(session, "李站长", "secret-1")
    users.add_user(session, "小王", "staff", "secret-2")
    users.add_user(session, "访客", "viewer", "secret-3")
    complaints.add_complaints(session, [complaint_payload()], TODAY)
    return tmp_path / "register.sqlite3"


def test_first_user_must_be_able_to_manage(session):
    with pytest.raises(RuleViolation, match="第一个用户"):
        users.add_user(session, "小王", "staff", "secret-2")


def test_a_viewer_cannot_change_a_case_even_through_the_service(staffed):
    viewer = login(staffed, "访客", "secret-3")
    assert complaint_views.list_complaints(viewer, ComplaintFilter(), TODAY)["total"] == 1
    tallies.tally(viewer, periods.year("2026"), TODAY)
    with pytest.raises(RuleViolation, match="没有“登记和办理”的权限"):
        complaints.transition(viewer, "XJ-2026-0001", "accepted", {}, TODAY)
    with pytest.raises(RuleViolation):
        complaints.add_complaints(viewer, [complaint_payload()], TODAY)
    viewer.close()


def test_staff_handles_cases_but_does_not_manage(staffed):
    staff = login(staffed, "小王", "secret-2")
    complaints.transition(staff, "XJ-2026-0001", "accepted", {"on": "2026-11-03"}, TODAY)
    with pytest.raises(RuleViolation, match="管理"):
        users.add_user(staff, "新人", "staff", "secret-9")
    with pytest.raises(RuleViolation, match="管理"):
        complaints.delete(staff, "XJ-2026-0001", "录入错误")
    trail = complaint_views.show(staff, "XJ-2026-0001", TODAY)["audit"]
    assert trail[-1]["actor"] == "小王"
    staff.close()


def test_a_register_with_users_refuses_anonymous_use(staffed):
    anonymous = Session.open(staffed)
    with pytest.raises(RuleViolation, match="请先登录"):
        complaint_views.list_complaints(anonymous, ComplaintFilter(), TODAY)
    anonymous.close()


def test_wrong_passwords_lock_the_user(staffed, frozen_clock):
    s = Session.open(staffed)  # the lock is timed by the wall clock, frozen at NOW
    for _ in range(5):
        with pytest.raises(RuleViolation, match="不正确"):
            users.log_in(s, "小王", "wrong")
    with pytest.raises(RuleViolation, match="锁定"):
        users.log_in(s, "小王", "secret-2")
    s.clock = lambda: frozen_clock + timedelta(minutes=16)
    users.log_in(s, "小王", "secret-2")
    s.close()


def test_password_is_stored_as_argon2id(staffed):
    s = Session.open(staffed)
    stored = s.db.execute("SELECT password_hash FROM users WHERE name = '小王'").fetchone()[0]
    assert stored.startswith("$argon2id$") and "secret-2" not in stored
    s.close()


def test_head_soft_deletes_with_a_reason(staffed):
    head = login(staffed, "李站长", "secret-1")
    complaints.delete(head, "XJ-2026-0001", "重复录入")
    assert complaint_views.list_complaints(head, ComplaintFilter(), TODAY)["total"] == 0
    entry = head.db.execute("SELECT action, after FROM audit WHERE action = 'delete'").fetchone()
    assert entry[0] == "delete" and "重复录入" in entry[1]
    head.close()


def test_a_viewer_cannot_take_the_register_off_the_station_and_a_copy_is_audited(staffed, tmp_path):
    """Issue "Trust" 7: a viewer took a full plain backup to a stick, unaudited."""
    from station_app.services import audit_trail, backup_stick

    viewer = login(staffed, "访客", "secret-3")
    with pytest.raises(RuleViolation):
        backup_stick.backup_to(viewer, staffed, tmp_path / "stick", None)
    viewer.close()
    assert not (tmp_path / "stick").exists()
    (tmp_path / "stick").mkdir()  # the stick plugged in (a missing folder is never made: test_error_messages)
    staff = login(staffed, "小王", "secret-2")
    made = backup_stick.backup_to(staff, staffed, tmp_path / "stick", None)
    entry = audit_trail.recent(staff, 1)[0]
    assert (entry["action"], entry["actor"]) == ("backup", "小王") and Path(made["path"]).name in str(entry)
    staff.close()
