"""Translation of the windows: Chinese source text, English from resources/i18n/station_app_en.ts (Qt Linguist).

Every user-visible string in ui/ goes through ``tr`` (one context, "station_app", so module-level tables
and widgets share one dictionary); tables built at import time mark their strings with ``N_`` and
translate them where they are shown. The .ts source is made by scripts/update_translations.py and compiled
to .qm by the build step (ui/build_forms.py), like the forms. Qt's own strings (OK/Cancel) come from the
translations shipped with PySide6.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CONTEXT = "station_app"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []
_language = [DEFAULT_LANGUAGE]


def current_language() -> str:
    return _language[0]


def english() -> bool:
    return _language[0] == "en"


def entry_label(entry: Any) -> str:
    """A catalog entry's name in the window's language (the catalogs carry both)."""
    return entry.label_en if english() and getattr(entry, "label_en", "") else entry.label


def state_label(state: str, chinese: str = "") -> str:
    """A case state's name in the window's language."""
    from station_app.domain import workflow

    if english():
        return workflow.STATE_LABELS_EN.get(state, state)
    return chinese or workflow.label(state)


def tr(text: str) -> str:
    """``text`` (Chinese) in the language installed; the Chinese itself when there is no translation."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:
    """Marks a string for translation where it is defined; ``tr`` translates it where it is shown."""
    return text


def install_language(language: str | None) -> str:
    """Install the translators for ``language`` (zh_CN or en) in the running application; returns it."""
    from station_app.ui.build_forms import TRANSLATION_SOURCES, compile_translations, translations_dir

    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE and TRANSLATION_SOURCES.exists() and not getattr(sys, "frozen", False):
        compile_translations()  # from source: the .ts may have changed (a bundle ships the .qm)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted: list[tuple[str, str]] = [(f"qtbase_{language}", qt_folder)]
    if language != DEFAULT_LANGUAGE:
        wanted.append((f"station_app_{language}", str(translations_dir())))
    for name, folder in wanted:
        translator = QTranslator(app)
        if Path(folder, name + ".qm").exists() and translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    _language[0] = language
    return language
