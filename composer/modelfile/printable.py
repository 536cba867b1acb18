"""Text from a model file, made fit to quote in a sentence for the user.

A model file is untrusted: its tensor names, metadata keys, architecture,
chat template and the lines llama.cpp writes about them can hold NUL bytes,
line breaks, bidirectional overrides or kilobytes of text. Quoted as they
are, they make a sentence of hundreds of lines or one that reads differently
from what it says. printable() is the one way such text enters a sentence.
"""

from __future__ import annotations

import unicodedata

NAME_CHARS = 60  # a tensor name, a metadata key, an architecture: the real ones are shorter
TITLE_CHARS = 100  # a file's or a model's name, shown as what it is called: still one line
LINE_CHARS = 300  # a whole line (llama.cpp's error, a template's refusal): enough to say why
MARK = "\ufffd"  # what stands for a character that cannot be shown
CUT = "…"

# Control (Cc), format (Cf: bidirectional overrides, zero-width characters),
# surrogate (Cs: undecodable bytes), private-use (Co), unassigned (Cn) and
# line or paragraph separators (Zl, Zp): none reads as what it is.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: object, limit: int = NAME_CHARS) -> str:
    """*text* cut to *limit* characters (then "…") with unshowable characters as U+FFFD.

    Bytes are read as UTF-8 (invalid bytes become U+FFFD too); anything else
    is str()-ed first.
    """
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text[: limit * 4 + 4]).decode("utf-8", "replace")
    shown = text if isinstance(text, str) else str(text)
    cut = len(shown) > limit
    if cut:
        shown = shown[:limit]
    if not shown.isprintable():  # fast path: most names are plain
        shown = "".join(
            MARK if ch != " " and unicodedata.category(ch) in _HIDDEN else ch for ch in shown
        )
    return shown + CUT if cut else shown
