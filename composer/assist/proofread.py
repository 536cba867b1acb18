"""Proofreading results shaped like the W3C Proofreader API.

The model is only asked for the corrected text (small models follow that far
better than a JSON schema). The corrections are then derived here from a
word-level diff between input and output, and each one is labelled by rules
that are tested on their own: the labels never depend on the model's wording.

Indices are Python string indices into the input (the W3C API counts UTF-16
code units; convert at the GUI boundary if a widget needs those).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from composer.assist.review import Change, diff_words, splice


class CorrectionType(str, enum.Enum):
    # The CorrectionType values of the W3C Proofreader API.
    SPELLING = "spelling"
    PUNCTUATION = "punctuation"
    CAPITALIZATION = "capitalization"
    GRAMMAR = "grammar"


@dataclass(frozen=True)
class ProofreadCorrection:
    start_index: int
    end_index: int
    correction: str
    types: tuple[CorrectionType, ...]
    explanation: str
    original: str = ""  # the input's text in [start_index, end_index)


@dataclass(frozen=True)
class ProofreadResult:
    corrected_input: str
    corrections: tuple[ProofreadCorrection, ...]


# Short words whose changes are grammar (agreement, articles, tense), even
# when they look like a one-letter typo: "a" -> "an", "is" -> "are".
_FUNCTION_WORDS = frozenset(
    str.split(
        "a an the is are was were be been am has have had do does did this that these those "
        "its it's their there they're your you're to too two than then who whom whose "
        "le la les un une des du de au aux est sont a ont ai as ce cet cette ces son sa ses "
        "leur leurs se ne et ou où à"
    )
)

_LABELS: dict[str, dict[CorrectionType, str]] = {
    "en": {
        CorrectionType.SPELLING: "Spelling",
        CorrectionType.CAPITALIZATION: "Capitalisation",
        CorrectionType.PUNCTUATION: "Punctuation",
        CorrectionType.GRAMMAR: "Grammar",
    },
    "fr": {
        CorrectionType.SPELLING: "Orthographe",
        CorrectionType.CAPITALIZATION: "Majuscules",
        CorrectionType.PUNCTUATION: "Ponctuation",
        CorrectionType.GRAMMAR: "Grammaire",
    },
}
_SENTENCES: dict[str, dict[str, str]] = {
    "en": {
        "replaced": "{label}: “{new}” instead of “{old}”.",
        "typo": "{label}: “{old}” looks mistyped; the usual spelling is “{new}”.",
        "added": "{label}: added “{new}”.",
        "removed": "{label}: removed “{old}”.",
        "space_added": "Spacing: added a space.",
        "space_removed": "Spacing: removed extra space.",
    },
    "fr": {
        "replaced": "{label} : « {new} » au lieu de « {old} ».",
        "typo": "{label} : « {old} » semble mal tapé ; on écrit « {new} ».",
        "added": "{label} : ajout de « {new} ».",
        "removed": "{label} : suppression de « {old} ».",
        "space_added": "Espacement : espace ajoutée.",
        "space_removed": "Espacement : espace en trop supprimée.",
    },
}


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _punctuation(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "PS")


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (optimal string alignment): a swap costs 1."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _is_typo(old: str, new: str) -> bool:
    # One word each side, close in spelling: 1 edit for short words, 2 beyond.
    if not old or not new or not re.fullmatch(r"\w+", old) or not re.fullmatch(r"\w+", new):
        return False
    if old.lower() in _FUNCTION_WORDS and new.lower() in _FUNCTION_WORDS:
        return False
    allowed = 1 if max(len(old), len(new)) <= 4 else 2
    return edit_distance(old.lower(), new.lower()) <= allowed


def classify(old: str, new: str) -> tuple[CorrectionType, ...]:
    """The W3C correction types for replacing *old* by *new* (one or several)."""
    types: list[CorrectionType] = []
    old_letters, new_letters = _letters(old), _letters(new)
    if old_letters.lower() == new_letters.lower():
        if old_letters != new_letters:
            types.append(CorrectionType.CAPITALIZATION)
    elif _is_typo(old_letters, new_letters):
        types.append(CorrectionType.SPELLING)
        if old_letters[:1].isupper() != new_letters[:1].isupper():
            types.append(CorrectionType.CAPITALIZATION)
    else:
        types.append(CorrectionType.GRAMMAR)
    if _punctuation(old) != _punctuation(new) or (not types and old != new):
        # Also catches white-space-only fixes (a doubled space): spacing is
        # part of punctuation in the W3C list.
        types.append(CorrectionType.PUNCTUATION)
    return tuple(types)


def explain(
    old: str, new: str, types: tuple[CorrectionType, ...], language: str | None = None
) -> str:
    """A short sentence for the main type, in the input's language when we have it."""
    code = language if language in _SENTENCES else "en"
    sentences, labels = _SENTENCES[code], _LABELS[code]
    if not old.strip() and not new.strip():
        return sentences["space_added" if len(new) > len(old) else "space_removed"]
    main = types[0] if types else CorrectionType.GRAMMAR
    if not old.strip():
        key = "added"
    elif not new.strip():
        key = "removed"
    else:
        key = "typo" if main is CorrectionType.SPELLING else "replaced"
    return sentences[key].format(
        label=labels[main], old=" ".join(old.split()), new=" ".join(new.split())
    )


def _trim(change: Change) -> tuple[int, int, str]:
    # A word-level change may carry the space before the word ("␣soon"):
    # report the correction on the word itself when both sides share it.
    old, new = change.old_text, change.new_text
    start, end = change.start, change.end
    while old and new and old[0] == new[0] and old[0].isspace():
        old, new, start = old[1:], new[1:], start + 1
    while old and new and old[-1] == new[-1] and old[-1].isspace():
        old, new, end = old[:-1], new[:-1], end - 1
    return start, end, new


def proofread_result(
    original: str,
    corrected: str,
    language: str | None = None,
    changes: Iterable[Change] | None = None,
) -> ProofreadResult:
    """Corrections that turn *original* into *corrected*, labelled and explained.

    *changes* is diff_words(original, corrected, merge=False) when the caller
    already has it (the review redraws while tokens stream: diff once).
    """
    corrections = []
    if changes is None:
        changes = diff_words(original, corrected, merge=False)
    for change in changes:
        start, end, new = _trim(change)
        old = original[start:end]
        types = classify(old, new)
        corrections.append(
            ProofreadCorrection(start, end, new, types, explain(old, new, types, language), old)
        )
    return ProofreadResult(corrected, tuple(corrections))


def apply_corrections(original: str, corrections: Iterable[ProofreadCorrection]) -> str:
    """*original* with the given corrections applied (e.g. the ones the user kept)."""
    return splice(original, ((c.start_index, c.end_index, c.correction) for c in corrections))


def is_small_fix(old: str, new: str) -> bool:
    """True when replacing *old* by *new* is proofreading, not rewriting.

    Spelling, capitalisation, punctuation and spacing always are; grammar
    only when it stays within a few words and either touches a function word
    ("is" → "are", "a" → "an") or keeps the word recognisable ("has" → "have").
    Anything larger (a new phrase, another name) is a rewrite.
    """
    types = classify(old, new)
    if CorrectionType.GRAMMAR not in types:
        return True
    old_words, new_words = old.lower().split(), new.lower().split()
    if len(old_words) > 3 or len(new_words) > 3:
        return False
    if _FUNCTION_WORDS & (set(old_words) | set(new_words)):
        return True
    a, b = _letters(old).lower(), _letters(new).lower()
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return common >= 3 or edit_distance(a, b) <= 2
