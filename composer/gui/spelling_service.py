"""The app's one spell checker: dictionaries opened once, off the GUI thread.

Every compose window asks it; it follows Settings > General (on/off, the
languages) and the user's own words, and tells the windows to check again
when any of them changes (sig_changed).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from composer.i18n import interface_language, translated
from composer.paths import AppPaths
from composer.settings import Settings
from composer.spelling.checker import SpellChecker
from composer.spelling.dictionaries import Dictionaries, SpellingUnavailable
from composer.spelling.personal_words import PersonalWords
from composer.workers.jobs import Job

log = logging.getLogger(__name__)

AUTOMATIC_LANGUAGES = ("en", "fr")


def wanted_languages(settings: Settings, interface: str) -> list[str]:
    """The spelling languages the settings ask for ("" = automatic)."""
    chosen = [code.strip() for code in settings.spelling_languages.split(",") if code.strip()]
    return chosen or list(dict.fromkeys([interface, *AUTOMATIC_LANGUAGES]))


class SpellingService(QObject):
    sig_changed = Signal()  # check again: ready, on/off, languages or the user's words changed

    def __init__(self, settings: Settings, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._paths = paths
        self.checker: SpellChecker | None = None
        self.unavailable = ""  # why there is no spelling here (a sentence), once known
        self._job: Job | None = None

    def start(self) -> None:
        """Open the dictionaries in the background (once); sig_changed when ready."""
        if self.checker is not None or self._job is not None or self.unavailable:
            return
        # Opening a dictionary reads megabytes (French: about 0.1 s): all of it off the GUI.
        languages, words = self.languages(), self._paths.personal_words
        self._job = Job(
            lambda _cancel: SpellChecker(Dictionaries(), languages, PersonalWords(words))
        )
        self._job.sig_done.connect(self._on_opened)
        self._job.sig_failed.connect(self._on_failed)
        self._job.start()

    @Slot(object)
    def _on_opened(self, checker: SpellChecker) -> None:
        self._job = None
        self.checker = checker
        checker.set_languages(self.languages())  # changed in Settings meanwhile
        self.sig_changed.emit()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._job = None
        if isinstance(error, SpellingUnavailable):
            self.unavailable = translated(error.message)
        else:
            log.warning("Spelling dictionaries could not be opened: %r", error)
            self.unavailable = self.tr("The spelling dictionaries could not be opened.")
        self.sig_changed.emit()

    @property
    def enabled(self) -> bool:
        return self._settings.spelling

    def active(self) -> SpellChecker | None:
        """The checker when spelling is on and ready; None otherwise."""
        return self.checker if self._settings.spelling and self.checker is not None else None

    def languages(self) -> list[str]:
        return wanted_languages(self._settings, interface_language())

    def available(self) -> list[str]:
        """Every language this computer has a dictionary for ([] before ready)."""
        return self.checker.available if self.checker is not None else []

    def primary_language(self) -> str | None:
        """The language a paragraph without clues is checked in."""
        checker = self.active()
        return checker.languages[0] if checker is not None and checker.languages else None

    def apply_settings(self) -> None:
        """Settings changed (on/off, languages): every window checks again."""
        if self.checker is not None:
            self.checker.set_languages(self.languages())
        if self._settings.spelling:
            self.start()
        self.sig_changed.emit()

    def add_word(self, word: str) -> str | None:
        """Keep *word* in the user's list; a sentence if it could not be saved."""
        if self.checker is None:
            return None
        try:
            self.checker.add_word(word)
        except OSError as exc:
            log.warning("Personal word list not saved: %s", exc.strerror or exc)
            return self.tr("The word could not be added: the word list could not be saved.")
        self.sig_changed.emit()
        return None

    def forget_words(self) -> None:
        """Forget everything removed the user's words and settings: follow here too."""
        if self.checker is not None:
            self.checker.personal = PersonalWords(self._paths.personal_words)
        self.apply_settings()
