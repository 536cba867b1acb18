"""Text from someone else made safe to lay out: lines broken, length bounded.

Qt lays out one very long line slowly (a 200,000-character line took 2.6 s
in a QPlainTextEdit here, a 10 MB one did not finish in 150 s), while the same
text in short lines opens in milliseconds. A message or a link decides its
own line lengths, so every text the app did not write itself is passed
through these functions before a widget shows it: long lines are broken
(at a space near the limit when there is one), and text beyond a bound is
cut with a note by the caller. The text itself is never changed elsewhere:
the message keeps its body whole.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_LINE_CHARS", "Shown", "break_long_lines", "bounded"]

MAX_LINE_CHARS = 2_000  # lays out in well under a millisecond; longer than any real paragraph line
_LOOK_BACK = 200  # how far before the limit a space is looked for


def _pieces(line: str, width: int) -> list[str]:
    pieces = []
    while len(line) > width:
        cut = line.rfind(" ", width - _LOOK_BACK, width)
        cut = cut + 1 if cut > 0 else width  # keep the space at the end of the piece
        pieces.append(line[:cut].rstrip(" "))
        line = line[cut:]
    pieces.append(line)
    return pieces


def break_long_lines(text: str, width: int = MAX_LINE_CHARS, prefix: str = "") -> str:
    """*text* with every line longer than *width* broken into lines of at most *width*.

    A line is broken at a space in its last 200 characters before the limit,
    else at the limit. *prefix* starts each piece after the first (a quote's
    "> " on every line of a broken quoted line). Linear in the text's length.
    """
    if len(text) <= width:
        return text
    lines = text.split("\n")
    if all(len(line) <= width for line in lines):
        return text
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        first, *rest = _pieces(line, width)
        out.append(first)
        out.extend(prefix + piece for piece in rest)
    return "\n".join(out)


@dataclass(frozen=True)
class Shown:
    """What a widget may show of a text: *text*, and how much was left out (0: nothing)."""

    text: str
    left_out: int = 0


def bounded(text: str, limit: int) -> Shown:
    """*text* cut at *limit* characters (at a line end when one is near), with what was cut."""
    if len(text) <= limit:
        return Shown(text)
    cut = text.rfind("\n", limit - MAX_LINE_CHARS, limit)
    cut = cut if cut > 0 else limit
    return Shown(text[:cut], len(text) - cut)
