"""The interface language: which one, and the Qt translators that show it.

``Settings.language`` names it: "" follows the operating system's locale
(``QLocale.system()``), otherwise a code such as "en" or "fr". English is the
source language: its catalogue, composer_en, holds only the plural forms of
counted texts (tr("%n changes", "", n) says "1 change"); every other language is
``resources/translations/composer_<code>.qm`` (built from the ``.ts`` next to
it), plus Qt's own ``qtbase_<code>.qm`` from the PySide6 wheel so that
standard dialogs (message box buttons, the file dialog) speak it too.

The language is chosen once, in ``composer.app`` before any window exists;
a change in Settings > General applies at the next start (widgets are not
retranslated while they live).

Values go into a translated sentence through its %1, %2… placeholders, with
``filled(self.tr("Could not save %1: %2"), name, reason)``: never ``.replace``
chains nor ``.format`` (tests/test_i18n.py checks).

Updating the catalogue after changing user-visible strings::

    python -m composer.i18n update    # pyside6-lupdate over composer/, then pyside6-lrelease

then translate the new entries (Qt Linguist: ``pyside6-linguist``, or by
hand: fill ``<translation>`` and remove ``type="unfinished"``), and run
``python -m composer.i18n release`` again. tests/test_i18n.py fails while a
string has no translation or the ``.qm`` is older than the ``.ts``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from composer.messages import DataSize, Number, UserFacingError, UserMessage, fill

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
CATALOGUE_PREFIX = "composer"  # composer_<code>.qm

# Installed translators, kept referenced: Qt does not own them.
_installed: list[QTranslator] = []
# The language the interface is shown in (install_translators' answer).
_shown = SOURCE_LANGUAGE


def translations_dir() -> Path:
    """The folder holding composer_<code>.ts and .qm (``composer.resources/translations``)."""
    return Path(str(files("composer.resources").joinpath("translations")))


def qt_translations_dir() -> Path:
    """Qt's own catalogues (qtbase_<code>.qm) as shipped in the PySide6 wheel."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _catalogue_codes() -> list[str]:
    folder = translations_dir()
    try:
        names = sorted(p.name for p in folder.iterdir() if p.is_file())
    except OSError:
        return []
    prefix = CATALOGUE_PREFIX + "_"
    return [n[len(prefix) : -3] for n in names if n.startswith(prefix) and n.endswith(".qm")]


def native_name(code: str) -> str:
    """The language's name in itself, capitalised as a menu entry: "Français"."""
    name = QLocale(code).nativeLanguageName()
    if not name or code == SOURCE_LANGUAGE:
        name = "English"
    return name[:1].upper() + name[1:]


def available_languages() -> list[tuple[str, str]]:
    """(code, native name) of every interface language, English first.

    For the Settings > General list; "" (the system's language) is not in it:
    the page offers that entry itself.
    """
    codes = [SOURCE_LANGUAGE] + [c for c in _catalogue_codes() if c != SOURCE_LANGUAGE]
    return [(code, native_name(code)) for code in codes]


def filled(text: str, *values: object) -> str:
    """A translated sentence with %1..%N filled in one pass: ``filled(self.tr("%1 of %2"), a, b)``.

    The one way gui/ and workers/ put values into a sentence: each value is
    str()'d, and a value holding "%2" stays as it is (a chain of
    ``.replace("%1", …).replace("%2", …)`` would replace it too). A plural
    form's %n is Qt's business (``self.tr("%n files", "", n)``) and stays.
    """
    return fill(text, [str(value) for value in values])


def restart_note() -> str:
    """The sentence shown next to the language choice."""
    return QCoreApplication.translate("Language", "A new language applies at the next start.")


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language code to show: the setting if we have it, else the system's, else English."""
    codes = [code for code, _ in available_languages()]
    wanted = (setting or "").strip().lower().replace("-", "_")
    if wanted:
        if wanted in codes:
            return wanted
        base = wanted.split("_")[0]
        if base in codes:
            return base
        log.info("No %r interface translation; using English", setting)
        return SOURCE_LANGUAGE
    locale = system if system is not None else QLocale.system()
    for ui_language in locale.uiLanguages():  # e.g. ["fr-CA", "fr", "en-US"], most wanted first
        base = ui_language.replace("-", "_").split("_")[0].lower()
        if base in codes:
            return base
    return SOURCE_LANGUAGE


def _load(locale: QLocale, name: str, folder: Path) -> QTranslator | None:
    translator = QTranslator()
    # load(locale, …) tries name_fr_CA.qm, then name_fr.qm, …
    if translator.load(locale, name, "_", str(folder)):
        return translator
    return None


def remove_translators() -> None:
    """Take back every translator this module installed (tests switch languages)."""
    global _shown
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _shown = SOURCE_LANGUAGE


def interface_language() -> str:
    """The code of the language the interface is shown in ("en" until translators are installed)."""
    return _shown


