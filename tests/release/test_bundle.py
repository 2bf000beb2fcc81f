"""The release: build the one-folder bundle and run it with no access to the source tree."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if shutil.which("objdump") is None:
        pytest.fail("PyInstaller needs binutils (objdump): the README's test command installs it")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return work / "dist" / "station-app" / "station-app"


def run(bundle, cwd, *args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    clean.update({"QT_QPA_PLATFORM": "offscreen", "STATION_APP_DATA": str(cwd / "data"), **env})
    return subprocess.run([str(bundle), *args], cwd=cwd, capture_output=True, text=True, env=clean, timeout=120)


def test_bundle_runs_without_the_source_tree(bundle, tmp_path):
    folder = tmp_path / "站点数据 中文路径"  # a data folder with Chinese characters in its path
    folder.mkdir()
    version = run(bundle, folder, "--version")
    assert version.returncode == 0 and "station-app" in version.stdout
    db = str(folder / "登记簿.sqlite3")
    assert run(bundle, folder, "--db", db, "--today", "2026-11-23", "demo", "--complaints", "40").returncode == 0
    check = run(bundle, folder, "--db", db, "selfcheck", "--format", "json")
    report = json.loads(check.stdout)
    assert report["database_state"] == "ok" and "uming.ttc" in report["fonts"]
    assert str(ROOT) not in report["program_dir"]
    listing = json.loads(run(bundle, folder, "--db", db, "complaint", "list", "--format", "json").stdout)
    number = listing["items"][0]["number"]
    printed = run(bundle, folder, "--db", db, "print", "receipt", number, "--out", str(folder / "回执.pdf"))
    assert printed.returncode == 0, printed.stderr
    assert (folder / "回执.pdf").stat().st_size > 10_000
    # A county import read by worker processes: in the bundle a worker starts as the program itself.
    stick = folder / "U盘"
    exported = run(bundle, folder, "--db", db, "--today", "2026-11-23", "export", "--to", str(stick))
    assert exported.returncode == 0, exported.stderr
    key = json.loads(run(bundle, folder, "--db", db, "--format", "json", "keys", "show").stdout)["fingerprint"]
    county = str(folder / "县局.sqlite3")
    assert run(bundle, folder, "--db", county, "init", "--mode", "county", "--county", "示例县").returncode == 0
    imported = run(
        bundle,
        folder,
        "--db",
        county,
        "--format",
        "json",
        "import",
        str(stick),
        "--accept-key",
        key,
        STATION_APP_IMPORT_READERS="processes",
    )
    assert imported.returncode == 0, imported.stderr[-1000:]
    assert [r["status"] for r in json.loads(imported.stdout)] == ["imported"]
    shown = run(bundle, folder, "--db", db, "gui", STATION_APP_SMOKE_TEST="1")
    assert shown.returncode == 0 and "window shown" in shown.stdout, shown.stderr[-1000:]
    assert "[工作台]" in shown.stdout
    # The English translation travels in the bundle, compiled (the bundle has no lrelease to make it).
    assert list(bundle.parent.rglob("station_app_en.qm"))
    # Qt's own dialogs (file chooser, OK/Cancel) in Chinese: Qt's translation travels too.
    assert list(bundle.parent.rglob("qtbase_zh_CN.qm"))
    with sqlite3.connect(db) as register:
        register.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('language', 'en')")
    shown = run(bundle, folder, "--db", db, "gui", STATION_APP_SMOKE_TEST="1")
    assert "[Workbench]" in shown.stdout, shown.stdout + shown.stderr[-1000:]
