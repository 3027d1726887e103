"""Languages: Qt translators for Traditional Chinese, Simplified Chinese and English.

Every visible string goes through `translate(context, text)` so that
pyside6-lupdate finds it; widgets re-read their texts on LanguageChange.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from .. import resources


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    """Marks `source` for translation in `context` and returns it unchanged (Qt's own is typed
    `object`); pyside6-lupdate finds the strings by this name, `translate` looks them up."""
    return source

translate = QCoreApplication.translate

LANGUAGES = ("zh_TW", "zh_CN", "en")
LANGUAGE_NAMES = {"zh_TW": "繁體中文", "zh_CN": "简体中文", "en": "English"}
_LOCALES = {
    "zh_TW": (QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan),
    "zh_CN": (QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Script.LatinScript, QLocale.Country.UnitedStates),
}


def translations_dir() -> Path:
    return resources.path("translations")


def qm_path(language: str) -> Path:
    return translations_dir() / f"pos_{language}.qm"


def locale_for(language: str) -> QLocale:
    return QLocale(*_LOCALES.get(language, _LOCALES["en"]))


def language_for_locale(locale: QLocale) -> str:
    """zh-Hant / Taiwan / Hong Kong / Macau -> zh_TW; any other Chinese -> zh_CN; else English."""
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional_places = (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
    if locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in traditional_places:
        return "zh_TW"
    return "zh_CN"


class I18n(QObject):
    """Owns the installed translators; switching sends LanguageChange to every widget."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self._translators: list[QTranslator] = []

    @property
    def locale(self) -> QLocale:
        return locale_for(self.language)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            for old in self._translators:
                app.removeTranslator(old)
        self._translators = []

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "en"
        app = QCoreApplication.instance()
        self.uninstall()
        if language != "en":
            ours = QTranslator(self)
            if ours.load(str(qm_path(language))):
                self._translators.append(ours)
            qt_base = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(f"qtbase_{language}", qt_dir):
                self._translators.append(qt_base)
        if app is not None:
            for translator in self._translators:
                app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(locale_for(language))
        self.language_changed.emit(language)
