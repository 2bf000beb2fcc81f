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
    # The command line and the windows stand on the services: neither reaches into the store.
    "cli": ("PySide6", "shiboken6", "station_app.ui", "station_app.store", "sqlite3", "sqlite_utils"),
    "ui": ("station_app.store", "station_app.cli", "sqlite3", "sqlite_utils"),
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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "generated" not in path.relative_to(PACKAGE).parts
    }


def _edges(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The program's modules ``name`` imports anywhere in its text, functions included (a cycle hidden in a
    function is still a cycle); ``from package import module`` counts as the module, not the package."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    found.add(f"{base}.{alias.name}")
                elif base in known:
                    found.add(base)
    found.discard(name)
    return found


def test_no_import_cycle_anywhere():
    known = _modules()
    graph = {name: _edges(name, path, known) for name, path in known.items()}
    # Tarjan's strongly connected components: any component of two or more modules is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert not cycles, f"import cycles: {cycles}"


def test_no_module_over_400_lines():
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in _modules().values()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, f"split by responsibility: {long}"
