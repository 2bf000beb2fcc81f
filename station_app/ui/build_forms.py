"""Compile the Qt Designer forms (forms/*.ui) into station_app/ui/generated/ui_<name>.py.

Run ``python -m station_app.ui.build_forms`` (the build step), or let ``load_form`` compile a form on
demand when its generated module is missing or older than the .ui file, so a clean checkout runs without
an extra command. The generated folder is git-ignored: never commit or edit it by hand. A bundle ships
the generated modules and has no forms/ folder, so nothing is compiled there.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent
FORMS = ROOT / "forms"
GENERATED = Path(__file__).resolve().parent / "generated"
PACKAGE = "station_app.ui.generated"


def uic_command() -> list[str]:
    """The uic shipped inside the PySide6 wheel (``-g python``), else pyside6-uic on the PATH."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("uic.exe", "uic") if sys.platform == "win32" else ("uic",):
        binary = folder / name
        if binary.exists():
            return [str(binary), "-g", "python"]
    beside = Path(sys.executable).parent / "pyside6-uic"
    found = str(beside) if beside.exists() else shutil.which("pyside6-uic")
    if not found:
        raise RuntimeError("找不到 uic（PySide6 安装不完整）：无法编译 forms/*.ui")
    return [found]


def target(ui_file: Path) -> Path:
    return GENERATED / f"ui_{ui_file.stem}.py"


def is_stale(ui_file: Path) -> bool:
    out = target(ui_file)
    return not out.exists() or out.stat().st_mtime < ui_file.stat().st_mtime


def compile_form(ui_file: Path) -> Path:
    GENERATED.mkdir(parents=True, exist_ok=True)
    init = GENERATED / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from forms/*.ui by build_forms: do not edit."""\n', encoding="utf-8")
    out = target(ui_file)
    partial = out.with_name(f"{out.stem}.{os.getpid()}.tmp")  # two test workers may compile at once
    result = subprocess.run(
        [*uic_command(), str(ui_file), "-o", str(partial)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"编译 {ui_file.name} 失败：{result.stderr.strip()}")
    partial.replace(out)  # a half-written module is never imported
    return out


def build(force: bool = False) -> list[Path]:
    """Compile every forms/*.ui that changed (all of them with ``force``); return what was written."""
    return [compile_form(f) for f in sorted(FORMS.glob("*.ui")) if force or is_stale(f)]


def load_form(name: str) -> ModuleType:
    """The generated module of forms/<name>.ui, compiled first when missing or out of date."""
    ui_file = FORMS / f"{name}.ui"
    module_name = f"{PACKAGE}.ui_{name}"
    if ui_file.exists() and is_stale(ui_file):
        compile_form(ui_file)
        importlib.invalidate_caches()
        sys.modules.pop(module_name, None)
    return importlib.import_module(module_name)


def main() -> int:
    written = build(force="--force" in sys.argv)
    for path in written:
        print(f"compiled {path.relative_to(ROOT)}")
    print(f"{len(written)} form(s) compiled, {len(list(FORMS.glob('*.ui'))) - len(written)} up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
