"""Which language a text is in, and how to name languages in a prompt.

A small heuristic, no dependency: count very common function words of each
language (and a few letters only one language uses). Emails are short, so a
statistical model would gain little; what matters is telling the usual
languages of our users apart and saying "unsure" instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# English names: they go into the prompt, which is written in English.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}

# Each language's own name, for menus where the user picks the output language.
NATIVE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent words of each language; words shared by two of the lists are
# dropped below (_unshared) because they cannot decide between them.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and is are was were be been have has had you your we our i my it this that "
        "with for of to in on at not but can could would should will thanks thank please "
        "hi hello dear regards best from about if what when which there they them"
    ),
    "fr": _words(
        "le les des du un une et est sont était être avoir ai avez avons nous vous je "
        "mon ma mes votre vos notre nos ce cette ces qui pour pas dans sur avec mais "
        "ou où au aux merci bonjour cordialement bien il elle ils elles se sa son leur "
        "c'est j'ai n'est d'un d'une qu'il très"
    ),
    "de": _words(
        "der die das und ist sind war nicht ich du wir ihr sie mit für auf dem den ein "
        "eine einen zu von bitte danke hallo liebe lieber grüße viele gruß auch noch"
    ),
    "es": _words(
        "el los las y es son está están fue ser yo tú nosotros usted ustedes con por para "
        "pero como muy gracias hola saludos del al una unos mi su sus también"
    ),
    "it": _words(
        "il lo gli e è sono era essere io tu noi voi con per ma come molto grazie ciao "
        "saluti del della dei una uno mio suo anche che non"
    ),
    "pt": _words(
        "o os as e é são está estão foi ser eu você nós com por para mas como muito "
        "obrigado obrigada olá cumprimentos do da dos das uma um meu seu também não"
    ),
    "nl": _words(
        "het een en is zijn was niet ik jij wij jullie met voor op van dank bedankt "
        "hallo groeten vriendelijke ook nog maar dat wat"
    ),
}


def _unshared(lists: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    # A word used by two of the listed languages ("is", "con", "una") cannot
    # tell them apart; dropping it keeps the lists easy to extend safely.
    seen: dict[str, int] = {}
    for words in lists.values():
        for word in words:
            seen[word] = seen.get(word, 0) + 1
    return {code: frozenset(w for w in words if seen[w] == 1) for code, words in lists.items()}


_STOPWORDS = _unshared(_STOPWORDS)

# Letters that point to one language (or nearly).
_LETTERS: dict[str, str] = {
    "en": "",
    "fr": "àâçèéêëîïôûùœ",
    "de": "äöüß",
    "es": "ñ¿¡áíóú",
    "it": "àèéìòù",
    "pt": "ãõçáâêô",
    "nl": "",
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_QUOTED_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)


@dataclass(frozen=True)
class Detection:
    code: str | None  # None when the text is too short or too mixed to tell
    confidence: float  # share of the winning language among all matches, 0..1
    scores: dict[str, float]


# A few pages tell the language as well as a book: longer texts are sampled
# (start, middle, end), so a 300,000-character email costs milliseconds.
SAMPLE_CHARS = 12_000


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = len(text) // 2 - third // 2
    return "\n".join((text[:third], text[middle : middle + third], text[-third:]))


def detect_language(text: str, *, min_hits: int = 2) -> Detection:
    """Guess the language of *text*; code is None when it cannot be told.

    Quoted reply lines ("> ...") are ignored: a reply's language is the
    user's, not the quoted sender's.
    """
    own = _QUOTED_LINE.sub("", _sample(text)).lower().replace("’", "'")
    words = _WORD.findall(own)
    scores = {code: 0.0 for code in _STOPWORDS}
    for word in words:
        for code, stop in _STOPWORDS.items():
            # Elisions such as "l'équipe" count for French.
            if word in stop or (
                "'" in word
                and code == "fr"
                and word.split("'")[0] in {"l", "d", "j", "n", "qu", "c", "s", "m", "t"}
            ):
                scores[code] += 1.0
    for code, letters in _LETTERS.items():
        if letters:
            # A letter is weaker evidence than a word: names and loan words carry accents too.
            scores[code] += 0.5 * sum(own.count(ch) for ch in letters)
    total = sum(scores.values())
    best = max(scores, key=lambda c: scores[c])
    hits = scores[best]
    if hits < min_hits or total <= 0:
        return Detection(None, 0.0, scores)
    confidence = hits / total
    ranked = sorted(scores.values(), reverse=True)
    # A near tie means a mixed or ambiguous text: better to say so than to guess.
    if len(ranked) > 1 and ranked[1] >= 0.8 * ranked[0]:
        return Detection(None, confidence, scores)
    return Detection(best, confidence, scores)


def language_name(code: str) -> str:
    """The English name for the prompt; unknown codes are passed through as given."""
    return LANGUAGE_NAMES.get(code.lower(), code)


def language_instruction(text: str, chosen: str | None = None, *, min_hits: int = 2) -> str:
    """The sentence telling the model which language to write in.

    *chosen* is the user's pick (a code such as "fr", or a language name);
    without it the output keeps the input's language. Short texts such as a
    one-line instruction may pass min_hits=1.
    """
    if chosen:
        return f"Write the result in {language_name(chosen)}."
    detected = detect_language(text, min_hits=min_hits).code
    if detected:
        return f"Write the result in {language_name(detected)}, the language of the text."
    return "Write the result in the same language as the text."
