"""A long read-only text shown piece by piece, so the window answers while it fills.

A QPlainTextEdit takes about 2.5 ms per thousand lines to set (33,000 short
lines of a newsletter: 80 ms in one call). ReadOnlyText sets the first piece
at once and appends the others, each a few milliseconds, on later turns of
the event loop; the view stays where the reader is. A new text cancels the
pieces still waiting.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

PIECE_CHARS = 32 * 1024  # about 1,000 lines: a few milliseconds to append


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """*text* cut at line ends into pieces of about *size*; joined by line breaks, the text."""
    out = []
    start = 0
    while len(text) - start > size:
        cut = text.find("\n", start + size)
        if cut < 0:
            break
        out.append(text[start:cut])
        start = cut + 1
    out.append(text[start:])
    return out


class ReadOnlyText(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self._waiting: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._append_next)

    def set_text(self, text: str) -> None:
        """Show *text*: the first piece now, the rest on the next turns of the event loop."""
        first, *rest = pieces(text)
        self._waiting = rest[::-1]  # popped from the end
        self.setPlainText(first)
        if self._waiting:
            self._timer.start()

    def filling(self) -> bool:
        """Whether pieces are still waiting to be shown."""
        return bool(self._waiting)

    def _append_next(self) -> None:
        if not self._waiting:
            return
        cursor = QTextCursor(self.document())  # not the view's cursor: the view stays put
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("\n" + self._waiting.pop())
        if self._waiting:
            self._timer.start()
