"""Compile the Qt Designer forms (forms/*.ui) into station_app/ui/generated/ui_<name>.py, and the
translations (resources/i18n/*.ts) into station_app/ui/generated/i18n/*.qm.

Run ``python -m station_app.ui.build_forms`` (the build step), or let ``load_form`` compile a form on
demand when its generated module is missing or older than the .ui file, so a clean checkout runs without
an extra command. The generated folder is git-ignored: never commit or edit it by hand. A bundle ships
the generated modules and has no forms/ folder, so nothing is compiled there.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent
FORMS = ROOT / "forms"
GENERATED = Path(__file__).resolve().parent / "generated"
PACKAGE = "station_app.ui.generated"
TRANSLATION_SOURCES = ROOT / "resources" / "i18n"


def translations_dir() -> Path:
    """Where the compiled .qm files are (beside the generated forms; a bundle carries that folder)."""
    return GENERATED / "i18n"


def qt_tool(name: str) -> str:
    """A Qt tool shipped inside the PySide6 wheel (uic, lrelease), else pyside6-<name> on the PATH."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (f"{name}.exe", name) if sys.platform == "win32" else (name,):
        if (folder / candidate).exists():
            return str(folder / candidate)
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise RuntimeError(f"找不到 {name}（PySide6 安装不完整）")
    return found


def compile_translations(force: bool = False) -> list[Path]:
    """resources/i18n/<name>.ts → generated/i18n/<name>.qm when missing or older (nothing in a bundle)."""
    written = []
    for source in sorted(TRANSLATION_SOURCES.glob("*.ts")):
        out = translations_dir() / f"{source.stem}.qm"
        if not force and out.exists() and out.stat().st_mtime >= source.stat().st_mtime:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f"{out.stem}.{os.getpid()}.tmp.qm")
        import subprocess  # only when compiling (not imported by a window that only loads its forms)

        result = subprocess.run(
            [qt_tool("lrelease"), "-silent", str(source), "-qm", str(partial)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not partial.exists():
            partial.unlink(missing_ok=True)
            raise RuntimeError(f"编译 {source.name} 失败：{result.stderr.strip()}")
        partial.replace(out)
        written.append(out)
    return written


def uic_command() -> list[str]:
    """The uic shipped inside the PySide6 wheel (``-g python``), else pyside6-uic on the PATH."""
    tool = qt_tool("uic")
    return [tool, "-g", "python"] if not Path(tool).name.startswith("pyside6-") else [tool]


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
    import subprocess  # only when compiling (not imported by a window that only loads its forms)

    result = subprocess.run(
        [*uic_command(), str(ui_file), "-o", str(partial)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"编译 {ui_file.name} 失败：{result.stderr.strip()}")
    partial.replace(out)  # a half-written module is never imported
    return out


def build(force: bool = False) -> list[Path]:
    """Compile every form and translation that changed (all of them with ``force``); return what was written."""
    forms = [compile_form(f) for f in sorted(FORMS.glob("*.ui")) if force or is_stale(f)]
    return forms + compile_translations(force)


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
    print(f"{len(written)} file(s) compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
