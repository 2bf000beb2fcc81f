"""Dependencies point one way: ui, cli → services → domain/store/reports/formats."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "station_app"

# For each layer, the imports it must never make (prefix match on the module name).
FORBIDDEN = {
    "domain": (
        "PySide6",
        "shiboken6",
        "sqlite3",
        "sqlite_utils",
        "station_app.store",
        "station_app.services",
        "station_app.ui",
        "station_app.reports",
        "station_app.formats",
        "station_app.cli",
    ),
    "store": ("PySide6", "shiboken6", "station_app.services", "station_app.ui", "station_app.cli"),
    "services": ("PySide6", "shiboken6", "station_app.ui", "station_app.cli"),
    "reports": ("PySide6.QtWidgets", "station_app.ui", "station_app.cli", "sqlite3", "sqlite_utils"),
    "formats": ("PySide6", "station_app.ui", "station_app.cli", "station_app.services", "station_app.store"),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def layer_files():
    for layer in FORBIDDEN:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            yield pytest.param(layer, path, id=f"{layer}/{path.relative_to(PACKAGE / layer)}")


@pytest.mark.parametrize("layer,path", list(layer_files()))
def test_layer_imports_point_one_way(layer, path):
    bad = sorted(m for m in imports_of(path) if m.startswith(FORBIDDEN[layer]))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_sql_text_only_in_store():
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "store":
            continue
        text = path.read_text(encoding="utf-8")
        if any(k in text for k in keywords):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders, f"SQL outside store/: {offenders}"


def test_qt_widgets_only_in_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        if any(m.startswith("PySide6") for m in imports_of(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders, f"Qt outside ui/: {offenders}"
