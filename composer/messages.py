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
may itself be a UserMessage (a reason inside a sentence): it is translated too.
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
class UserMessage:
    context: str
    text: str  # English source text, as in the translation catalogue
    args: tuple[str | UserMessage, ...] = ()

    def arg(self, *values: object) -> UserMessage:
        """The message with its next placeholders filled by *values* (messages stay messages)."""
        added = tuple(v if isinstance(v, UserMessage) else str(v) for v in values)
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
