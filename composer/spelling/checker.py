"""Spell checking of one line (paragraph) at a time, in the language it is written in.

The language is chosen per paragraph among the user's: the dictionary that
knows most of its words (a French paragraph in an English email is checked
in French, so "reunion" there is a mistake). A paragraph that no enabled
dictionary reads (another language, a list of codes) is left alone rather
than underlined from end to end.

A word is fine when the paragraph's dictionary knows it, when the user added
it, when the message accepts it (the names in To and Cc, "Ignore in this
message"), or when it looks like a name: capitalised inside a sentence, or
one of a few capitalised words alone on their line (a sign-off).

One SpellChecker serves every window; Enchant's dictionaries are used by one
thread at a time (a lock), so the GUI thread and a background check share it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from composer.spelling.dictionaries import Dictionaries
from composer.spelling.personal_words import PersonalWords
from composer.spelling.words import Word, plain_words, words_of

MAX_SUGGESTIONS = 5
LANGUAGE_SAMPLE = 24  # words enough to tell a paragraph's language
MIN_WORDS_TO_DOUBT = 5  # a paragraph of fewer words is always checked
MIN_KNOWN_SHARE = 0.4  # below: no enabled dictionary reads this paragraph
MAX_NAME_LINE_WORDS = 3


@dataclass(frozen=True)
class LineCheck:
    language: str | None  # the dictionary the line was checked with (None: not checked)
    misspelt: tuple[Word, ...] = ()


def accepted_words(texts: Iterable[str]) -> frozenset[str]:
    """The words of *texts* (names in To and Cc…) as a message accepts them.

    Every word, capitals included ("KOWALCZYK Anna" is how many write a surname).
    """
    return frozenset(word.lower() for text in texts for word in plain_words(text))


def _stem(word: str) -> str:
    """*word* without a possessive ending ("Kowalczyk's" -> "Kowalczyk")."""
    for ending in ("'s", "'"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _name_line(words: list[Word], line: str) -> bool:
    """A sign-off such as "Anna" or "Anna Kowalczyk" alone on its line."""
    return (
        0 < len(words) <= MAX_NAME_LINE_WORDS
        and all(w.looks_like_name for w in words)
        and not any(ch in line for ch in ".!?")
    )


class SpellChecker:
    def __init__(
        self, dictionaries: Dictionaries, languages: Iterable[str], personal: PersonalWords
    ) -> None:
        self._dictionaries = dictionaries
        self.personal = personal
        self._lock = threading.Lock()
        self._suggested: OrderedDict[tuple[str, str], list[str]] = OrderedDict()
        self.languages: tuple[str, ...] = ()
        self.set_languages(languages)

    @property
    def available(self) -> list[str]:
        """Every language a dictionary on this computer spells."""
        return [d.language for d in self._dictionaries.available]

    def set_languages(self, languages: Iterable[str]) -> None:
        """Check in these languages (those without a dictionary are left out)."""
        wanted = [language for language in languages if language in self.available]
        with self._lock:
            for language in wanted:
                self._dictionaries.open(language)
            self.languages = tuple(dict.fromkeys(wanted))

    def _dict(self, language: str) -> Any:
        return self._dictionaries.open(language)

    def _known(self, word: str, dictionary: Any) -> bool:
        # "Kowalczyk's", "James'": a possessive of a known word is known.
        return bool(dictionary.check(word)) or (
            _stem(word) != word and bool(dictionary.check(_stem(word)))
        )

    def _language_of(self, words: list[Word], default: str | None) -> str | None:
        if not self.languages:
            return None
        sample = [w.text for w in words if not w.looks_like_name or w.starts_sentence]
        sample = sample[:LANGUAGE_SAMPLE]
        if not sample:
            return default if default in self.languages else self.languages[0]
        scores = {
            language: sum(1 for text in sample if self._known(text, self._dict(language)))
            for language in self.languages
        }
        best = max(scores.values())
        if len(sample) >= MIN_WORDS_TO_DOUBT and best < MIN_KNOWN_SHARE * len(sample):
            return None
        tied = [language for language in self.languages if scores[language] == best]
        return default if default in tied else tied[0]

    def check_line(
        self,
        line: str,
        accepted: frozenset[str] = frozenset(),
        default_language: str | None = None,
    ) -> LineCheck:
        """The misspelt words of *line*; *accepted*: lower-case words this message allows."""
        words = words_of(line)
        if not words or _name_line(words, line):
            return LineCheck(None)
        with self._lock:
            language = self._language_of(words, default_language)
            if language is None:
                return LineCheck(None)
            dictionary = self._dict(language)
            misspelt = tuple(
                w
                for w in words
                if w.text.lower() not in accepted
                and _stem(w.text).lower() not in accepted
                and w.text not in self.personal
                and _stem(w.text) not in self.personal
                and not (w.looks_like_name and not w.starts_sentence)
                and not self._known(w.text, dictionary)
            )
        return LineCheck(language, misspelt)

    def suggestions(self, word: str, language: str) -> list[str]:
        """Up to MAX_SUGGESTIONS corrections of *word* in *language*, best first."""
        key = (language, word)
        with self._lock:
            if key not in self._suggested:
                if language not in self.languages:
                    return []
                found = [s for s in self._dict(language).suggest(word) if s != word]
                self._suggested[key] = list(dict.fromkeys(found))[:MAX_SUGGESTIONS]
                if len(self._suggested) > 2000:
                    self._suggested.popitem(last=False)
            self._suggested.move_to_end(key)
            return list(self._suggested[key])

    def add_word(self, word: str) -> None:
        """Add *word* to the user's own list (OSError: it could not be saved)."""
        with self._lock:
            self.personal.add(word)
