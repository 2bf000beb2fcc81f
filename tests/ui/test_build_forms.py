"""The forms build step: every forms/*.ui compiles, and a missing or stale module is compiled on demand."""

from __future__ import annotations

import os

from station_app.ui import build_forms


def test_every_form_compiles_to_a_ui_class(tmp_path, monkeypatch):
    monkeypatch.setattr(build_forms, "GENERATED", tmp_path)
    forms = sorted(build_forms.FORMS.glob("*.ui"))
    assert {f.stem for f in forms} >= {"complaint_form", "register_page"}
    for ui_file in forms:
        assert build_forms.is_stale(ui_file)
        out = build_forms.compile_form(ui_file)
        assert out.name == f"ui_{ui_file.stem}.py"
        assert "class Ui_" in out.read_text(encoding="utf-8")
        assert not build_forms.is_stale(ui_file)
        past = ui_file.stat().st_mtime - 10
        os.utime(out, (past, past))  # older than its .ui: compiled again on demand
        assert build_forms.is_stale(ui_file)
    assert (tmp_path / "__init__.py").exists()


def test_load_form_gives_the_generated_class():
    module = build_forms.load_form("complaint_form")
    assert hasattr(module, "Ui_ComplaintForm")
    assert not build_forms.is_stale(build_forms.FORMS / "complaint_form.ui")
