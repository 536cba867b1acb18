"""Which words of a line a spell checker should look at, and where they are.

Only what the user wrote as words is checked. Left out, because no
dictionary knows them and flagging them would teach the user to ignore the
underline: web links and addresses, anything holding a digit or an underscore
("3pm", "14h30", "INV-2024-0193", "v2"), dotted forms ("e.g.", "report.pdf",
"example.com"), acronyms in capitals ("PDF", "RSVP"), words with a capital
inside ("iPhone", "PowerPoint"), single letters and very long strings.

Each word knows whether it starts a sentence: a capitalised word that does
not is taken for a name when no dictionary knows it (see checker.py).
Offsets are Python string indices into the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of non-space characters; links and addresses are whole runs.
_RUN = re.compile(r"\S+")
_LINK_OR_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)|@", re.IGNORECASE)
# Letters joined by apostrophes or hyphens: "don't", "l'équipe", "peut-être".
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_NOT_WORDS = re.compile(r"[\d_]")
# What may close a sentence (and quotes or brackets after it).
_SENTENCE_END = re.compile(r"[.!?…]['’\"»)\]]*$")
# Abbreviations whose dot ends no sentence ("Dr. Kowalczyk", "M. Dupont").
_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "prof", "mt", "vs", "cf", "m", "mme", "mlle", "mm", "me", "pr"]
)
_EDGE = "\"'’‘«»“”()[]{}<>,;:!?…*_~"
MAX_WORD_CHARS = 60
LAST_LATIN = 0x024F  # the end of Unicode's Latin Extended-B


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # as the dictionaries want it: typographic apostrophes made plain
    starts_sentence: bool

    @property
    def looks_like_name(self) -> bool:
        """Each part capitalised, the rest lower case ("Anna", "Jean-Pierre", "Wi-Fi")."""
        return all(
            part[:1].isupper() and part[1:] == part[1:].lower()
            for part in self.text.split("-")
            if part
        )


def _checkable(word: str) -> bool:
    if len(word) < 2 or len(word) > MAX_WORD_CHARS:
        return False
    # Latin letters only: a word in another script (佐藤, Иван) no Latin-script
    # dictionary can judge.
    if any(ord(ch) > LAST_LATIN for ch in word):
        return False
    letters = word.replace("'", "").replace("-", "")
    if letters.isupper():  # an acronym, or a word shouted on purpose
        return False
    # A capital after the first letter of a part: a product or a code name.
    return not any(part[1:] != part[1:].lower() for part in re.split(r"['\-]", word) if part)


def plain_words(text: str) -> list[str]:
    """Every word of *text* but links, addresses and codes, capitals included."""
    found = []
    for run in _RUN.finditer(text):
        raw = run.group()
        if _LINK_OR_ADDRESS.search(raw) is None and _NOT_WORDS.search(raw) is None:
            found += [m.group().replace("’", "'") for m in WORD.finditer(raw)]
    return found


def words_of(line: str) -> list[Word]:
    """The words of *line* worth checking, in order."""
    found: list[Word] = []
    sentence_start = True
    for run in _RUN.finditer(line):
        raw = run.group()
        core = raw.strip(_EDGE)
        bare = core.rstrip(".")
        link = _LINK_OR_ADDRESS.search(raw) is not None
        closes_sentence = bool(_SENTENCE_END.search(raw)) and (
            link or not ("." in bare or bare.lower() in _TITLES)  # "e.g.", "Dr.", "M."
        )
        skip = (
            link
            or _NOT_WORDS.search(core) is not None
            or "." in bare  # "e.g", "report.pdf", "example.com"
        )
        if not skip:
            first_in_run = True
            for match in WORD.finditer(raw):
                text = match.group().replace("’", "'")
                if _checkable(text):
                    found.append(
                        Word(
                            run.start() + match.start(),
                            run.start() + match.end(),
                            text,
                            sentence_start and first_in_run,
                        )
                    )
                first_in_run = False
        if any(ch.isalnum() for ch in raw):
            sentence_start = closes_sentence
    return found
