"""The user's language for sentences that Qt-free modules wrote in English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.messages import UserFacingError, UserMessage, fill


def translated(message: UserMessage | UserFacingError | BaseException | str) -> str:
    """The sentence in the installed language (English when it has no translation)."""
    if isinstance(message, UserFacingError):
        message = message.message
    if isinstance(message, UserMessage):
        values = [translated(a) for a in message.args]
        return fill(QCoreApplication.translate(message.context, message.text), values)
    return str(message)
