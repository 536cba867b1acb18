"""The message body: a plain-text editor that is no keyboard trap.

Tab and Shift+Tab move the focus like in every other field; Ctrl+Tab types
a tab character for those who want one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class MessageBody(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    @staticmethod
    def _is_ctrl_tab(event: QEvent) -> bool:
        # ShortcutOverride and KeyPress events reach Python as QKeyEvent.
        return (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        )

    def event(self, event: QEvent) -> bool:
        # Ctrl+Tab would otherwise be taken for focus changes or a shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and self._is_ctrl_tab(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and self._is_ctrl_tab(event):
            if not self.isReadOnly():
                self.insertPlainText("\t")
            return True
        return super().event(event)
