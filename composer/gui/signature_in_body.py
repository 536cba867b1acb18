"""The account's signature in the message body, where the user sees and edits it.

A new message, reply or forward gets the From account's signature under the
room for the user's text and above the quote, after one "-- " line. Choosing
another account swaps the signature, as long as it is still as it was put
there (an edited one is the user's now and stays). A message holding nothing
but that signature is still an empty message: no draft is kept for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from composer.mail.accounts import Account
from composer.mail.outgoing import signature_block, with_signature


def _position(text: str, index: int) -> int:
    """The document position of *text*[index] (Qt counts UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def _untouched(text: str, block: str) -> int:
    """Where *block* stands in *text* as it was put there (nothing added to its lines); -1."""
    at = text.rfind(block) if block else -1
    if at < 0:
        return -1
    after = text[at + len(block) :]
    return at if after in ("", "\n") or after.startswith("\n\n") else -1


class SignatureInBody(QObject):
    def __init__(
        self,
        body: QPlainTextEdit,
        account: Callable[[], Account | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._body = body
        self._account = account
        self.block = ""  # the signature as this window put it in the body ("" = none)

    def _wanted(self) -> str:
        account = self._account()
        return signature_block(account.signature) if account is not None else ""

    def add(self) -> None:
        """A fresh message: the signature into the body, the cursor where the user writes."""
        block = self._wanted()
        if not block:
            return
        text = self._body.toPlainText()
        signed = with_signature(text, block)
        if self._body.document().isUndoAvailable():  # after Discard: its undo stays possible
            cursor = QTextCursor(self._body.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(signed)
        else:  # a fresh window: nothing to undo, and the signature is no step of the user's
            self._body.setPlainText(signed)
        self.block = block
        cursor = self._body.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)  # above it: where the user writes
        self._body.setTextCursor(cursor)

    def recognise(self) -> None:
        """A reopened draft: its signature, if still as the account has it, can be swapped."""
        block = self._wanted()
        self.block = block if block and block in self._body.toPlainText() else ""

    @Slot()
    def follow_account(self) -> None:
        """Another From account: its signature replaces ours, if ours is untouched."""
        wanted = self._wanted()
        text = self._body.toPlainText()
        at = _untouched(text, self.block)
        if wanted == self.block or (self.block and at < 0):
            return  # the same, or the user changed ours: theirs now
        cursor = QTextCursor(self._body.document())
        cursor.beginEditBlock()  # one undo step
        if at >= 0:
            cursor.setPosition(_position(text, at))
            cursor.setPosition(
                _position(text, at + len(self.block)), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText(wanted)
        elif wanted:  # none before: where a new message would have had it (above a quote)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(with_signature(text, wanted))
        cursor.endEditBlock()
        self.block = wanted

    def only_signature(self, body: str) -> bool:
        """Whether *body* holds nothing the user wrote: our signature alone, or nothing."""
        return not body.replace(self.block, "", 1).strip() if self.block else not body.strip()
