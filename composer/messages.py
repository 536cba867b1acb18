"""Sentences for the user from modules that must not import Qt.

A Qt-free module (mail, models, hardware, engine...) builds a UserMessage:
the English text with Qt's %1, %2 placeholders, its translation context, and
the values to put in. str() gives the English sentence (logs never get it:
messages can hold the user's data, so log the exception type instead); the
GUI shows ``composer.i18n.translated(message)``, the same sentence
in the user's language.

``user_message("Context", "Text %1")`` is what lupdate extracts (i18n.py
passes it as an alias of QT_TRANSLATE_NOOP), so both arguments must be
string literals at the call site; the values come with ``.arg(...)``. A value
may itself be a UserMessage (a reason inside a sentence): it is translated too,
or a Number, which the GUI writes as the user's language does ("2,5" in French).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(text: str, args: Sequence[str]) -> str:
    """*text* with %1..%N replaced by *args* in one pass (a value holding "%2" stays as is)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


@dataclass(frozen=True)
class Number:
    """A number in a sentence, written in the reader's language when shown (1,234.5 / 1 234,5)."""

    value: float
    places: int = 0

    def __str__(self) -> str:  # English: the log and the tests' language
        return f"{self.value:,.{self.places}f}"


@dataclass(frozen=True)
class DataSize:
    """A file or download size in a sentence (SI units), written in the reader's language."""

    size: float

    def __str__(self) -> str:  # English: 936.0 MB, 2.5 GB
        count = float(self.size)
        for unit in ("bytes", "KB", "MB", "GB"):
            if abs(count) < 1000:
                return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
            count /= 1000
        return f"{count:,.1f} TB"


@dataclass(frozen=True)
class UserMessage:
    context: str
    text: str  # English source text, as in the translation catalogue
    args: tuple[str | UserMessage | Number | DataSize, ...] = ()

    def arg(self, *values: object) -> UserMessage:
        """The message with its next placeholders filled by *values* (messages stay messages)."""
        kept = (UserMessage, Number, DataSize)
        added = tuple(v if isinstance(v, kept) else str(v) for v in values)
        return UserMessage(self.context, self.text, self.args + added)

    def __str__(self) -> str:
        return fill(self.text, [str(a) for a in self.args])


def user_message(context: str, text: str) -> UserMessage:
    """A sentence for the user; both arguments literal strings (lupdate reads them)."""
    return UserMessage(context, text)


class UserFacingError(Exception):
    """An error whose text is meant for the user, in any language the GUI speaks."""

    def __init__(self, message: UserMessage) -> None:
        super().__init__(str(message))
        self.message = message