def install_translators(setting: str, system: QLocale | None = None) -> str:
    """Install the translators for *setting* ("" = the system's); return the code shown.

    Call after the QApplication exists and before any window is built. Also
    makes the chosen language the default QLocale (numbers, dates), keeping
    the system's region when it speaks that language (fr_CA stays fr_CA).
    """
    global _shown
    remove_translators()
    system = system if system is not None else QLocale.system()
    code = resolve_language(setting, system)
    locale = system if system.name().split("_")[0] == code else QLocale(code)
    QLocale.setDefault(locale)
    if code == SOURCE_LANGUAGE:
        plurals = _load(QLocale(SOURCE_LANGUAGE), CATALOGUE_PREFIX, translations_dir())
        if plurals is not None and QCoreApplication.installTranslator(plurals):
            _installed.append(plurals)
        return code
    ours = _load(locale, CATALOGUE_PREFIX, translations_dir())
    if ours is None:
        log.info("The %s interface catalogue could not be loaded; using English", code)
        QLocale.setDefault(system)
        return SOURCE_LANGUAGE
    # Installed last is asked first: ours before Qt's.
    qt = _load(locale, "qtbase", qt_translations_dir())
    if qt is None:
        log.info("Qt's own %s catalogue (qtbase) is missing; standard dialogs stay English", code)
    for translator in (qt, ours):
        if translator is not None and QCoreApplication.installTranslator(translator):
            _installed.append(translator)
    _shown = code
    return code


# --- maintaining the catalogue (developers; python -m composer.i18n) ---------------------------


def _tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease): next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.is_file():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it comes with the PySide6 wheel)")
    return found


def source_dir() -> Path:
    """The composer package's folder, scanned by lupdate."""
    return Path(__file__).resolve().parent


def run_lupdate(ts_file: Path, *extra: str) -> None:
    """Extract every tr()/translate() string under composer/ into *ts_file* (merging)."""
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-extensions", "py", *extra]
        # composer.messages.user_message(context, text) marks sentences of Qt-free modules.
        + ["-tr-function-alias", "QT_TRANSLATE_NOOP+=user_message"]
        + [str(source_dir()), "-ts", str(ts_file)],
        check=True,
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def _main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command not in {"update", "release"}:
        print("usage: python -m composer.i18n update|release", file=sys.stderr)
        return 2
    for ts_file in sorted(translations_dir().glob(CATALOGUE_PREFIX + "_*.ts")):
        if command == "update":
            # English is the source: its catalogue needs only the plural forms.
            english = ts_file.stem == f"{CATALOGUE_PREFIX}_{SOURCE_LANGUAGE}"
            only = ["-pluralonly"] if english else []
            run_lupdate(ts_file, "-no-obsolete", "-locations", "relative", *only)
        run_lrelease(ts_file, ts_file.with_suffix(".qm"))
        print(f"{ts_file.name} -> {ts_file.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))


def translated(
    message: UserMessage | UserFacingError | BaseException | Number | DataSize | str,
) -> str:
    """A sentence of a Qt-free module in the installed language (English without a translation).

    Here rather than in gui/, so that workers/ (QtCore only) use it too.
    """
    if isinstance(message, UserFacingError):
        message = message.message
    if isinstance(message, Number):
        return number(message.value, message.places)
    if isinstance(message, DataSize):
        return data_size(message.size, places=1)
    if isinstance(message, UserMessage):
        values = [translated(a) for a in message.args]
        return fill(QCoreApplication.translate(message.context, message.text), values)
    return str(message)


# -- numbers and sizes, as the interface's language writes them ----------------------
# (French: "2,5 Go", "32 768 jetons", "12,3 jetons/s"; English: "2.5 GB", "32,768").


def _writing_locale() -> QLocale:
    """The interface's locale, English where it is the C locale.

    A bare system says no language at all; "8192 tokens" with no separator
    reads worse than the source language's "8,192".
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def number(value: float, places: int = 0) -> str:
    """*value* with *places* decimals, in the interface's locale (its separators)."""
    if places == 0:
        return _writing_locale().toString(int(round(value)))
    return _writing_locale().toString(float(value), "f", places)


def data_size(size: float, places: int | None = None) -> str:
    """A file or download size in SI units (936 MB, 2.5 GB; 936 Mo, 2,5 Go in French).

    *places*: decimals; by default one from a gigabyte up, none below.
    """
    decimals = places if places is not None else (1 if size >= 1e9 else 0)
    si = QLocale.DataSizeFormat.DataSizeSIFormat
    return _writing_locale().formattedDataSize(int(size), decimals, si)


def memory_size(size: float) -> str:
    """Memory as the system's own dialogs count it (base 1024, written GB; Go in French)."""
    traditional = QLocale.DataSizeFormat.DataSizeTraditionalFormat
    return _writing_locale().formattedDataSize(int(size), 1, traditional)
