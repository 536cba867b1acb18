"""Putting an accepted suggestion into the message: one undo step, never blindly.

Only QtGui: the controller applies to the message's QTextDocument, and a
view that owns an editor moves its cursor afterwards.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from composer.assist.target import Target, py_to_qt


def apply_to_document(document: QTextDocument, target: Target, text: str) -> QTextCursor | None:
    """Replace *target* in *document* with *text* as exactly one undo step.

    Returns the cursor after the new text, or None (changing nothing) when
    the target's text was edited since the request. Never setPlainText(),
    which would clear the undo history.
    """
    current = document.toPlainText()
    where = target.locate(current)
    if where is None:
        return None
    start, end = (py_to_qt(current, i) for i in where)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    cursor.endEditBlock()
    return cursor
