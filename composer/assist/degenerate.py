"""Output gone wrong while it streams: loops, and the wrong language.

Small models sometimes repeat the same sentence or phrase forever; a
suggestion in another language than the one asked for is no suggestion.
Both are checked on the text as it streams, cheaply (the tail only), so the
assistant can stop early and say why instead of writing on.
"""

from __future__ import annotations

import re

from composer.assist.language import detect_language

TAIL_CHARS = 2000  # a loop shows in the last lines; never scan the whole text
_WORD = re.compile(r"\w+", re.UNICODE)


def find_loop(text: str, repeats: int = 3) -> str | None:
    """The phrase *text* ends by repeating *repeats* times in a row, or None.

    A phrase is 4 to 60 words; a repeated line of any length counts too
    ("Thanks!" three times is a loop, "very very very" is not).
    """
    tail = text[-TAIL_CHARS:]
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    if len(lines) >= repeats and len(set(lines[-repeats:])) == 1 and len(lines[-1]) > 3:
        return lines[-1]
    words = [w.lower() for w in _WORD.findall(tail)]
    for size in range(4, min(60, len(words) // repeats) + 1):
        last = words[-size:]
        if all(words[-size * (k + 1) : len(words) - size * k] == last for k in range(1, repeats)):
            return " ".join(last)
    return None


def language_mismatch(text: str, expected: str | None, min_chars: int = 160) -> str | None:
    """The language *text* is written in when it is clearly not *expected* (a code), else None."""
    if not expected or len(text) < min_chars:
        return None
    found = detect_language(text).code
    if found is None or found == expected:
        return None
    return found
