"""What an assistant action works on, and whether that text is still there.

A Target is taken when the user asks (the whole body, or the selection) and
checked again when a suggestion is accepted. If the user has edited that
text in the meantime the suggestion must not overwrite it blindly; edits
elsewhere in the body only move the range.

Offsets are Python string indices. Qt counts UTF-16 code units, which differ
as soon as the text holds characters beyond the BMP (most emoji): convert
with qt_to_py / py_to_qt at the widget boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    original: str  # document[start:end] when the request was made
    document: str  # the whole body then: lets us tell edits elsewhere from edits here
    whole_body: bool

    @classmethod
    def whole(cls, document: str) -> Target:
        return cls(0, len(document), document, document, True)

    @classmethod
    def selection(cls, document: str, start: int, end: int) -> Target:
        """The range [start, end) of *document*; an empty range is the whole body."""
        start, end = sorted((max(0, start), min(len(document), end)))
        if start == end:
            return cls.whole(document)
        return cls.span(document, start, end)

    @classmethod
    def span(cls, document: str, start: int, end: int) -> Target:
        """Exactly [start, end) of *document*; empty means an insertion point."""
        start, end = sorted((max(0, start), min(len(document), end)))
        return cls(start, end, document[start:end], document, False)

    def locate(self, current: str) -> tuple[int, int] | None:
        """Where the target's text is in *current*, or None if it was edited.

        Intact means every edit since the snapshot lies on one side of the
        target: the body up to the target's end is unchanged (edits after
        it), or the body from the target's start on is (edits before it, so
        the range shifts). With edits on both sides the text must be unique
        to be found again; on doubt we ask rather than overwrite.
        """
        if current == self.document:
            return self.start, self.end
        if self.whole_body:
            return None
        if current.startswith(self.document[: self.end]):
            return self.start, self.end
        tail = self.document[self.start :]
        if current.endswith(tail):
            shift = len(current) - len(self.document)
            return self.start + shift, self.end + shift
        # Edits on both sides: found again only if the text occurs exactly
        # once then and now, so it cannot be another copy of the same words.
        if self.document.count(self.original) == 1 and current.count(self.original) == 1:
            start = current.index(self.original)
            return start, start + len(self.original)
        return None

    def after_edit(self, current: str) -> Target:
        """The range of *current* that this target's text became after an edit inside it.

        The text before the first changed character and after the last one is
        shared by both versions; the target keeps its place in those and grows
        or shrinks with the edit. A whole-body target stays whole.
        """
        if self.whole_body:
            return Target.whole(current)
        old = self.document
        prefix = 0
        limit = min(len(old), len(current))
        while prefix < limit and old[prefix] == current[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == current[-1 - suffix]:
            suffix += 1
        start = min(self.start, prefix)
        end = len(current) - min(len(old) - self.end, suffix)
        return Target.span(current, start, max(start, end))

    def is_stale(self, current: str) -> bool:
        """True when the target text was edited since the request was made."""
        return self.locate(current) is None

    def apply(self, current: str, replacement: str) -> str:
        """*current* with the target replaced; raises StaleTarget if it was edited."""
        where = self.locate(current)
        if where is None:
            raise StaleTarget()
        start, end = where
        return current[:start] + replacement + current[end:]


class StaleTarget(Exception):
    """The text the suggestion was made for has changed since."""

    def __str__(self) -> str:
        return (
            "You edited this text after asking the assistant, so the suggestion no "
            "longer fits it. Run the assistant again on the current text."
        )


# Characters beyond the Basic Multilingual Plane take two UTF-16 units in Qt
# and one index in Python. Most text has none: then positions are equal, and
# the regular expression finds that out at C speed (a 300,000-character email
# costs no Python loop).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def qt_to_py(text: str, qt_pos: int) -> int:
    """A Qt (UTF-16) position in *text* as a Python index."""
    extra = 0  # astral characters before the position
    for match in _ASTRAL.finditer(text):
        index = match.start()
        if index + extra >= qt_pos:
            break
        if index + extra + 1 == qt_pos:  # inside a surrogate pair: after the character
            return index + 1
        extra += 1
    return max(0, min(qt_pos - extra, len(text)))


def py_to_qt(text: str, index: int) -> int:
    """A Python index in *text* as a Qt (UTF-16) position."""
    return index + sum(1 for _ in _ASTRAL.finditer(text, 0, index))
