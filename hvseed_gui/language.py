"""The reader's language, for both faces: which one (option, $HVSEED_LANG, the system), Qt's
catalogues installed for it, and ``QtWords`` that word a ``core.said.Said`` through them.

QtCore only: the CLI's ``report --lang de`` uses it without a display.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hvseed_gui.core.said import ENGLISH, LANGUAGES, Words
from hvseed_gui.core.units import format_bytes

__all__ = [
    "LANGUAGES",
    "QtWords",
    "choose_language",
    "install_translators",
    "CatalogueWords",
    "words_for",
]

LANG_ENV = "HVSEED_LANG"
I18N_DIR = Path(__file__).resolve().parent / "i18n"

_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)


def choose_language(requested: str = "") -> str:
    """``requested``, else $HVSEED_LANG, else the system's first UI language hvseed has; 'en'."""
    for candidate in (requested, os.environ.get(LANG_ENV, "")):
        base = candidate.strip().lower().replace("_", "-").split("-")[0]
        if base in LANGUAGES:
            return base
    for tag in QLocale.system().uiLanguages():
        base = tag.lower().replace("_", "-").split("-")[0]
        if base in LANGUAGES:
            return base
    return "en"


def install_translators(lang: str) -> list[str]:
    """Make ``lang`` the language of every widget built from now on: Qt's own catalogue
    (qtbase_<lang>: the wizard's Back/Next/Cancel, dialogs) and hvseed's. Replaces the
    translators an earlier call installed; 'en' loads only the English plural forms. Returns
    the loaded files' names (a missing catalogue leaves that part English, it never fails)."""
    app = QCoreApplication.instance()
    # numbers follow the window's language (a decimal comma in German)
    QLocale.setDefault(
        QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English)
    )
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"hvseed_{lang}", str(I18N_DIR))]  # English: only its plural forms
    if lang != "en":
        catalogues.insert(0, (f"qtbase_{lang}", qt_dir))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            _installed.append(translator)
            loaded.append(name)
    return loaded


class QtWords:
    """The installed catalogue's language; sizes with the locale's decimal separator."""

    def translate(self, context: str, text: str, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, None, n)

    def size(self, n: int) -> str:
        text = format_bytes(n)
        point = QLocale().decimalPoint()
        return text.replace(".", point) if point != "." else text


class CatalogueWords:
    """A language read straight from its catalogue, with no Qt application (the CLI)."""

    def __init__(self, translator: QTranslator, decimal_point: str) -> None:
        self._translator = translator
        self._point = decimal_point

    def translate(self, context: str, text: str, n: int = -1) -> str:
        found = self._translator.translate(context, text, None, n) or text
        return found.replace("%n", str(n)) if n >= 0 else found

    def size(self, n: int) -> str:
        return format_bytes(n).replace(".", self._point)


def words_for(lang: str) -> Words:
    """The words of ``lang`` outside the GUI (the CLI's ``--lang``): English as written, any
    other language from its catalogue (English when the catalogue cannot be read)."""
    translator = QTranslator()
    if lang == "en" or not translator.load(f"hvseed_{lang}", str(I18N_DIR)):
        return ENGLISH
    return CatalogueWords(translator, QLocale(lang).decimalPoint())
