"""The system's spelling dictionaries, through Enchant (Hunspell's, first of all).

Enchant is a C library found at run time (pyenchant loads it with ctypes);
where it or a dictionary is missing, spelling is off and says why in a
sentence that names what to install. Several dictionaries of one language
("fr", "fr_FR", "fr_BE"…) are offered as one: the variant of the system's
region when there is one, else the plain or first one.
"""

from __future__ import annotations

import locale
import logging
from dataclasses import dataclass
from typing import Any

from composer.messages import UserMessage, user_message

log = logging.getLogger(__name__)

# Without a region to follow, the variant most people of the language expect.
USUAL_REGION = {"en": "US", "fr": "FR", "de": "DE", "es": "ES", "it": "IT", "pt": "PT"}
INSTALL_HINT = "sudo apt install libenchant-2-2 hunspell-en-us hunspell-fr"


class SpellingUnavailable(Exception):
    """No spell checking here; the message says why and what to install."""

    def __init__(self, message: UserMessage) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class DictionaryInfo:
    language: str  # "en", "fr": what Settings lists and keeps
    tag: str  # the dictionary Enchant opens: "en_US", "fr_FR", "fr"


def _enchant() -> Any:
    try:
        import enchant
    except ImportError as exc:  # pyenchant absent, or the C library not found
        log.info("Spelling unavailable: %s", exc)
        raise SpellingUnavailable(
            user_message(
                "Spelling",
                "Spelling needs the Enchant library and its dictionaries. Install them "
                "(on Debian or Ubuntu: %1) and start Composer again.",
            ).arg(INSTALL_HINT)
        ) from None
    return enchant


def _region() -> str:
    name = locale.getlocale()[0] or ""
    return name.partition(".")[0].partition("_")[2].upper()  # "fr_BE.UTF-8" -> "BE"


def choose_tags(tags: list[str], region: str = "") -> list[DictionaryInfo]:
    """One dictionary per language among Enchant's *tags*, in a stable order."""
    by_language: dict[str, list[str]] = {}
    for tag in tags:
        language = tag.replace("-", "_").partition("_")[0].lower()
        if language.isalpha():
            by_language.setdefault(language, []).append(tag)
    chosen = []
    for language, variants in sorted(by_language.items()):

        def rank(tag: str, language: str = language) -> tuple[int, str]:
            country = tag.replace("-", "_").partition("_")[2].upper()
            if region and country == region:
                return 0, tag
            return (1 if country == USUAL_REGION.get(language) else 2 if not country else 3), tag

        chosen.append(DictionaryInfo(language, min(variants, key=rank)))
    return chosen


class Dictionaries:
    """The Enchant broker and the dictionaries opened through it (one thread at a time)."""

    def __init__(self) -> None:
        enchant = _enchant()
        try:
            self._broker = enchant.Broker()
            # Hunspell's dictionaries first: the ones LibreOffice and Firefox use.
            self._broker.set_ordering("*", "hunspell,nuspell,aspell,myspell")
            tags = list(self._broker.list_languages())
        except Exception as exc:  # an Enchant without a working provider
            log.info("Spelling unavailable: %s", exc)
            raise SpellingUnavailable(_no_dictionary()) from None
        self.available = choose_tags(tags, _region())
        if not self.available:
            raise SpellingUnavailable(_no_dictionary())
        self._open: dict[str, Any] = {}

    def open(self, language: str) -> Any:
        """The enchant.Dict of *language* ("en", "fr"); KeyError if there is none."""
        if language not in self._open:
            info = next((d for d in self.available if d.language == language), None)
            if info is None:
                raise KeyError(language)
            self._open[language] = self._broker.request_dict(info.tag)
        return self._open[language]


def _no_dictionary() -> UserMessage:
    return user_message(
        "Spelling",
        "No spelling dictionary was found on this computer. Install some "
        "(on Debian or Ubuntu: %1) and start Composer again.",
    ).arg(INSTALL_HINT)
