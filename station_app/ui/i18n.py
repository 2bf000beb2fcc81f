"""Translation of the windows: Chinese source text, English from resources/i18n/station_app_en.ts (Qt Linguist).

Every user-visible string in ui/ goes through ``tr`` (one context, "station_app", so module-level tables
and widgets share one dictionary); tables built at import time mark their strings with ``N_`` and
translate them where they are shown. The .ts source is made by scripts/update_translations.py and compiled
to .qm by the build step (ui/build_forms.py), like the forms. Qt's own strings (OK/Cancel) come from the
translations shipped with PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CONTEXT = "station_app"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """``text`` (Chinese) in the language installed; the Chinese itself when there is no translation."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:  # noqa: N802 (the gettext convention for "translated later")
    """Marks a string for translation where it is defined; ``tr`` translates it where it is shown."""
    return text


def install_language(language: str | None) -> str:
    """Install the translators for ``language`` (zh_CN or en) in the running application; returns it."""
    from station_app.ui.build_forms import TRANSLATION_SOURCES, compile_translations, translations_dir

    if TRANSLATION_SOURCES.exists():  # a source tree: compile a changed .ts first (a bundle ships the .qm)
        compile_translations()

    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
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
    return language
