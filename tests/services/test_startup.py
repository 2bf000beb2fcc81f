"""The desktop's own policy at start and on exit (services/startup.py), without Qt."""

from __future__ import annotations

from station_app.services import startup


def test_automatic_backups_daily_and_on_exit(tmp_path, frozen_clock):  # backups are named by the wall clock
    from datetime import date

    from station_app.services import demo
    from station_app.services.session import Session

    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, date(2026, 11, 23))
    s.close()
    assert startup.start_of_day(path, None, date(2026, 11, 23)) == ""
    assert startup.start_of_day(path, None, date(2026, 11, 23)) == ""  # once a day only
    assert len(list((tmp_path / "backups").glob("register-*.sqlite3"))) == 1


def test_retention_is_applied_at_start(tmp_path):
    from datetime import date

    from station_app.services import complaint_views, complaints, privacy
    from station_app.services.session import Session
    from station_app.services.station import init_station, set_setting
    from tests.conftest import complaint_payload

    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    init_station(s, {"code": "XJ", "name": "站", "kind": "投诉站", "venue_type": "学校"}, date(2026, 11, 23))
    steps = [{"to": "not_accepted", "on": "2019-03-02", "ground": "na_other", "note": "劳动争议"}]
    old = complaint_payload(received_on="2019-03-01", purchased_on="2019-02-01", transitions=steps)
    complaints.add_complaints(s, [old], date(2026, 11, 23))
    set_setting(s, "retention_years", "3")
    s.close()
    assert startup.start_of_day(path, None, date(2026, 11, 23)) == ""
    s = Session.open(path)
    assert complaint_views.show(s, "XJ-2019-0001", date(2026, 11, 23))["consumer"]["name"] == privacy.ANONYMOUS
    s.close()


def test_a_backup_on_exit_and_nothing_to_do_without_a_register(tmp_path):
    from datetime import date

    from station_app.services import demo
    from station_app.services.session import Session

    assert startup.on_exit(tmp_path / "none.sqlite3", None) == "" and not (tmp_path / "none.sqlite3").exists()
    assert not startup.is_initialised(tmp_path / "none.sqlite3")
    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, date(2026, 11, 23))
    s.close()
    assert startup.is_initialised(path)
    assert startup.on_exit(path, None) == ""
    assert len(list((tmp_path / "backups").glob("register-*.sqlite3"))) == 1


def test_a_failure_is_returned_not_raised(tmp_path):
    from datetime import date

    from station_app.services import demo, users
    from station_app.services.session import Session

    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, date(2026, 11, 23))
    users.add_user(s, "李站长", "head", "secret-1")
    s.close()
    assert startup.start_of_day(path, ("李站长", "wrong-password"), date(2026, 11, 23))


def test_the_backup_on_exit_runs_as_the_user_working_in_the_window(tmp_path):
    """First run: the set-up made the head after the start (no credentials then); the exit's backup runs as the
    window's user; with nobody logged in it is skipped with a message, never the raw refusal."""
    from datetime import date

    from station_app.services import demo, users
    from station_app.services.session import Session

    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, date(2026, 11, 23))
    users.add_user(s, "李站长", "head", "secret-1")
    s.close()
    assert startup.on_exit(path, None) == startup.NOBODY_LOGGED_IN
    assert not list((tmp_path / "backups").glob("register-*.sqlite3"))
    assert startup.on_exit(path, None, ("李站长", "head")) == ""
    assert len(list((tmp_path / "backups").glob("register-*.sqlite3"))) == 1
